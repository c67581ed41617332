import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, VideoStatus } from '@blup/contracts';
import type { Readable } from 'node:stream';
import { constants } from 'node:fs';
import { open, rename, truncate } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AppException, notFound } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { LessonAccessService } from '../courses/lesson-access.service';
import { Lesson } from '../database/entities';
import { parseContentRange } from './byte-ranges';
import { LocalVideoStorage } from './local-video-storage';
import { videoResource } from './local.provider';
import {
  CONTAINER_EXTENSION,
  CONTAINER_MIME,
  probeMp4Duration,
  SNIFF_BYTES,
  sniffVideo,
  type VideoContainer,
} from './media-sniff';
import { checkMediaSignature } from './signed-url';
import { VideoStateService } from './video-state.service';

export interface ChunkReceipt {
  /** Bytes of the file received so far: where the next chunk starts. */
  received: number;
  total: number;
  status: VideoStatus;
}

export interface VideoStream {
  /** Absolute. */
  path: string;
  contentType: string;
}

const EXTENSION_MIME: Record<string, string> = Object.fromEntries(
  (Object.keys(CONTAINER_EXTENSION) as VideoContainer[]).map((c) => [
    CONTAINER_EXTENSION[c],
    CONTAINER_MIME[c],
  ]),
);

const badRequest = (status: HttpStatus, code: ErrorCode, message: string): AppException =>
  new AppException(status, code, message);

/**
 * The local provider's two HTTP ends: resumable chunked uploads (as UpChunk sends them, each a
 * PUT with Content-Range) written straight to disk, and range-request streaming of the file
 * from a signed URL.
 */
@Injectable()
export class LocalUploadService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(Lesson) private readonly lessons: Repository<Lesson>,
    private readonly access: LessonAccessService,
    private readonly videoState: VideoStateService,
    private readonly storage: LocalVideoStorage,
  ) {}

  async receiveChunk(
    actor: AuthUser,
    uploadId: string,
    contentRange: string | undefined,
    body: Readable,
  ): Promise<ChunkReceipt> {
    const found = await this.lessons.findOneBy({ videoUploadId: uploadId, videoProvider: 'local' });
    if (!found || !/^[\w-]{16,64}$/.test(uploadId)) throw notFound('Upload not found');
    const { lesson } = await this.access.findAuthorableLesson(actor, found.id);
    const range = parseContentRange(contentRange);
    if (!range) {
      throw badRequest(
        HttpStatus.BAD_REQUEST,
        ErrorCode.BadRequest,
        'Send each chunk with a Content-Range header: bytes <first>-<last>/<total size>.',
      );
    }
    const max = this.config.video.maxVideoBytes;
    if (range.total > max) {
      throw badRequest(
        HttpStatus.PAYLOAD_TOO_LARGE,
        ErrorCode.RequestTooLarge,
        `The video is ${mb(range.total)} MB; a video may be at most ${mb(max)} MB.`,
      );
    }
    if (lesson.videoStatus !== VideoStatus.WaitingForUpload) {
      // The last chunk again, after the file was complete: nothing more to do.
      return { received: range.total, total: range.total, status: lesson.videoStatus };
    }
    const partPath = await this.storage.prepare(this.storage.partKey(lesson.id, uploadId));
    const file = await open(partPath, constants.O_RDWR | constants.O_CREAT);
    let received: number;
    let container: VideoContainer | null = null;
    try {
      received = (await file.stat()).size;
      if (range.start > received) {
        throw badRequest(
          HttpStatus.CONFLICT,
          ErrorCode.BadRequest,
          `A chunk is missing: send the one that starts at byte ${received}.`,
        );
      }
      // A repeated or resumed chunk overwrites what came before it from its start on.
      await file.truncate(range.start);
      const expected = range.end - range.start + 1;
      const written = await this.writeChunk(file, body, range.start, expected);
      if (written !== expected) {
        await file.truncate(range.start);
        throw badRequest(
          HttpStatus.BAD_REQUEST,
          ErrorCode.BadRequest,
          `The chunk holds ${written} bytes, but its Content-Range says ${expected}.`,
        );
      }
      received = range.end + 1;
      const head = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
      container = await sniffVideo(head.subarray(0, bytesRead));
      if (!container && (bytesRead >= SNIFF_BYTES || received === range.total)) {
        await file.truncate(0);
        throw badRequest(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          ErrorCode.BadRequest,
          'This file is not a video we can play: upload an MP4, MOV or WebM file.',
        );
      }
    } finally {
      await file.close();
    }
    if (received < range.total) {
      return { received, total: range.total, status: VideoStatus.WaitingForUpload };
    }
    return this.complete(lesson, uploadId, partPath, range.total, container ?? 'mp4');
  }

  /** The last chunk is in: the file gets its final name and the lesson becomes ready. */
  private async complete(
    lesson: Lesson,
    uploadId: string,
    partPath: string,
    total: number,
    container: VideoContainer,
  ): Promise<ChunkReceipt> {
    await truncate(partPath, total);
    const fileKey = this.storage.videoKey(lesson.id, uploadId, CONTAINER_EXTENSION[container]);
    const path = this.storage.path(fileKey);
    await rename(partPath, path);
    const now = new Date();
    await this.videoState.apply(
      { lessonId: lesson.id },
      {
        kind: 'asset_created',
        at: now,
        uploadId,
        assetId: fileKey,
      },
    );
    let duration: number | null = null;
    if (container !== 'webm') {
      const file = await open(path, 'r');
      duration = await probeMp4Duration(file, total).finally(() => file.close());
    }
    await this.videoState.apply(
      { lessonId: lesson.id },
      {
        kind: 'asset_ready',
        at: new Date(now.getTime() + 1),
        uploadId,
        assetId: fileKey,
        playbackId: null,
        durationSeconds: duration,
      },
      { videoFileKey: fileKey },
    );
    const after = await this.lessons.findOneByOrFail({ id: lesson.id });
    return { received: total, total, status: after.videoStatus };
  }

  /** Copies the body to the file from `position`, stopping one byte past what was promised. */
  private async writeChunk(
    file: Awaited<ReturnType<typeof open>>,
    body: Readable,
    position: number,
    expected: number,
  ): Promise<number> {
    let written = 0;
    for await (const piece of body) {
      const buffer = piece as Buffer;
      const take = Math.min(buffer.length, expected + 1 - written);
      if (take > 0) await file.write(buffer, 0, take, position + written);
      written += take;
      if (written > expected) {
        body.destroy();
        break;
      }
    }
    return written;
  }

  /** The file of a ready local video, if the signed URL holds. */
  async stream(
    lessonId: string,
    exp: string | undefined,
    sig: string | undefined,
  ): Promise<VideoStream> {
    const check = checkMediaSignature(this.config.signingSecret, videoResource(lessonId), exp, sig);
    if (check !== 'valid') {
      throw badRequest(
        HttpStatus.FORBIDDEN,
        ErrorCode.Forbidden,
        check === 'expired'
          ? 'This video link has expired; reload the lesson to get a new one.'
          : 'This video link is not valid.',
      );
    }
    const lesson = await this.lessons.findOneBy({ id: lessonId });
    if (!lesson?.videoFileKey || lesson.videoStatus !== VideoStatus.Ready) {
      throw notFound('Video not found');
    }
    const path = resolve(this.storage.path(lesson.videoFileKey));
    const extension = lesson.videoFileKey.split('.').pop() ?? 'mp4';
    return { path, contentType: EXTENSION_MIME[extension] ?? 'video/mp4' };
  }
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0);
