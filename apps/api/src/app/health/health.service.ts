import { HttpStatus, Injectable } from '@nestjs/common';
import type { HealthResponse, ReadinessResponse } from '@blup/contracts';
import { DataSource } from 'typeorm';
import { RedisService } from '../queue/redis.module';
import { pingDatabase } from './health.queries';

/**
 * How long one ping may take before its part counts as down. Short, so an unreachable PostgreSQL
 * or Redis (a dropped network answers nothing at all) gives a prompt 503, within the one-second
 * timeout probes usually have, instead of a probe that hangs.
 */
export const HEALTH_TIMEOUT_MS = 800;

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
      setTimeout(() => reject(new Error('timeout')), HEALTH_TIMEOUT_MS).unref(),
    ),
  ]);
}

/** Whether a ping answered (true) or failed (false); never rejects. */
function settle(ping: Promise<unknown>): Promise<boolean> {
  return ping.then(
    () => true,
    () => false,
  );
}

/** 'up' when the ping answers in time; 'down' when it fails or takes over HEALTH_TIMEOUT_MS. */
function upOrDown(ping: Promise<boolean>): Promise<'up' | 'down'> {
  return within(ping).then(
    (ok) => (ok ? 'up' : 'down'),
    () => 'down',
  );
}

/** The HTTP status a health or readiness answer goes with: 200 when all is up, else 503. */
export function healthStatusCode(result: HealthResponse): number {
  return result.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
}

/** Readiness: the health answer, and not ready at all while the process shuts down. */
export function readiness(health: HealthResponse, draining: boolean): ReadinessResponse {
  return { status: draining ? 'error' : health.status, draining, checks: health.checks };
}

@Injectable()
export class HealthService {
  private last: { at: number; result: HealthResponse } | null = null;
  private pending: Promise<HealthResponse> | null = null;
  /**
   * Pings that have not answered yet. The next look waits on the same one instead of sending
   * another: an unreachable database then holds one pool connection, not one per second.
   */
  private readonly pings: Record<'database' | 'redis', Promise<boolean> | null> = {
    database: null,
    redis: null,
  };
  /** Set once, when the process starts shutting down (see HttpDrain). */
  private draining = false;

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

  /** From now on readiness answers 503, so load balancers send new requests elsewhere. */
  startDraining(): void {
    this.draining = true;
  }

  /** Whether this process should get requests: PostgreSQL and Redis answer, and it is not draining. */
  async ready(): Promise<ReadinessResponse> {
    return readiness(await this.check(), this.draining);
  }

  /** The ping of this kind still out, or a new one. */
  private ping(kind: 'database' | 'redis', send: () => Promise<unknown>): Promise<boolean> {
    return (this.pings[kind] ??= settle(send()).then((ok) => {
      this.pings[kind] = null;
      return ok;
    }));
  }

  private async look(): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([
      upOrDown(this.ping('database', () => pingDatabase(this.dataSource))),
      upOrDown(this.ping('redis', () => this.redis.client.ping())),
    ]);
    return {
      status: database === 'up' && redis === 'up' ? 'ok' : 'error',
      checks: { database, redis },
    };
  }
}
