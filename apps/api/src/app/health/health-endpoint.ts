import type { NextFunction, Request, Response } from 'express';
import { healthStatusCode, type HealthService } from './health.service';

/**
 * `GET /api/health` answered as soon as the security headers are on the response, ahead of the
 * cookie parsing, the CSRF token, the session guard and Nest's routing: load balancers, container
 * runtimes and monitors ask it several times a second, and it needs none of those. It answers
 * exactly what HealthController (which documents the route) would: the coalesced look at
 * PostgreSQL and Redis, 200 or 503. Mounted at `/api/health`; anything else passes on.
 */
export function healthEndpoint(health: HealthService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path !== '/') return next();
    void health.check().then((result) => {
      const body = Buffer.from(JSON.stringify(result));
      res.statusCode = healthStatusCode(result);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Length', body.length);
      res.setHeader('Cache-Control', 'no-store');
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  };
}
