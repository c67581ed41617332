import { CourseAudience, Role } from '@blup/contracts';
import {
  canAuthorCourses,
  canSeeContent,
  canSeeCourse,
  canSeeLesson,
  canSeeModule,
  getsVillageModules,
  seesEveryCourse,
  type CourseViewer,
} from './course-access-policy';

const viewer = (role: Role, facts: Partial<CourseViewer> = {}): CourseViewer => ({
  role,
  villageInCohort: false,
  invited: false,
  enrolled: false,
  enrolledModuleIds: [],
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

  it.each([
    [Role.Secretariat, true, false],
    [Role.Coordinator, false, false],
    [Role.SteeringMember, false, true],
    [Role.Learner, false, false],
  ])('%s: sees every course %s, gets the village’s modules %s', (role, every, modules) => {
    expect(seesEveryCourse({ role })).toBe(every);
    expect(getsVillageModules({ role })).toBe(modules);
  });

  it('shows the secretariat everything, drafts too', () => {
    const sut = viewer(Role.Secretariat);
    expect(canSeeCourse(sut, { ...academy, ...draft })).toBe(true);
    expect(canSeeLesson(sut, { ...blup, ...draft }, { id: 'm', ...draft }, draft)).toBe(true);
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

  it('opens an academy course to people enrolled in it, and closes it when they are not', () => {
    expect(canSeeCourse(viewer(Role.Learner, { enrolled: true }), academy)).toBe(true);
    expect(canSeeCourse(viewer(Role.Learner, { enrolled: false }), academy)).toBe(false);
    const sut = viewer(Role.Learner, { enrolled: true });
    expect(canSeeModule(sut, academy, { id: 'm1', ...published })).toBe(true);
  });

  it('shows a mini-BLUP village only its enrolled module of the BLUP course', () => {
    const sut = viewer(Role.SteeringMember, { enrolledModuleIds: ['m2'] });
    expect(canSeeCourse(sut, blup)).toBe(true);
    expect(canSeeCourse(sut, academy)).toBe(false);
    expect(canSeeModule(sut, blup, { id: 'm2', ...published })).toBe(true);
    expect(canSeeModule(sut, blup, { id: 'm1', ...published })).toBe(false);
    expect(canSeeModule(sut, blup, { id: 'm2', ...draft })).toBe(false);
    expect(canSeeLesson(sut, blup, { id: 'm2', ...published }, published)).toBe(true);
    expect(canSeeLesson(sut, blup, { id: 'm1', ...published }, published)).toBe(false);
    // Learners are not villages: module enrolments do not apply to them.
    expect(canSeeCourse(viewer(Role.Learner, { enrolledModuleIds: ['m2'] }), blup)).toBe(false);
    // A village in a cohort sees every module.
    const inCohort = viewer(Role.SteeringMember, { villageInCohort: true });
    expect(canSeeModule(inCohort, blup, { id: 'm1', ...published })).toBe(true);
  });

  it('never shows learners unpublished courses, modules or lessons', () => {
    const sut = viewer(Role.Learner, { invited: true });
    expect(canSeeCourse(sut, { ...academy, ...draft })).toBe(false);
    expect(canSeeContent(sut, draft)).toBe(false);
    expect(canSeeLesson(sut, academy, { id: 'm', ...published }, published)).toBe(true);
    expect(canSeeLesson(sut, academy, { id: 'm', ...draft }, published)).toBe(false);
    expect(canSeeLesson(sut, academy, { id: 'm', ...published }, draft)).toBe(false);
  });
});
