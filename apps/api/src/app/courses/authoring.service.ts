import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  LessonKind,
  type CourseDto,
  type CourseModuleDto,
  type LessonDto,
} from '@blup/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { canAuthorCourses } from '../access/course-access-policy';
import type { AuthUser } from '../auth/auth-user';
import { AppException, fieldError, notFound, secretariatOnly } from '../common/app-exception';
import { Course, CourseAccess, CourseModule, Lesson, User } from '../database/entities';
import {
  childIds,
  courseOfModule,
  deleteRow,
  densify,
  firstOfferingOfModule,
  insertCourseAccess,
  LESSONS_OF_MODULE,
  lockRow,
  MODULES_OF_COURSE,
  nextCoursePosition,
  nextPosition,
  fileKeysOfModule,
  setOrder,
  type Ordered,
} from './authoring.queries';
import { CatalogueService } from './catalogue.service';
import {
  CreateCourseBody,
  CreateLessonBody,
  CreateModuleBody,
  UpdateCourseBody,
  UpdateLessonBody,
  UpdateModuleBody,
} from './course.dto';
import { sanitiseLessonHtml } from './lesson-html';
import { LessonAccessService } from './lesson-access.service';
import { displayFileName } from '../common/file-download';
import { detectResourceType } from './resource-file';
import { FileStore } from '../files/file-store';

export interface UploadedResource {
  originalname: string;
  buffer: Buffer;
  size: number;
}

const publishedAt = (published: boolean | undefined, current: Date | null): Date | null =>
  published === undefined ? current : published ? (current ?? new Date()) : null;

/** The secretariat's side: courses, modules and lessons, their order, resources and invitations. */
@Injectable()
export class AuthoringService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: FileStore,
    private readonly catalogue: CatalogueService,
    private readonly access: LessonAccessService,
  ) {}

  async createCourse(actor: AuthUser, body: CreateCourseBody): Promise<CourseDto> {
    this.assertAuthor(actor);
    const id = await this.db.transaction(async (tx) => {
      const next = await nextCoursePosition(tx);
      const repo = tx.getRepository(Course);
      const course = await repo.save(
        repo.create({
          title: body.title,
          summary: body.summary ?? '',
          audience: body.audience,
          language: body.language ?? 'da',
          position: next,
          publishedAt: null,
        }),
      );
      return course.id;
    });
    return this.catalogue.getForAuthor(actor, id);
  }

  async updateCourse(actor: AuthUser, id: string, body: UpdateCourseBody): Promise<CourseDto> {
    this.assertAuthor(actor);
    const repo = this.db.getRepository(Course);
    const course = await repo.findOneBy({ id });
    if (!course) throw notFound('Course not found');
    await repo.update(id, {
      title: body.title ?? course.title,
      summary: body.summary ?? course.summary,
      audience: body.audience ?? course.audience,
      language: body.language ?? course.language,
      publishedAt: publishedAt(body.published, course.publishedAt),
    });
    return this.catalogue.getForAuthor(actor, id);
  }

  async createModule(
    actor: AuthUser,
    courseId: string,
    body: CreateModuleBody,
  ): Promise<CourseModuleDto> {
    this.assertAuthor(actor);
    const id = await this.db.transaction(async (tx) => {
      await this.lockCourse(tx, courseId);
      const repo = tx.getRepository(CourseModule);
      const module = await repo.save(
        repo.create({
          courseId,
          title: body.title,
          summary: body.summary ?? '',
          phase: body.phase ?? null,
          months: body.months ?? '',
          position: await nextPosition(tx, MODULES_OF_COURSE, courseId),
          publishedAt: null,
        }),
      );
      return module.id;
    });
    return this.moduleDto(actor, id);
  }

  async updateModule(
    actor: AuthUser,
    id: string,
    body: UpdateModuleBody,
  ): Promise<CourseModuleDto> {
    this.assertAuthor(actor);
    const repo = this.db.getRepository(CourseModule);
    const module = await repo.findOneBy({ id });
    if (!module) throw notFound('Module not found');
    await repo.update(id, {
      title: body.title ?? module.title,
      summary: body.summary ?? module.summary,
      phase: body.phase === undefined ? module.phase : body.phase,
      months: body.months ?? module.months,
      publishedAt: publishedAt(body.published, module.publishedAt),
    });
    return this.moduleDto(actor, id);
  }

  async deleteModule(actor: AuthUser, id: string): Promise<void> {
    this.assertAuthor(actor);
    const keys = await this.db.transaction(async (tx) => {
      const courseId = await courseOfModule(tx, id);
      if (!courseId) throw notFound('Module not found');
      await this.lockCourse(tx, courseId);
      // A mini-BLUP offering is for this module (issue 6): its enrolments would lose their access.
      const offering = await firstOfferingOfModule(tx, id);
      if (offering) {
        throw new AppException(
          HttpStatus.CONFLICT,
          ErrorCode.ModuleHasOfferings,
          `The module cannot be deleted: the offering “${offering}” is for it.`,
          { params: { name: offering } },
        );
      }
      const keys = await fileKeysOfModule(tx, id);
      await deleteRow(tx, MODULES_OF_COURSE, id);
      await densify(tx, MODULES_OF_COURSE, courseId);
      return keys;
    });
    await this.files.delete(keys);
  }

  async reorderModules(actor: AuthUser, courseId: string, ids: string[]): Promise<CourseDto> {
    this.assertAuthor(actor);
    await this.db.transaction(async (tx) => {
      await this.lockCourse(tx, courseId);
      await this.reorder(tx, MODULES_OF_COURSE, courseId, ids, 'module');
    });
    return this.catalogue.getForAuthor(actor, courseId);
  }

  async createLesson(
    actor: AuthUser,
    moduleId: string,
    body: CreateLessonBody,
  ): Promise<LessonDto> {
    this.assertAuthor(actor);
    const id = await this.db.transaction(async (tx) => {
      await this.lockModule(tx, moduleId);
      const repo = tx.getRepository(Lesson);
      const lesson = await repo.save(
        repo.create({
          moduleId,
          title: body.title,
          kind: body.kind,
          body: body.kind === LessonKind.Text ? sanitiseLessonHtml(body.body ?? '') : '',
          inspiration: body.inspiration ?? false,
          position: await nextPosition(tx, LESSONS_OF_MODULE, moduleId),
          publishedAt: null,
        }),
      );
      return lesson.id;
    });
    return this.lessonDto(actor, id);
  }

  async updateLesson(actor: AuthUser, id: string, body: UpdateLessonBody): Promise<LessonDto> {
    const { lesson } = await this.access.findAuthorableLesson(actor, id);
    if (body.body !== undefined && lesson.kind !== LessonKind.Text) {
      throw fieldError(ErrorCode.BadRequest, 'body', 'Only text lessons have a body.');
    }
    await this.db.getRepository(Lesson).update(id, {
      title: body.title ?? lesson.title,
      body: body.body === undefined ? lesson.body : sanitiseLessonHtml(body.body),
      inspiration: body.inspiration ?? lesson.inspiration,
      publishedAt: publishedAt(body.published, lesson.publishedAt),
    });
    return this.lessonDto(actor, id);
  }

  async deleteLesson(actor: AuthUser, id: string): Promise<void> {
    const { lesson } = await this.access.findAuthorableLesson(actor, id);
    await this.db.transaction(async (tx) => {
      await this.lockModule(tx, lesson.moduleId);
      await deleteRow(tx, LESSONS_OF_MODULE, id);
      await densify(tx, LESSONS_OF_MODULE, lesson.moduleId);
    });
    await this.files.delete([
      ...(lesson.resourceFileKey ? [lesson.resourceFileKey] : []),
      ...lesson.captions.map((c) => c.fileKey),
    ]);
  }

  async reorderLessons(actor: AuthUser, moduleId: string, ids: string[]): Promise<CourseModuleDto> {
    this.assertAuthor(actor);
    await this.db.transaction(async (tx) => {
      await this.lockModule(tx, moduleId);
      await this.reorder(tx, LESSONS_OF_MODULE, moduleId, ids, 'lesson');
    });
    return this.moduleDto(actor, moduleId);
  }

  /** Stores a PDF, DOCX or XLSX for a resource lesson under a random key. */
  async uploadResource(
    actor: AuthUser,
    id: string,
    file: UploadedResource | undefined,
  ): Promise<LessonDto> {
    const { lesson } = await this.access.findAuthorableLesson(actor, id);
    if (lesson.kind !== LessonKind.Resource) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.BadRequest,
        'Only resource lessons take a file.',
      );
    }
    if (!file) {
      throw fieldError(ErrorCode.BadRequest, 'file', 'Send one file in the form field "file".');
    }
    const type = await detectResourceType(file.originalname, file.buffer);
    if (!type) {
      throw new AppException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        ErrorCode.BadRequest,
        'Resources must be PDF, DOCX or XLSX files: the file name must end in .pdf, .docx or .xlsx and the content must be that kind of file.',
      );
    }
    const key = `resources/${randomUUID()}${type.extension}`;
    await this.files.put(key, file.buffer, type.mimeType);
    await this.db.getRepository(Lesson).update(id, {
      resourceFileKey: key,
      resourceFileName: displayFileName(file.originalname, `resource${type.extension}`),
      resourceMimeType: type.mimeType,
      resourceSizeBytes: file.size,
    });
    if (lesson.resourceFileKey) await this.files.delete([lesson.resourceFileKey]);
    return this.lessonDto(actor, id);
  }

  async grantAccess(actor: AuthUser, courseId: string, userIds: string[]): Promise<void> {
    this.assertAuthor(actor);
    await this.findCourse(courseId);
    const unique = [...new Set(userIds)];
    const found = await this.db.getRepository(User).countBy({ id: In(unique) });
    if (found !== unique.length) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'userIds',
        'One or more of the people do not exist.',
      );
    }
    await insertCourseAccess(this.db, courseId, unique, actor.id);
  }

  async revokeAccess(actor: AuthUser, courseId: string, userId: string): Promise<void> {
    this.assertAuthor(actor);
    await this.findCourse(courseId);
    await this.db.getRepository(CourseAccess).delete({ courseId, userId });
  }

  private assertAuthor(actor: AuthUser): void {
    if (!canAuthorCourses(actor)) {
      throw secretariatOnly('Only the secretariat can create and edit courses.');
    }
  }

  private async findCourse(id: string): Promise<Course> {
    const course = await this.db.getRepository(Course).findOneBy({ id });
    if (!course) throw notFound('Course not found');
    return course;
  }

  private async lockCourse(tx: EntityManager, courseId: string): Promise<void> {
    if (!(await lockRow(tx, 'courses', courseId))) throw notFound('Course not found');
  }

  private async lockModule(tx: EntityManager, moduleId: string): Promise<void> {
    if (!(await lockRow(tx, 'course_modules', moduleId))) throw notFound('Module not found');
  }

  private async reorder(
    tx: EntityManager,
    ordered: Ordered,
    parentId: string,
    ids: string[],
    what: 'module' | 'lesson',
  ): Promise<void> {
    const current = new Set(await childIds(tx, ordered, parentId));
    const given = new Set(ids);
    if (
      given.size !== ids.length ||
      given.size !== current.size ||
      ids.some((id) => !current.has(id))
    ) {
      throw fieldError(
        ErrorCode.ValidationFailed,
        'ids',
        `ids must name every ${what} here exactly once (${current.size} in all).`,
      );
    }
    await setOrder(tx, ordered, ids);
  }

  private async moduleDto(actor: AuthUser, moduleId: string): Promise<CourseModuleDto> {
    const module = await this.db.getRepository(CourseModule).findOneByOrFail({ id: moduleId });
    const course = await this.catalogue.getForAuthor(actor, module.courseId);
    const dto = course.modules.find((m) => m.id === moduleId);
    if (!dto) throw notFound('Module not found');
    return dto;
  }

  private async lessonDto(actor: AuthUser, id: string): Promise<LessonDto> {
    const found = await this.access.findLesson(id);
    if (!found) throw notFound('Lesson not found');
    return this.catalogue.lessonDto(actor.id, found);
  }
}
