import { Role } from '@blup/contracts';

/**
 * SQL conditions that mirror access/course-access-policy.ts for lists, so a page of courses is
 * one query. `user` is the placeholder holding the person's id (e.g. `$1`); only the role picks
 * the branch, nothing the person sends is spliced in.
 */
export function courseVisibleSql(role: Role, course: string, user: string): string {
  // The secretariat sees every course; naming the placeholder keeps its type known to PostgreSQL.
  if (role === Role.Secretariat) return `(${user}::uuid IS NOT NULL)`;
  let byRole = 'FALSE';
  if (role === Role.Coordinator) byRole = `${course}.audience = 'village_process'`;
  if (role === Role.SteeringMember) {
    byRole = `(${course}.audience = 'village_process' AND (${villageInCohortSql(user)} OR EXISTS (
      SELECT 1 FROM users eu
        JOIN enrolments ee ON ee.village_id = eu.village_id AND ee.status = 'enrolled'
        JOIN offerings eo ON eo.id = ee.offering_id AND eo.kind = 'mini_blup'
       WHERE eu.id = ${user} AND eo.course_id = ${course}.id)))`;
  }
  return `(${course}.published_at IS NOT NULL AND (${personalSql(course + '.id', user)} OR ${byRole}))`;
}

/** Invited to the course (a `course_access` row) or enrolled in an academy offering of it. */
function personalSql(courseId: string, user: string): string {
  return `(EXISTS (SELECT 1 FROM course_access ca WHERE ca.course_id = ${courseId} AND ca.user_id = ${user})
    OR EXISTS (SELECT 1 FROM enrolments pe JOIN offerings po ON po.id = pe.offering_id
                WHERE po.course_id = ${courseId} AND po.kind = 'academy_course'
                  AND pe.user_id = ${user} AND pe.status = 'enrolled'))`;
}

function villageInCohortSql(user: string): string {
  return `EXISTS (SELECT 1 FROM users cu JOIN villages cv ON cv.id = cu.village_id
                   WHERE cu.id = ${user} AND cv.cohort_id IS NOT NULL)`;
}

/**
 * A module the person may see inside a visible course (mirrors `canSeeModule`): published, and
 * for steering members either the whole course is theirs or their village is `enrolled` in a
 * mini-BLUP offering of this very module (the other modules stay hidden).
 */
export function moduleVisibleSql(role: Role, module: string, user: string): string {
  if (role === Role.Secretariat) return `(${user}::uuid IS NOT NULL)`;
  const published = `${module}.published_at IS NOT NULL`;
  if (role !== Role.SteeringMember) return `(${published} AND ${user}::uuid IS NOT NULL)`;
  return `(${published} AND (${villageInCohortSql(user)} OR ${personalSql(module + '.course_id', user)}
    OR EXISTS (SELECT 1 FROM users mu
                 JOIN enrolments me ON me.village_id = mu.village_id AND me.status = 'enrolled'
                 JOIN offerings mo ON mo.id = me.offering_id AND mo.kind = 'mini_blup'
                WHERE mu.id = ${user} AND mo.module_id = ${module}.id)))`;
}

/** A module or lesson row the person may see inside a visible course. */
export function contentVisibleSql(role: Role, alias: string): string {
  return role === Role.Secretariat ? 'TRUE' : `${alias}.published_at IS NOT NULL`;
}
