import { Injectable } from '@nestjs/common';
import { ErrorCode, PLAN_LIMITS } from '@blup/contracts';
import { UploadInterceptor, type MemoryUpload } from '../common/upload-interceptor';
import { imageInvalid } from './document-images';

/** The uploaded image, as multer hands it over (memory storage). */
export type ImageUpload = Pick<MemoryUpload, 'size' | 'buffer'>;

/** Reads `multipart/form-data` with one file field `image` (at most 10 MB). */
@Injectable()
export class ImageUploadInterceptor extends UploadInterceptor({
  field: 'image',
  maxBytes: PLAN_LIMITS.imageMaxBytes,
  limits: { files: 1, fields: 0, parts: 1 },
  tooLarge: {
    code: ErrorCode.DocumentImageTooLarge,
    message: (maxMb) => `The picture is too large: it can be at most ${maxMb} MB.`,
  },
  wrongParts: 'Send one picture, in the form field "image".',
  notMultipart: imageInvalid,
}) {}
