import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import type { CircleRef } from '../access/circle-access-policy';
import { Role } from '@blup/contracts';

/**
 * The circle facts the access policy needs beyond the circle's own `kind` and `village_id`, as
 * SQL columns: use with the circle aliased `c` and its village `LEFT JOIN`ed as `v`, and read the
 * row back with `circleRefOf`.
 */
export const CIRCLE_REF_COLUMNS = `v.municipality_id AS village_municipality_id,
       ARRAY(SELECT DISTINCT cv.municipality_id FROM villages cv
              WHERE cv.cohort_id = c.cohort_id) AS cohort_municipality_ids`;

/** The columns `CIRCLE_REF_COLUMNS` (and the circle's `village_id`) give back. */
export interface CircleRefColumns {
  village_id: string | null;
  village_municipality_id: string | null;
  cohort_municipality_ids: string[] | null;
}

/** The circle's facts for the access policy from a row that selected `CIRCLE_REF_COLUMNS`. */
export function circleRefOf(kind: CircleRef['kind'], row: CircleRefColumns): CircleRef {
  return {
    kind,
    villageId: row.village_id,
    villageMunicipalityId: row.village_municipality_id,
    cohortMunicipalityIds: row.cohort_municipality_ids ?? [],
  };
}

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
  if (!row || (actor.role !== Role.Secretariat && !row.readable)) return null;
  return { id: row.id, name: row.name };
}

/**
 * A SQL condition on a circle alias (`c` by default) that holds for the circles the actor may
 * read: every circle for the secretariat, else those the `circle_participants` view names them
 * in. Same answer as `canReadCircle`, for lists. Bind `actorId` with the returned params.
 */
export function readableCirclesWhere(
  actor: Actor,
  alias = 'c',
): { sql: string; params: { actorId: string } } {
  if (actor.role === Role.Secretariat) return { sql: 'TRUE', params: { actorId: actor.id } };
  return {
    sql: `EXISTS (SELECT 1 FROM circle_participants cp WHERE cp.circle_id = ${alias}.id AND cp.user_id = :actorId)`,
    params: { actorId: actor.id },
  };
}

/**
 * `readableCirclesWhere` for raw SQL with positional parameters: the actor's id goes in as
 * `placeholder` (e.g. `$2`); pass `actor.id` at that position.
 */
export function readableCirclesSql(actor: Actor, alias: string, placeholder: string): string {
  const { sql } = readableCirclesWhere(actor, alias);
  // PostgreSQL refuses a parameter the statement never uses, so the secretariat's TRUE uses it.
  return sql === 'TRUE'
    ? `(${placeholder}::uuid IS NOT NULL)`
    : sql.replace(/:actorId\b/g, placeholder);
}
