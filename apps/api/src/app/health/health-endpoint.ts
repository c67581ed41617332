import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { healthStatusCode, type HealthService } from './health.service';

/** One health check: what it answers, and with which status. */
export type HealthCheck = (health: HealthService) => Promise<{ status: number; body: object }>;

/** What each path under /api/health answers. */
const ANSWERS: Record<string, HealthCheck> = {
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

/** The check `path` (below /api/health) names for `method` (GET or HEAD), or undefined. */
export function healthCheckFor(path: string, method: string | undefined): HealthCheck | undefined {
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  return Object.hasOwn(ANSWERS, path) ? ANSWERS[path] : undefined;
}

/** Sends `check`'s answer: the coalesced look at PostgreSQL and Redis, 200 or 503, never cached. */
export function sendHealth(
  health: HealthService,
  check: HealthCheck,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  void check(health).then(({ status, body }) => {
    const bytes = Buffer.from(JSON.stringify(body));
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', bytes.length);
    res.setHeader('Cache-Control', 'no-store');
    res.end(req.method === 'HEAD' ? undefined : bytes);
  });
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
    const check = healthCheckFor(req.path, req.method);
    if (check) sendHealth(health, check, req, res);
    else next();
  };
}
