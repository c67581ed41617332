import type { Server } from 'node:http';

/**
 * How long the API keeps an idle keep-alive connection open: longer than the proxy in front keeps
 * its idle connections to us (nginx's upstream `keepalive_timeout`, 60 s in
 * deploy/nginx/blup.conf; cloud load balancers' idle timeouts are 60 s too), so the proxy always
 * closes an idle connection first. With Node's default (5 s) the API closed connections under
 * nginx: a request nginx sent on one at that moment met a reset, nginx counted it as a failure of
 * this process, and while the other process was down (then max_fails=1) it answered every request
 * with 502 "no live upstreams" for up to 5 s (tools/bench-scale.mjs found it).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Applies KEEP_ALIVE_TIMEOUT_MS to the API's HTTP server, before it listens. */
export function keepIdleConnectionsLongerThanTheProxy(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // A request's headers may take no longer than the wait for it on an idle connection.
  server.headersTimeout = Math.max(server.headersTimeout, KEEP_ALIVE_TIMEOUT_MS + 1000);
}
