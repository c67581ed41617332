import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { APPLICATION_LIMITS, ErrorCode } from '@blup/contracts';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';
import { AppException } from '../common/app-exception';
import { parseJsonWithin } from '../common/json-depth';

const MAX_MB = Math.round(APPLICATION_LIMITS.agreementMaxBytes / (1024 * 1024));

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
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { file?: AgreementUpload }>();
    if (!req.is('multipart/form-data')) return next.handle();
    await new Promise<void>((resolve, reject) =>
      this.upload(req, http.getResponse<Response>(), (error: unknown) =>
        error ? reject(translate(error)) : resolve(),
      ),
    );
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

function translate(error: unknown): unknown {
  if (error instanceof MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') {
      return new AppException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        ErrorCode.AgreementTooLarge,
        `The agreement is too large: it can be at most ${MAX_MB} MB.`,
        { params: { maxMb: MAX_MB } },
      );
    }
    return new AppException(
      HttpStatus.BAD_REQUEST,
      ErrorCode.BadRequest,
      'Send at most one file, in the form field "agreement", and the application as JSON in the form field "application".',
    );
  }
  // Anything else busboy refuses (a malformed part header, a body that ends mid-form, a
  // missing boundary) is the sender's broken form, not our failure.
  if (error instanceof Error && !(error instanceof HttpException)) {
    return new AppException(
      HttpStatus.BAD_REQUEST,
      ErrorCode.BadRequest,
      'The form could not be read: send it again as multipart/form-data.',
    );
  }
  return error;
}
