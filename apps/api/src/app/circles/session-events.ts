import { Injectable, Logger } from '@nestjs/common';

/**
 * What changed about sessions, for those who follow them (reminders, later newsletters):
 * - `scheduled`: new sessions, or sessions whose start time moved or that were restored;
 * - `cancelled`: sessions that will not be held;
 * - `changed`: anything else a reminder may quote (title, link, agenda).
 */
export interface SessionChange {
  kind: 'scheduled' | 'cancelled' | 'changed';
  sessionIds: string[];
}

export type SessionChangeListener = (change: SessionChange) => Promise<void>;

/**
 * A small in-process event bus between the circle services and the modules that follow
 * sessions, so the planning code does not depend on them. Emitted after the change is
 * committed; a listener's failure is logged, not thrown back to the person who made the change
 * (the reminder sweep on worker start catches up on anything missed).
 */
@Injectable()
export class SessionEvents {
  private readonly logger = new Logger(SessionEvents.name);
  private readonly listeners: SessionChangeListener[] = [];

  on(listener: SessionChangeListener): void {
    this.listeners.push(listener);
  }

  async emit(change: SessionChange): Promise<void> {
    if (!change.sessionIds.length) return;
    for (const listener of this.listeners) {
      try {
        await listener(change);
      } catch (error) {
        this.logger.error(
          `A session ${change.kind} listener failed for ${change.sessionIds.length} session(s): ${String(error)}`,
        );
      }
    }
  }
}
