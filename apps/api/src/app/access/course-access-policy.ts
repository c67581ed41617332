import { CourseAudience, Role } from '@blup/contracts';

/**
 * Who may see and author courses. Pure functions over the few facts each rule needs; the
 * catalogue's SQL (course-visibility.ts beside it) asks the same questions for lists.
 *
 * The secretariat sees and authors everything, drafts too; a published village-process course
 * is open to coordinators and to steering members of villages in a cohort; any published course
 * is open to people invited to it (a `course_access` row) and to people `enrolled` in an
 * academy-course offering of it (issue 6). A village `enrolled` in a mini-BLUP offering sees the
 * village-process course with only the enrolled modules: the others are hidden, not shown locked.
 */
export interface CourseViewer {
  role: Role;
  /** A steering member whose village takes part in a cohort. */
  villageInCohort: boolean;
  /** Holds a `course_access` row for the course in question. */
  invited: boolean;
  /** Has an `enrolled` enrolment in an academy-course offering of the course. */
  enrolled: boolean;
  /** Modules of the course the person's village is `enrolled` in through mini-BLUP offerings. */
  enrolledModuleIds: readonly string[];
}

export interface ModuleRef extends PublishedRef {
  id: string;
}

export interface CourseRef {
  audience: CourseAudience;
  publishedAt: Date | null;
}

export interface PublishedRef {
  publishedAt: Date | null;
}

export function canAuthorCourses(actor: { role: Role }): boolean {
  return actor.role === Role.Secretariat;
}

/** The secretariat sees every course whole, drafts too, without looking up what is theirs. */
export function seesEveryCourse(actor: { role: Role }): boolean {
  return actor.role === Role.Secretariat;
}

/** A village's mini-BLUP module enrolments open those modules to its steering members only. */
export function getsVillageModules(actor: { role: Role }): boolean {
  return actor.role === Role.SteeringMember;
}

/** Whether the person is entitled to every module of the course, published or not. */
export function isEntitledToWholeCourse(viewer: CourseViewer, course: CourseRef): boolean {
  if (viewer.role === Role.Secretariat || viewer.invited || viewer.enrolled) return true;
  if (course.audience !== CourseAudience.VillageProcess) return false;
  return (
    viewer.role === Role.Coordinator ||
    (viewer.role === Role.SteeringMember && viewer.villageInCohort)
  );
}

/** Whether the person is entitled to the course at all (maybe only some modules), published or not. */
export function isEntitledToCourse(viewer: CourseViewer, course: CourseRef): boolean {
  if (isEntitledToWholeCourse(viewer, course)) return true;
  return (
    course.audience === CourseAudience.VillageProcess &&
    viewer.role === Role.SteeringMember &&
    viewer.enrolledModuleIds.length > 0
  );
}

export function canSeeCourse(viewer: CourseViewer, course: CourseRef): boolean {
  if (viewer.role === Role.Secretariat) return true;
  return course.publishedAt !== null && isEntitledToCourse(viewer, course);
}

/** A module or lesson inside a course the person sees: learners only see published ones. */
export function canSeeContent(viewer: Pick<CourseViewer, 'role'>, content: PublishedRef): boolean {
  return viewer.role === Role.Secretariat || content.publishedAt !== null;
}

/** A module of a visible course: published, and the whole course or this module is the person's. */
export function canSeeModule(viewer: CourseViewer, course: CourseRef, module: ModuleRef): boolean {
  if (!canSeeCourse(viewer, course) || !canSeeContent(viewer, module)) return false;
  return isEntitledToWholeCourse(viewer, course) || viewer.enrolledModuleIds.includes(module.id);
}

/** A lesson is visible when its course, its module and itself all are. */
export function canSeeLesson(
  viewer: CourseViewer,
  course: CourseRef,
  module: ModuleRef,
  lesson: PublishedRef,
): boolean {
  return canSeeModule(viewer, course, module) && canSeeContent(viewer, lesson);
}
