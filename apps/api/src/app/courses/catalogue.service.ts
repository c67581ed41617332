import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LessonKind,
  Role,
  type CourseDto,
  type CourseModuleDto,
  type CourseSummaryDto,
  type LessonDto,
  type LessonSummaryDto,
  type Locale,
  type Page,
  type Phase,
  type VideoStatus,
  type CourseAudience,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/app-exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { likePattern, PageQueryDto, pageWindow, toPage } from '../common/pagination';
import type { Lesson } from '../database/entities';
import { lessonProgress, markLessonComplete, percentOf } from './course-progress';
import { attachmentHeader } from './resource-file';
import { contentVisibleSql, courseVisibleSql, moduleVisibleSql } from './course-visibility';
import { LessonAccessService, type LessonInCourse } from './lesson-access.service';

export interface ResourceDownload {
  file: StreamableFile;
}

interface CourseRow {
  id: string;
  title: string;
  summary: string;
  audience: CourseAudience;
  language: Locale;
  published_at: Date | null;
  module_count: number;
  lesson_count: number;
  completed_count: number;
  total: string;
}

interface ModuleRow {
  id: string;
  title: string;
  summary: string;
  phase: Phase | null;
  months: string;
  position: number;
  published_at: Date | null;
}

interface LessonRow {
  id: string;
  module_id: string;
  title: string;
  kind: LessonKind;
  position: number;
  published_at: Date | null;
  inspiration: boolean;
  duration_seconds: number | null;
  video_status: VideoStatus;
  position_seconds: number | null;
  covered_seconds: number | null;
  completed_at: Date | null;
}

/** What the person may see of the courses, with their own progress. */
@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: LessonAccessService,
  ) {}

  /** A resource lesson's file; downloading it completes the lesson for the person. */
  async resource(actor: AuthUser, lessonId: string): Promise<ResourceDownload> {
    const { lesson } = await this.access.findViewableLesson(actor, lessonId);
    if (lesson.kind !== LessonKind.Resource || !lesson.resourceFileKey) {
      throw notFound('This lesson has no file to download.');
    }
    const path = join(this.config.video.storageDir, lesson.resourceFileKey);
    const size = await stat(path).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) throw notFound('This lesson has no file to download.');
    await markLessonComplete(this.db, actor.id, lessonId);
    return {
      file: new StreamableFile(createReadStream(path), {
        type: lesson.resourceMimeType ?? 'application/octet-stream',
        length: size,
        disposition: attachmentHeader(lesson.resourceFileName ?? `resource`),
      }),
    };
  }

  async list(actor: AuthUser, query: PageQueryDto): Promise<Page<CourseSummaryDto>> {
    const { skip, take } = pageWindow(query);
    const params: unknown[] = [actor.id, take, skip];
    let search = '';
    if (query.q) {
      params.push(likePattern(query.q));
      search = `AND c.title ILIKE $${params.length}`;
    }
    const rows = await this.db.query<CourseRow[]>(
      `SELECT c.id, c.title, c.summary, c.audience, c.language, c.published_at,
              (SELECT count(*)::int FROM course_modules m
                WHERE m.course_id = c.id AND ${moduleVisibleSql(actor.role, 'm', '$1')}) AS module_count,
              stats.lesson_count, stats.completed_count,
              count(*) OVER () AS total
         FROM courses c
         CROSS JOIN LATERAL (
           SELECT count(l.id)::int AS lesson_count, count(p.completed_at)::int AS completed_count
             FROM course_modules m
             JOIN lessons l ON l.module_id = m.id
             LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.user_id = $1
            WHERE m.course_id = c.id
              AND ${moduleVisibleSql(actor.role, 'm', '$1')} AND ${contentVisibleSql(actor.role, 'l')}
         ) stats
        WHERE ${courseVisibleSql(actor.role, 'c', '$1')} ${search}
        ORDER BY c.position, c.title, c.id
        LIMIT $2 OFFSET $3`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : await this.countVisible(actor, query);
    return toPage(
      rows.map((r) => summaryOf(r)),
      total,
      query,
    );
  }

  async get(actor: AuthUser, courseId: string): Promise<CourseDto> {
    const [row] = await this.db.query<CourseRow[]>(
      `SELECT c.id, c.title, c.summary, c.audience, c.language, c.published_at,
              0 AS module_count, 0 AS lesson_count, 0 AS completed_count, '1' AS total
         FROM courses c
        WHERE c.id = $2 AND ${courseVisibleSql(actor.role, 'c', '$1')}`,
      [actor.id, courseId],
    );
    if (!row) throw notFound('Course not found');
    return this.courseDto(actor, row);
  }

  /** A course by id for the secretariat (no visibility rules), e.g. after an edit. */
  async getForAuthor(actor: AuthUser, courseId: string): Promise<CourseDto> {
    return this.get({ ...actor, role: Role.Secretariat }, courseId);
  }

  /** A lesson; opening a text lesson completes it for the person. */
  async lesson(actor: AuthUser, lessonId: string): Promise<LessonDto> {
    const found = await this.access.findViewableLesson(actor, lessonId);
    if (found.lesson.kind === LessonKind.Text)
      await markLessonComplete(this.db, actor.id, lessonId);
    return this.lessonDto(actor.id, found);
  }

  async lessonDto(userId: string, { lesson, course }: LessonInCourse): Promise<LessonDto> {
    const [p] = await this.db.query<
      { position_seconds: number; covered_seconds: number; completed_at: Date | null }[]
    >(
      `SELECT position_seconds, covered_seconds, completed_at
         FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2`,
      [userId, lesson.id],
    );
    return {
      ...lessonSummaryOf(lesson, p ?? null),
      courseId: course.id,
      moduleId: lesson.moduleId,
      body: lesson.kind === LessonKind.Text ? lesson.body : '',
      resource:
        lesson.kind === LessonKind.Resource && lesson.resourceFileKey
          ? {
              fileName: lesson.resourceFileName ?? 'resource',
              mimeType: lesson.resourceMimeType ?? 'application/octet-stream',
              sizeBytes: lesson.resourceSizeBytes ?? 0,
              url: `/api/lessons/${lesson.id}/resource`,
            }
          : null,
      playback: null,
    };
  }

  private async courseDto(actor: AuthUser, row: CourseRow): Promise<CourseDto> {
    const modules = await this.db.query<ModuleRow[]>(
      `SELECT m.id, m.title, m.summary, m.phase, m.months, m.position, m.published_at
         FROM course_modules m
        WHERE m.course_id = $1 AND ${moduleVisibleSql(actor.role, 'm', '$2')}
        ORDER BY m.position`,
      [row.id, actor.id],
    );
    const lessons = await this.db.query<LessonRow[]>(
      `SELECT l.id, l.module_id, l.title, l.kind, l.position, l.published_at, l.inspiration,
              l.duration_seconds, l.video_status,
              p.position_seconds, p.covered_seconds, p.completed_at
         FROM lessons l
         JOIN course_modules m ON m.id = l.module_id
         LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.user_id = $2
        WHERE m.course_id = $1
          AND ${moduleVisibleSql(actor.role, 'm', '$2')} AND ${contentVisibleSql(actor.role, 'l')}
        ORDER BY l.position`,
      [row.id, actor.id],
    );
    const byModule = new Map<string, LessonSummaryDto[]>();
    for (const l of lessons) {
      const list = byModule.get(l.module_id) ?? [];
      list.push(lessonRowToSummary(l));
      byModule.set(l.module_id, list);
    }
    const moduleDtos: CourseModuleDto[] = modules.map((m) => {
      const items = byModule.get(m.id) ?? [];
      return {
        id: m.id,
        title: m.title,
        summary: m.summary,
        phase: m.phase,
        months: m.months,
        position: m.position,
        published: m.published_at !== null,
        lessons: items,
        percent: percentOf(items.filter((l) => l.progress.completed).length, items.length),
      };
    });
    const all = moduleDtos.flatMap((m) => m.lessons);
    const completed = all.filter((l) => l.progress.completed).length;
    return {
      ...summaryOf({
        ...row,
        module_count: moduleDtos.length,
        lesson_count: all.length,
        completed_count: completed,
      }),
      modules: moduleDtos,
    };
  }

  private async countVisible(actor: AuthUser, query: PageQueryDto): Promise<number> {
    const params: unknown[] = [actor.id];
    let search = '';
    if (query.q) {
      params.push(likePattern(query.q));
      search = `AND c.title ILIKE $2`;
    }
    const [row] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM courses c WHERE ${courseVisibleSql(actor.role, 'c', '$1')} ${search}`,
      params,
    );
    return row.n;
  }
}

function summaryOf(r: Omit<CourseRow, 'total'>): CourseSummaryDto {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    audience: r.audience,
    language: r.language,
    published: r.published_at !== null,
    moduleCount: r.module_count,
    lessonCount: r.lesson_count,
    percent: percentOf(r.completed_count, r.lesson_count),
  };
}

function lessonRowToSummary(l: LessonRow): LessonSummaryDto {
  return {
    id: l.id,
    title: l.title,
    kind: l.kind,
    position: l.position,
    published: l.published_at !== null,
    inspiration: l.inspiration,
    durationSeconds: l.duration_seconds,
    videoStatus: l.video_status,
    progress: lessonProgress(
      l.kind,
      l.duration_seconds,
      l.position_seconds === null
        ? null
        : {
            positionSeconds: l.position_seconds,
            coveredSeconds: l.covered_seconds ?? 0,
            completed: l.completed_at !== null,
          },
    ),
  };
}

export function lessonSummaryOf(
  lesson: Lesson,
  p: { position_seconds: number; covered_seconds: number; completed_at: Date | null } | null,
): LessonSummaryDto {
  return lessonRowToSummary({
    id: lesson.id,
    module_id: lesson.moduleId,
    title: lesson.title,
    kind: lesson.kind,
    position: lesson.position,
    published_at: lesson.publishedAt,
    inspiration: lesson.inspiration,
    duration_seconds: lesson.durationSeconds,
    video_status: lesson.videoStatus,
    position_seconds: p?.position_seconds ?? null,
    covered_seconds: p?.covered_seconds ?? null,
    completed_at: p?.completed_at ?? null,
  });
}
