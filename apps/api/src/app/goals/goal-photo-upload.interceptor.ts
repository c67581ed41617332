import { Injectable } from '@nestjs/common';
import { ErrorCode, GOAL_PHOTO_LIMITS } from '@blup/contracts';
import { UploadInterceptor, type MemoryUpload } from '../common/upload-interceptor';

/** The uploaded photo, as multer hands it over (memory storage). */
export type GoalPhotoUpload = MemoryUpload;

/**
 * Reads `multipart/form-data` with one optional file field `photo` (at most 15 MB) and the
 * update as JSON in the text field `update`, which replaces the request body before the
 * ValidationPipe checks it. JSON requests pass through untouched.
 */
@Injectable()
export class GoalPhotoUploadInterceptor extends UploadInterceptor({
  field: 'photo',
  maxBytes: GOAL_PHOTO_LIMITS.maxBytes,
  limits: { files: 1, fields: 1, fieldSize: 64 * 1024, parts: 2 },
  tooLarge: {
    code: ErrorCode.PhotoTooLarge,
    message: (maxMb) =>
      `The photo is too large: it can be at most ${maxMb} MB. Choose a smaller picture, or take it again at a lower resolution.`,
  },
  wrongParts:
    'Send at most one photo, in the form field "photo", and the update as JSON in the form field "update".',
  jsonField: {
    name: 'update',
    invalid: 'The form field "update" must hold the update as JSON, e.g. {"status":"in_progress"}.',
  },
}) {}
