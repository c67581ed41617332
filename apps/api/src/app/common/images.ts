import sharp from 'sharp';
import type { AppException } from './app-exception';
import { fileKindAmong } from './file-kind';

/** The kinds of picture a phone's camera or gallery hands over; the bytes decide, not the name. */
const ACCEPTED = ['jpg', 'png', 'webp'] as const;

/** How one copy of an uploaded picture is written anew. */
export interface ImageEncoding {
  /** The longest side of the result in px; a smaller picture is never enlarged. */
  edge: number;
  /** Pictures claiming more pixels are refused before decoding (a decompression bomb). */
  maxInputPixels: number;
  /** JPEG quality (1–100). */
  quality: number;
  /** Keep a picture with transparency as PNG instead of flattening it onto white as JPEG. */
  keepTransparency?: boolean;
}

/** A picture as written anew: upright, within its edge, without metadata. */
export interface EncodedImage {
  data: Buffer;
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

/**
 * Refuses (with the caller's `invalid` 400) an upload whose bytes are not a JPEG, PNG or WebP,
 * whatever its name or claimed type says.
 */
export async function checkImageKind(upload: Buffer, invalid: () => AppException): Promise<void> {
  if (!(await fileKindAmong(upload, ACCEPTED))) throw invalid();
}

/**
 * Decodes the upload and writes it anew: turned upright by its EXIF orientation, shrunk to fit
 * `edge` × `edge` px, as JPEG on white (or PNG when it has transparency and the caller keeps it).
 * Writing anew drops every piece of metadata: sharp writes no EXIF (GPS position, camera), XMP
 * or ICC unless asked with keepMetadata() or withMetadata(). A picture too large, truncated or
 * corrupt (one that passed the kind check) gets the caller's `invalid` 400.
 */
export async function encodeImage(
  upload: Buffer,
  encoding: ImageEncoding,
  invalid: () => AppException,
): Promise<EncodedImage> {
  try {
    const input = sharp(upload, { limitInputPixels: encoding.maxInputPixels, failOn: 'error' });
    const png = encoding.keepTransparency === true && (await input.metadata()).hasAlpha === true;
    const pipeline = input.autoOrient().resize({
      width: encoding.edge,
      height: encoding.edge,
      fit: 'inside',
      withoutEnlargement: true,
    });
    const { data, info } = await (
      png
        ? pipeline.png({ compressionLevel: 9 })
        : pipeline.flatten({ background: '#ffffff' }).jpeg({
            quality: encoding.quality,
            mozjpeg: true,
          })
    ).toBuffer({ resolveWithObject: true });
    return { data, mime: png ? 'image/png' : 'image/jpeg', width: info.width, height: info.height };
  } catch {
    throw invalid();
  }
}
