import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets on every response with `options`, worked out once by running it on a
 * response that only records them. For answers given ahead of Express (health/health-lane.ts),
 * which must carry exactly what helmet puts on the rest. Fails loudly if helmet ever needs the
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
