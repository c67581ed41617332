import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { APPLICATION_LIMITS, ErrorCode } from '@blup/contracts';
import type { Request } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { AppException } from '../common/app-exception';
import { parseJsonWithin } from '../common/json-depth';
import { megabytes, readMultipart, type MultipartRefusals } from '../common/multipart';

const MAX_MB = megabytes(APPLICATION_LIMITS.agreementMaxBytes);

const REFUSALS: MultipartRefusals = {
  tooLarge: () =>
    new AppException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      ErrorCode.AgreementTooLarge,
      `The agreement is too large: it can be at most ${MAX_MB} MB.`,
      { params: { maxMb: MAX_MB } },
    ),
  wrongParts:
    'Send at most one file, in the form field "agreement", and the application as JSON in the form field "application".',
  unreadable: 'The form could not be read: send it again as multipart/form-data.',
};

/** The uploaded agreement, as multer hands it over (memory storage). */
export interface AgreementUpload {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/**
 * Reads `multipart/form-data` with one optional file field `agreement` (at most 10 MB) and, for
 * the application itself, a text field `application` holding the JSON body, which replaces the
 * request body before the ValidationPipe checks it. JSON requests pass through untouched.
 */
@Injectable()
export class AgreementUploadInterceptor implements NestInterceptor {
  private readonly upload = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: {
      fileSize: APPLICATION_LIMITS.agreementMaxBytes,
      files: 1,
      fields: 2,
      fieldSize: 256 * 1024,
      parts: 4,
    },
  }).single('agreement');

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request & { file?: AgreementUpload }>();
    if (!req.is('multipart/form-data')) return next.handle();
    await readMultipart(this.upload, context, REFUSALS);
    const fields = (req.body ?? {}) as Record<string, unknown>;
    if (typeof fields['application'] === 'string') {
      req.body = parseJsonWithin(
        fields['application'],
        'The form field "application" must hold the application as JSON.',
      );
    } else {
      req.body = {};
    }
    return next.handle();
  }
}
