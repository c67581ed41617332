import { HttpStatus } from '@nestjs/common';
import { ErrorCode, PLAN_LIMITS } from '@blup/contracts';
import { AppException } from '../common/app-exception';
import {
  checkImageKind,
  encodeImage,
  type EncodedImage,
  type ImageEncoding,
} from '../common/images';

/** An image as it is kept: re-encoded, at most 1600 px on its longest side, without metadata. */
export type PreparedImage = EncodedImage;

const ENCODING: ImageEncoding = {
  edge: PLAN_LIMITS.imageMaxSide,
  /** Larger pictures than this many pixels are refused before decoding (a decompression bomb). */
  maxInputPixels: 50_000_000,
  quality: 82,
  keepTransparency: true,
};

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
  await checkImageKind(upload, imageInvalid);
  return encodeImage(upload, ENCODING, imageInvalid);
}
