import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { AppException } from '../common/app-exception';
import { megabytes, readMultipart, type MultipartRefusals } from '../common/multipart';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/**
 * Reads one multipart file field `file` into memory, refusing anything above
 * `video.maxResourceBytes` with a 413 that says the limit, before the handler runs.
 */
@Injectable()
export class ResourceUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<multer.Multer['single']>;
  private readonly refusals: MultipartRefusals;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.upload = multer({
      storage: multer.memoryStorage(),
      // Browsers send file names in UTF-8 without saying so.
      defParamCharset: 'utf8',
      limits: { fileSize: config.video.maxResourceBytes, files: 1, fields: 10, parts: 12 },
    }).single('file');
    const max = megabytes(config.video.maxResourceBytes);
    this.refusals = {
      tooLarge: () =>
        new AppException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          ErrorCode.RequestTooLarge,
          `The file is too large: resources can be at most ${max} MB.`,
          { params: { maxMegabytes: max } },
        ),
      wrongParts: 'Send exactly one file, in the form field "file".',
      unreadable:
        'The file could not be read: send it again as multipart/form-data in the form field "file".',
    };
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    await readMultipart(this.upload, context, this.refusals);
    return next.handle();
  }
}
