import { CITIZEN_PANEL_ENTITIES } from './citizen-panel';
import { NEWSLETTER_ENTITIES } from './newsletters';
import { ENROLMENT_ENTITIES } from './enrolment';
import { APPLICATION_ENTITIES } from './applications';
import { GATHERING_ENTITIES } from './gatherings';
import { GOAL_ENTITIES } from './goals';
import { INITIATIVE_ENTITIES } from './initiatives';
import { IDEA_ENTITIES } from './ideas';
import { HOTLINE_ENTITIES } from './hotline';
import { PLAN_ENTITIES } from './plans';
import { LIBRARY_ENTITIES } from './library';
import { PRIVACY_ENTITIES } from './privacy';
import { CalendarFeed } from './calendar-feed.entity';
import { Circle } from './circle.entity';
import { CircleSession } from './circle-session.entity';
import { Cohort } from './cohort.entity';
import { CourseAccess } from './course-access.entity';
import { CourseModule } from './course-module.entity';
import { Course } from './course.entity';
import { LessonProgress } from './lesson-progress.entity';
import { Lesson } from './lesson.entity';
import { VideoEvent } from './video-event.entity';
import { Municipality } from './municipality.entity';
import { OneTimeToken } from './one-time-token.entity';
import { User } from './user.entity';
import { UserSession } from './user-session.entity';
import { SessionAttendance } from './session-attendance.entity';
import { SessionPlan } from './session-plan.entity';
import { SessionReminder } from './session-reminder.entity';
import { SessionRsvp } from './session-rsvp.entity';
import { Village } from './village.entity';

export {
  CalendarFeed,
  Circle,
  CircleSession,
  Cohort,
  Course,
  CourseAccess,
  CourseModule,
  Lesson,
  LessonProgress,
  Municipality,
  OneTimeToken,
  SessionAttendance,
  SessionPlan,
  SessionReminder,
  SessionRsvp,
  User,
  UserSession,
  Village,
  VideoEvent,
};
export { LibraryDocument, LibraryDocumentVersion, LibraryLink } from './library';
export { ErasureAuditEntry, ErasureRequest, PrivacyExport } from './privacy';
export type { StoredCaption } from './lesson.entity';
export { personStatus } from './user.entity';
export type { OneTimeTokenKind } from './one-time-token.entity';

export const ENTITIES = [
  Municipality,
  Village,
  Cohort,
  User,
  UserSession,
  OneTimeToken,
  Course,
  CourseModule,
  Lesson,
  LessonProgress,
  CourseAccess,
  VideoEvent,
  Circle,
  SessionPlan,
  CircleSession,
  SessionRsvp,
  SessionAttendance,
  SessionReminder,
  CalendarFeed,
  ...CITIZEN_PANEL_ENTITIES,
  ...NEWSLETTER_ENTITIES,
  ...ENROLMENT_ENTITIES,
  ...APPLICATION_ENTITIES,
  ...GATHERING_ENTITIES,
  ...GOAL_ENTITIES,
  ...INITIATIVE_ENTITIES,
  ...IDEA_ENTITIES,
  ...HOTLINE_ENTITIES,
  ...PLAN_ENTITIES,
  ...LIBRARY_ENTITIES,
  ...PRIVACY_ENTITIES,
];
