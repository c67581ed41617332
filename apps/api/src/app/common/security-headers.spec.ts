import helmet, { type HelmetOptions } from 'helmet';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { helmetHeaders, securityHeaders } from './security-headers';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The headers an answer carries when `middleware` ran before it (the varying ones left out). */
async function headersAfter(middleware: Middleware): Promise<Record<string, string>> {
  const server = createServer((req, res) => middleware(req, res, () => res.end('ok')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/api/home`);
    const headers = Object.fromEntries(res.headers);
    for (const name of ['date', 'connection', 'keep-alive', 'content-length']) delete headers[name];
    return headers;
  } finally {
    server.close();
  }
}

describe(securityHeaders.name, () => {
  const options: Record<string, HelmetOptions> = {
    'with HSTS and a policy of its own': {
      contentSecurityPolicy: { useDefaults: true, directives: { 'frame-ancestors': ["'none'"] } },
      strictTransportSecurity: true,
    },
    'without HSTS': { strictTransportSecurity: false },
  };

  it.each(Object.entries(options))('sets exactly what helmet sets (%s)', async (_, option) => {
    const theirs = await headersAfter(helmet(option) as Middleware);
    const ours = await headersAfter(securityHeaders(helmetHeaders(option)));
    expect(Object.keys(theirs)).toContain('content-security-policy');
    expect(ours).toEqual(theirs);
  });
});
