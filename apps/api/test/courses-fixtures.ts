import { CourseAudience, CSRF_COOKIE, CSRF_HEADER, LessonKind } from '@blup/contracts';
import { DataSource } from 'typeorm';
import { Course, CourseAccess, CourseModule, Lesson } from '../src/app/database/entities';
import type { TestClient, TestResponse } from './http-client';

export interface CourseSpec {
  audience?: CourseAudience;
  published?: boolean;
  title?: string;
}

export interface LessonSpec {
  kind?: LessonKind;
  published?: boolean;
  modulePublished?: boolean;
  durationSeconds?: number | null;
  title?: string;
}

/** Courses, modules and lessons written through the real repositories. */
export class CourseFixtures {
  constructor(private readonly db: DataSource) {}

  course(spec: CourseSpec = {}): Promise<Course> {
    const repo = this.db.getRepository(Course);
    return repo.save(
      repo.create({
        title: spec.title ?? `Kursus ${Math.random().toString(36).slice(2, 8)}`,
        audience: spec.audience ?? CourseAudience.VillageProcess,
        publishedAt: spec.published === false ? null : new Date(),
      }),
    );
  }

  async module(course: Course, published = true, position?: number): Promise<CourseModule> {
    const repo = this.db.getRepository(CourseModule);
    const count = await repo.countBy({ courseId: course.id });
    return repo.save(
      repo.create({
        courseId: course.id,
        title: `Modul ${count + 1}`,
        position: position ?? count,
        publishedAt: published ? new Date() : null,
      }),
    );
  }

  async lesson(module: CourseModule, spec: LessonSpec = {}): Promise<Lesson> {
    const repo = this.db.getRepository(Lesson);
    const count = await repo.countBy({ moduleId: module.id });
    const kind = spec.kind ?? LessonKind.Video;
    return repo.save(
      repo.create({
        moduleId: module.id,
        title: spec.title ?? `Lektion ${count + 1}`,
        kind,
        position: count,
        publishedAt: spec.published === false ? null : new Date(),
        durationSeconds:
          spec.durationSeconds === undefined
            ? kind === LessonKind.Video
              ? 100
              : null
            : spec.durationSeconds,
      }),
    );
  }

  /** A published course with one published module holding one lesson. */
  async courseWithLesson(
    courseSpec: CourseSpec = {},
    lessonSpec: LessonSpec = {},
  ): Promise<{ course: Course; module: CourseModule; lesson: Lesson }> {
    const course = await this.course(courseSpec);
    const module = await this.module(course, lessonSpec.modulePublished !== false);
    const lesson = await this.lesson(module, lessonSpec);
    return { course, module, lesson };
  }

  invite(course: Course, user: { id: string }): Promise<CourseAccess> {
    const repo = this.db.getRepository(CourseAccess);
    return repo.save(repo.create({ courseId: course.id, userId: user.id, grantedById: null }));
  }
}

export function put<T>(client: TestClient, path: string, body: unknown): Promise<TestResponse<T>> {
  return client.request<T>('PUT', path, body);
}

/** A multipart upload of one file in the field `file`, with the session and CSRF header. */
export async function upload(
  client: TestClient,
  path: string,
  fileName: string,
  content: Buffer,
): Promise<TestResponse> {
  if (!client.cookie(CSRF_COOKIE)) await client.raw('GET', '/api/auth/csrf');
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), fileName);
  const cookie = ['blup_session', '__Host-blup_session', CSRF_COOKIE]
    .map((n) => [n, client.cookie(n)] as const)
    .filter(([, v]) => v)
    .map(([n, v]) => `${n}=${v}`)
    .join('; ');
  const res = await fetch(client.baseUrl + path, {
    method: 'POST',
    body: form,
    headers: { cookie, [CSRF_HEADER]: client.cookie(CSRF_COOKIE) ?? '' },
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, body };
}
