import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { JobOptions, Queue } from 'bull';
import { RedisService } from '../queue/redis.module';
import {
  NewsletterDispatcher,
  NewsletterRenderer,
  type NewsletterRecipient,
} from '../newsletters/newsletter-ports';
import { NewsletterMailer } from './newsletter-mailer';
import {
  BATCH_JOB,
  BATCH_JOB_OPTIONS,
  batchJobId,
  NEWSLETTERS_QUEUE,
  START_JOB,
  START_JOB_OPTIONS,
  startJobId,
  wakeJobId,
  type BatchJob,
  type StartJob,
} from './newsletter-delivery.constants';

/** The subject prefix of a test send. */
export const TEST_SUBJECT_PREFIX = '[Test] ';

/**
 * NewsletterDispatcher on Bull (every role). `schedule` keeps one delayed start job per
 * newsletter (its id holds the send time; a Redis hash remembers it, so a new time replaces the
 * old job without scanning the queue). The worker's processor does the sending.
 */
@Injectable()
export class BullNewsletterDispatcher extends NewsletterDispatcher {
  private readonly logger = new Logger(BullNewsletterDispatcher.name);

  constructor(
    @InjectQueue(NEWSLETTERS_QUEUE) private readonly queue: Queue<StartJob | BatchJob>,
    private readonly redis: RedisService,
    private readonly mailer: NewsletterMailer,
    private readonly renderer: NewsletterRenderer,
  ) {
    super();
  }

  async schedule(newsletterId: string, sendAt: Date): Promise<void> {
    const jobId = startJobId(newsletterId, sendAt);
    const previous = await this.redis.client.hget(this.indexKey(), newsletterId);
    if (previous && previous !== jobId) await this.removeWaiting(previous);
    await this.add(
      START_JOB,
      { newsletterId, sendAt: sendAt.toISOString() },
      {
        ...START_JOB_OPTIONS,
        jobId,
        delay: Math.max(0, sendAt.getTime() - Date.now()),
      },
    );
    await this.redis.client.hset(this.indexKey(), newsletterId, jobId);
    this.logger.log({ msg: 'newsletter scheduled', newsletterId, sendAt: sendAt.toISOString() });
  }

  async unschedule(newsletterId: string): Promise<void> {
    const previous = await this.redis.client.hget(this.indexKey(), newsletterId);
    if (previous) await this.removeWaiting(previous);
    await this.redis.client.hdel(this.indexKey(), newsletterId);
  }

  async sendTest(newsletterId: string, recipient: NewsletterRecipient): Promise<void> {
    const prepared = await this.renderer.prepare(newsletterId);
    await this.mailer.send({
      to: { name: recipient.name, address: recipient.email },
      rendered: prepared.render(recipient),
      subjectPrefix: TEST_SUBJECT_PREFIX,
      extraHeaders: { 'X-BLUP-Test': 'yes' },
    });
  }

  /** Queues `count` batch jobs for a newsletter under way (ids numbered: a repeat adds none). */
  async enqueueBatches(newsletterId: string, count: number): Promise<void> {
    await this.queue.addBulk(
      Array.from({ length: Math.max(1, count) }, (_, n) => ({
        name: BATCH_JOB,
        data: { newsletterId },
        opts: { ...BATCH_JOB_OPTIONS, jobId: batchJobId(newsletterId, n) },
      })),
    );
  }

  /** A batch job due at `dueAt` (a retry's backoff over, a dead worker's lease run out). */
  async wakeAt(newsletterId: string, dueAt: Date): Promise<void> {
    await this.add(
      BATCH_JOB,
      { newsletterId },
      {
        ...BATCH_JOB_OPTIONS,
        jobId: wakeJobId(newsletterId, dueAt),
        delay: Math.max(0, dueAt.getTime() - Date.now()),
      },
    );
  }

  /**
   * Adds a job; an old finished or failed one with the same id is removed first, so that adding
   * again really runs it again (Bull ignores an id it still holds).
   */
  private async add(name: string, data: StartJob | BatchJob, opts: JobOptions): Promise<void> {
    if (opts.jobId) {
      const old = await this.queue.getJob(opts.jobId);
      const state = old ? await old.getState() : null;
      if (old && (state === 'completed' || state === 'failed')) {
        await old.remove().catch(() => undefined);
      }
    }
    await this.queue.add(name, data, opts);
  }

  /** Removes a job that has not run yet; one running or done is left alone. */
  private async removeWaiting(jobId: string): Promise<void> {
    const job = await this.queue.getJob(jobId);
    if (!job) return;
    const state = await job.getState();
    if (state === 'delayed' || state === 'waiting' || state === 'paused') {
      await job.remove().catch(() => undefined);
    }
  }

  private indexKey(): string {
    return this.redis.key('newsletters', 'start-jobs');
  }
}
