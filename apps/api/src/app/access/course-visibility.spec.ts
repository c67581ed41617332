import { Role } from '@blup/contracts';
import { contentVisibleSql, courseVisibleSql, moduleVisibleSql } from './course-visibility';

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

describe(moduleVisibleSql.name, () => {
  it('lets enrolment open a course: academy enrolments for people, mini-BLUP for villages', () => {
    expect(courseVisibleSql(Role.Learner, 'c', '$1')).toContain("po.kind = 'academy_course'");
    expect(courseVisibleSql(Role.Learner, 'c', '$1')).toContain("pe.status = 'enrolled'");
    expect(courseVisibleSql(Role.SteeringMember, 'c', '$1')).toContain("eo.kind = 'mini_blup'");
    expect(courseVisibleSql(Role.Learner, 'c', '$1')).not.toContain('mini_blup');
  });

  it('limits steering members to their mini-BLUP modules unless the whole course is theirs', () => {
    expect(moduleVisibleSql(Role.Secretariat, 'm', '$2')).toBe('($2::uuid IS NOT NULL)');
    expect(moduleVisibleSql(Role.Learner, 'm', '$2')).toBe(
      '(m.published_at IS NOT NULL AND $2::uuid IS NOT NULL)',
    );
    const steering = moduleVisibleSql(Role.SteeringMember, 'm', '$2');
    expect(steering).toContain('mo.module_id = m.id');
    expect(steering).toContain('cohort_id IS NOT NULL');
    expect(steering).toContain('m.published_at IS NOT NULL');
  });
});
