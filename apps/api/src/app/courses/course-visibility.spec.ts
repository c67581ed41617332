import { Role } from '@blup/contracts';
import { contentVisibleSql, courseVisibleSql } from './course-visibility';

describe(courseVisibleSql.name, () => {
  it('asks nothing of the secretariat but keeps the placeholder typed', () => {
    expect(courseVisibleSql(Role.Secretariat, 'c', '$1')).toBe('($1::uuid IS NOT NULL)');
    expect(contentVisibleSql(Role.Secretariat, 'l')).toBe('TRUE');
  });

  it('needs publication and an invitation or the role’s own opening', () => {
    const learner = courseVisibleSql(Role.Learner, 'c', '$1');
    expect(learner).toContain('c.published_at IS NOT NULL');
    expect(learner).toContain('course_access');
    expect(learner).toContain('OR FALSE');
    expect(courseVisibleSql(Role.Coordinator, 'c', '$1')).toContain(
      "c.audience = 'village_process'",
    );
    expect(courseVisibleSql(Role.SteeringMember, 'c', '$1')).toContain('cohort_id IS NOT NULL');
    expect(contentVisibleSql(Role.Learner, 'm')).toBe('m.published_at IS NOT NULL');
  });
});
