import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { FilesConfig } from '../config/app-config';
import {
  checkFileKey,
  FileExistsError,
  FileStore,
  type PutOptions,
  type StoredFileBody,
  type StoredFileInfo,
} from './file-store';

export type S3Settings = NonNullable<FilesConfig['s3']>;

/** DeleteObjects takes at most this many keys a request. */
const DELETE_BATCH = 1000;

/** The SDK's errors carry the HTTP status; a 404 is "no such file". */
function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

/** The request's answer, or null when the object does not exist. */
async function unlessMissing<T>(request: () => Promise<T>): Promise<T | null> {
  try {
    return await request();
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return statusOf(error) === 404 || name === 'NotFound' || name === 'NoSuchKey';
}

/**
 * Files as objects in an S3-compatible bucket (FILE_STORE=s3): AWS, or MinIO, Ceph and the
 * hosting companies' stores with S3_ENDPOINT. The object's key is the file's key.
 */
export class S3FileStore extends FileStore {
  readonly name = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(settings: S3Settings) {
    super();
    this.bucket = settings.bucket;
    this.client = new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.credentials ? { credentials: settings.credentials } : {}),
      forcePathStyle: settings.forcePathStyle,
      // Checksums only where S3 demands them: many S3-compatible stores refuse the newer ones.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, data: Buffer, contentType: string, options?: PutOptions): Promise<void> {
    checkFileKey(key);
    const overwrite = options?.overwrite ?? false;
    // A store that ignores If-None-Match (older self-hosted ones) is still asked first.
    if (!overwrite && (await this.stat(key))) throw new FileExistsError(key);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: data,
          ContentType: contentType,
          ContentLength: data.length,
          ...(overwrite ? {} : { IfNoneMatch: '*' }),
        }),
      );
    } catch (error) {
      // 412: the key was taken in between; 409: another write to it was under way.
      const status = statusOf(error);
      if (!overwrite && (status === 412 || status === 409)) throw new FileExistsError(key);
      throw error;
    }
  }

  async get(key: string): Promise<StoredFileBody | null> {
    const found = await unlessMissing(() =>
      this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkFileKey(key) })),
    );
    return (
      found && {
        size: found.ContentLength ?? 0,
        contentType: found.ContentType ?? 'application/octet-stream',
        // In Node the SDK's body is the HTTP response, a Readable.
        body: found.Body as Readable,
      }
    );
  }

  async stat(key: string): Promise<StoredFileInfo | null> {
    const found = await unlessMissing(() =>
      this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: checkFileKey(key) })),
    );
    return (
      found && {
        size: found.ContentLength ?? 0,
        contentType: found.ContentType ?? 'application/octet-stream',
      }
    );
  }

  async delete(keys: readonly string[]): Promise<void> {
    keys.forEach(checkFileKey);
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH);
      const result = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = (result.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
      if (failed.length) {
        throw new Error(
          `S3 did not delete ${failed.length} file(s), first ${failed[0].Key}: ${failed[0].Code} ${failed[0].Message ?? ''}`.trim(),
        );
      }
    }
  }

  override async close(): Promise<void> {
    this.client.destroy();
  }
}
