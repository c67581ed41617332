import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { helmetHeaders, securityHeaders } from '../common/security-headers';
import { answerHealthAhead } from './health-lane';
import type { HealthService } from './health.service';

/** One request through node:http (fetch sends no body with GET); resolves with the body. */
function send(method: string, url: string, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method,
      headers: body
        ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
        : {},
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('answerHealthAhead', () => {
  const passedOn: string[] = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      passedOn.push(`${req.method} ${req.url}`);
      res.end('app');
    });
    const health = {
      check: async () => ({ status: 'ok', checks: { database: 'up', redis: 'up' } }),
      ready: async () => ({
        status: 'error',
        draining: true,
        checks: { database: 'up', redis: 'up' },
      }),
    } as unknown as HealthService;
    answerHealthAhead(
      server,
      health,
      securityHeaders(helmetHeaders({ strictTransportSecurity: false })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers the three checks as written, with helmet’s headers and a request id', async () => {
    const live = await fetch(`${base}/api/health/live?x=1`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
    expect(live.headers.get('x-content-type-options')).toBe('nosniff');
    expect(live.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(live.headers.get('strict-transport-security')).toBeNull();
    expect(live.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(live.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect((await fetch(`${base}/api/health/ready`)).status).toBe(503);
    const head = await fetch(`${base}/api/health`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
    expect(passedOn).toEqual([]);
  });

  it('passes everything else to the app', async () => {
    const others = [
      ['GET', '/api/health/'],
      ['GET', '/API/health'],
      ['GET', '/api/healthz'],
      ['GET', '/api/health/other'],
      ['POST', '/api/health'],
      ['GET', '/api/health', '{}'],
      ['GET', '/api/home'],
    ];
    for (const [method, path, body] of others) {
      expect([method, path, await send(method, `${base}${path}`, body)]).toEqual([
        method,
        path,
        'app',
      ]);
    }
    expect(passedOn).toEqual(others.map(([method, path]) => `${method} ${path}`));
  });
});
