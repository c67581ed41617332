import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { ErrorCode, GOAL_PHOTO_LIMITS } from '@blup/contracts';
import type { Request } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { AppException } from '../common/app-exception';
import { parseJsonWithin } from '../common/json-depth';
import { megabytes, readMultipart, type MultipartRefusals } from '../common/multipart';

const MAX_MB = megabytes(GOAL_PHOTO_LIMITS.maxBytes);

const REFUSALS: MultipartRefusals = {
  tooLarge: () =>
    new AppException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      ErrorCode.PhotoTooLarge,
      `The photo is too large: it can be at most ${MAX_MB} MB. Choose a smaller picture, or take it again at a lower resolution.`,
      { params: { maxMb: MAX_MB } },
    ),
  wrongParts:
    'Send at most one photo, in the form field "photo", and the update as JSON in the form field "update".',
  unreadable: 'The form could not be read: send it again as multipart/form-data.',
};

/** The uploaded photo, as multer hands it over (memory storage). */
export interface GoalPhotoUpload {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/**
 * Reads `multipart/form-data` with one optional file field `photo` (at most 15 MB) and the
 * update as JSON in the text field `update`, which replaces the request body before the
 * ValidationPipe checks it. JSON requests pass through untouched.
 */
@Injectable()
export class GoalPhotoUploadInterceptor implements NestInterceptor {
  private readonly upload = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: {
      fileSize: GOAL_PHOTO_LIMITS.maxBytes,
      files: 1,
      fields: 1,
      fieldSize: 64 * 1024,
      parts: 2,
    },
  }).single('photo');

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request & { file?: GoalPhotoUpload }>();
    if (!req.is('multipart/form-data')) return next.handle();
    await readMultipart(this.upload, context, REFUSALS);
    const fields = (req.body ?? {}) as Record<string, unknown>;
    req.body =
      typeof fields['update'] === 'string'
        ? parseJsonWithin(
            fields['update'],
            'The form field "update" must hold the update as JSON, e.g. {"status":"in_progress"}.',
          )
        : {};
    return next.handle();
  }
}
