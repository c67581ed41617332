import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import type { NextFunction, Request, Response } from 'express';
import { AppException } from '../common/app-exception';

/**
 * Reads the body as bytes into `req.body` (a Buffer), whatever its type, for routes that must
 * check a signature over exactly what was sent. The JSON parser after it then leaves it alone.
 */
export function rawBodyMiddleware(limitBytes: number) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes && !failed) {
        failed = true;
        next(
          new AppException(
            HttpStatus.PAYLOAD_TOO_LARGE,
            ErrorCode.RequestTooLarge,
            'The request is too large.',
          ),
        );
      }
      if (!failed) chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      req.body = Buffer.concat(chunks);
      next();
    });
    req.on('error', (error) => {
      if (!failed) next(error);
      failed = true;
    });
  };
}
