import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import type { CircleRef } from '../access/circle-access-policy';
import { Role } from '@blup/contracts';

/**
 * The facts the circle access policy needs, for several circles in one query.
 * Circles that do not exist are missing from the map.
 */
export async function loadCircleRefs(
  em: EntityManager,
  circleIds: readonly string[],
): Promise<Map<string, CircleRef>> {
  if (!circleIds.length) return new Map();
  const rows = await em.query<
    {
      id: string;
      kind: CircleRef['kind'];
      village_id: string | null;
      village_municipality_id: string | null;
      cohort_municipality_ids: string[] | null;
    }[]
  >(
    `SELECT c.id, c.kind, c.village_id, v.municipality_id AS village_municipality_id,
            (SELECT array_agg(DISTINCT cv.municipality_id) FROM villages cv
              WHERE cv.cohort_id = c.cohort_id) AS cohort_municipality_ids
       FROM circles c
       LEFT JOIN villages v ON v.id = c.village_id
      WHERE c.id = ANY($1::uuid[])`,
    [circleIds],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        kind: r.kind,
        villageId: r.village_id,
        villageMunicipalityId: r.village_municipality_id,
        cohortMunicipalityIds: r.cohort_municipality_ids ?? [],
      },
    ]),
  );
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
