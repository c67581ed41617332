import { HttpException, HttpStatus } from '@nestjs/common';
import { ErrorCode, type ErrorParams } from '@blup/contracts';

export interface AppExceptionOptions {
  /** The values the code's wording needs, e.g. `{ minutes: 15 }`. */
  params?: ErrorParams;
  /** The fields this problem is about, with the English message for each. */
  details?: Record<string, string[]>;
  /** With a 409: what was saved in between, for the client to show beside its own. */
  current?: unknown;
}

/** What the global exception filter reads from an HttpException's response object. */
export interface AppExceptionResponse extends AppExceptionOptions {
  message: string;
  code: ErrorCode;
}

/**
 * A failure a person can meet: an HTTP status, a code the client translates, the English message
 * (logs, API docs, fallback), and the params the translated wording needs. The global exception
 * filter copies all of it into the ErrorBody.
 */
export class AppException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ErrorCode,
    message: string,
    options: AppExceptionOptions = {},
  ) {
    const response: AppExceptionResponse = { message, code, ...options };
    super(response, status);
  }
}

/** A 400 about one field: the message goes on the body and on that field. */
export function fieldError(
  code: ErrorCode,
  field: string,
  message: string,
  params?: ErrorParams,
): AppException {
  return new AppException(HttpStatus.BAD_REQUEST, code, message, {
    params,
    details: { [field]: [message] },
  });
}

/** A 404 for something missing or out of the person's sight (the answer reveals nothing). */
export function notFound(message: string): AppException {
  return new AppException(HttpStatus.NOT_FOUND, ErrorCode.NotFound, message);
}

/** A 403 for what only the secretariat may do. */
export function secretariatOnly(message: string): AppException {
  return new AppException(HttpStatus.FORBIDDEN, ErrorCode.SecretariatOnly, message);
}
