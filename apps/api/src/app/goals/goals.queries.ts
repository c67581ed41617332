import type { GoalStatus, InitiativeStatus, SdgTargetDto } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { likePattern } from '../common/pagination';
import { goalSummaryStatement } from './goal-summary.statement';

/** A village as the goal rules need it: who may see it, and its name for the answer. */
export interface GoalVillage {
  id: string;
  name: string;
  municipalityId: string;
}

export async function findGoalVillage(
  em: EntityManager,
  villageId: string,
): Promise<GoalVillage | null> {
  const [row] = await em.query<{ id: string; name: string; municipality_id: string }[]>(
    `SELECT id, name, municipality_id FROM villages WHERE id = $1`,
    [villageId],
  );
  return row ? { id: row.id, name: row.name, municipalityId: row.municipality_id } : null;
}

/** A goal row with its village and the person who last changed it. */
export interface GoalRow {
  id: string;
  village_id: string;
  village_name: string;
  municipality_id: string;
  title: string;
  why: string;
  sdgs: number[];
  owner: string;
  owner_user_id: string | null;
  owner_user_name: string | null;
  owner_initiative_id: string | null;
  owner_initiative_title: string | null;
  horizon: string | null;
  indicator: string;
  baseline: number | null;
  target_value: number | null;
  current_value: number | null;
  status: GoalStatus;
  version: number;
  updated_at: Date;
  updated_by_id: string | null;
  updated_by_name: string | null;
  updated_by_email: string | null;
}

const GOAL_COLUMNS = `g.id, g.village_id, v.name AS village_name, v.municipality_id, g.title, g.why,
       g.sdgs::int[] AS sdgs, g.owner, ou.id AS owner_user_id, ou.name AS owner_user_name,
       oi.id AS owner_initiative_id, oi.title AS owner_initiative_title, to_char(g.horizon, 'YYYY-MM-DD') AS horizon, g.indicator,
       g.baseline::float8 AS baseline, g.target_value::float8 AS target_value,
       g.current_value::float8 AS current_value, g.status, g.version, g.updated_at,
       u.id AS updated_by_id, u.name AS updated_by_name, u.email AS updated_by_email`;

const GOAL_FROM = `FROM village_goals g
  JOIN villages v ON v.id = g.village_id
  LEFT JOIN users u ON u.id = g.updated_by
  LEFT JOIN users ou ON ou.id = g.owner_user_id
  LEFT JOIN initiatives oi ON oi.id = g.owner_initiative_id`;

/** One goal; with `lock`, its row is locked for the rest of the transaction. */
export async function findGoal(
  em: EntityManager,
  id: string,
  lock = false,
): Promise<GoalRow | null> {
  const [row] = await em.query<GoalRow[]>(
    `SELECT ${GOAL_COLUMNS} ${GOAL_FROM} WHERE g.id = $1 ${lock ? 'FOR UPDATE OF g' : ''}`,
    [id],
  );
  return row ?? null;
}

/**
 * Whether the id is an account of the village (a member of its steering group); reads `users`,
 * which the platform writes.
 */
export async function isVillageAccount(
  em: EntityManager,
  villageId: string,
  userId: string,
): Promise<boolean> {
  const rows = await em.query<{ id: string }[]>(
    `SELECT id FROM users WHERE id = $1 AND village_id = $2 AND disabled_at IS NULL`,
    [userId, villageId],
  );
  return rows.length > 0;
}

/**
 * Whether the id is an initiative of the village; reads `initiatives` in SQL so the goals module
 * need not import the initiatives module (which imports goals).
 */
export async function isVillageInitiative(
  em: EntityManager,
  villageId: string,
  initiativeId: string,
): Promise<boolean> {
  const rows = await em.query<{ id: string }[]>(
    `SELECT id FROM initiatives WHERE id = $1 AND village_id = $2`,
    [initiativeId, villageId],
  );
  return rows.length > 0;
}

export interface GoalFilter {
  sdg?: number;
  status?: GoalStatus;
  q?: string;
  skip: number;
  take: number;
}

/** One page of a village's goals, oldest first (the order the village wrote them), and the total. */
export async function findVillageGoals(
  em: EntityManager,
  villageId: string,
  filter: GoalFilter,
): Promise<{ rows: GoalRow[]; total: number }> {
  const params: unknown[] = [villageId];
  const where = ['g.village_id = $1'];
  if (filter.sdg !== undefined) {
    params.push(filter.sdg);
    where.push(`$${params.length}::smallint = ANY (g.sdgs)`);
  }
  if (filter.status) {
    params.push(filter.status);
    where.push(`g.status = $${params.length}`);
  }
  if (filter.q) {
    params.push(likePattern(filter.q));
    where.push(`(g.title ILIKE $${params.length} OR g.why ILIKE $${params.length})`);
  }
  const condition = where.join(' AND ');
  const [{ total }] = await em.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM village_goals g WHERE ${condition}`,
    params,
  );
  const rows = await em.query<GoalRow[]>(
    `SELECT ${GOAL_COLUMNS} ${GOAL_FROM} WHERE ${condition}
      ORDER BY g.created_at, g.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.take, filter.skip],
  );
  return { rows, total };
}

export interface GoalUpdateRow {
  id: string;
  goal_id: string;
  status: GoalStatus;
  note: string;
  value: number | null;
  photo_key: string | null;
  photo_thumbnail_key: string | null;
  photo_width: number | null;
  photo_height: number | null;
  created_at: Date;
  created_by_id: string | null;
  created_by_name: string | null;
  created_by_email: string | null;
}

const UPDATE_SELECT = `SELECT w.id, w.goal_id, w.status, w.note, w.value::float8 AS value, w.created_at,
         w.photo_key, w.photo_thumbnail_key, w.photo_width, w.photo_height,
         u.id AS created_by_id, u.name AS created_by_name, u.email AS created_by_email
    FROM village_goal_updates w LEFT JOIN users u ON u.id = w.created_by`;

/** One page of a goal's timeline, newest first, and the total. */
export async function findGoalUpdates(
  em: EntityManager,
  goalId: string,
  page: { skip: number; take: number },
): Promise<{ rows: GoalUpdateRow[]; total: number }> {
  const [{ total }] = await em.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM village_goal_updates WHERE goal_id = $1`,
    [goalId],
  );
  const rows = await em.query<GoalUpdateRow[]>(
    `${UPDATE_SELECT} WHERE w.goal_id = $1
      ORDER BY w.created_at DESC, w.id DESC LIMIT $2 OFFSET $3`,
    [goalId, page.take, page.skip],
  );
  return { rows, total };
}

export async function findGoalUpdate(em: EntityManager, id: string): Promise<GoalUpdateRow> {
  const [row] = await em.query<GoalUpdateRow[]>(`${UPDATE_SELECT} WHERE w.id = $1`, [id]);
  return row;
}

/** The stored photo of one update of one goal, or null when it has none. */
export async function findGoalUpdatePhoto(
  em: EntityManager,
  goalId: string,
  updateId: string,
): Promise<{ photo_key: string; photo_thumbnail_key: string } | null> {
  const [row] = await em.query<{ photo_key: string; photo_thumbnail_key: string }[]>(
    `SELECT photo_key, photo_thumbnail_key FROM village_goal_updates
      WHERE id = $1 AND goal_id = $2 AND photo_key IS NOT NULL`,
    [updateId, goalId],
  );
  return row ?? null;
}

/** The photo files of a goal's updates, to delete with the goal. */
export async function findGoalPhotoKeys(em: EntityManager, goalId: string): Promise<string[]> {
  const rows = await em.query<{ photo_key: string; photo_thumbnail_key: string }[]>(
    `SELECT photo_key, photo_thumbnail_key FROM village_goal_updates
      WHERE goal_id = $1 AND photo_key IS NOT NULL`,
    [goalId],
  );
  return rows.flatMap((row) => [row.photo_key, row.photo_thumbnail_key]);
}

/** The targets each of the given goals names, in the UN's order. */
export async function findGoalTargets(
  em: EntityManager,
  goalIds: string[],
): Promise<Map<string, SdgTargetDto[]>> {
  const byGoal = new Map<string, SdgTargetDto[]>(goalIds.map((id) => [id, []]));
  if (goalIds.length === 0) return byGoal;
  const rows = await em.query<
    { goal_id: string; code: string; sdg: number; text_en: string; text_da: string | null }[]
  >(
    `SELECT gt.goal_id, t.code, t.sdg::int AS sdg, t.text_en, t.text_da
       FROM village_goal_targets gt JOIN sdg_targets t ON t.code = gt.target_code
      WHERE gt.goal_id = ANY ($1::uuid[])
      ORDER BY t.sdg, t.ordering`,
    [goalIds],
  );
  for (const row of rows) {
    byGoal.get(row.goal_id)?.push({
      code: row.code,
      sdg: row.sdg,
      textEn: row.text_en,
      textDa: row.text_da,
    });
  }
  return byGoal;
}

/** Drops the goal's targets that are not under any of its (changed) SDGs. */
export async function dropTargetsOutside(
  em: EntityManager,
  goalId: string,
  sdgs: number[],
): Promise<void> {
  await em.query(
    `DELETE FROM village_goal_targets gt USING sdg_targets t
      WHERE gt.goal_id = $1 AND t.code = gt.target_code AND t.sdg <> ALL ($2::smallint[])`,
    [goalId, sdgs],
  );
}

export type SummaryScope = { municipalityId: string } | { cohortId: string };

export interface SummaryRow {
  villages: number;
  villages_with_goals: number;
  goals: number;
  by_sdg: { number: number; goals: number; villages: number }[];
  by_status: { status: GoalStatus; goals: number }[];
  initiatives: number;
  initiatives_by_status: { status: InitiativeStatus; initiatives: number }[];
}

/**
 * Goals across the villages of a municipality or a cohort, in one statement whatever the number
 * of villages and goals: the totals, every SDG with its goals and villages (each goal's SDGs
 * unnested once), goals per status, and the villages' initiatives per status.
 */
export async function goalSummary(em: EntityManager, scope: SummaryScope): Promise<SummaryRow> {
  const [column, id] =
    'municipalityId' in scope
      ? (['municipality_id', scope.municipalityId] as const)
      : (['cohort_id', scope.cohortId] as const);
  const [row] = await em.query<SummaryRow[]>(goalSummaryStatement(column), [id]);
  return row;
}

/** The villages of a cohort, as the access rules need them; null when there is no such cohort. */
export async function findCohortVillages(
  em: EntityManager,
  cohortId: string,
): Promise<{ id: string; municipalityId: string }[] | null> {
  const [cohort] = await em.query<{ id: string }[]>(`SELECT id FROM cohorts WHERE id = $1`, [
    cohortId,
  ]);
  if (!cohort) return null;
  const rows = await em.query<{ id: string; municipality_id: string }[]>(
    `SELECT id, municipality_id FROM villages WHERE cohort_id = $1`,
    [cohortId],
  );
  return rows.map((row) => ({ id: row.id, municipalityId: row.municipality_id }));
}

export async function municipalityExists(em: EntityManager, id: string): Promise<boolean> {
  const rows = await em.query<{ id: string }[]>(`SELECT id FROM municipalities WHERE id = $1`, [
    id,
  ]);
  return rows.length > 0;
}
