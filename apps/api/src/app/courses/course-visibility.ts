import { Role } from '@blup/contracts';

/**
 * SQL conditions that mirror access/course-access-policy.ts for lists, so a page of courses is
 * one query. `user` is the placeholder holding the person's id (e.g. `$1`); only the role picks
 * the branch, nothing the person sends is spliced in.
 */
export function courseVisibleSql(role: Role, course: string, user: string): string {
  // The secretariat sees every course; naming the placeholder keeps its type known to PostgreSQL.
  if (role === Role.Secretariat) return `(${user}::uuid IS NOT NULL)`;
  const invited = `EXISTS (SELECT 1 FROM course_access ca WHERE ca.course_id = ${course}.id AND ca.user_id = ${user})`;
  let byRole = 'FALSE';
  if (role === Role.Coordinator) byRole = `${course}.audience = 'village_process'`;
  if (role === Role.SteeringMember) {
    byRole = `(${course}.audience = 'village_process' AND EXISTS (
      SELECT 1 FROM users cu JOIN villages cv ON cv.id = cu.village_id
       WHERE cu.id = ${user} AND cv.cohort_id IS NOT NULL))`;
  }
  return `(${course}.published_at IS NOT NULL AND (${invited} OR ${byRole}))`;
}

/** A module or lesson row the person may see inside a visible course. */
export function contentVisibleSql(role: Role, alias: string): string {
  return role === Role.Secretariat ? 'TRUE' : `${alias}.published_at IS NOT NULL`;
}
