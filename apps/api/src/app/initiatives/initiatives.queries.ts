import type { InitiativePersonDto, InitiativeStatus, InitiativeGoalRef } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { likePattern } from '../common/pagination';
import { ROLL_UP } from './roll-up.statement';

/** A village as the initiative rules need it. */
export interface InitiativeVillage {
  id: string;
  name: string;
  municipalityId: string;
}

export async function findInitiativeVillage(
  em: EntityManager,
  villageId: string,
): Promise<InitiativeVillage | null> {
  const [row] = await em.query<{ id: string; name: string; municipality_id: string }[]>(
    `SELECT id, name, municipality_id FROM villages WHERE id = $1`,
    [villageId],
  );
  return row ? { id: row.id, name: row.name, municipalityId: row.municipality_id } : null;
}

// ---------------------------------------------------------------------------------------------
// Focus areas
// ---------------------------------------------------------------------------------------------

export interface InitiativeCardRow {
  id: string;
  title: string;
  status: InitiativeStatus;
  progress: number;
  weight: number;
  milestone_what: string | null;
  milestone_date: string | null;
  contact_name: string | null;
}

export interface FocusAreaRow {
  id: string;
  village_id: string;
  municipality_id: string;
  name: string;
  description: string;
  position: number;
  progress: number | null;
  initiative_count: number;
  version: number;
  updated_at: Date;
  updated_by_id: string | null;
  updated_by_name: string | null;
  updated_by_email: string | null;
  /** Only from `findFocusAreas` with `withInitiatives`. */
  initiatives?: InitiativeCardRow[];
}

const CONTACT_NAME = `(SELECT coalesce(u.name, p.name) FROM initiative_people p
                         LEFT JOIN users u ON u.id = p.user_id
                        WHERE p.initiative_id = i.id AND p.kind = 'contact')`;

const CARDS = `(SELECT coalesce(json_agg(c ORDER BY c.created_at, c.id), '[]'::json)
                  FROM (SELECT i.id, i.title, i.status, i.progress::int AS progress,
                               i.weight::int AS weight, i.milestone_what,
                               to_char(i.milestone_date, 'YYYY-MM-DD') AS milestone_date,
                               ${CONTACT_NAME} AS contact_name, i.created_at
                          FROM initiatives i WHERE i.focus_area_id = f.id
                         ORDER BY i.created_at, i.id LIMIT $CARDS_LIMIT) c)`;

function focusAreaSelect(withInitiatives: boolean, cardsLimitParam: number): string {
  return `SELECT f.id, f.village_id, v.municipality_id, f.name, f.description, f.position,
                 ${ROLL_UP} AS progress,
                 (SELECT count(*)::int FROM initiatives i WHERE i.focus_area_id = f.id) AS initiative_count,
                 f.version, f.updated_at, u.id AS updated_by_id, u.name AS updated_by_name,
                 u.email AS updated_by_email
                 ${withInitiatives ? `, ${CARDS.replace('$CARDS_LIMIT', `$${cardsLimitParam}`)} AS initiatives` : ''}
            FROM focus_areas f
            JOIN villages v ON v.id = f.village_id
            LEFT JOIN users u ON u.id = f.updated_by`;
}

/** One focus area with its roll-up; with `lock`, its row is locked for the transaction. */
export async function findFocusArea(
  em: EntityManager,
  id: string,
  lock = false,
): Promise<FocusAreaRow | null> {
  const [row] = await em.query<FocusAreaRow[]>(
    `${focusAreaSelect(false, 0)} WHERE f.id = $1 ${lock ? 'FOR UPDATE OF f' : ''}`,
    [id],
  );
  return row ?? null;
}

/**
 * One page of a village's focus areas in their order, each with its roll-up (and, with
 * `withInitiatives`, its first initiatives as cards), and the total: two statements whatever the
 * number of areas and initiatives.
 */
export async function findFocusAreas(
  em: EntityManager,
  villageId: string,
  page: { skip: number; take: number },
  withInitiatives: number | null,
): Promise<{ rows: FocusAreaRow[]; total: number }> {
  const [{ total }] = await em.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM focus_areas WHERE village_id = $1`,
    [villageId],
  );
  const params: unknown[] = [villageId, page.take, page.skip];
  if (withInitiatives !== null) params.push(withInitiatives);
  const rows = await em.query<FocusAreaRow[]>(
    `${focusAreaSelect(withInitiatives !== null, 4)} WHERE f.village_id = $1
      ORDER BY f.position, f.created_at, f.id LIMIT $2 OFFSET $3`,
    params,
  );
  return { rows, total };
}

export async function nextFocusAreaPosition(em: EntityManager, villageId: string): Promise<number> {
  const [{ next }] = await em.query<{ next: number }[]>(
    `SELECT coalesce(max(position), 0)::int + 1 AS next FROM focus_areas WHERE village_id = $1`,
    [villageId],
  );
  return next;
}

// ---------------------------------------------------------------------------------------------
// Initiatives
// ---------------------------------------------------------------------------------------------

export interface InitiativeRow {
  id: string;
  village_id: string;
  village_name: string;
  municipality_id: string;
  focus_area_id: string;
  focus_area_name: string;
  title: string;
  description: string;
  goals: InitiativeGoalRef[];
  contact: InitiativePersonDto | null;
  members: InitiativePersonDto[];
  partners: string[];
  milestone_what: string | null;
  milestone_date: string | null;
  status: InitiativeStatus;
  progress: number;
  weight: number;
  version: number;
  updated_at: Date;
  updated_by_id: string | null;
  updated_by_name: string | null;
  updated_by_email: string | null;
}

const PERSON_JSON = `json_build_object('userId', p.user_id, 'name', coalesce(pu.name, p.name),
                       'email', coalesce(pu.email, p.email), 'phone', p.phone)`;

const INITIATIVE_SELECT = `SELECT i.id, i.village_id, v.name AS village_name, v.municipality_id,
       i.focus_area_id, f.name AS focus_area_name, i.title, i.description,
       (SELECT coalesce(json_agg(json_build_object('id', g.id, 'title', g.title)
                                 ORDER BY g.created_at, g.id), '[]'::json)
          FROM initiative_goals ig JOIN village_goals g ON g.id = ig.goal_id
         WHERE ig.initiative_id = i.id) AS goals,
       (SELECT ${PERSON_JSON} FROM initiative_people p LEFT JOIN users pu ON pu.id = p.user_id
         WHERE p.initiative_id = i.id AND p.kind = 'contact') AS contact,
       (SELECT coalesce(json_agg(${PERSON_JSON} ORDER BY p.position), '[]'::json)
          FROM initiative_people p LEFT JOIN users pu ON pu.id = p.user_id
         WHERE p.initiative_id = i.id AND p.kind = 'member') AS members,
       i.partners::text[] AS partners, i.milestone_what,
       to_char(i.milestone_date, 'YYYY-MM-DD') AS milestone_date, i.status,
       i.progress::int AS progress, i.weight::int AS weight, i.version, i.updated_at,
       u.id AS updated_by_id, u.name AS updated_by_name, u.email AS updated_by_email
  FROM initiatives i
  JOIN villages v ON v.id = i.village_id
  JOIN focus_areas f ON f.id = i.focus_area_id
  LEFT JOIN users u ON u.id = i.updated_by`;

/** One initiative with its goals, people and village; with `lock`, its row is locked. */
export async function findInitiative(
  em: EntityManager,
  id: string,
  lock = false,
): Promise<InitiativeRow | null> {
  const [row] = await em.query<InitiativeRow[]>(
    `${INITIATIVE_SELECT} WHERE i.id = $1 ${lock ? 'FOR UPDATE OF i' : ''}`,
    [id],
  );
  return row ?? null;
}

export interface InitiativeFilter {
  status?: InitiativeStatus;
  focusAreaId?: string;
  q?: string;
  skip: number;
  take: number;
}

/** One page of a village's initiatives in the order written, and the total. */
export async function findInitiatives(
  em: EntityManager,
  villageId: string,
  filter: InitiativeFilter,
): Promise<{ rows: InitiativeRow[]; total: number }> {
  const params: unknown[] = [villageId];
  const where = ['i.village_id = $1'];
  if (filter.status) {
    params.push(filter.status);
    where.push(`i.status = $${params.length}`);
  }
  if (filter.focusAreaId) {
    params.push(filter.focusAreaId);
    where.push(`i.focus_area_id = $${params.length}`);
  }
  if (filter.q) {
    params.push(likePattern(filter.q));
    where.push(`(i.title ILIKE $${params.length} OR i.description ILIKE $${params.length})`);
  }
  const condition = where.join(' AND ');
  const [{ total }] = await em.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM initiatives i WHERE ${condition}`,
    params,
  );
  const rows = await em.query<InitiativeRow[]>(
    `${INITIATIVE_SELECT} WHERE ${condition}
      ORDER BY i.created_at, i.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.take, filter.skip],
  );
  return { rows, total };
}

/** The goal's village (for the access check), or null when there is no such goal. */
export async function findGoalVillageRef(
  em: EntityManager,
  goalId: string,
): Promise<{ id: string; municipalityId: string } | null> {
  const [row] = await em.query<{ id: string; municipality_id: string }[]>(
    `SELECT v.id, v.municipality_id FROM village_goals g JOIN villages v ON v.id = g.village_id
      WHERE g.id = $1`,
    [goalId],
  );
  return row ? { id: row.id, municipalityId: row.municipality_id } : null;
}

/** One page of the initiatives that serve a goal, in the order written, and the total. */
export async function findGoalInitiatives(
  em: EntityManager,
  goalId: string,
  page: { skip: number; take: number },
): Promise<{ rows: InitiativeRow[]; total: number }> {
  const condition = `i.id IN (SELECT initiative_id FROM initiative_goals WHERE goal_id = $1)`;
  const [{ total }] = await em.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM initiatives i WHERE ${condition}`,
    [goalId],
  );
  const rows = await em.query<InitiativeRow[]>(
    `${INITIATIVE_SELECT} WHERE ${condition} ORDER BY i.created_at, i.id LIMIT $2 OFFSET $3`,
    [goalId, page.take, page.skip],
  );
  return { rows, total };
}

/** Which of these goal ids are goals of the village. */
export async function villageGoalIds(
  em: EntityManager,
  villageId: string,
  goalIds: string[],
): Promise<Set<string>> {
  const rows = await em.query<{ id: string }[]>(
    `SELECT id FROM village_goals WHERE village_id = $1 AND id = ANY ($2::uuid[])`,
    [villageId, goalIds],
  );
  return new Set(rows.map((row) => row.id));
}

/** Which of these ids are accounts of the village (its steering group), with their names. */
export async function villageAccounts(
  em: EntityManager,
  villageId: string,
  userIds: string[],
): Promise<Map<string, string>> {
  const rows = await em.query<{ id: string; name: string }[]>(
    `SELECT id, name FROM users WHERE village_id = $1 AND id = ANY ($2::uuid[])`,
    [villageId, userIds],
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** One page of the village's accounts, by name, for choosing a contact person or members. */
export async function findVillageAccounts(
  em: EntityManager,
  villageId: string,
  page: { skip: number; take: number; q?: string },
): Promise<{ rows: { id: string; name: string }[]; total: number }> {
  const params: unknown[] = [villageId];
  let condition = 'village_id = $1 AND disabled_at IS NULL';
  if (page.q) {
    params.push(likePattern(page.q));
    condition += ` AND name ILIKE $2`;
  }
  const [{ total }] = await em.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM users WHERE ${condition}`,
    params,
  );
  const rows = await em.query<{ id: string; name: string }[]>(
    `SELECT id, name FROM users WHERE ${condition} ORDER BY name, id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.take, page.skip],
  );
  return { rows, total };
}
