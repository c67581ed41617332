import { Inject, Injectable } from '@nestjs/common';
import { CircleKind } from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { facilitatesEveryCircle } from '../access/circle-access-policy';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import {
  archiveDepartedCircles,
  circlesOfCohort,
  insertCircles,
  lockCohort,
  scheduleAheadFor,
  unarchiveCircles,
  villagesOfCohort,
} from './circles.queries';
import { SessionEvents } from './session-events';
import { roomUrl } from './session-rules';

/** Sessions a write touched, announced on the SessionEvents bus once it is committed. */
export interface SessionChanges {
  scheduled: string[];
  cancelled: string[];
  changed: string[];
}

export const noChanges = (): SessionChanges => ({ scheduled: [], cancelled: [], changed: [] });

export function mergeChanges(...all: SessionChanges[]): SessionChanges {
  return {
    scheduled: all.flatMap((c) => c.scheduled),
    cancelled: all.flatMap((c) => c.cancelled),
    changed: all.flatMap((c) => c.changed),
  };
}

/**
 * Keeps a cohort's circles in step with its villages: one village circle per village and one
 * coordinator circle, created on demand. A village that leaves keeps its circle (archived, with
 * its history) and loses its future sessions; one that comes back gets them again; a new one gets
 * sessions for the plan slots still ahead. Runs inside the caller's transaction.
 */
@Injectable()
export class CircleSync {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: SessionEvents,
  ) {}

  async syncCohort(
    em: EntityManager,
    cohortId: string,
    actor: Actor | null,
  ): Promise<SessionChanges> {
    await lockCohort(em, cohortId);
    const villages = await villagesOfCohort(em, cohortId);
    const circles = await circlesOfCohort(em, cohortId);
    const inCohort = new Set(villages.map((v) => v.id));
    const facilitatorId = actor && facilitatesEveryCircle(actor) ? actor.id : null;

    const toCreate = villages
      .filter((v) => !circles.some((c) => c.village_id === v.id))
      .map((v) => ({ kind: CircleKind.Village, villageId: v.id as string | null, name: v.name }));
    if (!circles.some((c) => c.kind === CircleKind.Coordinator)) {
      toCreate.push({ kind: CircleKind.Coordinator, villageId: null, name: 'koordinatorer' });
    }
    const created = toCreate.length
      ? await insertCircles(
          em,
          cohortId,
          facilitatorId,
          toCreate.map((c) => ({
            ...c,
            roomUrl: roomUrl(
              this.config.circles.meetingRoomBaseUrl,
              c.name,
              randomBytes(4).toString('hex'),
            ),
          })),
        )
      : [];

    const rejoined = circles
      .filter((c) => c.archived && c.village_id !== null && inCohort.has(c.village_id))
      .map((c) => c.id);
    // Sessions ahead that were cancelled because the village left come back.
    const restored = rejoined.length ? await unarchiveCircles(em, rejoined) : [];
    const cancelled = await archiveDepartedCircles(em);
    const joining = [...created, ...rejoined];
    const scheduled = joining.length ? await scheduleAheadFor(em, joining) : [];
    return { scheduled: [...scheduled, ...restored], cancelled, changed: [] };
  }

  /** Tells the followers of sessions (reminders) what changed; call after the commit. */
  async announce(changes: SessionChanges): Promise<void> {
    await this.events.emit({ kind: 'cancelled', sessionIds: changes.cancelled });
    await this.events.emit({ kind: 'scheduled', sessionIds: changes.scheduled });
    await this.events.emit({ kind: 'changed', sessionIds: changes.changed });
  }
}
