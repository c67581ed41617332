import { HttpStatus, Injectable } from '@nestjs/common';
import type { HealthResponse } from '@blup/contracts';
import { DataSource } from 'typeorm';
import { RedisService } from '../queue/redis.module';
import { pingDatabase } from './health.queries';

const TIMEOUT_MS = 2000;

/**
 * How long one look at PostgreSQL and Redis answers for. A load balancer, a container runtime and
 * a monitor may each ask several times a second; one ping per second per process tells them the
 * same, and a flood of health checks can never become a flood of pings.
 */
export const HEALTH_FRESH_MS = 1000;

function within<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref(),
    ),
  ]);
}

/** The HTTP status a health answer goes with: 200 when all is up, else 503. */
export function healthStatusCode(result: HealthResponse): number {
  return result.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
}

@Injectable()
export class HealthService {
  private last: { at: number; result: HealthResponse } | null = null;
  private pending: Promise<HealthResponse> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
  ) {}

  /**
   * Whether PostgreSQL and Redis answer: the last look when it is under HEALTH_FRESH_MS old,
   * else a new one, shared by every request that asks while it runs.
   */
  check(): Promise<HealthResponse> {
    if (this.last && performance.now() - this.last.at < HEALTH_FRESH_MS) {
      return Promise.resolve(this.last.result);
    }
    this.pending ??= this.look().then((result) => {
      this.last = { at: performance.now(), result };
      this.pending = null;
      return result;
    });
    return this.pending;
  }

  private async look(): Promise<HealthResponse> {
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
