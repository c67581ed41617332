import type { Locale, Phase } from './roles';

/** Who a course is for: a village's facilitated process, or a single academy course. */
export enum CourseAudience {
  VillageProcess = 'village_process',
  Academy = 'academy',
}
export const COURSE_AUDIENCES: readonly CourseAudience[] =
  /* @__PURE__ */ Object.values(CourseAudience);

export enum LessonKind {
  Video = 'video',
  /** Sanitised rich text. */
  Text = 'text',
  /** A template or work manual to download: PDF, DOCX or XLSX. */
  Resource = 'resource',
}
export const LESSON_KINDS: readonly LessonKind[] = /* @__PURE__ */ Object.values(LessonKind);

/** Where a lesson's video is on its way from upload to playback. */
export enum VideoStatus {
  None = 'none',
  WaitingForUpload = 'waiting_upload',
  Processing = 'processing',
  Ready = 'ready',
  Errored = 'errored',
}

export type VideoProviderName = 'mux' | 'local';

/** A video lesson is complete at this share of unique seconds watched. */
export const COMPLETION_COVERAGE = 0.9;
/** The player reports this often while playing (and on pause and end). */
export const HEARTBEAT_INTERVAL_SECONDS = 10;

export const COURSE_TITLE_MAX_LENGTH = 160;
export const COURSE_SUMMARY_MAX_LENGTH = 2000;
export const LESSON_BODY_MAX_LENGTH = 100_000;

/** The signed-in person's progress through a lesson. */
export interface LessonProgressDto {
  /** Where to resume, in seconds. */
  positionSeconds: number;
  /** Unique seconds watched (video) . */
  coveredSeconds: number;
  /** 0–100. */
  percent: number;
  completed: boolean;
}

export interface LessonSummaryDto {
  id: string;
  title: string;
  kind: LessonKind;
  position: number;
  published: boolean;
  inspiration: boolean;
  durationSeconds: number | null;
  videoStatus: VideoStatus;
  progress: LessonProgressDto;
}

export interface CourseModuleDto {
  id: string;
  title: string;
  summary: string;
  /** The BLUP phase this module is, for the village-process course. */
  phase: Phase | null;
  /** When in the process it runs, e.g. "okt.–dec.". */
  months: string;
  position: number;
  published: boolean;
  lessons: LessonSummaryDto[];
  /** Share of the module's lessons completed, 0–100. */
  percent: number;
}

export interface CourseSummaryDto {
  id: string;
  title: string;
  summary: string;
  audience: CourseAudience;
  language: Locale;
  published: boolean;
  moduleCount: number;
  lessonCount: number;
  /** Share of the course's lessons completed, 0–100. */
  percent: number;
}

export interface CourseDto extends CourseSummaryDto {
  modules: CourseModuleDto[];
}

export interface CaptionTrackDto {
  language: Locale;
  label: string;
  url: string;
}

/** What the player needs; only given to people who may watch. */
export interface PlaybackDto {
  provider: VideoProviderName;
  /** Mux: the playback id and its signed token (short expiry). */
  playbackId: string | null;
  token: string | null;
  thumbnailToken: string | null;
  /** Local: a signed URL that streams with HTTP range requests. */
  src: string | null;
  posterUrl: string | null;
  captions: CaptionTrackDto[];
  /** Token expiry, ISO time. */
  expiresAt: string;
}

export interface ResourceFileDto {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  url: string;
}

export interface LessonDto extends LessonSummaryDto {
  courseId: string;
  moduleId: string;
  /** Text lessons: sanitised HTML. */
  body: string;
  resource: ResourceFileDto | null;
  playback: PlaybackDto | null;
}

export interface CreateCourseRequest {
  title: string;
  summary?: string;
  audience: CourseAudience;
  language?: Locale;
}
export interface UpdateCourseRequest {
  title?: string;
  summary?: string;
  audience?: CourseAudience;
  language?: Locale;
  published?: boolean;
}
export interface CreateModuleRequest {
  title: string;
  summary?: string;
  phase?: Phase | null;
  months?: string;
}
export interface UpdateModuleRequest extends Partial<CreateModuleRequest> {
  published?: boolean;
}
export interface CreateLessonRequest {
  title: string;
  kind: LessonKind;
  body?: string;
  inspiration?: boolean;
}
export interface UpdateLessonRequest {
  title?: string;
  body?: string;
  inspiration?: boolean;
  published?: boolean;
}
/** The new order: every child id exactly once. */
export interface ReorderRequest {
  ids: string[];
}

/** The API creates a direct upload; the browser sends the file there in resumable chunks. */
export interface VideoUploadDto {
  provider: VideoProviderName;
  uploadId: string;
  /** Where to PUT the chunks (Content-Range), as UpChunk does. */
  url: string;
}

export interface HeartbeatRequest {
  /** The stretch watched since the last heartbeat, in seconds of the video. */
  fromSeconds: number;
  toSeconds: number;
  /** The playhead now. */
  positionSeconds: number;
  event: 'tick' | 'pause' | 'ended';
}

/** "Continue where you left off". */
export interface ContinueWatchingDto {
  courseId: string;
  courseTitle: string;
  lessonId: string;
  lessonTitle: string;
  positionSeconds: number;
  percent: number;
}

/** Progress per village (secretariat: every village; coordinator: their municipality's). */
export interface VillageProgressDto {
  villageId: string;
  villageName: string;
  municipalityName: string;
  members: number;
  /** Mean course completion of the village's members, 0–100. */
  percent: number;
  lessonsCompleted: number;
}

export interface PersonProgressDto {
  userId: string;
  name: string;
  villageName: string | null;
  percent: number;
  lessonsCompleted: number;
  lastActivityAt: string | null;
}
