import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { ERROR_CODES, ErrorCode, type ErrorBody, type ErrorParams } from '@blup/contracts';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { JSON_TOO_DEEP_MESSAGE, JSON_TOO_DEEP_TYPE } from './json-depth';
import { requestContext } from './request-context';
import { isServiceUnavailable, RETRY_AFTER_SECONDS } from './service-unavailable';

/** Errors from body parsing and similar middleware carry a status and an `expose` flag. */
interface HttpishError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message?: string;
}

/** Body-parser failures, answered in words and with a code instead of the parser's jargon. */
export const FRIENDLY_BODY_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  'entity.parse.failed': {
    code: ErrorCode.InvalidJson,
    message: 'The request body is not valid JSON.',
  },
  [JSON_TOO_DEEP_TYPE]: { code: ErrorCode.JsonTooDeep, message: JSON_TOO_DEEP_MESSAGE },
  'entity.too.large': { code: ErrorCode.RequestTooLarge, message: 'The request is too large.' },
  'encoding.unsupported': {
    code: ErrorCode.BadRequest,
    message: 'The request uses an encoding the server does not accept.',
  },
};

export const UNAVAILABLE_MESSAGE =
  'BLUP Akademiet cannot reach its database or another service it needs just now. Please try again in a moment.';

export const SERVER_ERROR_MESSAGE =
  'Something went wrong on our side. Please try again; if it keeps happening, tell the secretariat this request id.';

const KNOWN_CODES = new Set<string>(ERROR_CODES);

/**
 * The code for an error that did not bring its own: only where the status says enough
 * (a route that does not exist is a 404 "not_found"). Other statuses keep their message alone.
 */
function codeForStatus(status: number): ErrorCode | undefined {
  switch (status) {
    case HttpStatus.UNAUTHORIZED:
      return ErrorCode.NotSignedIn;
    case HttpStatus.FORBIDDEN:
      return ErrorCode.Forbidden;
    case HttpStatus.NOT_FOUND:
      return ErrorCode.NotFound;
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return ErrorCode.RequestTooLarge;
    default:
      return status >= 500 ? ErrorCode.ServerError : undefined;
  }
}

/** The parts of an HttpException's response object the body carries over. */
interface HttpExceptionResponse {
  message?: unknown;
  code?: unknown;
  params?: ErrorParams;
  details?: Record<string, string[]>;
  current?: unknown;
}

/**
 * Every failure leaves the API in one shape: {statusCode, error, message, code, params, requestId}.
 * `code` and `params` come from an AppException (or a status that says enough on its own).
 * Unknown errors are logged with their stack and answered with a plain 500 that leaks nothing;
 * a database or another service out of reach is a 503 with Retry-After (isServiceUnavailable).
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    this.respond(
      exception,
      host.switchToHttp().getRequest<Request>(),
      host.switchToHttp().getResponse<Response>(),
    );
  }

  /** Answers `req` with the error's body; for routes answered outside Nest's router too. */
  respond(exception: unknown, req: Request, res: Response): void {
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(`${req.method} ${req.path} failed: ${err.message}`, err.stack);
    }
    if (res.headersSent) return;
    if (body.code === ErrorCode.Unavailable) res.setHeader('Retry-After', RETRY_AFTER_SECONDS);
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    const requestId = requestContext.get()?.requestId ?? 'unknown';
    const type = (exception as HttpishError | undefined)?.type;
    if (type && FRIENDLY_BODY_ERRORS[type]) {
      const status = (exception as HttpishError).status ?? 400;
      const { code, message } = FRIENDLY_BODY_ERRORS[type];
      return {
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        message,
        code,
        requestId,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      let message = exception.message;
      let code = codeForStatus(statusCode);
      let params: ErrorParams | undefined;
      let details: Record<string, string[]> | undefined;
      let current: unknown;
      if (typeof response === 'object' && response !== null) {
        const r = response as HttpExceptionResponse;
        if (Array.isArray(r.message)) message = r.message.join('; ');
        else if (typeof r.message === 'string') message = r.message;
        if (typeof r.code === 'string' && KNOWN_CODES.has(r.code)) code = r.code as ErrorCode;
        params = r.params;
        details = r.details;
        current = r.current;
      }
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message,
        ...(code && { code }),
        ...(params && { params }),
        requestId,
        ...(details && { details }),
        ...(current !== undefined && { current }),
      };
    }
    const httpish = exception as HttpishError | undefined;
    const status = httpish?.status ?? httpish?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = (httpish?.expose && httpish.message) || STATUS_CODES[status] || 'Bad request';
      return {
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        message,
        code: codeForStatus(status) ?? ErrorCode.BadRequest,
        requestId,
      };
    }
    if (isServiceUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        message: UNAVAILABLE_MESSAGE,
        code: ErrorCode.Unavailable,
        requestId,
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: SERVER_ERROR_MESSAGE,
      code: ErrorCode.ServerError,
      requestId,
    };
  }
}
