import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  type CaptionTrackDto,
  type ContinueWatchingDto,
  type CourseDto,
  type CourseModuleDto,
  type CourseSummaryDto,
  type CreateCourseRequest,
  type CreateLessonRequest,
  type CreateModuleRequest,
  type HeartbeatRequest,
  type LessonDto,
  type LessonProgressDto,
  type Page,
  type PageQuery,
  type PersonProgressDto,
  type PlaybackDto,
  type ReorderRequest,
  type UpdateCourseRequest,
  type UpdateLessonRequest,
  type UpdateModuleRequest,
  type VideoUploadDto,
  type VillageProgressDto,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

export type CourseQuery = PageQuery;

export interface ProgressQuery extends PageQuery {
  courseId?: string;
  villageId?: string;
}

const id = encodeURIComponent;

/** The course catalogue, lessons, playback and progress; and, for the secretariat, authoring. */
@Injectable({ providedIn: 'root' })
export class CoursesApi {
  private readonly http = inject(HttpClient);

  courses(query: CourseQuery = {}): Observable<Page<CourseSummaryDto>> {
    return this.http.get<Page<CourseSummaryDto>>('/api/courses', { params: queryParams(query) });
  }

  course(courseId: string): Observable<CourseDto> {
    return this.http.get<CourseDto>(`/api/courses/${id(courseId)}`);
  }

  lesson(lessonId: string): Observable<LessonDto> {
    return this.http.get<LessonDto>(`/api/lessons/${id(lessonId)}`);
  }

  /** A fresh signed playback (tokens expire quickly). */
  playback(lessonId: string): Observable<PlaybackDto> {
    return this.http.get<PlaybackDto>(`/api/lessons/${id(lessonId)}/playback`);
  }

  /** Where the browser downloads a resource lesson's file. */
  resourceUrl(lessonId: string): string {
    return `/api/lessons/${id(lessonId)}/resource`;
  }

  heartbeat(lessonId: string, body: HeartbeatRequest): Observable<LessonProgressDto> {
    return this.http.post<LessonProgressDto>(`/api/lessons/${id(lessonId)}/heartbeats`, body);
  }

  /**
   * The same heartbeat for a page that is going away: `fetch` with `keepalive` outlives the
   * page, and carries the CSRF header itself because it bypasses HttpClient.
   */
  heartbeatOnLeave(lessonId: string, body: HeartbeatRequest): void {
    const token = readCookie(CSRF_COOKIE);
    void fetch(`/api/lessons/${id(lessonId)}/heartbeats`, {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...(token ? { [CSRF_HEADER]: token } : {}) },
      body: JSON.stringify(body),
    }).catch(() => undefined);
  }

  /** Text and resource lessons: opened, or "mark as done". */
  complete(lessonId: string): Observable<LessonProgressDto> {
    return this.http.post<LessonProgressDto>(`/api/lessons/${id(lessonId)}/complete`, {});
  }

  continueWatching(): Observable<ContinueWatchingDto | null> {
    return this.http.get<ContinueWatchingDto | null>('/api/me/continue');
  }

  // Authoring (secretariat).

  createCourse(body: CreateCourseRequest): Observable<CourseDto> {
    return this.http.post<CourseDto>('/api/courses', body);
  }

  updateCourse(courseId: string, body: UpdateCourseRequest): Observable<CourseDto> {
    return this.http.patch<CourseDto>(`/api/courses/${id(courseId)}`, body);
  }

  createModule(courseId: string, body: CreateModuleRequest): Observable<CourseModuleDto> {
    return this.http.post<CourseModuleDto>(`/api/courses/${id(courseId)}/modules`, body);
  }

  updateModule(moduleId: string, body: UpdateModuleRequest): Observable<CourseModuleDto> {
    return this.http.patch<CourseModuleDto>(`/api/modules/${id(moduleId)}`, body);
  }

  deleteModule(moduleId: string): Observable<void> {
    return this.http.delete<void>(`/api/modules/${id(moduleId)}`);
  }

  reorderModules(courseId: string, body: ReorderRequest): Observable<CourseDto> {
    return this.http.put<CourseDto>(`/api/courses/${id(courseId)}/modules/order`, body);
  }

  createLesson(moduleId: string, body: CreateLessonRequest): Observable<LessonDto> {
    return this.http.post<LessonDto>(`/api/modules/${id(moduleId)}/lessons`, body);
  }

  updateLesson(lessonId: string, body: UpdateLessonRequest): Observable<LessonDto> {
    return this.http.patch<LessonDto>(`/api/lessons/${id(lessonId)}`, body);
  }

  deleteLesson(lessonId: string): Observable<void> {
    return this.http.delete<void>(`/api/lessons/${id(lessonId)}`);
  }

  reorderLessons(moduleId: string, body: ReorderRequest): Observable<CourseModuleDto> {
    return this.http.put<CourseModuleDto>(`/api/modules/${id(moduleId)}/lessons/order`, body);
  }

  /** PDF, DOCX or XLSX; the API answers 413 or 415 with a message for anything else. */
  uploadResource(lessonId: string, file: File): Observable<LessonDto> {
    return this.http.post<LessonDto>(`/api/lessons/${id(lessonId)}/resource`, formData(file));
  }

  /** Creates a direct upload; the file then goes to its `url` with `uploadInChunks`. */
  createVideoUpload(lessonId: string): Observable<VideoUploadDto> {
    return this.http.post<VideoUploadDto>(`/api/lessons/${id(lessonId)}/video-upload`, {});
  }

  /** Danish WebVTT captions. */
  uploadCaptions(lessonId: string, file: File): Observable<CaptionTrackDto[]> {
    return this.http.post<CaptionTrackDto[]>(
      `/api/lessons/${id(lessonId)}/captions`,
      formData(file),
    );
  }

  // Progress (secretariat and coordinators, within their scope).

  villageProgress(query: ProgressQuery): Observable<Page<VillageProgressDto>> {
    return this.http.get<Page<VillageProgressDto>>('/api/progress/villages', {
      params: queryParams(query),
    });
  }

  peopleProgress(query: ProgressQuery): Observable<Page<PersonProgressDto>> {
    return this.http.get<Page<PersonProgressDto>>('/api/progress/people', {
      params: queryParams(query),
    });
  }
}

function formData(file: File): FormData {
  const data = new FormData();
  data.append('file', file, file.name);
  return data;
}

/**
 * The CSRF header for a request made outside HttpClient (chunk uploads), only when it goes to
 * this origin: our API wants it, and a foreign upload URL (Mux) must not get it.
 */
export function csrfHeadersFor(url: string): Record<string, string> {
  if (typeof location === 'undefined' || new URL(url, location.href).origin !== location.origin)
    return {};
  const token = readCookie(CSRF_COOKIE);
  return token ? { [CSRF_HEADER]: token } : {};
}

function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  const prefix = `${name}=`;
  const entry = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return entry ? decodeURIComponent(entry.slice(prefix.length)) : null;
}
