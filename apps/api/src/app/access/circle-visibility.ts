import { Role } from '@blup/contracts';
import type { Actor } from './access-policy';

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
