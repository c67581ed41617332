import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Readable } from 'node:stream';

/** What the store knows about a file without reading it. */
export interface StoredFileInfo {
  size: number;
  contentType: string;
}

/** A stored file, ready to stream. */
export interface StoredFileBody extends StoredFileInfo {
  body: Readable;
}

export interface PutOptions {
  /** Replace a file already under the key (a caption track, an export built again). */
  overwrite?: boolean;
}

/** `put` without `overwrite` found a file under the key already. */
export class FileExistsError extends Error {
  constructor(readonly key: string) {
    super(`A file is stored under ${key} already.`);
    this.name = 'FileExistsError';
  }
}

/** A key that is not a plain relative path (a programming error: keys are built from ids). */
export class InvalidFileKeyError extends Error {
  constructor(readonly key: string) {
    super(`Not a valid file key: ${JSON.stringify(key)}`);
    this.name = 'InvalidFileKeyError';
  }
}

const tidyLogger = new Logger('FileStore');

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const MAX_KEY_LENGTH = 512;

/**
 * Whether a key is a relative path of plain segments, like `library/<uuid>.pdf`: no leading
 * slash, no `.` or `..`, no backslashes, spaces or other characters a disk or a bucket might
 * read differently. Keys are what the owning rows hold, built from ids and extensions.
 */
export function isFileKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  return key.split('/').every((segment) => SEGMENT.test(segment) && !/^\.+$/.test(segment));
}

/** The key itself, or InvalidFileKeyError. */
export function checkFileKey(key: string): string {
  if (!isFileKey(key)) throw new InvalidFileKeyError(key);
  return key;
}

/**
 * Where uploaded and generated files live (issue 18): a place every API and worker process
 * reaches, so none keeps state on its own disk. PostgreSQL by default, S3-compatible object
 * storage when configured; local video files are the one exception (video/local-video-storage).
 * Inject it by this class.
 */
export abstract class FileStore implements OnModuleDestroy {
  /** Which store this is, for logs. */
  abstract readonly name: 'postgres' | 's3';

  /** Stores a file; FileExistsError when the key is taken, unless `overwrite`. */
  abstract put(key: string, data: Buffer, contentType: string, options?: PutOptions): Promise<void>;

  /** The file, or null when there is none under the key. */
  abstract get(key: string): Promise<StoredFileBody | null>;

  /** The file's size and type, or null when there is none under the key. */
  abstract stat(key: string): Promise<StoredFileInfo | null>;

  /** Deletes the files; keys with no file are fine (already gone). */
  abstract delete(keys: readonly string[]): Promise<void>;

  /**
   * Deletes files whose rows are gone (or were never saved): tidying, so a failure is logged,
   * not the caller's failure (a file left over costs space, not data). `what` names them in
   * the log line.
   */
  async tidy(keys: readonly string[], what: string): Promise<void> {
    await this.delete(keys).catch((error: unknown) =>
      tidyLogger.warn({ msg: `could not delete ${what}`, keys, error: `${error}` }),
    );
  }

  /** Lets go of connections the store holds of its own. */
  async close(): Promise<void> {
    // Nothing by default: the PostgreSQL store uses the application's pool.
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }
}
