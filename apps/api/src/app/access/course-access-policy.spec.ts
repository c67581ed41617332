import { CourseAudience, Role } from '@blup/contracts';
import {
  canAuthorCourses,
  canSeeContent,
  canSeeCourse,
  canSeeLesson,
  type CourseViewer,
} from './course-access-policy';

const viewer = (role: Role, facts: Partial<CourseViewer> = {}): CourseViewer => ({
  role,
  villageInCohort: false,
  invited: false,
  ...facts,
});
const published = { publishedAt: new Date() };
const draft = { publishedAt: null };
const blup = { audience: CourseAudience.VillageProcess, ...published };
const academy = { audience: CourseAudience.Academy, ...published };

describe('course access policy', () => {
  it('lets only the secretariat author', () => {
    expect(canAuthorCourses({ role: Role.Secretariat })).toBe(true);
    for (const role of [Role.Coordinator, Role.SteeringMember, Role.Learner]) {
      expect(canAuthorCourses({ role })).toBe(false);
    }
  });

  it('shows the secretariat everything, drafts too', () => {
    const sut = viewer(Role.Secretariat);
    expect(canSeeCourse(sut, { ...academy, ...draft })).toBe(true);
    expect(canSeeLesson(sut, { ...blup, ...draft }, draft, draft)).toBe(true);
  });

  it('opens a published village-process course to steering members in a cohort and to coordinators', () => {
    expect(canSeeCourse(viewer(Role.SteeringMember, { villageInCohort: true }), blup)).toBe(true);
    expect(canSeeCourse(viewer(Role.SteeringMember), blup)).toBe(false);
    expect(canSeeCourse(viewer(Role.Coordinator), blup)).toBe(true);
    expect(canSeeCourse(viewer(Role.Learner), blup)).toBe(false);
  });

  it('opens academy courses only to people invited to them, whatever their role', () => {
    expect(canSeeCourse(viewer(Role.SteeringMember, { villageInCohort: true }), academy)).toBe(
      false,
    );
    expect(canSeeCourse(viewer(Role.Coordinator), academy)).toBe(false);
    for (const role of [Role.Learner, Role.Coordinator, Role.SteeringMember]) {
      expect(canSeeCourse(viewer(role, { invited: true }), academy)).toBe(true);
    }
  });

  it('never shows learners unpublished courses, modules or lessons', () => {
    const sut = viewer(Role.Learner, { invited: true });
    expect(canSeeCourse(sut, { ...academy, ...draft })).toBe(false);
    expect(canSeeContent(sut, draft)).toBe(false);
    expect(canSeeLesson(sut, academy, published, published)).toBe(true);
    expect(canSeeLesson(sut, academy, draft, published)).toBe(false);
    expect(canSeeLesson(sut, academy, published, draft)).toBe(false);
  });
});
