import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LessonKind,
  Role,
  type CourseDto,
  type CourseModuleDto,
  type CourseSummaryDto,
  type LessonDto,
  type LessonSummaryDto,
  type Page,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/app-exception';
import { FileStore } from '../files/file-store';
import { storedDownload } from '../files/stored-download';
import { likePattern, PageQueryDto, pageWindow, toPage } from '../common/pagination';
import type { Lesson } from '../database/entities';
import { lessonProgress, percentOf } from './course-progress';
import {
  countVisibleCourses,
  findVisibleCourseContent,
  findVisibleCourses,
  type CourseContent,
  type CourseRow,
  type LessonRow,
} from './courses.queries';
import { LessonAccessService, type LessonInCourse } from './lesson-access.service';
import { findLessonProgress, type LessonProgressRow } from './lesson-progress.queries';
import { LessonProgressService } from './lesson-progress.service';
import { attachmentHeader } from '../common/file-download';

export interface ResourceDownload {
  file: StreamableFile;
}

/** What the person may see of the courses, with their own progress. */
@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: FileStore,
    private readonly access: LessonAccessService,
    private readonly progress: LessonProgressService,
  ) {}

  /** A resource lesson's file; downloading it completes the lesson for the person. */
  async resource(actor: AuthUser, lessonId: string): Promise<ResourceDownload> {
    const { lesson } = await this.access.findViewableLesson(actor, lessonId);
    if (lesson.kind !== LessonKind.Resource || !lesson.resourceFileKey) {
      throw notFound('This lesson has no file to download.');
    }
    const file = await storedDownload(this.files, lesson.resourceFileKey, {
      type: lesson.resourceMimeType ?? 'application/octet-stream',
      disposition: attachmentHeader(lesson.resourceFileName ?? `resource`),
    });
    if (!file) throw notFound('This lesson has no file to download.');
    await this.progress.complete(actor.id, lessonId).catch((error: unknown) => {
      file.getStream().destroy();
      throw error;
    });
    return { file };
  }

  async list(actor: AuthUser, query: PageQueryDto): Promise<Page<CourseSummaryDto>> {
    const { skip, take } = pageWindow(query);
    const pattern = query.q ? likePattern(query.q) : undefined;
    const rows = await findVisibleCourses(this.db, actor, { take, skip, pattern });
    const total = rows.length
      ? Number(rows[0].total)
      : await countVisibleCourses(this.db, actor, pattern);
    return toPage(
      rows.map((r) => summaryOf(r)),
      total,
      query,
    );
  }

  async get(actor: AuthUser, courseId: string): Promise<CourseDto> {
    const content = await findVisibleCourseContent(this.db, actor, courseId);
    if (!content) throw notFound('Course not found');
    return courseDto(content);
  }

  /** A course by id for the secretariat (no visibility rules), e.g. after an edit. */
  async getForAuthor(actor: AuthUser, courseId: string): Promise<CourseDto> {
    return this.get({ ...actor, role: Role.Secretariat }, courseId);
  }

  /** A lesson; opening a text lesson completes it for the person. */
  async lesson(actor: AuthUser, lessonId: string): Promise<LessonDto> {
    const found = await this.access.findViewableLesson(actor, lessonId);
    if (found.lesson.kind === LessonKind.Text) await this.progress.complete(actor.id, lessonId);
    return this.lessonDto(actor.id, found);
  }

  async lessonDto(userId: string, { lesson, course }: LessonInCourse): Promise<LessonDto> {
    const p = await findLessonProgress(this.db, userId, lesson.id);
    return {
      ...lessonSummaryOf(lesson, p),
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
}

function courseDto({ course: row, modules, lessons }: CourseContent): CourseDto {
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

export function lessonSummaryOf(lesson: Lesson, p: LessonProgressRow | null): LessonSummaryDto {
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
