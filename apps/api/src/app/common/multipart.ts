import { HttpException, HttpStatus } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import type { Request, Response } from 'express';
import { MulterError } from 'multer';
import { AppException } from './app-exception';

/** What a person is told when their form cannot be taken: each upload says it in its own words. */
export interface MultipartRefusals {
  /** The file is over the limit: a 413 that names the limit. */
  tooLarge: () => AppException;
  /** Other parts than the ones expected (a second file, another field name): a 400. */
  wrongParts: string;
  /** The form itself is broken (a malformed part, a body that ends mid-form): a 400. */
  unreadable: string;
}

type MulterMiddleware = (req: Request, res: Response, done: (error?: unknown) => void) => void;

/**
 * Runs a multer middleware on the request of an interceptor's context, turning what multer and
 * busboy refuse into the 4xx the refusals describe (never a 500).
 */
export async function readMultipart(
  upload: MulterMiddleware,
  context: ExecutionContext,
  refusals: MultipartRefusals,
): Promise<void> {
  const http = context.switchToHttp();
  await new Promise<void>((resolve, reject) =>
    upload(http.getRequest<Request>(), http.getResponse<Response>(), (error?: unknown) =>
      error ? reject(multipartRefusal(error, refusals)) : resolve(),
    ),
  );
}

export function multipartRefusal(error: unknown, refusals: MultipartRefusals): unknown {
  if (error instanceof MulterError) {
    return error.code === 'LIMIT_FILE_SIZE'
      ? refusals.tooLarge()
      : new AppException(HttpStatus.BAD_REQUEST, ErrorCode.BadRequest, refusals.wrongParts);
  }
  // Anything else busboy refuses (a malformed part header, a body that ends mid-form, a
  // missing boundary) is the sender's broken form, not our failure.
  if (error instanceof Error && !(error instanceof HttpException)) {
    return new AppException(HttpStatus.BAD_REQUEST, ErrorCode.BadRequest, refusals.unreadable);
  }
  return error;
}

export const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024));
