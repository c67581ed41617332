import { INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../src/app/bootstrap';
import { AppConfig, loadConfig } from '../src/app/config/app-config';
import { RedisService } from '../src/app/queue/redis.module';
import { Factory } from './factory';
import { TestClient } from './http-client';
import { SmtpSink } from './smtp-sink';

export interface TestApp {
  url: string;
  app: INestApplication;
  config: AppConfig;
  dataSource: DataSource;
  redis: RedisService;
  smtp: SmtpSink;
  factory: Factory;
  /** A new browser-like client; `ip` is sent as X-Forwarded-For (trusted from loopback). */
  client(ip?: string): TestClient;
  close(): Promise<void>;
}

/**
 * The whole API, as `npm start` runs it (api and workers in one process), on a random port,
 * against this run's database and Redis prefix, sending mail to a real SMTP server in the test.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  { role = 'all' }: { role?: 'all' | 'api' } = {},
): Promise<TestApp> {
  const storageDir = await mkdtemp(join(tmpdir(), 'blup-test-storage-'));
  const smtp = new SmtpSink();
  const smtpUrl = await smtp.start();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    SIGNIN_LIMIT_PER_IP: '100000',
    ...process.env,
    SMTP_URL: smtpUrl,
    PUBLIC_URL: 'http://blup.test',
    STORAGE_DIR: storageDir,
    ...env,
  });
  const app = await createHttpApp(config, role);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const dataSource = app.get(DataSource);
  return {
    url,
    app,
    config,
    dataSource,
    redis: app.get(RedisService),
    smtp,
    factory: new Factory(dataSource),
    client: (ip?: string) => new TestClient(url, ip ? { 'x-forwarded-for': ip } : {}),
    close: async () => {
      await app.close();
      await smtp.stop();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
