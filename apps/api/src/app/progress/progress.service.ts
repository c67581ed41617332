import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  LessonKind,
  Role,
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
import {
  completionThreshold,
  lessonProgress,
  markLessonComplete,
  percentOf,
} from '../courses/course-progress';
import {
  contentVisibleSql,
  courseVisibleSql,
  moduleVisibleSql,
} from '../courses/course-visibility';
import { LessonAccessService } from '../courses/lesson-access.service';
import { coveredRange, heartbeatProblem, resumePosition } from './heartbeat';
import { HeartbeatBody, PersonProgressQuery, VillageProgressQuery } from './progress.dto';

interface ProgressRow {
  covered_seconds: number;
  position_seconds: number;
  completed_at: Date | null;
}

/**
 * Merges the stretch into the person's coverage in one statement: the row lock taken by
 * ON CONFLICT DO UPDATE serialises two tabs, and each merges into the other's committed ranges,
 * so nothing is lost. Completion is set once, when the unique seconds reach the threshold.
 */
const HEARTBEAT_SQL = `
  INSERT INTO lesson_progress AS p
         (user_id, lesson_id, coverage, covered_seconds, position_seconds, completed_at, updated_at)
  VALUES ($1, $2, int4multirange(int4range($3::int, $4::int)), $4::int - $3::int, $5,
          CASE WHEN $4::int - $3::int >= $6::float8 THEN now() END, now())
  ON CONFLICT (user_id, lesson_id) DO UPDATE SET
    coverage = p.coverage + EXCLUDED.coverage,
    covered_seconds = (SELECT coalesce(sum(upper(r) - lower(r)), 0)::int
                         FROM unnest(p.coverage + EXCLUDED.coverage) AS r),
    position_seconds = EXCLUDED.position_seconds,
    completed_at = COALESCE(p.completed_at,
      CASE WHEN (SELECT coalesce(sum(upper(r) - lower(r)), 0)
                   FROM unnest(p.coverage + EXCLUDED.coverage) AS r) >= $6::float8 THEN now() END),
    updated_at = now()
  RETURNING p.covered_seconds, p.position_seconds, p.completed_at`;

/** The course's ($1) published lessons in published modules: what completion counts. */
const PUBLISHED_LESSONS_SQL = `
  SELECT l.id FROM lessons l JOIN course_modules m ON m.id = l.module_id
   WHERE m.course_id = $1 AND m.published_at IS NOT NULL AND l.published_at IS NOT NULL`;

/**
 * Per person (`u`): the course's ($1) lessons they may see and how many of those they have
 * completed. A steering member sees the modules `moduleVisibleSql` gives them (the catalogue's
 * rule: the whole course in a cohort, only the enrolled module for a mini-BLUP village); others
 * every published module.
 */
const VISIBLE_LESSONS_LATERAL = `LEFT JOIN LATERAL (
  SELECT count(*)::int AS lessons, count(vp.completed_at)::int AS completed
    FROM lessons l JOIN course_modules m ON m.id = l.module_id
    LEFT JOIN lesson_progress vp
      ON vp.user_id = u.id AND vp.lesson_id = l.id AND vp.completed_at IS NOT NULL
   WHERE m.course_id = $1 AND l.published_at IS NOT NULL AND m.published_at IS NOT NULL
     AND (u.role <> 'steering_member' OR ${moduleVisibleSql(Role.SteeringMember, 'm', 'u.id')})
) vis ON TRUE`;

@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: LessonAccessService,
  ) {}

  async heartbeat(
    actor: AuthUser,
    lessonId: string,
    hb: HeartbeatBody,
  ): Promise<LessonProgressDto> {
    const found = await this.access.findLesson(lessonId);
    if (!found) throw notFound('Lesson not found');
    if (!(await this.access.canView(actor, found))) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.Forbidden,
        'You cannot watch this lesson',
      );
    }
    const { lesson } = found;
    if (lesson.kind !== LessonKind.Video) {
      throw badRequest('Only video lessons take heartbeats; mark other lessons as done instead.');
    }
    const duration = lesson.durationSeconds;
    if (!duration)
      throw badRequest('This video has no known duration yet, so progress cannot be kept.');
    const problem = heartbeatProblem(hb, duration);
    if (problem) throw badRequest(problem);
    const [lower, upper] = coveredRange(hb, duration);
    const [row] = await this.db.query<ProgressRow[]>(HEARTBEAT_SQL, [
      actor.id,
      lessonId,
      lower,
      upper,
      resumePosition(hb, duration),
      completionThreshold(duration),
    ]);
    return lessonProgress(lesson.kind, duration, toProgress(row));
  }

  async complete(actor: AuthUser, lessonId: string): Promise<LessonProgressDto> {
    const { lesson } = await this.access.findViewableLesson(actor, lessonId);
    if (lesson.kind === LessonKind.Video) {
      throw badRequest('A video lesson completes when you have watched 90% of it.');
    }
    await markLessonComplete(this.db, actor.id, lessonId);
    return lessonProgress(lesson.kind, null, {
      positionSeconds: 0,
      coveredSeconds: 0,
      completed: true,
    });
  }

  /** The most recently watched video lesson the person has not finished and may still see. */
  async continueWatching(actor: AuthUser): Promise<ContinueWatchingDto | null> {
    const [row] = await this.db.query<
      {
        course_id: string;
        course_title: string;
        lesson_id: string;
        lesson_title: string;
        position_seconds: number;
        covered_seconds: number;
        duration_seconds: number | null;
      }[]
    >(
      `SELECT c.id AS course_id, c.title AS course_title, l.id AS lesson_id, l.title AS lesson_title,
              p.position_seconds, p.covered_seconds, l.duration_seconds
         FROM lesson_progress p
         JOIN lessons l ON l.id = p.lesson_id
         JOIN course_modules m ON m.id = l.module_id
         JOIN courses c ON c.id = m.course_id
        WHERE p.user_id = $1 AND p.completed_at IS NULL AND l.kind = 'video'
          AND ${contentVisibleSql(actor.role, 'l')} AND ${moduleVisibleSql(actor.role, 'm', '$1')}
          AND ${courseVisibleSql(actor.role, 'c', '$1')}
        ORDER BY p.updated_at DESC
        LIMIT 1`,
      [actor.id],
    );
    if (!row) return null;
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

  /** Per village: its steering members' completion of the course's published lessons. */
  async villages(actor: AuthUser, query: VillageProgressQuery): Promise<Page<VillageProgressDto>> {
    const scope = this.reportScope(actor);
    await this.publishedLessonCount(actor, query.courseId);
    const { skip, take } = pageWindow(query);
    const params: unknown[] = [query.courseId, take, skip];
    const where: string[] = [];
    if (scope) {
      params.push(scope);
      where.push(`v.municipality_id = $${params.length}`);
    }
    if (query.q) {
      params.push(likePattern(query.q));
      where.push(`v.name ILIKE $${params.length}`);
    }
    const rows = await this.db.query<
      {
        id: string;
        name: string;
        municipality_name: string;
        members: number;
        completed: number;
        lessons: number;
        total: string;
      }[]
    >(
      `SELECT v.id, v.name, mu.name AS municipality_name,
              count(u.id)::int AS members,
              coalesce(sum(vis.completed), 0)::int AS completed,
              coalesce(sum(vis.lessons), 0)::int AS lessons,
              count(*) OVER () AS total
         FROM villages v
         JOIN municipalities mu ON mu.id = v.municipality_id
         LEFT JOIN users u ON u.village_id = v.id AND u.role = 'steering_member' AND u.disabled_at IS NULL
         ${VISIBLE_LESSONS_LATERAL}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        GROUP BY v.id, mu.name
        ORDER BY v.name, v.id
        LIMIT $2 OFFSET $3`,
      params,
    );
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
    const scope = this.reportScope(actor);
    await this.publishedLessonCount(actor, query.courseId);
    const { skip, take } = pageWindow(query);
    const params: unknown[] = [query.courseId, take, skip];
    const where: string[] = [`u.role <> 'secretariat'`, 'u.disabled_at IS NULL'];
    if (scope) {
      params.push(scope);
      where.push(`u.municipality_id = $${params.length}`);
    }
    if (query.villageId) {
      params.push(query.villageId);
      where.push(`u.village_id = $${params.length}`);
    }
    if (query.q) {
      params.push(likePattern(query.q));
      where.push(`u.name ILIKE $${params.length}`);
    }
    const rows = await this.db.query<
      {
        id: string;
        name: string;
        village_name: string | null;
        completed: number;
        lessons: number;
        last_activity_at: Date | null;
        total: string;
      }[]
    >(
      `WITH course_lessons AS (${PUBLISHED_LESSONS_SQL}),
            course AS (SELECT audience FROM courses WHERE id = $1)
       SELECT u.id, u.name, v.name AS village_name,
              coalesce(vis.completed, 0)::int AS completed, coalesce(vis.lessons, 0)::int AS lessons,
              pr.last_activity_at,
              count(*) OVER () AS total
         FROM users u
         LEFT JOIN villages v ON v.id = u.village_id
         LEFT JOIN LATERAL (
           SELECT count(p.completed_at) AS completed, max(p.updated_at) AS last_activity_at
             FROM lesson_progress p
            WHERE p.user_id = u.id AND p.lesson_id IN (SELECT id FROM course_lessons)
         ) pr ON TRUE
         ${VISIBLE_LESSONS_LATERAL}
        WHERE ${where.join(' AND ')}
          AND (pr.last_activity_at IS NOT NULL
               OR EXISTS (SELECT 1 FROM course_access a WHERE a.course_id = $1 AND a.user_id = u.id)
               OR ((SELECT audience FROM course) = 'village_process'
                   AND u.role = 'steering_member' AND v.cohort_id IS NOT NULL))
        ORDER BY u.name, u.id
        LIMIT $2 OFFSET $3`,
      params,
    );
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

  private async publishedLessonCount(actor: AuthUser, courseId: string): Promise<number> {
    const [course] = await this.db.query<{ published: boolean; lessons: number }[]>(
      `SELECT c.published_at IS NOT NULL AS published,
              (SELECT count(*)::int FROM (${PUBLISHED_LESSONS_SQL}) x) AS lessons
         FROM courses c WHERE c.id = $1`,
      [courseId],
    );
    if (!course || (!course.published && !canAuthorCourses(actor))) {
      throw notFound('Course not found');
    }
    return course.lessons;
  }
}

function badRequest(message: string): AppException {
  return new AppException(HttpStatus.BAD_REQUEST, ErrorCode.BadRequest, message);
}

function toProgress(row: ProgressRow): {
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
