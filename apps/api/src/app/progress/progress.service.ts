import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  LessonKind,
  type ContinueWatchingDto,
  type LessonProgressDto,
  type Page,
  type PersonProgressDto,
  type VillageProgressDto,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import { pipelineScope } from '../access/access-policy';
import { canAuthorCourses } from '../access/course-access-policy';
import type { AuthUser } from '../auth/auth-user';
import { AppException, notFound } from '../common/app-exception';
import { likePattern, pageWindow, toPage } from '../common/pagination';
import { lessonProgress, percentOf } from '../courses/course-progress';
import { LessonAccessService } from '../courses/lesson-access.service';
import type { LessonProgressRow } from '../courses/lesson-progress.queries';
import { LessonProgressService } from '../courses/lesson-progress.service';
import { DURATION_TOLERANCE_SECONDS, heartbeatProblem } from './heartbeat';
import { HeartbeatBody, PersonProgressQuery, VillageProgressQuery } from './progress.dto';
import {
  findContinueWatching,
  type ContinueRow,
  findCourseLessonCount,
  findPersonProgress,
  findVillageProgress,
  type ReportPage,
} from './progress.queries';

/** "Continue where you left off" from its row (findContinueWatching, or the home page's). */
export function continueWatchingDto(row: ContinueRow): ContinueWatchingDto {
  return {
    courseId: row.course_id,
    courseTitle: row.course_title,
    lessonId: row.lesson_id,
    lessonTitle: row.lesson_title,
    positionSeconds: row.position_seconds,
    percent: lessonProgress(LessonKind.Video, row.duration_seconds, {
      positionSeconds: row.position_seconds,
      coveredSeconds: row.covered_seconds,
      completed: false,
    }).percent,
  };
}

@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: LessonAccessService,
    private readonly progressStore: LessonProgressService,
  ) {}

  /**
   * One statement (`recordHeartbeats`, shared with the heartbeats sent at the same moment)
   * checks the lesson and the viewer's access and merges the stretch; the answer is decided from
   * the lesson facts it returns, in the order 404 (no such lesson), 403 (not yours to watch),
   * 400 (not a timed video, or an impossible stretch, with nothing changed).
   */
  async heartbeat(
    actor: AuthUser,
    lessonId: string,
    hb: HeartbeatBody,
  ): Promise<LessonProgressDto> {
    const { lesson, row } = await this.progressStore.recordHeartbeat({
      viewer: { id: actor.id, role: actor.role },
      lessonId,
      claim: {
        fromSeconds: hb.fromSeconds,
        toSeconds: hb.toSeconds,
        positionSeconds: hb.positionSeconds,
        ended: hb.event === 'ended',
        // Everything but the bounds of the video, which only the statement knows.
        plausible: heartbeatProblem(hb, Infinity) === null,
        toleranceSeconds: DURATION_TOLERANCE_SECONDS,
      },
    });
    if (!lesson) throw notFound('Lesson not found');
    if (!lesson.viewable) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.Forbidden,
        'You cannot watch this lesson',
      );
    }
    if (lesson.kind !== LessonKind.Video) {
      throw badRequest('Only video lessons take heartbeats; mark other lessons as done instead.');
    }
    const duration = lesson.durationSeconds;
    if (!duration)
      throw badRequest('This video has no known duration yet, so progress cannot be kept.');
    const problem = heartbeatProblem(hb, duration);
    if (problem) throw badRequest(problem);
    if (!row) {
      // The statement's clipping and heartbeatProblem disagree: a bug, not the viewer's fault.
      throw new Error(`A valid heartbeat on lesson ${lessonId} was not recorded`);
    }
    return lessonProgress(lesson.kind, duration, toProgress(row));
  }

  async complete(actor: AuthUser, lessonId: string): Promise<LessonProgressDto> {
    const { lesson } = await this.access.findViewableLesson(actor, lessonId);
    if (lesson.kind === LessonKind.Video) {
      throw badRequest('A video lesson completes when you have watched 90% of it.');
    }
    await this.progressStore.complete(actor.id, lessonId);
    return lessonProgress(lesson.kind, null, {
      positionSeconds: 0,
      coveredSeconds: 0,
      completed: true,
    });
  }

  /** The most recently watched video lesson the person has not finished and may still see. */
  async continueWatching(actor: AuthUser): Promise<ContinueWatchingDto | null> {
    const row = await findContinueWatching(this.db, actor);
    return row ? continueWatchingDto(row) : null;
  }

  /** Per village: its steering members' completion of the course's published lessons. */
  async villages(actor: AuthUser, query: VillageProgressQuery): Promise<Page<VillageProgressDto>> {
    const rows = await findVillageProgress(this.db, await this.reportPage(actor, query));
    return toPage(
      rows.map((r) => ({
        villageId: r.id,
        villageName: r.name,
        municipalityName: r.municipality_name,
        members: r.members,
        // Each member counts the lessons they may see (a mini-BLUP village: its module only).
        percent: percentOf(r.completed, r.lessons),
        lessonsCompleted: r.completed,
      })),
      rows.length ? Number(rows[0].total) : 0,
      query,
    );
  }

  /**
   * Per person in scope who takes the course: invited to it, a steering member of a village in a
   * cohort (village-process courses), or anyone who has made progress in it.
   */
  async people(actor: AuthUser, query: PersonProgressQuery): Promise<Page<PersonProgressDto>> {
    const rows = await findPersonProgress(this.db, {
      ...(await this.reportPage(actor, query)),
      villageId: query.villageId,
    });
    return toPage(
      rows.map((r) => ({
        userId: r.id,
        name: r.name,
        villageName: r.village_name,
        percent: percentOf(r.completed, r.lessons),
        lessonsCompleted: r.completed,
        lastActivityAt: r.last_activity_at ? new Date(r.last_activity_at).toISOString() : null,
      })),
      rows.length ? Number(rows[0].total) : 0,
      query,
    );
  }

  /** The municipality a coordinator reports on; null for the secretariat; 403 for others. */
  private reportScope(actor: AuthUser): string | null {
    const scope = pipelineScope(actor);
    if (scope?.kind === 'all') return null;
    if (scope?.kind === 'municipality') return scope.municipalityId;
    throw new AppException(
      HttpStatus.FORBIDDEN,
      ErrorCode.Forbidden,
      'Only the secretariat and municipal coordinators can see progress reports.',
    );
  }

  /** The report's page: 404 for a course the reader may not see, 403 for a reader who may not report. */
  private async reportPage(
    actor: AuthUser,
    query: VillageProgressQuery | PersonProgressQuery,
  ): Promise<ReportPage> {
    const municipalityId = this.reportScope(actor);
    const course = await findCourseLessonCount(this.db, query.courseId);
    if (!course || (!course.published && !canAuthorCourses(actor))) {
      throw notFound('Course not found');
    }
    const { skip, take } = pageWindow(query);
    return {
      courseId: query.courseId,
      take,
      skip,
      municipalityId,
      pattern: query.q ? likePattern(query.q) : undefined,
    };
  }
}

function badRequest(message: string): AppException {
  return new AppException(HttpStatus.BAD_REQUEST, ErrorCode.BadRequest, message);
}

function toProgress(row: LessonProgressRow): {
  positionSeconds: number;
  coveredSeconds: number;
  completed: boolean;
} {
  return {
    positionSeconds: row.position_seconds,
    coveredSeconds: row.covered_seconds,
    completed: row.completed_at !== null,
  };
}
