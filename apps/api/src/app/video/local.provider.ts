import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Lesson } from '../database/entities';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { LocalVideoStorage } from './local-video-storage';
import { signMedia } from './signed-url';
import type { CreatedUpload, PlaybackParts, VideoProvider } from './video-provider';

/** The resource a signed stream URL gives access to. */
export const videoResource = (lessonId: string): string => `video:${lessonId}`;

/**
 * Videos on this server's disk (the default without Mux keys): chunks are PUT to our API
 * (LocalUploadService), and the file streams with range requests from a signed URL.
 * URLs are relative: the web client is served on the API's origin (or proxies /api to it).
 */
@Injectable()
export class LocalVideoProvider implements VideoProvider {
  readonly name = 'local' as const;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: LocalVideoStorage,
  ) {}

  async createUpload(): Promise<CreatedUpload> {
    const uploadId = randomBytes(18).toString('base64url');
    return { uploadId, url: `/api/video-uploads/${uploadId}` };
  }

  async playback(lesson: Lesson, ttlSeconds: number): Promise<PlaybackParts> {
    const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
    const sig = signMedia(this.config.signingSecret, videoResource(lesson.id), exp);
    return {
      playbackId: null,
      token: null,
      thumbnailToken: null,
      src: `/api/media/videos/${lesson.id}?exp=${exp}&sig=${sig}`,
      posterUrl: null,
      expiresAt: new Date(exp * 1000).toISOString(),
    };
  }

  async delete(lesson: Lesson): Promise<void> {
    if (lesson.videoFileKey) await this.storage.remove(lesson.videoFileKey);
    if (lesson.videoUploadId) {
      await this.storage.remove(this.storage.partKey(lesson.id, lesson.videoUploadId));
    }
  }
}
