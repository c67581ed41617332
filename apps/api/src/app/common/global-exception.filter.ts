import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ErrorBody } from '@blup/contracts';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { requestContext } from './request-context';

/** Errors from body parsing and similar middleware carry a status and an `expose` flag. */
interface HttpishError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message?: string;
}

export const FRIENDLY_BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request is too large.',
  'encoding.unsupported': 'The request uses an encoding the server does not accept.',
};

/**
 * Every failure leaves the API in one shape: {statusCode, error, message, requestId}.
 * Unknown errors are logged with their stack and answered with a plain 500 that leaks nothing.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(`${req.method} ${req.path} failed: ${err.message}`, err.stack);
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    const requestId = requestContext.get()?.requestId ?? 'unknown';
    const type = (exception as HttpishError | undefined)?.type;
    if (type && FRIENDLY_BODY_ERRORS[type]) {
      const status = (exception as HttpishError).status ?? 400;
      return {
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        message: FRIENDLY_BODY_ERRORS[type],
        requestId,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      let message = exception.message;
      let details: Record<string, string[]> | undefined;
      if (typeof response === 'object' && response !== null) {
        const r = response as { message?: unknown; details?: Record<string, string[]> };
        if (Array.isArray(r.message)) message = r.message.join('; ');
        else if (typeof r.message === 'string') message = r.message;
        details = r.details;
      }
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message,
        requestId,
        ...(details && { details }),
      };
    }
    const httpish = exception as HttpishError | undefined;
    const status = httpish?.status ?? httpish?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = (httpish?.expose && httpish.message) || STATUS_CODES[status] || 'Bad request';
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, requestId };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message:
        'Something went wrong on our side. Please try again; if it keeps happening, tell the secretariat this request id.',
      requestId,
    };
  }
}
