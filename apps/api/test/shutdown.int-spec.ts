import { EventEmitter } from 'node:events';
import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import Bull, { type Queue } from 'bull';
import { mkdtemp, rm } from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { createWorker } from '../src/app/bootstrap';
import { AppConfig, loadConfig } from '../src/app/config/app-config';
import { dataSourceOptions } from '../src/app/database/data-source-options';
import {
  HEALTH_FRESH_MS,
  HEALTH_TIMEOUT_MS,
  HealthService,
  healthStatusCode,
} from '../src/app/health/health.service';
import { exitOnShutdownSignal, httpDrainOf, stopHttpApp } from '../src/app/health/shutdown';
import type { DrainResult } from '../src/app/health/http-drain';
import { MAIL_QUEUE, SEND_MAIL_JOB } from '../src/app/mail/mail.constants';
import { RedisService } from '../src/app/queue/redis.module';
import { startTestApp, TestApp } from './harness';

/** Polls `test` every 10 ms for up to `ms`. */
async function until(test: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A request still under way: its headers are sent, its (JSON) body is not, so the server holds
 * it open until `finish()`.
 */
function slowRequest(port: number, path: string) {
  const req = request({
    host: '127.0.0.1',
    port,
    path,
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': '2' },
  });
  const response = new Promise<{ res: IncomingMessage; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ res, body }));
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  return { response, finish: () => req.end('{}') };
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** A TCP proxy that can go silent: a network that drops everything, so a ping hangs. */
async function blackholeProxy(target: number) {
  const sockets = new Set<Socket>();
  let silent = false;
  const server: Server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ]) {
      sockets.add(from);
      from.on('data', (chunk) => silent || to.write(chunk));
      from.on('error', () => undefined);
      from.on('close', () => to.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    silence: (on: boolean) => (silent = on),
    close: async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('readiness and shutdown', () => {
  describe('an HTTP process on SIGTERM', () => {
    let t: TestApp;
    let stopListening = (): void => undefined;
    beforeAll(async () => {
      t = await startTestApp({}, { role: 'api' });
    });
    afterAll(async () => {
      stopListening();
      await t.smtp.stop();
      await rm(t.config.video.storageDir, { recursive: true, force: true });
    });

    it('says not ready, refuses new connections, finishes what is under way, then exits 0', async () => {
      const live = await fetch(`${t.url}/api/health/live`);
      expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
      const ready = await fetch(`${t.url}/api/health/ready`, { method: 'HEAD' });
      expect(ready.status).toBe(200);
      expect(await (await fetch(`${t.url}/api/health/ready`)).json()).toEqual({
        status: 'ok',
        draining: false,
        checks: { database: 'up', redis: 'up' },
      });

      const port = Number(new URL(t.url).port);
      const graceMs = 2000;
      let drained: DrainResult | undefined;
      const signals = new EventEmitter();
      const exitCode = new Promise<number>((resolve) => {
        stopListening = exitOnShutdownSignal(
          async (signal) => (drained = await stopHttpApp(t.app, graceMs, signal)),
          graceMs,
          resolve,
          signals,
        );
      });
      const slowLive = slowRequest(port, '/api/health/live');
      const slowReady = slowRequest(port, '/api/health/ready');
      const neverDone = slowRequest(port, '/api/health/live');
      await until(() => httpDrainOf(t.app)?.inFlight === 3);

      const signalled = performance.now();
      // A real kill would reach Jest, and other test files' listeners share the process: the
      // handler listens to an emitter of its own.
      signals.emit('SIGTERM', 'SIGTERM');
      await until(() => refused(port));
      slowLive.finish();
      slowReady.finish();

      const answered = await slowLive.response;
      expect([answered.res.statusCode, answered.res.headers.connection]).toEqual([200, 'close']);
      expect(JSON.parse(answered.body)).toEqual({ status: 'ok' });
      const notReady = await slowReady.response;
      expect([notReady.res.statusCode, notReady.res.headers.connection]).toEqual([503, 'close']);
      expect(JSON.parse(notReady.body)).toEqual({
        status: 'error',
        draining: true,
        checks: { database: 'up', redis: 'up' },
      });
      // The one whose body never came is cut when the grace (less the closing reserve) is over.
      await expect(neverDone.response).rejects.toThrow();
      expect(await exitCode).toBe(0);
      expect(performance.now() - signalled).toBeLessThan(graceMs);
      expect(drained).toMatchObject({ inFlight: 3, answered: 2, cut: 1 });
      expect(t.dataSource.isInitialized).toBe(false);
    });
  });

  it('answers not ready within the timeout when PostgreSQL or Redis does not answer', async () => {
    const pg = await blackholeProxy(Number(new URL(process.env['DATABASE_URL'] as string).port));
    const redisUrl = new URL(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    const rd = await blackholeProxy(Number(redisUrl.port || 6379));
    const databaseUrl = new URL(process.env['DATABASE_URL'] as string);
    databaseUrl.port = String(pg.port);
    redisUrl.port = String(rd.port);
    // Quiet: the pings cut by the silent proxy would log as failed queries.
    const dataSource = new DataSource({
      ...dataSourceOptions(databaseUrl.toString()),
      logging: false,
    });
    await dataSource.initialize();
    const redis = new RedisService({
      redisUrl: redisUrl.toString(),
      redisPrefix: 'shutdown-spec',
    } as AppConfig);
    let pings = 0;
    dataSource.subscribers.push({
      beforeQuery: (event) => void (event.query === 'SELECT 1' && pings++),
    });
    // A new service each time, so each look is fresh, not the last one reused.
    const look = async (service = new HealthService(dataSource, redis)) => {
      const started = performance.now();
      const result = await service.ready();
      return { result, ms: performance.now() - started };
    };
    try {
      expect((await look()).result.status).toBe('ok');
      for (const [proxy, down] of [
        [pg, 'database'],
        [rd, 'redis'],
      ] as const) {
        proxy.silence(true);
        const service = new HealthService(dataSource, redis);
        const { result, ms } = await look(service);
        expect(result.checks).toEqual({
          database: down === 'database' ? 'down' : 'up',
          redis: down === 'redis' ? 'down' : 'up',
        });
        expect(healthStatusCode(result)).toBe(503);
        expect(ms).toBeLessThan(HEALTH_TIMEOUT_MS + 300);
        if (down === 'database') {
          // The next look waits on the ping still out instead of taking another connection.
          const before = pings;
          await new Promise((resolve) => setTimeout(resolve, HEALTH_FRESH_MS));
          expect((await look(service)).result.checks.database).toBe('down');
          expect(pings).toBe(before);
        }
        proxy.silence(false);
      }
    } finally {
      redis.client.disconnect();
      await pg.close();
      await rd.close();
      await dataSource.destroy().catch(() => undefined);
    }
  });

  describe('a worker on SIGTERM', () => {
    let worker: INestApplicationContext | undefined;
    let inspect: Queue | undefined;
    let storageDir = '';
    // An SMTP server that takes its time over each message, so a mail job is still running.
    let dataStarted: () => void = () => undefined;
    let accepted = false;
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        dataStarted();
        stream.resume();
        stream.on('end', () =>
          setTimeout(() => {
            accepted = true;
            callback();
          }, 700),
        );
      },
    });
    afterAll(async () => {
      await worker?.close();
      await inspect?.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await rm(storageDir, { recursive: true, force: true });
    });

    it('finishes the running job before it closes', async () => {
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      storageDir = await mkdtemp(join(tmpdir(), 'blup-shutdown-'));
      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        ...process.env,
        SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
        PUBLIC_URL: 'http://blup.test',
        STORAGE_DIR: storageDir,
      });
      worker = await createWorker(config);
      const sending = new Promise<void>((resolve) => (dataStarted = resolve));
      const job = await worker.get<Queue>(getQueueToken(MAIL_QUEUE)).add(
        SEND_MAIL_JOB,
        {
          to: `shutdown-${Date.now()}@example.dk`,
          template: 'invitation',
          locale: 'da',
          data: { name: 'Ole', url: 'http://blup.test/x', invitedBy: 'Kim', place: null, days: 7 },
        },
        { attempts: 1 },
      );
      await sending;

      // What main.ts runs on SIGTERM in the worker role.
      await worker.close();
      worker = undefined;

      expect(accepted).toBe(true);
      inspect = new Bull(MAIL_QUEUE, config.redisUrl, { prefix: `${config.redisPrefix}:bull` });
      expect(await (await inspect.getJob(job.id))?.getState()).toBe('completed');
    });
  });
});
