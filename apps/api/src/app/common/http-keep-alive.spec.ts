import { readFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { KEEP_ALIVE_TIMEOUT_MS, keepIdleConnectionsLongerThanTheProxy } from './http-keep-alive';

/** nginx's upstream keepalive_timeout in deploy/nginx/blup.conf, in ms (nginx's default: 60 s). */
function nginxUpstreamKeepAliveMs(): number {
  const conf = readFileSync(join(__dirname, '../../../../../deploy/nginx/blup.conf'), 'utf8');
  const upstream = /upstream\s+blup_api\s*\{([^}]*)\}/.exec(conf)?.[1];
  if (upstream === undefined) throw new Error('deploy/nginx/blup.conf has no upstream blup_api');
  const setting = /^\s*keepalive_timeout\s+(\d+)(ms|s|m)?\s*;/m.exec(upstream);
  if (!setting) return 60_000;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };
  return Number(setting[1]) * unit[setting[2] ?? 's'];
}

describe(keepIdleConnectionsLongerThanTheProxy.name, () => {
  let server: Server;

  afterEach(() => new Promise((resolve) => server.close(resolve)));

  it('keeps idle connections open longer than nginx keeps its idle connections to the API', async () => {
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(nginxUpstreamKeepAliveMs());
    server = createServer((_req, res) => res.end('ok'));
    keepIdleConnectionsLongerThanTheProxy(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // What the server tells a keep-alive client: it keeps the connection this long.
    const keepAlive = await new Promise<string>((resolve, reject) =>
      get({ port, host: '127.0.0.1', headers: { connection: 'keep-alive' } }, (res) => {
        res.resume();
        resolve(String(res.headers['keep-alive']));
      }).on('error', reject),
    );
    expect(keepAlive).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
    expect(server.headersTimeout).toBeGreaterThan(KEEP_ALIVE_TIMEOUT_MS);
  });
});
