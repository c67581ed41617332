import { REQUEST_ID_HEADER } from '@blup/contracts';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { requestContext } from './request-context';

const VALID_ID = /^[A-Za-z0-9._-]{8,64}$/;
const logger = new Logger('Http');

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane), echoes it in the
 * response, runs the rest of the request inside that context, and logs one access line
 * (path without the query string, so tokens in URLs never reach the logs).
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header(REQUEST_ID_HEADER);
  const requestId = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const started = process.hrtime.bigint();
  const context = { requestId } as { requestId: string; userId?: string };
  res.on('finish', () => {
    if (!req.path.startsWith('/api/')) return;
    requestContext.run(context, () =>
      logger.log({
        msg: 'request',
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        userId: context.userId,
      }),
    );
  });
  requestContext.run(context, next);
}
