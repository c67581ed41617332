import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';
import { AppException } from '../common/app-exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024));

/**
 * Reads one multipart file field `file` into memory, refusing anything above
 * `video.maxResourceBytes` with a 413 that says the limit, before the handler runs.
 */
@Injectable()
export class ResourceUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<multer.Multer['single']>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.upload = multer({
      storage: multer.memoryStorage(),
      // Browsers send file names in UTF-8 without saying so.
      defParamCharset: 'utf8',
      limits: { fileSize: config.video.maxResourceBytes, files: 1, fields: 10, parts: 12 },
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) =>
      this.upload(http.getRequest<Request>(), http.getResponse<Response>(), (error: unknown) =>
        error ? reject(this.translate(error)) : resolve(),
      ),
    );
    return next.handle();
  }

  private translate(error: unknown): unknown {
    if (error instanceof MulterError) {
      if (error.code === 'LIMIT_FILE_SIZE') {
        const max = megabytes(this.config.video.maxResourceBytes);
        return new AppException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          ErrorCode.RequestTooLarge,
          `The file is too large: resources can be at most ${max} MB.`,
          { params: { maxMegabytes: max } },
        );
      }
      return new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.BadRequest,
        'Send exactly one file, in the form field "file".',
      );
    }
    // Anything else busboy refuses (a malformed part header, a body that ends mid-form, a
    // missing boundary) is the sender's broken form, not our failure.
    if (error instanceof Error && !(error instanceof HttpException)) {
      return new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.BadRequest,
        'The file could not be read: send it again as multipart/form-data in the form field "file".',
      );
    }
    return error;
  }
}
