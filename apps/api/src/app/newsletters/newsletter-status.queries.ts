import type { NewsletterSendMode, NewsletterStatus } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '../common/update-returning.queries';

/**
 * The statements that change `newsletters.status`, each guarded by the statuses it may start
 * from. Only NewsletterStatusService calls them: it holds the allowed transitions.
 */

/** The send columns a schedule sets. */
export interface ScheduleColumns {
  mode: NewsletterSendMode;
  daysBefore: number | null;
  sendAt: Date;
  byId: string;
}

/** `from → scheduled` with the send time; false when the row was in none of `from`. */
export async function setScheduled(
  em: EntityManager,
  id: string,
  s: ScheduleColumns,
  from: readonly NewsletterStatus[],
): Promise<boolean> {
  const rows = await updateReturning<{ id: string }[]>(
    em,
    `UPDATE newsletters
        SET status = 'scheduled', send_mode = $2, days_before = $3, send_at = $4,
            scheduled_by_id = $5, updated_at = now()
      WHERE id = $1 AND status = ANY($6::text[])
      RETURNING id`,
    [id, s.mode, s.daysBefore, s.sendAt, s.byId, from],
  );
  return rows.length > 0;
}

/** Puts a scheduled row back to the status and send time it had before a schedule. */
export async function restoreScheduled(
  em: EntityManager,
  id: string,
  before: {
    status: NewsletterStatus;
    sendMode: NewsletterSendMode | null;
    daysBefore: number | null;
    sendAt: Date | null;
  },
): Promise<void> {
  await em.query(
    `UPDATE newsletters SET status = $2, send_mode = $3, days_before = $4, send_at = $5
      WHERE id = $1 AND status = 'scheduled'`,
    [id, before.status, before.sendMode, before.daysBefore, before.sendAt],
  );
}

/** A scheduled row's new send time; false when it is no longer scheduled. */
export async function setSendAt(em: EntityManager, id: string, sendAt: Date): Promise<boolean> {
  const rows = await updateReturning<{ id: string }[]>(
    em,
    `UPDATE newsletters SET send_at = $2, updated_at = now()
      WHERE id = $1 AND status = 'scheduled' RETURNING id`,
    [id, sendAt],
  );
  return rows.length > 0;
}

/**
 * `scheduled → draft` with the send time cleared; with `dueBy`, only when its time has come by
 * then. False when it was not (or no longer) so.
 */
export async function setDraftAgain(
  em: EntityManager,
  id: string,
  dueBy: Date | null,
): Promise<boolean> {
  const rows = await updateReturning<{ id: string }[]>(
    em,
    `UPDATE newsletters
        SET status = 'draft', send_mode = NULL, days_before = NULL, send_at = NULL,
            scheduled_by_id = NULL, updated_at = now()
      WHERE id = $1 AND status = 'scheduled'
        AND ($2::timestamptz IS NULL OR send_at IS NULL OR send_at <= $2::timestamptz)
      RETURNING id`,
    [id, dueBy],
  );
  return rows.length > 0;
}

/** `scheduled → sending` when its time has come by `notAfter`; false otherwise. */
export async function setSending(em: EntityManager, id: string, notAfter: Date): Promise<boolean> {
  const rows = await updateReturning<{ id: string }[]>(
    em,
    `UPDATE newsletters SET status = 'sending', sending_started_at = now(), updated_at = now()
      WHERE id = $1 AND status = 'scheduled' AND (send_at IS NULL OR send_at <= $2)
      RETURNING id`,
    [id, notAfter],
  );
  return rows.length > 0;
}

/**
 * `sending → sent | partly_failed` once no delivery is pending or sending; the new status, or
 * null when it is not done (or was finished already).
 */
export async function setFinished(
  em: EntityManager,
  id: string,
): Promise<NewsletterStatus.Sent | NewsletterStatus.PartlyFailed | null> {
  const rows = await updateReturning<
    { status: NewsletterStatus.Sent | NewsletterStatus.PartlyFailed }[]
  >(
    em,
    `UPDATE newsletters n
        SET status = CASE WHEN EXISTS (SELECT 1 FROM newsletter_deliveries d
                                        WHERE d.newsletter_id = n.id
                                          AND d.status IN ('failed', 'bounced'))
                          THEN 'partly_failed' ELSE 'sent' END,
            finished_at = now(), updated_at = now()
      WHERE n.id = $1 AND n.status = 'sending'
        AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d
                         WHERE d.newsletter_id = n.id AND d.status IN ('pending', 'sending'))
      RETURNING n.status`,
    [id],
  );
  return rows[0]?.status ?? null;
}
