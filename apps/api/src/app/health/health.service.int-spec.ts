import express from 'express';
import type { AddressInfo } from 'node:net';
import { DataSource, type EntitySubscriberInterface } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { RedisService } from '../queue/redis.module';
import { healthEndpoint } from './health-endpoint';
import { HEALTH_FRESH_MS, HealthService } from './health.service';

/** On the real PostgreSQL and Redis: a flood of health checks is one ping per second. */
describe(HealthService.name, () => {
  const dataSource = new DataSource(dataSourceOptions(process.env['DATABASE_URL'] as string));
  const redis = new RedisService({
    redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    redisPrefix: 'health-spec',
  } as AppConfig);
  let pings = 0;
  const counter: EntitySubscriberInterface = {
    beforeQuery: (event) => {
      if (event.query === 'SELECT 1') pings += 1;
    },
  };

  beforeAll(async () => {
    await dataSource.initialize();
    dataSource.subscribers.push(counter);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await redis.onApplicationShutdown();
  });

  it('answers concurrent checks with one look, reuses it while fresh, then looks again', async () => {
    const sut = new HealthService(dataSource, redis);
    const first = await Promise.all(Array.from({ length: 50 }, () => sut.check()));
    expect(new Set(first).size).toBe(1);
    expect(first[0]).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
    expect(pings).toBe(1);
    await sut.check();
    expect(pings).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, HEALTH_FRESH_MS + 50));
    expect(await sut.check()).toEqual(first[0]);
    expect(pings).toBe(2);
  });

  it('answers GET and HEAD /api/health, /live and /ready ahead of the framework, and passes anything else on', async () => {
    const app = express();
    app.use('/api/health', healthEndpoint(new HealthService(dataSource, redis)));
    app.use((_req, res) => res.status(404).json({ passedOn: true }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const get = await fetch(`${base}/api/health`);
      expect(get.status).toBe(200);
      expect(get.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(get.headers.get('cache-control')).toBe('no-store');
      expect(await get.json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
      const live = await fetch(`${base}/api/health/live`);
      expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
      const ready = await fetch(`${base}/api/health/ready`);
      expect([ready.status, await ready.json()]).toEqual([
        200,
        { status: 'ok', draining: false, checks: { database: 'up', redis: 'up' } },
      ]);
      const head = await fetch(`${base}/api/health?probe=1`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      for (const [method, path] of [
        ['POST', '/api/health'],
        ['GET', '/api/health/more'],
      ]) {
        const other = await fetch(`${base}${path}`, { method });
        expect(other.status).toBe(404);
        expect(await other.json()).toEqual({ passedOn: true });
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
