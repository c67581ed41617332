import type { CircleKind, NextStep, SessionStatus } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { updateReturning } from '../common/update-returning.queries';
import { readableCirclesSql } from '../access/circle-visibility';
import type { SessionContentFields } from './session-content';
import type { ExistingSession } from './session-rules';

/** The statements behind planning, changing and cancelling sessions and recording their outcome. */

/** Locks the cohort's live circles (in id order, so concurrent writers cannot deadlock). */
export async function lockCohortCircles(
  em: EntityManager,
  cohortId: string,
): Promise<{ id: string; kind: CircleKind }[]> {
  return em.query(
    `SELECT id, kind FROM circles WHERE cohort_id = $1 AND archived_at IS NULL
      ORDER BY id FOR UPDATE`,
    [cohortId],
  );
}

export async function lockCircles(em: EntityManager, circleIds: string[]): Promise<void> {
  await em.query(`SELECT id FROM circles WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
    circleIds,
  ]);
}

/** Non-cancelled sessions of these circles that touch the window of the given spans. */
export async function sessionsBetween(
  em: EntityManager,
  circleIds: string[],
  spans: readonly { startsAt: Date; endsAt: Date }[],
): Promise<ExistingSession[]> {
  if (!circleIds.length || !spans.length) return [];
  const from = new Date(Math.min(...spans.map((s) => s.startsAt.getTime())));
  const to = new Date(Math.max(...spans.map((s) => s.endsAt.getTime())));
  const rows = await em.query<
    { id: string; circle_id: string; title: string; starts_at: Date; ends_at: Date }[]
  >(
    `SELECT id, circle_id, title, starts_at, ends_at FROM circle_sessions
      WHERE circle_id = ANY($1::uuid[]) AND status <> 'cancelled'
        AND ends_at > $2 AND starts_at < $3
      ORDER BY starts_at`,
    [circleIds, from, to],
  );
  return rows.map((r) => ({
    id: r.id,
    circleId: r.circle_id,
    title: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
  }));
}

/** The lessons among these ids that exist. */
export async function knownLessonIds(em: EntityManager, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await em.query<{ id: string }[]>(
    `SELECT id FROM lessons WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Set(rows.map((r) => r.id));
}

/** The plan's sessions still planned. */
export async function plannedSessionsOf(
  em: EntityManager,
  planId: string,
): Promise<{ id: string; circle_id: string; times_adjusted: boolean }[]> {
  return em.query(
    `SELECT id, circle_id, times_adjusted FROM circle_sessions
      WHERE plan_id = $1 AND status = 'planned'`,
    [planId],
  );
}

/**
 * Carries a plan slot's new times and content to its planned sessions, except where a session's
 * own times or content were adjusted; the sessions changed.
 */
export async function followPlan(
  em: EntityManager,
  planId: string,
  change: {
    timesChanged: boolean;
    contentChanged: boolean;
    startsAt: Date;
    endsAt: Date;
    content: SessionContentFields;
  },
): Promise<{ id: string; times_adjusted: boolean }[]> {
  const { content } = change;
  return updateReturning(
    em,
    `UPDATE circle_sessions SET
        starts_at = CASE WHEN $2 AND NOT times_adjusted THEN $4::timestamptz ELSE starts_at END,
        ends_at = CASE WHEN $2 AND NOT times_adjusted THEN $5::timestamptz ELSE ends_at END,
        title = CASE WHEN $3 AND NOT content_adjusted THEN $6 ELSE title END,
        phase = CASE WHEN $3 AND NOT content_adjusted THEN $7 ELSE phase END,
        topic = CASE WHEN $3 AND NOT content_adjusted THEN $8 ELSE topic END,
        agenda = CASE WHEN $3 AND NOT content_adjusted THEN $9::jsonb ELSE agenda END,
        materials = CASE WHEN $3 AND NOT content_adjusted THEN $10::jsonb ELSE materials END,
        sequence = sequence + 1, updated_at = now()
      WHERE plan_id = $1 AND status = 'planned'
        AND (($2 AND NOT times_adjusted) OR ($3 AND NOT content_adjusted))
      RETURNING id, times_adjusted`,
    [
      planId,
      change.timesChanged,
      change.contentChanged,
      change.startsAt,
      change.endsAt,
      content.title,
      content.phase,
      content.topic,
      JSON.stringify(content.agenda),
      JSON.stringify(content.materials),
    ],
  );
}

/** Cancels the planned sessions of a plan slot, or one planned session; the ids cancelled. */
export async function cancelPlanned(
  em: EntityManager,
  which: { planId: string } | { sessionId: string },
): Promise<string[]> {
  const [column, id] = 'planId' in which ? ['plan_id', which.planId] : ['id', which.sessionId];
  const rows = await updateReturning<{ id: string }[]>(
    em,
    `UPDATE circle_sessions
        SET status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now()
      WHERE ${column} = $1 AND status = 'planned'
      RETURNING id`,
    [id],
  );
  return rows.map((r) => r.id);
}

/** The session's status, its row locked for the rest of the transaction. */
export async function lockSessionStatus(
  em: EntityManager,
  sessionId: string,
): Promise<SessionStatus | undefined> {
  const [row] = await em.query<{ status: SessionStatus }[]>(
    `SELECT status FROM circle_sessions WHERE id = $1 FOR UPDATE`,
    [sessionId],
  );
  return row?.status;
}

/** The circle, whether it is archived, and whether the actor may read it. */
export async function circleForWrite(
  em: EntityManager,
  actor: Actor,
  circleId: string,
): Promise<{ id: string; archived: boolean; readable: boolean } | undefined> {
  const [row] = await em.query<{ id: string; archived: boolean; readable: boolean }[]>(
    `SELECT c.id, c.archived_at IS NOT NULL AS archived,
            ${readableCirclesSql(actor, 'c', '$2')} AS readable
       FROM circles c WHERE c.id = $1`,
    [circleId, actor.id],
  );
  return row;
}

/** The session's circle, whether it is archived, and whether the actor may read it. */
export async function sessionForWrite(
  em: EntityManager,
  actor: Actor,
  sessionId: string,
): Promise<{ circle_id: string; archived: boolean; readable: boolean } | undefined> {
  const [row] = await em.query<{ circle_id: string; archived: boolean; readable: boolean }[]>(
    `SELECT s.circle_id, c.archived_at IS NOT NULL AS archived,
            ${readableCirclesSql(actor, 'c', '$2')} AS readable
       FROM circle_sessions s JOIN circles c ON c.id = s.circle_id WHERE s.id = $1`,
    [sessionId, actor.id],
  );
  return row;
}

/** What a session summary says about its circle. */
export async function circleLabels(
  em: EntityManager,
  circleId: string,
): Promise<{
  kind: CircleKind;
  cohort_name: string;
  village_name: string | null;
  room_url: string | null;
}> {
  const [row] = await em.query<
    {
      kind: CircleKind;
      cohort_name: string;
      village_name: string | null;
      room_url: string | null;
    }[]
  >(
    `SELECT c.kind, co.name AS cohort_name, v.name AS village_name, c.room_url
       FROM circles c JOIN cohorts co ON co.id = c.cohort_id
       LEFT JOIN villages v ON v.id = c.village_id WHERE c.id = $1`,
    [circleId],
  );
  return row;
}

// ---- The outcome, written for participation ----

/** A planned session becomes held. (Held does not change the calendar entry: no new sequence.) */
export async function markHeld(em: EntityManager, sessionId: string): Promise<void> {
  await em.query(
    `UPDATE circle_sessions SET status = 'held', updated_at = now()
      WHERE id = $1 AND status = 'planned'`,
    [sessionId],
  );
}

/** Sets the notes and next steps given; null leaves one as it is. */
export async function writeOutcome(
  em: EntityManager,
  sessionId: string,
  notes: string | null,
  nextSteps: NextStep[] | null,
): Promise<void> {
  await em.query(
    `UPDATE circle_sessions
        SET notes = COALESCE($2, notes),
            next_steps = COALESCE($3::jsonb, next_steps),
            updated_at = now()
      WHERE id = $1`,
    [sessionId, notes, nextSteps ? JSON.stringify(nextSteps) : null],
  );
}
