import { Role } from '@blup/contracts';
import { readableNewsletterSql } from './newsletter-visibility';

const p = { user: '$1', village: '$2', municipality: '$3' };
const SCOPE = 'SELECT scope';

describe(readableNewsletterSql.name, () => {
  it('asks nothing of the secretariat but keeps the placeholder typed', () => {
    expect(readableNewsletterSql(Role.Secretariat, p, SCOPE)).toBe('($1::uuid IS NOT NULL)');
  });

  it('shows others only sent newsletters: their course’s, or their village’s or municipality’s', () => {
    const steering = readableNewsletterSql(Role.SteeringMember, p, SCOPE);
    expect(steering).toContain(`n.status IN ('sent', 'partly_failed')`);
    expect(steering).toContain('sc.village_id = $2::uuid');
    expect(steering).toContain(`(${SCOPE}) sc`);
    const coordinator = readableNewsletterSql(Role.Coordinator, p, SCOPE);
    expect(coordinator).toContain('municipality_id = $3::uuid');
    expect(coordinator).not.toContain('sc.village_id = $2::uuid');
    const learner = readableNewsletterSql(Role.Learner, p, SCOPE);
    expect(learner).toContain('course_access ca');
    expect(learner).not.toContain(SCOPE);
  });
});
