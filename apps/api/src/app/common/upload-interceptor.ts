import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  mixin,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import type { ErrorCode } from '@blup/contracts';
import type { Request } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { AppException } from './app-exception';
import { parseJsonWithin } from './json-depth';
import { megabytes, readMultipart, type MultipartRefusals } from './multipart';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** An uploaded file as multer hands it over (memory storage). */
export interface MemoryUpload {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** One upload form: its file field, its limits and what a person is told when it is refused. */
export interface UploadForm {
  /** The form field that holds the one file. */
  field: string;
  /** The most bytes the file may have (fixed, or read from the config); a larger one gets a 413
   *  naming the limit in MB. */
  maxBytes: number | ((config: AppConfig) => number);
  /** busboy's limits on the other parts of the form. */
  limits: { files: number; fields: number; fieldSize?: number; parts: number };
  /** The 413's code and text, given the limit in MB. */
  tooLarge: { code: ErrorCode; message: (maxMb: number) => string };
  /** The 400's text for other parts than the ones expected. */
  wrongParts: string;
  /** A request that is not multipart: refused with this, or (without it) passed through. */
  notMultipart?: () => AppException;
  /** The text field that holds the JSON body, which replaces the request body (else `{}`);
   *  without it, the form's text fields are the body. */
  jsonField?: { name: string; invalid: string };
}

const UNREADABLE = 'The form could not be read: send it again as multipart/form-data.';

/**
 * An interceptor class that reads `multipart/form-data` with one file field (kept in memory), and
 * when the form has a JSON field, puts its parsed JSON in place of the request body before the
 * ValidationPipe checks it. What multer and busboy refuse becomes a 4xx, never a 500.
 */
export function UploadInterceptor(form: UploadForm): Type<NestInterceptor> {
  @Injectable()
  class FormUploadInterceptor implements NestInterceptor {
    private readonly upload: ReturnType<multer.Multer['single']>;
    private readonly refusals: MultipartRefusals;

    constructor(@Inject(APP_CONFIG) config: AppConfig) {
      const maxBytes = typeof form.maxBytes === 'number' ? form.maxBytes : form.maxBytes(config);
      this.upload = multer({
        storage: multer.memoryStorage(),
        // Browsers send file names in UTF-8 without saying so.
        defParamCharset: 'utf8',
        limits: { fileSize: maxBytes, ...form.limits },
      }).single(form.field);
      const maxMb = megabytes(maxBytes);
      this.refusals = {
        tooLarge: () =>
          new AppException(
            HttpStatus.PAYLOAD_TOO_LARGE,
            form.tooLarge.code,
            form.tooLarge.message(maxMb),
            { params: { maxMb } },
          ),
        wrongParts: form.wrongParts,
        unreadable: UNREADABLE,
      };
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const req = context.switchToHttp().getRequest<Request>();
      if (!req.is('multipart/form-data')) {
        if (form.notMultipart) throw form.notMultipart();
        return next.handle();
      }
      await readMultipart(this.upload, context, this.refusals);
      const fields = (req.body ?? {}) as Record<string, unknown>;
      if (form.jsonField) {
        const value = fields[form.jsonField.name];
        req.body = typeof value === 'string' ? parseJsonWithin(value, form.jsonField.invalid) : {};
      } else {
        req.body = { ...fields };
      }
      return next.handle();
    }
  }
  return mixin(FormUploadInterceptor);
}
