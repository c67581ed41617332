import type { CourseDto, LessonSummaryDto } from '@blup/contracts';

/** The lesson after `lessonId` in course order, across modules; null at the end. */
export function nextLesson(course: CourseDto, lessonId: string): LessonSummaryDto | null {
  const lessons = course.modules.flatMap((module) => module.lessons);
  const index = lessons.findIndex((lesson) => lesson.id === lessonId);
  return index >= 0 ? (lessons[index + 1] ?? null) : null;
}
