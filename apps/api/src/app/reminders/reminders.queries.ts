import { SessionStatus, type Locale } from '@blup/contracts';
import type { EntityManager } from 'typeorm';

/**
 * The reminders module's statements: who gets a session's reminder or cancellation, the
 * once-per-person claims it owns (`session_reminders`, `session_cancel_notices`), and the
 * session times the producer schedules by.
 */

export interface Participant {
  id: string;
  email: string;
  name: string;
  locale: Locale;
}

/** The circle's participants who have not had the reminder for this start time. */
export function reminderRecipients(
  em: EntityManager,
  session: { id: string; circleId: string; startsAt: Date },
): Promise<Participant[]> {
  return em.query<Participant[]>(
    `SELECT DISTINCT u.id, u.email, u.name, u.locale
       FROM circle_participants cp
       JOIN users u ON u.id = cp.user_id
      WHERE cp.circle_id = $1
        AND NOT EXISTS (SELECT 1 FROM session_reminders r
                         WHERE r.session_id = $2 AND r.user_id = u.id AND r.starts_at = $3)`,
    [session.circleId, session.id, session.startsAt],
  );
}

/**
 * Everyone who was told about the session (its circle's participants, and anyone who answered
 * or got its reminder) and has not had this cancellation (this SEQUENCE); disabled people left out.
 */
export function cancellationRecipients(
  em: EntityManager,
  session: { id: string; circleId: string; sequence: number },
): Promise<Participant[]> {
  return em.query<Participant[]>(
    `SELECT u.id, u.email, u.name, u.locale
       FROM users u
      WHERE u.disabled_at IS NULL
        AND u.id IN (SELECT cp.user_id FROM circle_participants cp WHERE cp.circle_id = $1
                     UNION SELECT r.user_id FROM session_rsvps r WHERE r.session_id = $2
                     UNION SELECT m.user_id FROM session_reminders m WHERE m.session_id = $2)
        AND NOT EXISTS (SELECT 1 FROM session_cancel_notices n
                         WHERE n.session_id = $2 AND n.user_id = u.id AND n.sequence = $3)`,
    [session.circleId, session.id, session.sequence],
  );
}

/** Claims the person's reminder for this start time; false when it was claimed already. */
export async function claimReminder(
  em: EntityManager,
  sessionId: string,
  userId: string,
  startsAt: Date,
): Promise<boolean> {
  const inserted = await em.query<unknown[]>(
    `INSERT INTO session_reminders (session_id, user_id, starts_at) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING user_id`,
    [sessionId, userId, startsAt],
  );
  return inserted.length > 0;
}

/** Claims the person's cancellation notice for this SEQUENCE; false when claimed already. */
export async function claimCancelNotice(
  em: EntityManager,
  sessionId: string,
  userId: string,
  sequence: number,
): Promise<boolean> {
  const inserted = await em.query<unknown[]>(
    `INSERT INTO session_cancel_notices (session_id, user_id, sequence) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING user_id`,
    [sessionId, userId, sequence],
  );
  return inserted.length > 0;
}

export interface SessionTiming {
  id: string;
  starts_at: Date;
  status: SessionStatus;
}

/** Of these sessions, the cancelled ones that have not ended, with their SEQUENCE. */
export function cancelledAhead(
  em: EntityManager,
  sessionIds: readonly string[],
): Promise<{ id: string; sequence: number }[]> {
  return em.query(
    `SELECT id, sequence FROM circle_sessions
      WHERE id = ANY($1::uuid[]) AND status = $2 AND ends_at > now()`,
    [sessionIds, SessionStatus.Cancelled],
  );
}

export function sessionTimings(
  em: EntityManager,
  sessionIds: readonly string[],
): Promise<SessionTiming[]> {
  return em.query(`SELECT id, starts_at, status FROM circle_sessions WHERE id = ANY($1::uuid[])`, [
    sessionIds,
  ]);
}

/** Every planned session still to start, soonest first. */
export function plannedAhead(em: EntityManager): Promise<SessionTiming[]> {
  return em.query(
    `SELECT id, starts_at, status FROM circle_sessions
      WHERE status = $1 AND starts_at > now()
      ORDER BY starts_at`,
    [SessionStatus.Planned],
  );
}
