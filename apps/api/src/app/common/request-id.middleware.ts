import { REQUEST_ID_HEADER } from '@blup/contracts';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type RequestContext, requestContext } from './request-context';

const VALID_ID = /^[A-Za-z0-9._-]{8,64}$/;
const logger = new Logger('Http');

/**
 * Gives a request its id (the caller's X-Request-Id when it is sane), echoes it in the response,
 * and unless `accessLog` is false logs one access line when the answer is sent (path without the
 * query string, so tokens in URLs never reach the logs). Returns the context the rest of the
 * request runs in. Plain Node request and response, so the lane answered ahead of Express
 * (health/health-lane.ts) uses it too.
 *
 * The path is read when the answer is sent, as Express's `req.path` is: a request answered by
 * middleware mounted below /api (the health checks, the heartbeat lane) has it relative to the
 * mount then, and is not logged. Monitors and players ask those several times a second.
 */
export function beginRequest(
  req: IncomingMessage,
  res: ServerResponse,
  { accessLog = true }: { accessLog?: boolean } = {},
): RequestContext {
  const incoming = req.headers[REQUEST_ID_HEADER.toLowerCase()];
  const requestId =
    typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const started = process.hrtime.bigint();
  const context: RequestContext = { requestId };
  if (!accessLog) return context;
  res.on('finish', () => {
    const path = pathOf(req.url ?? '');
    if (!path.startsWith('/api/')) return;
    requestContext.run(context, () =>
      logger.log({
        msg: 'request',
        method: req.method,
        path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        userId: context.userId,
      }),
    );
  });
  return context;
}

/** The path of a request target, without its query (absolute-form targets too, as parseurl). */
function pathOf(url: string): string {
  if (url.startsWith('/')) return url.split('?', 1)[0];
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** beginRequest as Express middleware: the rest of the request runs inside its context. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  requestContext.run(beginRequest(req, res), next);
}
