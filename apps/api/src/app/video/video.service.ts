import { HttpStatus, Inject, Injectable, Logger, StreamableFile } from '@nestjs/common';
import {
  ErrorCode,
  LessonKind,
  VideoStatus,
  type CaptionTrackDto,
  type Locale,
  type PlaybackDto,
  type VideoUploadDto,
} from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { AppException, fieldError } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { LessonAccessService } from '../courses/lesson-access.service';
import { LessonVideoService } from '../courses/lesson-video.service';
import type { Lesson, StoredCaption } from '../database/entities';
import { FileStore } from '../files/file-store';
import { storedDownload } from '../files/stored-download';
import { VideoStateService } from './video-state.service';
import { MAX_CAPTION_BYTES, VIDEO_PROVIDER } from './video.constants';
import type { VideoProvider } from './video-provider';

/** The languages a caption track may be in. */
export const CAPTION_LANGUAGES: readonly Locale[] = ['da', 'en'];
const CAPTION_LABELS: Record<Locale, string> = { da: 'Dansk', en: 'English' };
const NO_CAPTIONS = 'No captions in that language.';

/** Where a lesson's track in a language is kept in the file store (a new upload replaces it). */
export function captionKey(lessonId: string, language: string): string {
  return `captions/${lessonId}/${language}.vtt`;
}

/** What an uploaded caption file is, as multer hands it over. */
export interface UploadedCaptionFile {
  buffer: Buffer;
  size: number;
}

/**
 * A lesson's video and captions: uploads for the secretariat, playback for people who may
 * watch. Every lesson is found through LessonAccessService, so who may see what is decided in
 * one place; the provider is whichever configuration picked.
 */
@Injectable()
export class VideoService {
  private readonly logger = new Logger(VideoService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(VIDEO_PROVIDER) private readonly provider: VideoProvider,
    private readonly lessonVideos: LessonVideoService,
    private readonly access: LessonAccessService,
    private readonly videoState: VideoStateService,
    private readonly files: FileStore,
  ) {}

  async createUpload(actor: AuthUser, lessonId: string): Promise<VideoUploadDto> {
    const { lesson } = await this.access.findAuthorableLesson(actor, lessonId);
    if (lesson.kind !== LessonKind.Video) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.BadRequest,
        'Only a video lesson can have a video uploaded.',
      );
    }
    const upload = await this.provider.createUpload(lesson);
    await this.videoState.startUpload(lesson.id, this.provider.name, upload.uploadId);
    if (lesson.videoAssetId || lesson.videoFileKey) {
      // The new upload replaces the old video; removing it is tidying, not a condition.
      await this.provider.delete(lesson).catch((error: unknown) =>
        this.logger.warn({
          msg: 'could not remove the replaced video',
          lessonId,
          error: `${error}`,
        }),
      );
    }
    return { provider: this.provider.name, uploadId: upload.uploadId, url: upload.url };
  }

  async playback(actor: AuthUser, lessonId: string): Promise<PlaybackDto> {
    const { lesson } = await this.access.findViewableLesson(actor, lessonId);
    if (lesson.kind !== LessonKind.Video || lesson.videoStatus !== VideoStatus.Ready) {
      throw new AppException(
        HttpStatus.CONFLICT,
        ErrorCode.BadRequest,
        'The video is not ready yet.',
      );
    }
    if (lesson.videoProvider !== this.provider.name) {
      throw new AppException(
        HttpStatus.CONFLICT,
        ErrorCode.BadRequest,
        `The video was uploaded to ${lesson.videoProvider ?? 'another provider'}, which this server does not use; upload it again.`,
      );
    }
    const parts = await this.provider.playback(lesson, this.config.video.playbackTtlSeconds);
    return { provider: this.provider.name, ...parts, captions: captionTracks(lesson) };
  }

  async uploadCaptions(
    actor: AuthUser,
    lessonId: string,
    language: string | undefined,
    file: UploadedCaptionFile | undefined,
  ): Promise<CaptionTrackDto[]> {
    const { lesson } = await this.access.findAuthorableLesson(actor, lessonId);
    const lang = (language ?? 'da') as Locale;
    if (!CAPTION_LANGUAGES.includes(lang)) {
      throw fieldError(
        ErrorCode.ValidationFailed,
        'language',
        `language must be one of ${CAPTION_LANGUAGES.join(', ')}.`,
      );
    }
    if (!file) {
      throw fieldError(ErrorCode.ValidationFailed, 'file', 'Attach the WebVTT file as "file".');
    }
    if (file.size > MAX_CAPTION_BYTES) {
      throw new AppException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        ErrorCode.RequestTooLarge,
        `A caption file may be at most ${MAX_CAPTION_BYTES / 1024} KB.`,
      );
    }
    if (!isWebVtt(file.buffer)) {
      throw new AppException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        ErrorCode.BadRequest,
        'Captions must be a WebVTT file: its first line starts with WEBVTT.',
      );
    }
    const fileKey = captionKey(lesson.id, lang);
    await this.files.put(fileKey, file.buffer, 'text/vtt', { overwrite: true });
    const caption: StoredCaption = { language: lang, label: CAPTION_LABELS[lang], fileKey };
    const captions = [...lesson.captions.filter((c) => c.language !== lang), caption];
    await this.lessonVideos.update(lesson.id, { captions });
    return captionTracks({ ...lesson, captions });
  }

  async caption(actor: AuthUser, lessonId: string, language: string): Promise<StreamableFile> {
    const { lesson } = await this.access.findViewableLesson(actor, lessonId);
    const caption = lesson.captions.find((c) => c.language === language);
    const file =
      caption &&
      (await storedDownload(this.files, caption.fileKey, { type: 'text/vtt; charset=utf-8' }));
    if (!file) throw new AppException(HttpStatus.NOT_FOUND, ErrorCode.NotFound, NO_CAPTIONS);
    return file;
  }
}

/** A file is WebVTT when it starts with "WEBVTT" (after an optional byte-order mark). */
export function isWebVtt(content: Buffer): boolean {
  const text = content
    .subarray(0, 16)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return /^WEBVTT(?:[ \t\r\n]|$)/.test(text);
}

export function captionTracks(lesson: Pick<Lesson, 'id' | 'captions'>): CaptionTrackDto[] {
  return lesson.captions.map((c) => ({
    language: c.language,
    label: c.label,
    url: `/api/lessons/${lesson.id}/captions/${c.language}`,
  }));
}
