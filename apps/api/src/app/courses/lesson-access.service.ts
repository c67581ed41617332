import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, Repository } from 'typeorm';
import {
  canAuthorCourses,
  canSeeLesson,
  getsVillageModules,
  seesEveryCourse,
  type CourseViewer,
} from '../access/course-access-policy';
import type { AuthUser } from '../auth/auth-user';
import { notFound, secretariatOnly } from '../common/app-exception';
import { Course, CourseModule, Lesson } from '../database/entities';
import { findViewerFacts } from './courses.queries';

export interface LessonInCourse {
  lesson: Lesson;
  module: CourseModule;
  course: Course;
}

/** The facts the course access rules need about a person and one course. */
export type ViewerFacts = Pick<AuthUser, 'id' | 'role' | 'villageId'>;

/**
 * The one place that answers "may this person see (or author) this lesson?". The video part
 * calls it before it hands out playback; the catalogue and progress use it too.
 */
@Injectable()
export class LessonAccessService {
  constructor(
    @InjectRepository(Lesson) private readonly lessons: Repository<Lesson>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The lesson with its module and course, or 404 "Lesson not found" when the person may not see it. */
  async findViewableLesson(actor: AuthUser, lessonId: string): Promise<LessonInCourse> {
    const found = await this.findLesson(lessonId);
    if (!found || !(await this.canView(actor, found))) throw notFound('Lesson not found');
    return found;
  }

  /** The lesson for the secretariat to change: 403 for anyone else, 404 when unknown. */
  async findAuthorableLesson(actor: AuthUser, lessonId: string): Promise<LessonInCourse> {
    if (!canAuthorCourses(actor)) throw secretariatOnly('Only the secretariat can edit lessons.');
    const found = await this.findLesson(lessonId);
    if (!found) throw notFound('Lesson not found');
    return found;
  }

  /** The lesson with its module and course, whoever asks; null when there is none. */
  async findLesson(lessonId: string): Promise<LessonInCourse | null> {
    if (!isUUID(lessonId)) return null;
    const lesson = await this.lessons.findOne({
      where: { id: lessonId },
      relations: { module: { course: true } },
    });
    const module = lesson?.module;
    const course = module?.course;
    if (!lesson || !module || !course) return null;
    return { lesson, module, course };
  }

  async canView(actor: ViewerFacts, { lesson, module, course }: LessonInCourse): Promise<boolean> {
    const viewer = await this.viewerOf(actor, course.id);
    return canSeeLesson(viewer, course, module, lesson);
  }

  /**
   * Whether the person's village is in a cohort, whether they were invited to or are enrolled in
   * the course, and which of its modules their village is enrolled in (mini-BLUP).
   */
  async viewerOf(actor: ViewerFacts, courseId: string): Promise<CourseViewer> {
    if (seesEveryCourse(actor)) {
      return {
        role: actor.role,
        villageInCohort: false,
        invited: false,
        enrolled: false,
        enrolledModuleIds: [],
      };
    }
    const row = await findViewerFacts(this.db, actor, courseId, getsVillageModules(actor));
    return {
      role: actor.role,
      villageInCohort: row.in_cohort,
      invited: row.invited,
      enrolled: row.enrolled,
      enrolledModuleIds: row.module_ids ?? [],
    };
  }
}
