import { Inject, Injectable } from '@nestjs/common';
import Mux from '@mux/mux-node';
import type { Lesson } from '../database/entities';
import { AppConfig, MuxConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { CreatedUpload, PlaybackParts, VideoProvider } from './video-provider';

/** The Mux API client, or null when Mux is not configured. */
export const MUX_CLIENT = Symbol('MUX_CLIENT');

export function createMuxClient(config: AppConfig): Mux | null {
  const mux = config.video.mux;
  if (!mux) return null;
  return new Mux({
    tokenId: mux.tokenId,
    tokenSecret: mux.tokenSecret,
    webhookSecret: mux.webhookSecret,
    jwtSigningKey: mux.signingKeyId,
    jwtPrivateKey: mux.signingKeyPrivate,
    // Only tests set this: a local fake of the Mux API.
    baseURL: mux.baseUrl ?? undefined,
    timeout: 15_000,
    maxRetries: 2,
  });
}

/**
 * Mux: the browser uploads straight to Mux (a direct upload whose asset carries the lesson id
 * as passthrough), Mux reports progress by webhook, and playback is a signed playback id.
 */
@Injectable()
export class MuxVideoProvider implements VideoProvider {
  readonly name = 'mux' as const;
  private readonly mux: MuxConfig;

  constructor(
    @Inject(MUX_CLIENT) private readonly client: Mux,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (!config.video.mux) throw new Error('MuxVideoProvider needs the MUX_* settings.');
    this.mux = config.video.mux;
  }

  async createUpload(lesson: Lesson): Promise<CreatedUpload> {
    const upload = await this.client.video.uploads.create({
      cors_origin: this.config.publicUrl,
      new_asset_settings: { playback_policy: ['signed'], passthrough: lesson.id },
    });
    if (!upload.url) throw new Error(`Mux created upload ${upload.id} without a URL.`);
    return { uploadId: upload.id, url: upload.url };
  }

  async playback(lesson: Lesson, ttlSeconds: number): Promise<PlaybackParts> {
    const playbackId = lesson.videoPlaybackId;
    if (!playbackId) throw new Error(`Lesson ${lesson.id} is ready but has no playback id.`);
    const sign = (type: 'video' | 'thumbnail'): Promise<string> =>
      this.client.jwt.signPlaybackId(playbackId, {
        keyId: this.mux.signingKeyId,
        keySecret: this.mux.signingKeyPrivate,
        type,
        expiration: `${ttlSeconds}s`,
      });
    const [token, thumbnailToken] = await Promise.all([sign('video'), sign('thumbnail')]);
    return {
      playbackId,
      token,
      thumbnailToken,
      src: null,
      posterUrl: `https://image.mux.com/${playbackId}/thumbnail.webp?token=${thumbnailToken}`,
      expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString(),
    };
  }

  async delete(lesson: Lesson): Promise<void> {
    if (lesson.videoAssetId) await this.client.video.assets.delete(lesson.videoAssetId);
  }
}
