import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets on every response with `options`, worked out once by running it on a
 * response that only records them, for `securityHeaders`, which sets them on every answer
 * (through Express and ahead of it, health/health-lane.ts). Fails loudly if helmet ever needs the
 * request to decide (it calls back with an error, or not at once).
 */
export function helmetHeaders(options: HelmetOptions): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers.push([name, String(value)]);
      return recorder;
    },
    removeHeader() {
      // X-Powered-By: a response answered ahead of Express never has it.
    },
  };
  let done = false;
  helmet(options)(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
      done = true;
    },
  );
  if (!done) throw new Error('helmet did not set its headers at once');
  return headers;
}

/** The middleware `securityHeaders` makes: plain Node, so it also serves ahead of Express. */
export type SecurityHeaders = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * helmet's headers (from `helmetHeaders`) as one middleware: the same headers on every answer,
 * set in one step instead of helmet's chain of a dozen middlewares, each a call per request.
 */
export function securityHeaders(
  headers: ReadonlyArray<readonly [string, string]>,
): SecurityHeaders {
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
