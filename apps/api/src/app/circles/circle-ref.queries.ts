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
