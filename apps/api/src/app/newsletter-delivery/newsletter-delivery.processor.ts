import { InjectQueue, OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Inject, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Job, JobId, Queue } from 'bull';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import {
  NewsletterAudience,
  NewsletterLifecycle,
  NewsletterRenderer,
  type NewsletterRecipient,
  type PreparedNewsletter,
  type RenderedNewsletter,
} from '../newsletters/newsletter-ports';
import { BullNewsletterDispatcher } from './bull-newsletter-dispatcher';
import { DeliveryQueries, type ClaimedDelivery } from './delivery.queries';
import {
  BATCH_CONCURRENCY,
  BATCH_JOB,
  MAX_PARALLEL_BATCH_JOBS,
  NEWSLETTERS_QUEUE,
  SMTP_LANES,
  START_JOB,
  SWEEP_JOB,
  SWEEP_JOB_OPTIONS,
  type BatchJob,
  type StartJob,
  WAKE_MARGIN_MS,
  wakeJobId,
} from './newsletter-delivery.constants';
import { GroupCommit } from '../common/group-commit';
import { NewsletterMailer } from './newsletter-mailer';
import { SendRateLimiter } from './send-rate-limiter';
import { classifySmtpError, smtpErrorText } from './smtp-outcome';

export interface StartResult {
  recipients: number;
  skipped?: string;
}

export interface BatchResult {
  sent: number;
  failed: number;
  bounced: number;
  retried: number;
  skipped?: string;
  /** The newsletter's final status, when this batch finished it. */
  finished?: string;
}

/** Recipients read and written at a time when sending starts. */
const AUDIENCE_PAGE = 5000;

/** How often a row's "sent" is written again if the database does not answer at once. */
const MARK_SENT_TRIES = 3;
/** The most "sent" marks one UPDATE takes (a group holds at most one per lane anyway). */
const SENT_MARKS_PER_UPDATE = 1000;

/**
 * Worker role only: sends newsletters.
 *
 * - `start` (delayed until the send time): `scheduled → sending` and one pending delivery row per
 *   recipient, in one transaction; then queues batch jobs.
 * - `batch`: claims up to NEWSLETTER_BATCH_SIZE rows (`FOR UPDATE SKIP LOCKED`), sends them over
 *   SMTP_LANES pooled connections at the shared rate, and writes each row `sent` right after the
 *   server's 250 (marks that come in while one UPDATE runs go together in the next); the next
 *   batch is claimed while the last rows of this one are sent (ClaimFeed), so the lanes do not
 *   stop between batches, until none is left. A temporary error puts the row back to pending
 *   with a backoff; a permanent one marks it failed (bounced when refused at RCPT).
 *   When no row is open the newsletter becomes `sent` or `partly_failed`; otherwise a job is
 *   queued for when the next row is due.
 * - On start and every few minutes, a sweep: scheduled newsletters get their start job (Redis may
 *   have lost it), newsletters under way get a batch job (a worker may have died mid-send).
 *
 * Idempotency: a row is sent by the batch that claimed it; its `claimed_at` is a lease, and a
 * batch stops taking rows from a claim at half the lease, so only a dead worker's rows are taken
 * over. The one window for a repeat is a message the server has taken whose "sent" we have not
 * written yet (DATA done → 250 → UPDATE; SMTP has no two-phase commit). A worker killed
 * mid-send can therefore repeat at most the messages it had in flight (one per lane: a lane
 * waits for its row's grouped UPDATE before it takes the next), and each repeat carries the same
 * Message-ID, so a receiver can drop it. (The marks do not wait for PostgreSQL's disk flush, see
 * DeliveryQueries.markSent: a database crash widens the window to its last fraction of a second.)
 */
@Processor(NEWSLETTERS_QUEUE)
export class NewsletterDeliveryProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NewsletterDeliveryProcessor.name);
  private stopping = false;
  /** "Sent" marks of all lanes and batches, one UPDATE per group (see GroupCommit). */
  private readonly sentMarks = new GroupCommit<ClaimedDelivery, boolean>(
    async (rows) => {
      const written = await this.store.markSent(rows);
      return rows.map((row) => written.has(row.id));
    },
    { key: (row) => row.id, maxBatch: SENT_MARKS_PER_UPDATE, gatherIo: true },
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DeliveryQueries,
    private readonly dispatcher: BullNewsletterDispatcher,
    private readonly mailer: NewsletterMailer,
    private readonly limiter: SendRateLimiter,
    @InjectQueue(NEWSLETTERS_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audience: NewsletterAudience,
    private readonly renderer: NewsletterRenderer,
    private readonly lifecycle: NewsletterLifecycle,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.sweep();
      await this.queue.add(SWEEP_JOB, {}, SWEEP_JOB_OPTIONS);
    } catch (error) {
      this.logger.error(`The newsletter sweep failed: ${String(error)}`);
    }
  }

  /** Lets running batches give back what they have not sent, so the worker stops promptly. */
  onModuleDestroy(): void {
    this.stopping = true;
  }

  @OnQueueFailed()
  onFailed(job: Job, error: Error): void {
    this.logger.error({ msg: 'newsletter job failed', job: job.id, error: String(error) });
  }

  @Process(SWEEP_JOB)
  async sweep(): Promise<{ scheduled: number; resumed: number }> {
    let scheduled = 0;
    let resumed = 0;
    for (const row of await this.store.sweepable()) {
      if (row.status === 'scheduled') {
        await this.dispatcher.schedule(row.id, row.sendAt ?? new Date());
        scheduled++;
      } else {
        await this.followUp(row.id);
        resumed++;
      }
    }
    if (scheduled || resumed) this.logger.log({ msg: 'newsletter sweep', scheduled, resumed });
    return { scheduled, resumed };
  }

  @Process(START_JOB)
  async start(job: Job<StartJob>): Promise<StartResult> {
    const { newsletterId } = job.data;
    const state = await this.store.newsletterState(newsletterId);
    if (!state) return { recipients: 0, skipped: 'gone' };
    if (state.status === 'scheduled') {
      // A little slack: the job may run a moment before the stored time.
      const notAfter = new Date(Date.now() + 2000);
      if (state.sendAt && state.sendAt > notAfter) return { recipients: 0, skipped: 'moved' };
      const first = await this.audience.resolve(newsletterId, {
        after: null,
        limit: AUDIENCE_PAGE,
      });
      if (!first.length) {
        // Nobody to send to any more: back to draft, never "sent" with nothing sent.
        if (!(await this.lifecycle.backToDraftWithoutAudience(newsletterId, notAfter))) {
          return { recipients: 0, skipped: 'changed' };
        }
        await this.dispatcher.unschedule(newsletterId);
        this.logger.warn({ msg: 'newsletter back to draft: no audience', newsletterId });
        return { recipients: 0, skipped: 'no_audience' };
      }
      const recipients = await this.startSending(newsletterId, first, notAfter);
      if (recipients === null) return { recipients: 0, skipped: 'changed' };
      this.logger.log({ msg: 'newsletter sending', newsletterId, recipients });
    } else if (state.status !== 'sending') {
      return { recipients: 0, skipped: state.status };
    }
    const { open } = await this.store.open(newsletterId);
    const batches = Math.ceil(open / this.config.newsletters.batchSize);
    await this.dispatcher.enqueueBatches(newsletterId, Math.min(batches, MAX_PARALLEL_BATCH_JOBS));
    return { recipients: open };
  }

  /**
   * `scheduled → sending` and one pending row per recipient, in one transaction, so the
   * snapshot is taken once: the audience is read and written a keyset page (AUDIENCE_PAGE) at a
   * time, starting with `first`, so a large one is never held whole. Null (nothing written)
   * when the newsletter is no longer `scheduled` or its time has moved on (`notAfter`); else
   * the number of recipients.
   */
  private startSending(
    newsletterId: string,
    first: readonly NewsletterRecipient[],
    notAfter: Date,
  ): Promise<number | null> {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.lifecycle.startSending(newsletterId, notAfter, em))) return null;
      let page = first;
      let count = 0;
      for (;;) {
        await this.store.insertPending(em, newsletterId, page);
        count += page.length;
        if (page.length < AUDIENCE_PAGE) return count;
        const after = page[page.length - 1].email;
        page = await this.audience.resolve(newsletterId, { after, limit: AUDIENCE_PAGE });
      }
    });
  }

  @Process({ name: BATCH_JOB, concurrency: BATCH_CONCURRENCY })
  async batch(job: Job<BatchJob>): Promise<BatchResult> {
    const { newsletterId } = job.data;
    const result: BatchResult = { sent: 0, failed: 0, bounced: 0, retried: 0 };
    const state = await this.store.newsletterState(newsletterId);
    if (state?.status !== 'sending') return { ...result, skipped: state?.status ?? 'gone' };
    let prepared: PreparedNewsletter | null = null;
    for (;;) {
      while (!this.stopping) {
        const rows = await this.store.claim(newsletterId, this.config.newsletters.batchSize);
        if (!rows.length) break;
        try {
          prepared ??= await this.renderer.prepare(newsletterId);
        } catch (error) {
          await this.store.release(rows);
          throw error;
        }
        if (await this.sendClaims(prepared, rows, result)) break;
      }
      const next = await this.followUp(newsletterId, job.id);
      if (next.finished) result.finished = next.finished;
      const { waitUntil } = next;
      if (!waitUntil || this.stopping) return result;
      // The job for that moment would be this very job (Bull ignores an id it holds): wait here.
      await new Promise((resolve) => setTimeout(resolve, waitUntil.getTime() - Date.now()));
    }
  }

  /**
   * Sends claimed rows over SMTP_LANES lanes, starting with `first`, and claims the next rows
   * while these are sent (see ClaimFeed), so a lane never waits for a claim nor for the other
   * lanes to finish a batch. A claim's rows are taken until half its lease has run (then, or
   * when the worker stops, the lanes stop and the untried rows are given back). True when no
   * row was left to claim.
   */
  private async sendClaims(
    prepared: PreparedNewsletter,
    first: readonly ClaimedDelivery[],
    result: BatchResult,
  ): Promise<boolean> {
    const feed = new ClaimFeed(
      () => this.store.claim(prepared.newsletterId, this.config.newsletters.batchSize),
      this.config.newsletters.leaseMs / 2,
      Math.max(SMTP_LANES, Math.floor(this.config.newsletters.batchSize / 2)),
    );
    feed.add(first);
    // One lane failing (Redis or the database gone for a moment) stops the others from taking
    // more rows, and the untried rows are given back only once no lane can still send one:
    // a row given back while a lane was sending it would be sent again by the next batch.
    let broken = false;
    const lane = async (): Promise<void> => {
      try {
        while (!broken && !this.stopping) {
          const row = await feed.next();
          if (!row) return;
          await this.limiter.take();
          if (broken || this.stopping || Date.now() >= row.deadline) return;
          feed.taken(row);
          await this.deliver(prepared, row.delivery, result);
        }
      } catch (error) {
        broken = true;
        throw error;
      }
    };
    try {
      const lanes = await Promise.allSettled(Array.from({ length: SMTP_LANES }, lane));
      const failure = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
      if (failure) throw failure.reason;
    } finally {
      await this.store.release(await feed.close());
    }
    return feed.exhausted;
  }

  private async deliver(
    prepared: PreparedNewsletter,
    row: ClaimedDelivery,
    result: BatchResult,
  ): Promise<void> {
    const { maxAttempts } = this.config.newsletters;
    if (row.attempts > maxAttempts) {
      // Taken over from dead workers more often than it may be tried.
      await this.store.markFinal(row, 'failed', `Gave up after ${maxAttempts} tries.`);
      result.failed++;
      return;
    }
    let rendered: RenderedNewsletter;
    try {
      rendered = prepared.render(recipientOf(row));
    } catch (error) {
      await this.store.markFinal(row, 'failed', `Could not be rendered: ${String(error)}`);
      result.failed++;
      return;
    }
    try {
      await this.mailer.send({
        to: { name: row.name, address: row.email },
        rendered,
        messageId: row.messageId,
      });
    } catch (error) {
      const outcome = classifySmtpError(error);
      const text = smtpErrorText(error);
      if (outcome === 'retry' && row.attempts < maxAttempts) {
        await this.store.markRetry(row, text);
        result.retried++;
      } else {
        await this.store.markFinal(row, outcome === 'bounced' ? 'bounced' : 'failed', text);
        if (outcome === 'bounced') result.bounced++;
        else result.failed++;
      }
      return;
    }
    await this.markSent(row);
    result.sent++;
  }

  /**
   * The server has the message: say so at once (in the next group UPDATE, shared with the other
   * lanes), trying again briefly if the database hiccups. The lane waits for it before it takes
   * another row, so at most one message per lane is ever sent but not yet written down.
   */
  private async markSent(row: ClaimedDelivery): Promise<void> {
    for (let tryNo = 1; ; tryNo++) {
      try {
        if (!(await this.sentMarks.submit(row))) {
          this.logger.warn({ msg: 'delivery taken over before it was marked sent', id: row.id });
        }
        return;
      } catch (error) {
        if (tryNo >= MARK_SENT_TRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * tryNo));
      }
    }
  }

  /**
   * Finishes the newsletter when no row is open (`finished`: the status this call set);
   * otherwise queues a batch job for a moment after the next row is due, unless that job would
   * be `currentJobId` itself (`waitUntil`: the caller goes on at that time instead).
   */
  private async followUp(
    newsletterId: string,
    currentJobId?: JobId,
  ): Promise<{ finished?: string; waitUntil?: Date }> {
    const { open, nextDueAt } = await this.store.open(newsletterId);
    if (!open) {
      const status = await this.lifecycle.finishIfDone(newsletterId);
      if (status) this.logger.log({ msg: 'newsletter finished', newsletterId, status });
      return status ? { finished: status } : {};
    }
    if (!nextDueAt) return {};
    // A little after: a job that woke a moment early would find nothing due yet.
    const at = new Date(Math.max(nextDueAt.getTime(), Date.now()) + WAKE_MARGIN_MS);
    if (currentJobId !== undefined && wakeJobId(newsletterId, at) === String(currentJobId)) {
      return { waitUntil: at };
    }
    await this.dispatcher.wakeAt(newsletterId, at);
    return {};
  }
}

/** A claimed row with the moment its batch stops taking rows of that claim. */
interface FedDelivery {
  delivery: ClaimedDelivery;
  deadline: number;
}

/**
 * The claimed rows of one batch job, in claim order, for its lanes to take one at a time. When
 * `lowWater` rows or fewer are left it claims the next ones (one claim at a time), so the lanes
 * keep sending while the claim runs. Each row may be taken until `takeForMs` after its claim
 * returned (half the lease: only a dead worker's rows are ever taken over). `close` waits for a
 * claim still running and answers every row claimed but not taken, for giving back.
 */
export class ClaimFeed {
  private readonly queue: FedDelivery[] = [];
  private head = 0;
  private readonly untaken = new Set<FedDelivery>();
  private claiming: Promise<void> | null = null;
  private failure: unknown = null;
  private closed = false;
  /** True once a claim found no row. */
  exhausted = false;

  constructor(
    private readonly claim: () => Promise<ClaimedDelivery[]>,
    private readonly takeForMs: number,
    private readonly lowWater: number,
  ) {}

  /** Rows claimed outside the feed (the batch's first claim). */
  add(rows: readonly ClaimedDelivery[]): void {
    const deadline = Date.now() + this.takeForMs;
    if (!rows.length) this.exhausted = true;
    for (const delivery of rows) {
      const fed = { delivery, deadline };
      this.queue.push(fed);
      this.untaken.add(fed);
    }
  }

  /** The next row, claiming more when few are left; null when none is left to claim. */
  async next(): Promise<FedDelivery | null> {
    for (;;) {
      if (this.failure) throw this.failure;
      if (this.queue.length - this.head <= this.lowWater) this.claimMore();
      if (this.head < this.queue.length) {
        const fed = this.queue[this.head++];
        if (this.head > 1024) {
          this.queue.splice(0, this.head);
          this.head = 0;
        }
        return fed;
      }
      if (!this.claiming) return null;
      await this.claiming;
    }
  }

  /** The lane is sending this row: it is no longer the feed's to give back. */
  taken(fed: FedDelivery): void {
    this.untaken.delete(fed);
  }

  /** Stops claiming; the rows claimed and not taken (including a claim still running). */
  async close(): Promise<ClaimedDelivery[]> {
    this.closed = true;
    await this.claiming;
    return [...this.untaken].map((fed) => fed.delivery);
  }

  private claimMore(): void {
    if (this.claiming || this.exhausted || this.closed || this.failure) return;
    this.claiming = this.claim()
      .then(
        (rows) => this.add(rows),
        (error: unknown) => {
          this.failure = error;
        },
      )
      .finally(() => {
        this.claiming = null;
      });
  }
}

function recipientOf(row: ClaimedDelivery): NewsletterRecipient {
  return {
    email: row.email,
    name: row.name,
    locale: row.locale,
    userId: row.userId,
    subscriberId: row.subscriberId,
    villageId: row.villageId,
    sessionId: row.sessionId,
  };
}
