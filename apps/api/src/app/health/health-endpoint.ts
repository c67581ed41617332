import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { healthStatusCode, type HealthService } from './health.service';

/** What each path under /api/health answers, and with which status. */
const ANSWERS: Record<
  string,
  (health: HealthService) => Promise<{ status: number; body: object }>
> = {
  '/': async (health) => {
    const result = await health.check();
    return { status: healthStatusCode(result), body: result };
  },
  // Liveness asks only whether the process answers: a restart would not bring PostgreSQL back.
  '/live': async () => ({ status: 200, body: { status: 'ok' } }),
  '/ready': async (health) => {
    const result = await health.ready();
    return { status: healthStatusCode(result), body: result };
  },
};

/**
 * Answers a health check when `path` (below /api/health) and the method name one, and says
 * whether it did: the coalesced look at PostgreSQL and Redis, 200 or 503, never cached.
 */
export function answerHealth(
  health: HealthService,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const answer = Object.hasOwn(ANSWERS, path) ? ANSWERS[path] : undefined;
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !answer) return false;
  void answer(health).then(({ status, body }) => {
    const bytes = Buffer.from(JSON.stringify(body));
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', bytes.length);
    res.setHeader('Cache-Control', 'no-store');
    res.end(req.method === 'HEAD' ? undefined : bytes);
  });
  return true;
}

/**
 * `GET /api/health`, `/api/health/live` and `/api/health/ready` answered as soon as the security
 * headers are on the response, ahead of the cookie parsing, the CSRF token, the session guard and
 * Nest's routing: load balancers, container runtimes and monitors ask them several times a second,
 * and they need none of those. They answer exactly what HealthController (which documents the
 * routes) would. Mounted at `/api/health`; anything else passes on. The paths as written are
 * answered earlier still, ahead of Express (health-lane.ts); this serves their other spellings
 * (`/API/Health`), which Express's mount matches.
 */
export function healthEndpoint(health: HealthService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!answerHealth(health, req.path, req, res)) next();
  };
}
