import { HttpStatus } from '@nestjs/common';
import { ErrorCode, PLAN_LIMITS } from '@blup/contracts';
import sharp from 'sharp';
import { AppException } from '../common/app-exception';
import { fileKindAmong } from '../common/file-kind';

/** An image as it is kept: re-encoded, at most 1600 px on its longest side, without metadata. */
export interface PreparedImage {
  data: Buffer;
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

/** Larger pictures than this many pixels are refused before decoding (a decompression bomb). */
const MAX_INPUT_PIXELS = 50_000_000;

export function imageInvalid(): AppException {
  return new AppException(
    HttpStatus.BAD_REQUEST,
    ErrorCode.DocumentImageInvalid,
    'The picture must be a JPEG, PNG or WebP image.',
    { details: { image: ['must be a JPEG, PNG or WebP image'] } },
  );
}

/**
 * Checks an upload by its content (the bytes must be a JPEG, PNG or WebP, whatever its name says,
 * and must decode), turns it upright by its EXIF orientation, shrinks it to fit 1600 × 1600 px,
 * and writes it anew: a photo as JPEG, a picture with transparency as PNG (the two kinds the PDF
 * can hold). Writing anew drops every piece of metadata: EXIF (GPS position, camera), XMP, ICC.
 */
export async function prepareImage(upload: Buffer): Promise<PreparedImage> {
  if (!(await fileKindAmong(upload, ['jpg', 'png', 'webp']))) throw imageInvalid();
  try {
    const input = sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const meta = await input.metadata();
    const side = PLAN_LIMITS.imageMaxSide;
    const pipeline = input
      .rotate()
      .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await (
      meta.hasAlpha
        ? pipeline.png({ compressionLevel: 9 })
        : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true })
    ).toBuffer({ resolveWithObject: true });
    return {
      data,
      mime: meta.hasAlpha ? 'image/png' : 'image/jpeg',
      width: info.width,
      height: info.height,
    };
  } catch {
    throw imageInvalid();
  }
}
