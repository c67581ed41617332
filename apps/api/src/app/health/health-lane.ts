import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { SecurityHeaders } from '../common/security-headers';
import { beginRequest } from '../common/request-id.middleware';
import { healthCheckFor, sendHealth } from './health-endpoint';
import type { HealthService } from './health.service';

const PREFIX = '/api/health';

/**
 * The health checks as written (`/api/health`, `/live`, `/ready`, with or without a query)
 * answered by the HTTP server itself, ahead of Express: a load balancer or monitor asks several
 * times a second, and Express's request set-up and middleware chain cost four times what the
 * answer does (issue 14). The answer is the one health-endpoint.ts gives through Express, with the
 * same headers: the request id, and `securityHeaders`, the middleware that sets helmet's headers
 * on the rest (common/security-headers.ts). Any other request (another method, a body, another spelling of
 * these paths) goes to Express as before.
 */
export function answerHealthAhead(
  server: Server,
  health: HealthService,
  securityHeaders: SecurityHeaders,
): void {
  const listeners = server.listeners('request') as Array<
    (req: IncomingMessage, res: ServerResponse) => void
  >;
  server.removeAllListeners('request');
  const passOn = (req: IncomingMessage, res: ServerResponse): void => {
    for (const listener of listeners) listener.call(server, req, res);
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    if (!url.startsWith(PREFIX)) return passOn(req, res);
    const end = url.indexOf('?');
    const rest = url.slice(PREFIX.length, end < 0 ? url.length : end);
    // `/api/health` itself, not `/api/health/` (another spelling, which Express answers).
    const check = healthCheckFor(rest === '' ? '/' : rest === '/' ? '' : rest, req.method);
    // A request with a body goes through Express, whose parsers read (and may refuse) it first.
    const length = req.headers['content-length'];
    const body = (length !== undefined && length !== '0') || req.headers['transfer-encoding'];
    if (!check || body) return passOn(req, res);
    beginRequest(req, res, { accessLog: false });
    securityHeaders(req, res, () => sendHealth(health, check, req, res));
  });
}
