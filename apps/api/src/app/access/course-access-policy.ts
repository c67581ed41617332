import { CourseAudience, Role } from '@blup/contracts';

/**
 * Who may see and author courses. Pure functions over the few facts each rule needs; the
 * catalogue's SQL (courses/course-visibility.ts) asks the same questions for lists.
 *
 * Until enrolment lands: the secretariat sees and authors everything, drafts too; a published
 * village-process course is open to coordinators and to steering members of villages in a
 * cohort; any published course is open to people invited to it (a `course_access` row).
 */
export interface CourseViewer {
  role: Role;
  /** A steering member whose village takes part in a cohort. */
  villageInCohort: boolean;
  /** Holds a `course_access` row for the course in question. */
  invited: boolean;
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

/** Whether the person is entitled to the course at all, published or not. */
export function isEntitledToCourse(viewer: CourseViewer, course: CourseRef): boolean {
  if (viewer.role === Role.Secretariat || viewer.invited) return true;
  if (course.audience !== CourseAudience.VillageProcess) return false;
  return (
    viewer.role === Role.Coordinator ||
    (viewer.role === Role.SteeringMember && viewer.villageInCohort)
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

/** A lesson is visible when its course, its module and itself all are. */
export function canSeeLesson(
  viewer: CourseViewer,
  course: CourseRef,
  module: PublishedRef,
  lesson: PublishedRef,
): boolean {
  return (
    canSeeCourse(viewer, course) && canSeeContent(viewer, module) && canSeeContent(viewer, lesson)
  );
}
