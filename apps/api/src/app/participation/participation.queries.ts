import type {
  AttendanceRowDto,
  AttendanceStatus,
  CircleKind,
  RsvpAnswer,
  Role,
  SessionStatus,
} from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { facilitatesEveryCircle, type CircleRef } from '../access/circle-access-policy';
import { CIRCLE_REF_COLUMNS, type CircleRefColumns } from '../circles/circle-ref.queries';
import { readableCirclesWhere } from '../access/circle-visibility';
import type { SessionPageRow, SummaryRow } from './session-rows';

/**
 * The participation module's statements: the session page, answers and attendance (which it
 * owns: `session_rsvps`, `session_attendance`), and sessions seen from a person. Sessions are
 * aliased `s` and joined to their circle `c`, cohort `co` and village `v`.
 */

const SUMMARY_COLUMNS = `s.id, s.circle_id, c.kind AS circle_kind, co.name AS cohort_name,
       v.name AS village_name, s.title, s.phase, s.topic, s.starts_at, s.ends_at, s.status,
       s.meeting_url, c.room_url`;

const SUMMARY_JOINS = `JOIN circles c ON c.id = s.circle_id
  JOIN cohorts co ON co.id = c.cohort_id
  LEFT JOIN villages v ON v.id = c.village_id`;

/** Named parameters (`:name`) to PostgreSQL's positional ones. */
function namedQuery<T>(
  em: EntityManager,
  sql: string,
  params: Record<string, unknown>,
): Promise<T> {
  const [text, values] = em.connection.driver.escapeQueryWithParameters(sql, params);
  return em.query<T>(text, values);
}

// ---- The session page ----

/**
 * The session page in one statement, whatever the circle's size: the session, its circle's
 * facts for the access policy, the asker's answer and attendance, and the answer and attendance
 * counts over the circle's participants, aggregated in SQL.
 */
export async function loadSessionPage(
  em: EntityManager,
  sessionId: string,
  askerId: string,
): Promise<SessionPageRow | undefined> {
  const [row] = await em.query<SessionPageRow[]>(
    `SELECT ${SUMMARY_COLUMNS},
            s.plan_id, s.agenda, s.materials, s.notes, s.next_steps, s.sequence,
            c.village_id, ${CIRCLE_REF_COLUMNS},
            f.id AS facilitator_id, f.name AS facilitator_name, f.email AS facilitator_email,
            mr.answer AS my_rsvp, ma.status AS my_attendance, n.*
       FROM circle_sessions s
       ${SUMMARY_JOINS}
       LEFT JOIN users f ON f.id = c.facilitator_id
       LEFT JOIN session_rsvps mr ON mr.session_id = s.id AND mr.user_id = $2
       LEFT JOIN session_attendance ma ON ma.session_id = s.id AND ma.user_id = $2
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE cp.part = 'member')::int AS members,
                count(*) FILTER (WHERE r.answer = 'yes')::int AS rsvp_yes,
                count(*) FILTER (WHERE r.answer = 'no')::int AS rsvp_no,
                count(*) FILTER (WHERE r.answer = 'maybe')::int AS rsvp_maybe,
                count(*) FILTER (WHERE r.answer IS NULL)::int AS rsvp_none,
                count(*) FILTER (WHERE a.status = 'present')::int AS att_present,
                count(*) FILTER (WHERE a.status = 'absent')::int AS att_absent,
                count(*) FILTER (WHERE a.status = 'excused')::int AS att_excused,
                count(*) FILTER (WHERE a.status IS NULL)::int AS att_unrecorded
           FROM circle_participants cp
           LEFT JOIN session_rsvps r ON r.session_id = s.id AND r.user_id = cp.user_id
           LEFT JOIN session_attendance a ON a.session_id = s.id AND a.user_id = cp.user_id
          WHERE cp.circle_id = s.circle_id) n
      WHERE s.id = $1`,
    [sessionId, askerId],
  );
  return row;
}

/** The few facts a write checks: the session's state and its circle's facts for the policy. */
export type SessionFactsRow = {
  id: string;
  circle_id: string;
  status: SessionStatus;
  starts_at: Date;
  ends_at: Date;
  kind: CircleRef['kind'];
} & CircleRefColumns;

/** The session's facts; with `lock`, its row is locked for the rest of the transaction. */
export async function sessionFacts(
  em: EntityManager,
  sessionId: string,
  lock: boolean,
): Promise<SessionFactsRow | undefined> {
  const [row] = await em.query<SessionFactsRow[]>(
    `SELECT s.id, s.circle_id, s.status, s.starts_at, s.ends_at, c.kind, c.village_id,
            ${CIRCLE_REF_COLUMNS}
       FROM circle_sessions s
       JOIN circles c ON c.id = s.circle_id
       LEFT JOIN villages v ON v.id = c.village_id
      WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`,
    [sessionId],
  );
  return row;
}

/** The first of `userIds` (in order) who is not a participant of the circle, with their name. */
export async function firstOutsider(
  em: EntityManager,
  circleId: string,
  userIds: string[],
): Promise<{ id: string; name: string | null; position: number } | null> {
  if (!userIds.length) return null;
  const [row] = await em.query<{ id: string; name: string | null; position: string }[]>(
    `SELECT i.id, u.name, i.position
       FROM unnest($2::uuid[]) WITH ORDINALITY AS i(id, position)
       LEFT JOIN users u ON u.id = i.id
      WHERE NOT EXISTS (SELECT 1 FROM circle_participants cp
                         WHERE cp.circle_id = $1 AND cp.user_id = i.id)
      ORDER BY i.position
      LIMIT 1`,
    [circleId, userIds],
  );
  return row ? { id: row.id, name: row.name, position: Number(row.position) - 1 } : null;
}

/** People's names by id. */
export async function userNames(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await em.query<{ id: string; name: string }[]>(
    `SELECT id, name FROM users WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((u) => [u.id, u.name]));
}

export async function saveRsvp(
  em: EntityManager,
  sessionId: string,
  userId: string,
  answer: RsvpAnswer,
): Promise<void> {
  await em.query(
    `INSERT INTO session_rsvps (session_id, user_id, answer, answered_at)
     VALUES ($1, $2, $3, now())
     ON CONFLICT (session_id, user_id)
     DO UPDATE SET answer = EXCLUDED.answer, answered_at = now()`,
    [sessionId, userId, answer],
  );
}

/** Records attendance for these people, replacing what was recorded before. */
export async function saveAttendance(
  em: EntityManager,
  sessionId: string,
  entries: readonly { userId: string; status: AttendanceStatus }[],
  recordedById: string,
): Promise<void> {
  await em.query(
    `INSERT INTO session_attendance (session_id, user_id, status, recorded_by_id, recorded_at)
     SELECT $1, e.user_id, e.status, $4, now()
       FROM unnest($2::uuid[], $3::varchar[]) AS e(user_id, status)
     ON CONFLICT (session_id, user_id)
     DO UPDATE SET status = EXCLUDED.status, recorded_by_id = EXCLUDED.recorded_by_id,
                   recorded_at = now()`,
    [sessionId, entries.map((e) => e.userId), entries.map((e) => e.status), recordedById],
  );
}

export interface AttendanceRow {
  id: string;
  name: string;
  email: string;
  part: 'member' | 'guest';
  answer: RsvpAnswer | null;
  status: AttendanceRowDto['status'];
  total: number;
}

/** A page of the circle's people with their answer and attendance at the session, by name. */
export async function attendanceRows(
  em: EntityManager,
  circleId: string,
  sessionId: string,
  take: number,
  skip: number,
): Promise<AttendanceRow[]> {
  return em.query<AttendanceRow[]>(
    `SELECT u.id, u.name, u.email, cp.part, r.answer, a.status, count(*) OVER ()::int AS total
       FROM circle_participants cp
       JOIN users u ON u.id = cp.user_id
       LEFT JOIN session_rsvps r ON r.session_id = $2 AND r.user_id = cp.user_id
       LEFT JOIN session_attendance a ON a.session_id = $2 AND a.user_id = cp.user_id
      WHERE cp.circle_id = $1
      ORDER BY u.name, u.id
      LIMIT $3 OFFSET $4`,
    [circleId, sessionId, take, skip],
  );
}

export async function participantCount(em: EntityManager, circleId: string): Promise<number> {
  const [row] = await em.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM circle_participants WHERE circle_id = $1`,
    [circleId],
  );
  return row.n;
}

// ---- Sessions seen from a person ----

export type Part = 'member' | 'guest';

export type MySessionRow = SummaryRow & { part: Part | null; total: number };

/**
 * The sessions of the circles the actor takes part in (for the secretariat: the circles they
 * lead), with the actor's answer and the number of rows in all, as SQL with the named
 * parameter `:actorId` (and whatever `conditions` and `limit` name).
 */
function sessionsSql(actor: Actor, conditions: string[], order: string, limit: string): string {
  const secretariat = facilitatesEveryCircle(actor);
  return `SELECT ${SUMMARY_COLUMNS}, r.answer AS my_rsvp,
            ${secretariat ? 'NULL' : 'cp.part'} AS part, count(*) OVER ()::int AS total
       FROM circle_sessions s
       ${SUMMARY_JOINS}
       ${
         secretariat
           ? ''
           : 'JOIN circle_participants cp ON cp.circle_id = s.circle_id AND cp.user_id = :actorId'
       }
       LEFT JOIN session_rsvps r ON r.session_id = s.id AND r.user_id = :actorId
      WHERE ${[secretariat ? 'c.facilitator_id = :actorId' : 'TRUE', ...conditions].join(' AND ')}
      ORDER BY ${order}
      ${limit}`;
}

/**
 * Upcoming (not yet ended, soonest first) or past (newest first) sessions. With `byTitle`, only
 * titles matching the LIKE pattern `q`.
 */
export function mySessionRows(
  em: EntityManager,
  actor: Actor,
  filter: { upcoming: boolean; byTitle: boolean },
  params: { q: string | null; take: number; skip: number },
): Promise<MySessionRow[]> {
  const conditions = [filter.upcoming ? 's.ends_at > now()' : 's.ends_at <= now()'];
  if (filter.byTitle) conditions.push('s.title ILIKE :q');
  const order = filter.upcoming ? 's.starts_at ASC, s.id ASC' : 's.starts_at DESC, s.id ASC';
  return namedQuery(em, sessionsSql(actor, conditions, order, 'LIMIT :take OFFSET :skip'), {
    ...params,
    actorId: actor.id,
  });
}

/**
 * The actor's next session that is neither over nor cancelled, as SQL for one row with the named
 * parameter `:actorId` (the home page folds it into its one statement).
 */
export function nextSessionSql(actor: Actor): string {
  return sessionsSql(
    actor,
    ['s.ends_at > now()', "s.status <> 'cancelled'"],
    's.starts_at ASC, s.id ASC',
    'LIMIT 1',
  );
}

/** The actor's next session that is neither over nor cancelled. */
export async function nextSessionRow(
  em: EntityManager,
  actor: Actor,
): Promise<MySessionRow | undefined> {
  const [row] = await namedQuery<MySessionRow[]>(em, nextSessionSql(actor), { actorId: actor.id });
  return row;
}

export async function personFacts(
  em: EntityManager,
  personId: string,
): Promise<
  { id: string; role: Role; municipality_id: string | null; village_id: string | null } | undefined
> {
  const [person] = await em.query<
    { id: string; role: Role; municipality_id: string | null; village_id: string | null }[]
  >(`SELECT id, role, municipality_id, village_id FROM users WHERE id = $1`, [personId]);
  return person;
}

export interface HistoryRow {
  id: string;
  title: string;
  starts_at: Date;
  kind: CircleKind;
  village_name: string | null;
  session_status: SessionStatus;
  status: AttendanceStatus | null;
  total: number;
}

/**
 * A person's attendance over the sessions that have started (cancelled ones left out) in the
 * circles they take part in or were recorded at, limited to circles the actor may read.
 * Newest first.
 */
export function attendanceHistoryRows(
  em: EntityManager,
  actor: Actor,
  personId: string,
  limit: number,
  offset: number,
): Promise<HistoryRow[]> {
  const readable = readableCirclesWhere(actor, 'c');
  return namedQuery(
    em,
    `SELECT s.id, s.title, s.starts_at, c.kind, v.name AS village_name, s.status AS session_status,
            a.status, count(*) OVER ()::int AS total
       FROM circle_sessions s
       JOIN circles c ON c.id = s.circle_id
       LEFT JOIN villages v ON v.id = c.village_id
       LEFT JOIN session_attendance a ON a.session_id = s.id AND a.user_id = :personId
      WHERE s.starts_at <= now() AND s.status <> 'cancelled'
        AND (a.user_id IS NOT NULL OR EXISTS (
              SELECT 1 FROM circle_participants pp
               WHERE pp.circle_id = c.id AND pp.user_id = :personId))
        AND ${readable.sql}
      ORDER BY s.starts_at DESC, s.id ASC
      LIMIT ${limit} OFFSET ${offset}`,
    { ...readable.params, personId },
  );
}

export async function villageCircleIds(em: EntityManager, villageId: string): Promise<string[]> {
  const rows = await em.query<{ id: string }[]>(
    `SELECT id FROM circles WHERE village_id = $1 AND kind = 'village'`,
    [villageId],
  );
  return rows.map((r) => r.id);
}

export interface VillageAttendanceDbRow {
  id: string;
  name: string;
  email: string;
  part: Part;
  present: number;
  absent: number;
  excused: number;
  held: number;
  total: number;
}

/**
 * Per member and guest of the circles: how often present, absent and excused across their held
 * sessions, sorted by name.
 */
export function villageAttendanceRows(
  em: EntityManager,
  circleIds: string[],
  limit: number,
  offset: number,
): Promise<VillageAttendanceDbRow[]> {
  return namedQuery(
    em,
    `WITH held AS (
       SELECT id FROM circle_sessions WHERE circle_id = ANY(:circleIds::uuid[]) AND status = 'held'
     ), people AS (
       SELECT DISTINCT ON (cp.user_id) cp.user_id, cp.part
         FROM circle_participants cp
        WHERE cp.circle_id = ANY(:circleIds::uuid[])
        ORDER BY cp.user_id, cp.part DESC
     )
     SELECT u.id, u.name, u.email, p.part,
            count(*) FILTER (WHERE a.status = 'present')::int AS present,
            count(*) FILTER (WHERE a.status = 'absent')::int AS absent,
            count(*) FILTER (WHERE a.status = 'excused')::int AS excused,
            (SELECT count(*) FROM held)::int AS held,
            count(*) OVER ()::int AS total
       FROM people p
       JOIN users u ON u.id = p.user_id
       LEFT JOIN session_attendance a
         ON a.user_id = p.user_id AND a.session_id IN (SELECT id FROM held)
      GROUP BY u.id, u.name, u.email, p.part
      ORDER BY u.name, u.id
      LIMIT ${limit} OFFSET ${offset}`,
    { circleIds },
  );
}

/**
 * Which of these goals and initiatives belong to the village, with their titles: what a next
 * step may point at (reading the goals' and initiatives' tables, which their modules own).
 */
export async function villageStepTargets(
  em: EntityManager,
  villageId: string | null,
  goalIds: string[],
  initiativeIds: string[],
): Promise<Map<string, string>> {
  if (!villageId || (!goalIds.length && !initiativeIds.length)) return new Map();
  const rows = await em.query<{ key: string; title: string }[]>(
    `SELECT 'goal:' || id AS key, title FROM village_goals
      WHERE village_id = $1 AND id = ANY ($2::uuid[])
     UNION ALL
     SELECT 'initiative:' || id AS key, title FROM initiatives
      WHERE village_id = $1 AND id = ANY ($3::uuid[])`,
    [villageId, goalIds, initiativeIds],
  );
  return new Map(rows.map((row) => [row.key, row.title]));
}
