import {
  Role,
  type AgendaItem,
  type CircleKind,
  type Material,
  type Phase,
  type PlanSessionDto,
  type RsvpAnswer,
  type SessionStatus,
} from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { facilitatesEveryCircle, type CircleRef } from '../access/circle-access-policy';
import { updateReturning } from '../common/update-returning.queries';
import { CIRCLE_REF_COLUMNS, circleRefOf, type CircleRefColumns } from './circle-ref.queries';
import { readableCirclesSql } from '../access/circle-visibility';

/**
 * The circles module's reads of circles, plans and the cohort grid, and its writes to `circles`
 * and the room-driven `circle_sessions` bumps. Statements for planning single sessions live in
 * session-planning.queries.ts.
 */

export interface CircleRow {
  id: string;
  kind: CircleKind;
  cohort_id: string;
  cohort_name: string;
  village_id: string | null;
  village_name: string | null;
  municipality_name: string | null;
  facilitator_id: string | null;
  facilitator_name: string | null;
  facilitator_email: string | null;
  room_url: string | null;
  archived: boolean;
  member_count: number;
  next_id: string | null;
  next_title: string | null;
  next_starts_at: Date | null;
  next_ends_at: Date | null;
  next_status: SessionStatus | null;
  held: number;
  recorded: number;
  present: number;
}

const CIRCLE_COLUMNS = `
         c.id, c.kind, c.cohort_id, co.name AS cohort_name, c.village_id, v.name AS village_name,
         m.name AS municipality_name, c.facilitator_id, f.name AS facilitator_name,
         f.email AS facilitator_email, c.room_url, c.archived_at IS NOT NULL AS archived,
         (SELECT count(*)::int FROM circle_participants cp
           WHERE cp.circle_id = c.id AND cp.part = 'member') AS member_count,
         nx.id AS next_id, nx.title AS next_title, nx.starts_at AS next_starts_at,
         nx.ends_at AS next_ends_at, nx.status AS next_status,
         att.held, att.recorded, att.present`;

const CIRCLE_FROM = `
    FROM circles c
    JOIN cohorts co ON co.id = c.cohort_id
    LEFT JOIN villages v ON v.id = c.village_id
    LEFT JOIN municipalities m ON m.id = v.municipality_id
    LEFT JOIN users f ON f.id = c.facilitator_id
    LEFT JOIN LATERAL (
      SELECT s.id, s.title, s.starts_at, s.ends_at, s.status FROM circle_sessions s
       WHERE s.circle_id = c.id AND s.status <> 'cancelled' AND s.ends_at > now()
       ORDER BY s.starts_at, s.id LIMIT 1
    ) nx ON true
    CROSS JOIN LATERAL (
      SELECT count(DISTINCT s.id)::int AS held, count(a.user_id)::int AS recorded,
             count(a.user_id) FILTER (WHERE a.status = 'present')::int AS present
        FROM circle_sessions s
        LEFT JOIN session_attendance a ON a.session_id = s.id
       WHERE s.circle_id = c.id AND s.status = 'held'
    ) att`;

/** Circles first by cohort, the coordinator circle first, then villages by name; archived last. */
const CIRCLE_ORDER = `ORDER BY c.archived_at IS NOT NULL, co.name, c.kind, v.name, c.id`;

export interface CircleFilter {
  cohortId?: string;
  kind?: CircleKind;
  villageId?: string;
}

/** A page of the circles the actor may read, with the number of them all. */
export async function listCircles(
  em: EntityManager,
  actor: Actor,
  filter: CircleFilter,
  skip: number,
  take: number,
): Promise<{ rows: CircleRow[]; total: number }> {
  const params: unknown[] = [actor.id];
  const where = [readableCirclesSql(actor, 'c', '$1')];
  const columns = { cohortId: 'c.cohort_id', kind: 'c.kind', villageId: 'c.village_id' } as const;
  for (const key of ['cohortId', 'kind', 'villageId'] as const) {
    if (!filter[key]) continue;
    params.push(filter[key]);
    where.push(`${columns[key]} = $${params.length}`);
  }
  const condition = where.join(' AND ');
  const [rows, count] = await Promise.all([
    em.query<CircleRow[]>(
      `SELECT ${CIRCLE_COLUMNS} ${CIRCLE_FROM} WHERE ${condition} ${CIRCLE_ORDER}
       OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, skip, take],
    ),
    em.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM circles c WHERE ${condition}`,
      params,
    ),
  ]);
  return { rows, total: count[0].n };
}

/** The circle with its facts for the access policy, if the actor may read it. */
export async function findReadableCircleRow(
  em: EntityManager,
  actor: Actor,
  id: string,
): Promise<(CircleRow & CircleRefColumns) | undefined> {
  const [row] = await em.query<(CircleRow & CircleRefColumns)[]>(
    `SELECT ${CIRCLE_COLUMNS}, ${CIRCLE_REF_COLUMNS} ${CIRCLE_FROM}
      WHERE c.id = $1 AND ${readableCirclesSql(actor, 'c', '$2')}`,
    [id, actor.id],
  );
  return row;
}

/** Whether the user is an active member of the secretariat (who may facilitate). */
export async function isActiveSecretariat(em: EntityManager, userId: string): Promise<boolean> {
  const found = await em.query<{ id: string }[]>(
    `SELECT id FROM users WHERE id = $1 AND role = $2 AND disabled_at IS NULL`,
    [userId, Role.Secretariat],
  );
  return found.length > 0;
}

/** Raises the sequence of the circle's sessions ahead that meet in its room: their place changed. */
export async function touchSessionsInRoom(em: EntityManager, circleId: string): Promise<string[]> {
  const rows = await updateReturning<{ id: string }[]>(
    em,
    `UPDATE circle_sessions SET sequence = sequence + 1, updated_at = now()
      WHERE circle_id = $1 AND meeting_url IS NULL AND status = 'planned' AND ends_at > now()
      RETURNING id`,
    [circleId],
  );
  return rows.map((r) => r.id);
}

/** The asker's answers to these sessions. */
export async function rsvpAnswers(
  em: EntityManager,
  userId: string,
  sessionIds: string[],
): Promise<Map<string, RsvpAnswer>> {
  if (!sessionIds.length) return new Map();
  const rows = await em.query<{ session_id: string; answer: RsvpAnswer }[]>(
    `SELECT session_id, answer FROM session_rsvps WHERE user_id = $1 AND session_id = ANY($2::uuid[])`,
    [userId, sessionIds],
  );
  return new Map(rows.map((r) => [r.session_id, r.answer]));
}

// ---- Plan slots ----

interface PlanRow {
  id: string;
  cohort_id: string;
  circle_kind: CircleKind;
  title: string;
  phase: Phase;
  topic: string;
  starts_at: Date;
  ends_at: Date;
  agenda: AgendaItem[];
  materials: Material[];
  session_count: number;
  adjusted_count: number;
  cancelled_count: number;
}

const PLAN_SELECT = `
  SELECT p.id, p.cohort_id, p.circle_kind, p.title, p.phase, p.topic, p.starts_at, p.ends_at,
         p.agenda, p.materials,
         (SELECT count(*)::int FROM circle_sessions s WHERE s.plan_id = p.id) AS session_count,
         (SELECT count(*)::int FROM circle_sessions s
           WHERE s.plan_id = p.id AND (s.times_adjusted OR s.content_adjusted)) AS adjusted_count,
         (SELECT count(*)::int FROM circle_sessions s
           WHERE s.plan_id = p.id AND s.status = 'cancelled') AS cancelled_count
    FROM session_plans p`;

function toPlanDto(r: PlanRow): PlanSessionDto {
  return {
    id: r.id,
    cohortId: r.cohort_id,
    circleKind: r.circle_kind,
    title: r.title,
    phase: r.phase,
    topic: r.topic,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    agenda: r.agenda,
    materials: r.materials,
    sessionCount: r.session_count,
    adjustedCount: r.adjusted_count,
    cancelledCount: r.cancelled_count,
  };
}

/** A page of a cohort's plan slots in time order, with their session counts. */
export async function planPage(
  em: EntityManager,
  cohortId: string,
  skip: number,
  take: number,
): Promise<{ items: PlanSessionDto[]; total: number }> {
  const [rows, count] = await Promise.all([
    em.query<PlanRow[]>(
      `${PLAN_SELECT} WHERE p.cohort_id = $1 ORDER BY p.starts_at, p.circle_kind, p.id
       OFFSET $2 LIMIT $3`,
      [cohortId, skip, take],
    ),
    em.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM session_plans WHERE cohort_id = $1`, [
      cohortId,
    ]),
  ]);
  return { items: rows.map(toPlanDto), total: count[0].n };
}

/** Plan slots with their session counts, in one query. */
export async function planDtos(
  em: EntityManager,
  planIds: string[],
): Promise<Map<string, PlanSessionDto>> {
  if (!planIds.length) return new Map();
  const rows = await em.query<PlanRow[]>(`${PLAN_SELECT} WHERE p.id = ANY($1::uuid[])`, [planIds]);
  return new Map(rows.map((r) => [r.id, toPlanDto(r)]));
}

// ---- The cohort grid ----

export interface GridData {
  columns: { id: string; title: string; starts_at: Date; circle_kind: CircleKind }[];
  rows: {
    id: string;
    kind: CircleKind;
    village_id: string | null;
    village_name: string | null;
    municipality_name: string | null;
  }[];
  total: number;
  cells: {
    id: string;
    plan_id: string;
    circle_id: string;
    starts_at: Date;
    status: SessionStatus;
    present: number;
    recorded: boolean;
  }[];
  members: { circle_id: string; n: number }[];
}

/**
 * Every plan slot of the cohort, a page of the circles the actor may read with their sessions'
 * status and attendance, and member counts. Five queries whatever the size.
 */
export async function loadGrid(
  em: EntityManager,
  actor: Actor,
  cohortId: string,
  skip: number,
  take: number,
): Promise<GridData> {
  const readable = readableCirclesSql(actor, 'c', '$2');
  const [columns, rows, count] = await Promise.all([
    em.query<GridData['columns']>(
      `SELECT id, title, starts_at, circle_kind FROM session_plans
        WHERE cohort_id = $1 ORDER BY starts_at, circle_kind, id`,
      [cohortId],
    ),
    em.query<GridData['rows']>(
      `SELECT c.id, c.kind, c.village_id, v.name AS village_name, m.name AS municipality_name
         FROM circles c
         LEFT JOIN villages v ON v.id = c.village_id
         LEFT JOIN municipalities m ON m.id = v.municipality_id
        WHERE c.cohort_id = $1 AND c.archived_at IS NULL AND ${readable}
        ORDER BY c.kind, v.name, c.id OFFSET $3 LIMIT $4`,
      [cohortId, actor.id, skip, take],
    ),
    em.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM circles c
        WHERE c.cohort_id = $1 AND c.archived_at IS NULL AND ${readable}`,
      [cohortId, actor.id],
    ),
  ]);
  const circleIds = rows.map((r) => r.id);
  if (!circleIds.length) return { columns, rows, total: count[0].n, cells: [], members: [] };
  const [cells, members] = await Promise.all([
    em.query<GridData['cells']>(
      `SELECT s.id, s.plan_id, s.circle_id, s.starts_at, s.status,
              count(a.user_id) FILTER (WHERE a.status = 'present')::int AS present,
              count(a.user_id) > 0 AS recorded
         FROM circle_sessions s
         JOIN session_plans p ON p.id = s.plan_id AND p.cohort_id = $2
         LEFT JOIN session_attendance a ON a.session_id = s.id
        WHERE s.circle_id = ANY($1::uuid[])
        GROUP BY s.id`,
      [circleIds, cohortId],
    ),
    em.query<GridData['members']>(
      `SELECT circle_id, count(*)::int AS n FROM circle_participants
        WHERE circle_id = ANY($1::uuid[]) AND part = 'member' GROUP BY circle_id`,
      [circleIds],
    ),
  ]);
  return { columns, rows, total: count[0].n, cells, members };
}

// ---- Circles for the access policy ----

/**
 * The facts the circle access policy needs, for several circles in one query.
 * Circles that do not exist are missing from the map.
 */
export async function loadCircleRefs(
  em: EntityManager,
  circleIds: readonly string[],
): Promise<Map<string, CircleRef>> {
  if (!circleIds.length) return new Map();
  const rows = await em.query<({ id: string; kind: CircleRef['kind'] } & CircleRefColumns)[]>(
    `SELECT c.id, c.kind, c.village_id, ${CIRCLE_REF_COLUMNS}
       FROM circles c
       LEFT JOIN villages v ON v.id = c.village_id
      WHERE c.id = ANY($1::uuid[])`,
    [circleIds],
  );
  return new Map(rows.map((r) => [r.id, circleRefOf(r.kind, r)]));
}

/**
 * The cohort, if the actor may read at least one of its circles (any cohort, for the
 * secretariat); null otherwise.
 */
export async function findReadableCohort(
  em: EntityManager,
  actor: Actor,
  cohortId: string,
): Promise<{ id: string; name: string } | null> {
  const [row] = await em.query<{ id: string; name: string; readable: boolean }[]>(
    `SELECT co.id, co.name,
            EXISTS (SELECT 1 FROM circles c WHERE c.cohort_id = co.id
                      AND ${readableCirclesSql(actor, 'c', '$2')}) AS readable
       FROM cohorts co WHERE co.id = $1`,
    [cohortId, actor.id],
  );
  if (!row || !(facilitatesEveryCircle(actor) || row.readable)) return null;
  return { id: row.id, name: row.name };
}

// ---- Keeping a cohort's circles in step with its villages ----

/** Locks the cohort row: one sync or plan write per cohort at a time. */
export async function lockCohort(em: EntityManager, cohortId: string): Promise<void> {
  await em.query(`SELECT id FROM cohorts WHERE id = $1 FOR UPDATE`, [cohortId]);
}

export async function villagesOfCohort(
  em: EntityManager,
  cohortId: string,
): Promise<{ id: string; name: string }[]> {
  return em.query(`SELECT id, name FROM villages WHERE cohort_id = $1`, [cohortId]);
}

export async function circlesOfCohort(
  em: EntityManager,
  cohortId: string,
): Promise<{ id: string; kind: CircleKind; village_id: string | null; archived: boolean }[]> {
  return em.query(
    `SELECT id, kind, village_id, archived_at IS NOT NULL AS archived
       FROM circles WHERE cohort_id = $1`,
    [cohortId],
  );
}

/** Creates circles of the cohort with their rooms; their ids in order. */
export async function insertCircles(
  em: EntityManager,
  cohortId: string,
  facilitatorId: string | null,
  circles: readonly { kind: CircleKind; villageId: string | null; roomUrl: string }[],
): Promise<string[]> {
  const rows = await em.query<{ id: string }[]>(
    `INSERT INTO circles (cohort_id, kind, village_id, facilitator_id, room_url)
     SELECT $1, k, v, $2, r FROM unnest($3::varchar[], $4::uuid[], $5::varchar[]) AS t(k, v, r)
     RETURNING id`,
    [
      cohortId,
      facilitatorId,
      circles.map((c) => c.kind),
      circles.map((c) => c.villageId),
      circles.map((c) => c.roomUrl),
    ],
  );
  return rows.map((r) => r.id);
}

/**
 * Brings archived circles back, with their sessions ahead that were cancelled because the
 * village left; the ids of those sessions.
 */
export async function unarchiveCircles(em: EntityManager, circleIds: string[]): Promise<string[]> {
  const rows = await updateReturning<{ id: string }[]>(
    em,
    `UPDATE circle_sessions s
        SET status = 'planned', cancelled_at = NULL, sequence = s.sequence + 1, updated_at = now()
       FROM circles c
      WHERE c.id = s.circle_id AND s.circle_id = ANY($1::uuid[]) AND s.status = 'cancelled'
        AND s.cancelled_at >= c.archived_at AND s.starts_at > now()
      RETURNING s.id`,
    [circleIds],
  );
  await em.query(
    `UPDATE circles SET archived_at = NULL, updated_at = now() WHERE id = ANY($1::uuid[])`,
    [circleIds],
  );
  return rows.map((r) => r.id);
}

/**
 * Archives the village circles whose village is no longer in their cohort (left it, or moved
 * to another) and cancels their planned sessions ahead; the ids of those sessions.
 */
export async function archiveDepartedCircles(em: EntityManager): Promise<string[]> {
  const archived = await updateReturning<{ id: string }[]>(
    em,
    `UPDATE circles c SET archived_at = now(), updated_at = now()
       FROM villages v
      WHERE v.id = c.village_id AND c.kind = 'village' AND c.archived_at IS NULL
        AND v.cohort_id IS DISTINCT FROM c.cohort_id
      RETURNING c.id`,
  );
  if (!archived.length) return [];
  const rows = await updateReturning<{ id: string }[]>(
    em,
    `UPDATE circle_sessions
        SET status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now()
      WHERE circle_id = ANY($1::uuid[]) AND status = 'planned' AND starts_at > now()
      RETURNING id`,
    [archived.map((r) => r.id)],
  );
  return rows.map((r) => r.id);
}

/**
 * Gives circles that joined the plan slots still ahead and not cancelled as a whole; the ids of
 * the sessions made.
 */
export async function scheduleAheadFor(em: EntityManager, circleIds: string[]): Promise<string[]> {
  const rows = await em.query<{ id: string }[]>(
    `INSERT INTO circle_sessions
       (circle_id, plan_id, title, phase, topic, starts_at, ends_at, agenda, materials)
     SELECT c.id, p.id, p.title, p.phase, p.topic, p.starts_at, p.ends_at, p.agenda, p.materials
       FROM circles c
       JOIN session_plans p ON p.cohort_id = c.cohort_id AND p.circle_kind = c.kind
      WHERE c.id = ANY($1::uuid[]) AND p.starts_at > now()
        AND NOT (EXISTS (SELECT 1 FROM circle_sessions o WHERE o.plan_id = p.id)
                 AND NOT EXISTS (SELECT 1 FROM circle_sessions o
                                  WHERE o.plan_id = p.id AND o.status <> 'cancelled'))
     ON CONFLICT (plan_id, circle_id) DO NOTHING
     RETURNING id`,
    [circleIds],
  );
  return rows.map((r) => r.id);
}
