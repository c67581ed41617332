import {
  HttpStatus,
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import type { Request } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { AppException } from '../common/app-exception';
import { megabytes, readMultipart, type MultipartRefusals } from '../common/multipart';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/**
 * Reads a library upload: `multipart/form-data` with one file in `file` (at most LIBRARY_MAX_MB;
 * busboy stops reading at the limit, so a larger file is refused with a 413 while it streams, never
 * held whole) and a few text fields, which become the body the ValidationPipe checks.
 */
@Injectable()
export class LibraryUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<multer.Multer['single']>;
  private readonly refusals: MultipartRefusals;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const maxBytes = config.library.maxFileBytes;
    this.upload = multer({
      storage: multer.memoryStorage(),
      // Browsers send file names in UTF-8 without saying so.
      defParamCharset: 'utf8',
      limits: { fileSize: maxBytes, files: 1, fields: 6, fieldSize: 16 * 1024, parts: 7 },
    }).single('file');
    const maxMb = megabytes(maxBytes);
    this.refusals = {
      tooLarge: () =>
        new AppException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          ErrorCode.LibraryFileTooLarge,
          `The file is too large: the library takes files of at most ${maxMb} MB.`,
          { params: { maxMb } },
        ),
      wrongParts: 'Send one file in the form field "file" and the other fields as text.',
      unreadable: 'The form could not be read: send it again as multipart/form-data.',
    };
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.is('multipart/form-data')) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.BadRequest,
        'Send the file as multipart/form-data, in the form field "file".',
      );
    }
    await readMultipart(this.upload, context, this.refusals);
    req.body = { ...(req.body as Record<string, unknown>) };
    return next.handle();
  }
}
