import { HttpStatus, Inject, Injectable, StreamableFile } from '@nestjs/common';
import { ErrorCode, GOAL_PHOTO_LIMITS } from '@blup/contracts';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppException } from '../common/app-exception';
import { checkImageKind, encodeImage, type ImageEncoding } from '../common/images';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const PHOTO_DIR = 'goal-photos';
/** Refuses decompression bombs: a 15 MB file can claim billions of pixels. */
const MAX_INPUT_PIXELS = 80_000_000;
const LARGE: ImageEncoding = {
  edge: GOAL_PHOTO_LIMITS.longEdge,
  maxInputPixels: MAX_INPUT_PIXELS,
  quality: 80,
};
const THUMBNAIL: ImageEncoding = {
  edge: GOAL_PHOTO_LIMITS.thumbnailEdge,
  maxInputPixels: MAX_INPUT_PIXELS,
  quality: 75,
};

/** A progress photo as stored: two JPEG files and the large copy's size. */
export interface StoredGoalPhoto {
  key: string;
  thumbnailKey: string;
  width: number;
  height: number;
}

export function photoInvalid(): AppException {
  return new AppException(
    HttpStatus.BAD_REQUEST,
    ErrorCode.PhotoInvalid,
    'The photo could not be read as a picture: send a JPEG, PNG or WebP image (a photo from the phone’s camera or gallery).',
    { details: { photo: ['Send a JPEG, PNG or WebP image.'] } },
  );
}

/**
 * Progress photos: checked by their content (not their name or the type the browser claims),
 * turned upright by their EXIF orientation, stripped of all metadata (the GPS position of the
 * photographer's home included), shrunk to at most 1,600 px and a 480 px thumbnail, and kept as
 * JPEG under the storage directory.
 */
@Injectable()
export class GoalPhotosService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async store(buffer: Buffer): Promise<StoredGoalPhoto> {
    await checkImageKind(buffer, photoInvalid);
    const large = await encodeImage(buffer, LARGE, photoInvalid);
    const thumbnail = await encodeImage(buffer, THUMBNAIL, photoInvalid);
    const id = randomUUID();
    const key = `${PHOTO_DIR}/${id}.jpg`;
    const thumbnailKey = `${PHOTO_DIR}/${id}-thumbnail.jpg`;
    await mkdir(dirname(this.pathOf(key)), { recursive: true });
    await writeFile(this.pathOf(key), large.data, { flag: 'wx' });
    await writeFile(this.pathOf(thumbnailKey), thumbnail.data, { flag: 'wx' });
    return { key, thumbnailKey, width: large.width, height: large.height };
  }

  /** The stored JPEG as a download; a 404 (in the caller's words) when the file is gone. */
  async open(key: string, missing: () => AppException): Promise<StreamableFile> {
    const path = this.pathOf(key);
    const size = await stat(path).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) throw missing();
    return new StreamableFile(createReadStream(path), {
      type: 'image/jpeg',
      length: size,
      disposition: 'inline',
    });
  }

  /** Deletes stored photo files; missing ones are already gone. */
  async remove(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(this.pathOf(key), { force: true }).catch(() => null)));
  }

  private pathOf(key: string): string {
    return join(this.config.video.storageDir, key);
  }
}
