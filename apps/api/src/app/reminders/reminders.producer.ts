import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { SessionStatus } from '@blup/contracts';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { SessionEvents, type SessionChange } from '../circles/session-events';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisService } from '../queue/redis.module';
import {
  cancellationJobId,
  REMINDER_JOB_OPTIONS,
  REMINDERS_QUEUE,
  reminderJobId,
  SEND_CANCELLATIONS_JOB,
  SEND_REMINDERS_JOB,
} from './reminders.constants';
import {
  cancelledAhead,
  plannedAhead,
  sessionTimings,
  type SessionTiming,
} from './reminders.queries';

/** One session's reminders, for the start time it had when the job was made. */
export interface ReminderJob {
  sessionId: string;
  /** ISO instant; the processor sends nothing if the session has moved since. */
  startsAt: string;
}

/** One session's cancellation mails, for the SEQUENCE the cancellation gave it. */
export interface CancellationJob {
  sessionId: string;
  sequence: number;
}

/** When a reminder is due: the configured time before the start, or now if that has passed. */
export function reminderDelay(startsAt: Date, minutesBefore: number, now: Date): number | null {
  if (startsAt.getTime() <= now.getTime()) return null;
  return Math.max(0, startsAt.getTime() - minutesBefore * 60_000 - now.getTime());
}

const SWEEP_CHUNK = 500;

/**
 * Keeps one delayed Bull job per planned future session, due `reminderMinutesBefore` before it
 * starts. It follows SessionEvents: a scheduled or changed session gets its job (the job id holds
 * the start time, so adding it again is a no-op) and loses any job for an earlier start time; a
 * cancelled session loses its job. A Redis hash remembers each session's current job id, so a
 * moved session's old job is found without scanning the queue.
 */
@Injectable()
export class ReminderProducer implements OnModuleInit {
  private readonly logger = new Logger(ReminderProducer.name);

  constructor(
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue<ReminderJob | CancellationJob>,
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
    private readonly events: SessionEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.on((change) => this.onChange(change));
  }

  async onChange(change: SessionChange): Promise<void> {
    if (change.kind === 'cancelled') {
      await this.unschedule(change.sessionIds);
      await this.announceCancellations(change.sessionIds);
    } else await this.schedule(change.sessionIds);
  }

  /**
   * Queues the cancellation mails of each cancelled session that has not ended: one job per
   * session and SEQUENCE, so the same cancellation is never queued twice, while a restored
   * session cancelled again is. Restoring sends nothing here (its reminder goes out as usual).
   */
  async announceCancellations(sessionIds: readonly string[]): Promise<number> {
    if (!sessionIds.length) return 0;
    const rows = await cancelledAhead(this.dataSource.manager, sessionIds);
    if (!rows.length) return 0;
    await this.queue.addBulk(
      rows.map((r) => ({
        name: SEND_CANCELLATIONS_JOB,
        data: { sessionId: r.id, sequence: r.sequence },
        opts: { ...REMINDER_JOB_OPTIONS, jobId: cancellationJobId(r.id, r.sequence) },
      })),
    );
    return rows.length;
  }

  /** Brings each session's job in line with the session as it is now in the database. */
  async schedule(sessionIds: readonly string[], now = new Date()): Promise<number> {
    if (!sessionIds.length) return 0;
    const rows = await sessionTimings(this.dataSource.manager, sessionIds);
    const known = new Set(rows.map((r) => r.id));
    return this.scheduleRows(
      rows,
      sessionIds.filter((id) => !known.has(id)),
      now,
    );
  }

  /** Drops the waiting reminder of each session (cancelled, deleted, held or past). */
  async unschedule(sessionIds: readonly string[]): Promise<void> {
    if (!sessionIds.length) return;
    const jobIds = await this.redis.client.hmget(this.indexKey(), ...sessionIds);
    for (const jobId of jobIds) if (jobId) await this.removeWaiting(jobId);
    await this.redis.client.hdel(this.indexKey(), ...sessionIds);
  }

  /**
   * Schedules every planned future session: run when a worker starts, so reminders survive
   * Redis losing its data or an event that never arrived. Idempotent through the job ids.
   */
  async sweep(): Promise<number> {
    const rows = await plannedAhead(this.dataSource.manager);
    let scheduled = 0;
    for (let i = 0; i < rows.length; i += SWEEP_CHUNK) {
      scheduled += await this.scheduleRows(rows.slice(i, i + SWEEP_CHUNK), [], new Date());
    }
    this.logger.log({ msg: 'reminder sweep', sessions: rows.length, scheduled });
    return scheduled;
  }

  /**
   * Queues a job for each row whose reminder is still to come, removing the waiting job of its
   * earlier start time, and unschedules the rest along with `gone`. A few Redis round trips
   * whatever the number of rows.
   */
  private async scheduleRows(
    rows: readonly SessionTiming[],
    gone: string[],
    now: Date,
  ): Promise<number> {
    const due: { id: string; jobId: string; data: ReminderJob; delay: number }[] = [];
    for (const row of rows) {
      const delay =
        row.status === SessionStatus.Planned
          ? reminderDelay(row.starts_at, this.config.circles.reminderMinutesBefore, now)
          : null;
      if (delay === null) gone.push(row.id);
      else {
        const data = { sessionId: row.id, startsAt: row.starts_at.toISOString() };
        due.push({ id: row.id, jobId: reminderJobId(row.id, row.starts_at), data, delay });
      }
    }
    if (due.length) {
      const previous = await this.redis.client.hmget(this.indexKey(), ...due.map((d) => d.id));
      for (const [i, d] of due.entries()) {
        const old = previous[i];
        if (old && old !== d.jobId) await this.removeWaiting(old);
      }
      await this.queue.addBulk(
        due.map((d) => ({
          name: SEND_REMINDERS_JOB,
          data: d.data,
          opts: { ...REMINDER_JOB_OPTIONS, jobId: d.jobId, delay: d.delay },
        })),
      );
      await this.redis.client.hset(
        this.indexKey(),
        Object.fromEntries(due.map((d) => [d.id, d.jobId])),
      );
    }
    await this.unschedule(gone);
    return due.length;
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
    return this.redis.key('reminders', 'jobs');
  }
}
