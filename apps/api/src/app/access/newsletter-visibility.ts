import { Role } from '@blup/contracts';

/**
 * The SQL twin of `canReadNewsletter` for lists: a condition on the newsletter aliased `n`.
 * `user`, `village` and `municipality` are placeholders holding the actor's ids; only the role
 * picks the branch. `scopeSql` lists each newsletter's circles (newsletters.queries.ts
 * `NEWSLETTER_SCOPE_SQL`).
 */
export function readableNewsletterSql(
  role: Role,
  p: { user: string; village: string; municipality: string },
  scopeSql: string,
): string {
  if (role === Role.Secretariat) return `(${p.user}::uuid IS NOT NULL)`;
  const archived = `n.status IN ('sent', 'partly_failed')`;
  const course = `EXISTS (SELECT 1 FROM course_access ca WHERE ca.course_id = n.course_id AND ca.user_id = ${p.user}::uuid)`;
  let byRole = 'FALSE';
  if (role === Role.SteeringMember) {
    byRole = `EXISTS (SELECT 1 FROM (${scopeSql}) sc
                       WHERE sc.newsletter_id = n.id AND sc.kind = 'village'
                         AND sc.village_id = ${p.village}::uuid)`;
  }
  if (role === Role.Coordinator) {
    byRole = `EXISTS (SELECT 1 FROM (${scopeSql}) sc
                       WHERE sc.newsletter_id = n.id
                         AND ((sc.kind = 'village' AND EXISTS (SELECT 1 FROM villages sv
                                WHERE sv.id = sc.village_id AND sv.municipality_id = ${p.municipality}::uuid))
                           OR (sc.kind = 'coordinator' AND EXISTS (SELECT 1 FROM villages cv
                                WHERE cv.cohort_id = sc.cohort_id AND cv.municipality_id = ${p.municipality}::uuid))))`;
  }
  return `(${archived} AND (${course} OR ${byRole}))`;
}
