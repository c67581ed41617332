import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { ErrorCode, PLAN_LIMITS } from '@blup/contracts';
import type { Request } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { AppException } from '../common/app-exception';
import { megabytes, readMultipart, type MultipartRefusals } from '../common/multipart';
import { imageInvalid } from './document-images';

const MAX_MB = megabytes(PLAN_LIMITS.imageMaxBytes);

const REFUSALS: MultipartRefusals = {
  tooLarge: () =>
    new AppException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      ErrorCode.DocumentImageTooLarge,
      `The picture is too large: it can be at most ${MAX_MB} MB.`,
      { params: { maxMb: MAX_MB } },
    ),
  wrongParts: 'Send one picture, in the form field "image".',
  unreadable: 'The form could not be read: send it again as multipart/form-data.',
};

/** The uploaded image, as multer hands it over (memory storage). */
export interface ImageUpload {
  size: number;
  buffer: Buffer;
}

/** Reads `multipart/form-data` with one file field `image` (at most 10 MB). */
@Injectable()
export class ImageUploadInterceptor implements NestInterceptor {
  private readonly upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: PLAN_LIMITS.imageMaxBytes, files: 1, fields: 0, parts: 1 },
  }).single('image');

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.is('multipart/form-data')) throw imageInvalid();
    await readMultipart(this.upload, context, REFUSALS);
    return next.handle();
  }
}
