import { Injectable } from '@nestjs/common';
import type { HealthResponse } from '@blup/contracts';
import { DataSource } from 'typeorm';
import { RedisService } from '../queue/redis.module';
import { pingDatabase } from './health.queries';

const TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref(),
    ),
  ]);
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
  ) {}

  async check(): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([
      within(pingDatabase(this.dataSource)).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      within(this.redis.client.ping()).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
    ]);
    return {
      status: database === 'up' && redis === 'up' ? 'ok' : 'error',
      checks: { database, redis },
    };
  }
}
