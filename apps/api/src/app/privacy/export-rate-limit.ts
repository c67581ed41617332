import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import type { Response } from 'express';
import { AppException } from '../common/app-exception';
import { GlobalExceptionFilter } from '../common/global-exception.filter';

/** A 429 for the daily export limit: says the limit (perDay) and when to try again. */
export class ExportRateLimitedException extends AppException {
  constructor(
    readonly retryAfterSeconds: number,
    perDay: number,
  ) {
    const hours = Math.max(1, Math.ceil(retryAfterSeconds / 3600));
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      ErrorCode.ExportRateLimited,
      `You can export your data ${perDay} times a day. Try again in ${hours} hour${hours === 1 ? '' : 's'}, or download an export you already made.`,
      { params: { perDay, hours } },
    );
  }
}

/** Adds Retry-After, then answers in the one error shape. */
@Catch(ExportRateLimitedException)
export class ExportRetryAfterFilter implements ExceptionFilter {
  private readonly errors = new GlobalExceptionFilter();

  catch(exception: ExportRateLimitedException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(exception.retryAfterSeconds));
    this.errors.catch(exception, host);
  }
}
