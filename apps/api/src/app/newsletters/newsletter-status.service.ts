import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NewsletterStatus } from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Newsletter } from '../database/entities/newsletters';
import { NewsletterLifecycle } from './newsletter-ports';
import {
  restoreScheduled,
  setDraftAgain,
  setFinished,
  setScheduled,
  setSending,
  setSendAt,
  type ScheduleColumns,
} from './newsletter-status.queries';

/**
 * The newsletter's state machine: from each status, the statuses it may move to. A draft is
 * scheduled; a scheduled one is re-timed, taken back to draft or starts sending; sending ends
 * sent or partly failed, and those are final.
 */
export const NEWSLETTER_TRANSITIONS: Readonly<
  Record<NewsletterStatus, readonly NewsletterStatus[]>
> = {
  [NewsletterStatus.Draft]: [NewsletterStatus.Scheduled],
  [NewsletterStatus.Scheduled]: [
    NewsletterStatus.Scheduled,
    NewsletterStatus.Draft,
    NewsletterStatus.Sending,
  ],
  [NewsletterStatus.Sending]: [NewsletterStatus.Sent, NewsletterStatus.PartlyFailed],
  [NewsletterStatus.Sent]: [],
  [NewsletterStatus.PartlyFailed]: [],
};

export function mayMove(from: NewsletterStatus, to: NewsletterStatus): boolean {
  return NEWSLETTER_TRANSITIONS[from].includes(to);
}

/** The statuses a newsletter may be in to move to `to`. */
export function statusesBefore(to: NewsletterStatus): NewsletterStatus[] {
  return (Object.keys(NEWSLETTER_TRANSITIONS) as NewsletterStatus[]).filter((from) =>
    mayMove(from, to),
  );
}

/**
 * The one writer of `newsletters.status`. Each move is one guarded UPDATE, so a move that races
 * another (a schedule against a send, an unschedule against a start) changes nothing and says
 * so (false or null) instead of overwriting. Writing, scheduling and the delivery module (through
 * the NewsletterLifecycle port) all come here.
 */
@Injectable()
export class NewsletterStatusService extends NewsletterLifecycle {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  private em(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  /** `draft | scheduled → scheduled` with the send time; false if it had moved on. */
  schedule(id: string, send: ScheduleColumns, em?: EntityManager): Promise<boolean> {
    return setScheduled(this.em(em), id, send, statusesBefore(NewsletterStatus.Scheduled));
  }

  /**
   * Undoes a schedule whose job could not be queued: back to the status and send time it had
   * (a draft, or the earlier schedule), so the state never says "scheduled" without a job.
   */
  async undoSchedule(
    before: Pick<Newsletter, 'id' | 'status' | 'sendMode' | 'daysBefore' | 'sendAt'>,
    em?: EntityManager,
  ): Promise<void> {
    // Only back to a status it was scheduled from (and may return to): draft or scheduled.
    if (
      !mayMove(before.status, NewsletterStatus.Scheduled) ||
      !mayMove(NewsletterStatus.Scheduled, before.status)
    ) {
      throw new Error(`A schedule cannot be undone to ${before.status}`);
    }
    await restoreScheduled(this.em(em), before.id, before);
  }

  /** A scheduled newsletter's new send time (`scheduled → scheduled`); false if not scheduled. */
  retime(id: string, sendAt: Date, em?: EntityManager): Promise<boolean> {
    return setSendAt(this.em(em), id, sendAt);
  }

  /**
   * `scheduled → draft`, the send time cleared (taken off the schedule, its sessions cancelled,
   * or nobody left to send to). With `dueBy`, only if its time had come by then. False when it
   * was not scheduled (or not due).
   */
  backToDraft(id: string, dueBy: Date | null = null, em?: EntityManager): Promise<boolean> {
    return setDraftAgain(this.em(em), id, dueBy);
  }

  backToDraftWithoutAudience(newsletterId: string, notAfter: Date): Promise<boolean> {
    return this.backToDraft(newsletterId, notAfter);
  }

  startSending(newsletterId: string, notAfter: Date, em: EntityManager): Promise<boolean> {
    return setSending(em, newsletterId, notAfter);
  }

  finishIfDone(
    newsletterId: string,
  ): Promise<NewsletterStatus.Sent | NewsletterStatus.PartlyFailed | null> {
    return setFinished(this.em(), newsletterId);
  }
}
