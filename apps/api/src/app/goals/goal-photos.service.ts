import { HttpStatus, Injectable, StreamableFile } from '@nestjs/common';
import { ErrorCode, GOAL_PHOTO_LIMITS } from '@blup/contracts';
import { randomUUID } from 'node:crypto';
import { AppException } from '../common/app-exception';
import { checkImageKind, encodeImage, type ImageEncoding } from '../common/images';
import { FileStore } from '../files/file-store';
import { storedDownload } from '../files/stored-download';

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
 * JPEG in the file store.
 */
@Injectable()
export class GoalPhotosService {
  constructor(private readonly files: FileStore) {}

  async store(buffer: Buffer): Promise<StoredGoalPhoto> {
    await checkImageKind(buffer, photoInvalid);
    const large = await encodeImage(buffer, LARGE, photoInvalid);
    const thumbnail = await encodeImage(buffer, THUMBNAIL, photoInvalid);
    const id = randomUUID();
    const key = `${PHOTO_DIR}/${id}.jpg`;
    const thumbnailKey = `${PHOTO_DIR}/${id}-thumbnail.jpg`;
    await this.files.put(key, large.data, 'image/jpeg');
    await this.files.put(thumbnailKey, thumbnail.data, 'image/jpeg').catch(async (error) => {
      await this.remove([key]);
      throw error;
    });
    return { key, thumbnailKey, width: large.width, height: large.height };
  }

  /** The stored JPEG as a download; a 404 (in the caller's words) when the file is gone. */
  async open(key: string, missing: () => AppException): Promise<StreamableFile> {
    const file = await storedDownload(this.files, key, {
      type: 'image/jpeg',
      disposition: 'inline',
    });
    if (!file) throw missing();
    return file;
  }

  /**
   * Deletes stored photo files; missing ones are already gone. Tidying after the rows are
   * gone: a failure is logged, not the caller's failure.
   */
  async remove(keys: string[]): Promise<void> {
    await this.files.tidy(keys, 'goal photos');
  }
}
