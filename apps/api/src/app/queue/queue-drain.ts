import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Job, JobId, Queue } from 'bull';

/** A Bull queue among Nest's providers (@nestjs/bull provides each under its own token). */
function isQueue(instance: unknown): instance is Queue {
  const q = instance as Partial<Queue> | null;
  return typeof q?.whenCurrentJobsFinished === 'function' && typeof q.close === 'function';
}

/**
 * Stops every Bull queue before the providers close: `queue.close()` takes no new job and waits
 * for this process's running ones, which may still need PostgreSQL, Redis and SMTP. (Nest closes
 * @nestjs/bull's queues only in onApplicationShutdown, alongside the database pool.) A job that
 * outlives the shutdown grace is cut with the process; its lock then expires and Bull's
 * stalled-job check hands it to another worker. Processors hear of the shutdown earlier, in
 * onModuleDestroy, so a long job (a newsletter batch) can give back what it has not started.
 */
@Injectable()
export class QueueDrain implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueDrain.name);
  /** Jobs this process runs now, for the log line. */
  private readonly running = new Set<JobId>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const queue of this.queues()) {
      queue.on('active', (job: Job) => this.running.add(job.id));
      queue.on('completed', (job: Job) => this.running.delete(job.id));
      queue.on('failed', (job: Job) => this.running.delete(job.id));
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    const queues = this.queues();
    const running = this.running.size;
    if (running > 0) this.logger.log(`Stopping the queues: ${running} running jobs finish first.`);
    const started = performance.now();
    await Promise.all(queues.map((queue) => queue.close()));
    if (running > 0) {
      this.logger.log(
        `Queues stopped in ${Math.round(performance.now() - started)} ms: ` +
          `${running - this.running.size} of ${running} jobs finished.`,
      );
    }
  }

  private queues(): Queue[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter(isQueue);
  }
}
