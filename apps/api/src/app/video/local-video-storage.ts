import { Inject, Injectable } from '@nestjs/common';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/**
 * Files of the local video provider (videos and their upload's chunks), under
 * config.video.storageDir: the one kind of file kept on a process's disk (caption tracks and
 * every other file are in the file store). Keys are relative paths built from ids and
 * extensions only, never from what a person typed.
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
