import { Inject, Injectable } from '@nestjs/common';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/**
 * Files of the local video provider and of caption tracks, under config.video.storageDir.
 * Keys are relative paths built from ids and extensions only, never from what a person typed.
 */
@Injectable()
export class LocalVideoStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.video.storageDir);
  }

  /** Where an upload's chunks gather until the last one arrives. */
  partKey(lessonId: string, uploadId: string): string {
    return `videos/${lessonId}/${uploadId}.part`;
  }

  videoKey(lessonId: string, uploadId: string, extension: string): string {
    return `videos/${lessonId}/${uploadId}.${extension}`;
  }

  captionKey(lessonId: string, language: string): string {
    return `captions/${lessonId}/${language}.vtt`;
  }

  /** The absolute path of a key; refuses anything that would leave the storage folder. */
  path(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`Storage key outside storage: ${key}`);
    return path;
  }

  /** The absolute path of a key, with its folder created. */
  async prepare(key: string): Promise<string> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    return path;
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
