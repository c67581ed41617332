import { EventEmitter } from 'node:events';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readiness } from './health.service';
import { HttpDrain } from './http-drain';
import { closeReserveMs, exitOnShutdownSignal } from './shutdown';

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; !test(); i++) {
    if (i > 200) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const UP = { database: 'up', redis: 'up' } as const;

describe('readiness', () => {
  it('is the health answer while serving, and not ready at all while draining', () => {
    expect(readiness({ status: 'ok', checks: UP }, false)).toEqual({
      status: 'ok',
      draining: false,
      checks: UP,
    });
    expect(readiness({ status: 'ok', checks: UP }, true).status).toBe('error');
    const down = { status: 'error', checks: { ...UP, redis: 'down' } } as const;
    expect(readiness(down, false)).toEqual({ ...down, draining: false });
  });

  it('keeps a part of the grace for closing the app once HTTP has drained', () => {
    expect(closeReserveMs(25_000)).toBe(2000);
    expect(closeReserveMs(2000)).toBe(500);
  });
});

describe(HttpDrain.name, () => {
  it('keeps idle keep-alive connections a moment, answering with Connection: close, and busy ones until their answer', async () => {
    let finishStream: () => void = () => undefined;
    const server = createServer((req, res) => {
      if (req.url === '/stream') {
        // Headers out before the drain: this answer cannot say `Connection: close` any more.
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('a');
        finishStream = () => res.end('b');
      } else res.end('ok');
    });
    const drain = new HttpDrain(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // One kept-alive connection per client, so the two requests use two connections.
    const agents = [new Agent({ keepAlive: true }), new Agent({ keepAlive: true })];
    const get = (path: string, agent: Agent) =>
      new Promise<string>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve(body));
        });
        req.on('error', reject);
        req.end();
      });
    const getWithHeaders = (path: string, agent: Agent) =>
      new Promise<{ body: string; connection: string | undefined }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ body, connection: res.headers.connection }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await get('/idle', agents[0])).toBe('ok');
      const streaming = get('/stream', agents[1]);
      await until(() => drain.inFlight === 1);
      expect(drain.connections).toBe(2);

      const drained = drain.drain(5000, 100);
      // The idle one stays for the linger and answers with Connection: close (a proxy may be
      // sending on it); the streaming one stays until its answer is done.
      expect(await getWithHeaders('/idle', agents[0])).toEqual({ body: 'ok', connection: 'close' });
      await until(() => drain.connections === 1);
      finishStream();
      expect(await streaming).toBe('ab');
      expect(await drained).toMatchObject({ inFlight: 1, connections: 2, answered: 2, cut: 0 });
    } finally {
      agents.forEach((agent) => agent.destroy());
      server.close();
    }
  });
});

describe(exitOnShutdownSignal.name, () => {
  // Jest gives each test file its own `process` object; emitting on it reaches the listeners.
  it('exits 0 once stopped, 1 on a second signal or when the grace is over', async () => {
    // Signals of its own: listeners other test files left on the shared process would see them.
    const signals = new EventEmitter();
    const codes: number[] = [];
    let stop = exitOnShutdownSignal(
      async () => undefined,
      1000,
      (code) => codes.push(code),
      signals,
    );
    signals.emit('SIGTERM', 'SIGTERM');
    await until(() => codes.length > 0);
    stop();
    expect(codes).toEqual([0]);

    stop = exitOnShutdownSignal(
      () => new Promise(() => undefined),
      50,
      (c) => codes.push(c),
      signals,
    );
    signals.emit('SIGINT', 'SIGINT');
    signals.emit('SIGINT', 'SIGINT');
    expect(codes).toEqual([0, 1]);
    await until(() => codes.length > 2);
    stop();
    expect(codes).toEqual([0, 1, 1]);
  });
});
