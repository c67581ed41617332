import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { INFO_MEETING_LIMITS } from '@blup/contracts';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import {
  INFO_MEETING_REMINDER_OPTIONS,
  INFO_MEETINGS_QUEUE,
  infoMeetingJobId,
  infoMeetingReminderDelay,
  SEND_INFO_MEETING_REMINDERS_JOB,
} from './info-meetings.constants';
import { futureMeetings } from './info-meetings.queries';

/** One meeting's reminders, for the start time it had when the job was made. */
export interface InfoMeetingReminderJob {
  meetingId: string;
  /** ISO instant; the processor sends nothing if the meeting has moved since. */
  startsAt: string;
}

/**
 * Keeps one delayed Bull job per future meeting, due 24 hours before it starts. The job id holds
 * the start time, so scheduling again is a no-op and a moved meeting gets a fresh job (the old
 * one finds the meeting moved and sends nothing).
 */
@Injectable()
export class InfoMeetingReminderProducer {
  private readonly logger = new Logger(InfoMeetingReminderProducer.name);

  constructor(
    @InjectQueue(INFO_MEETINGS_QUEUE) private readonly queue: Queue<InfoMeetingReminderJob>,
    private readonly dataSource: DataSource,
  ) {}

  /** Queues the meeting's reminder job; returns whether one was queued. */
  async schedule(meetingId: string, startsAt: Date, now = new Date()): Promise<boolean> {
    const delay = infoMeetingReminderDelay(startsAt, INFO_MEETING_LIMITS.reminderHoursBefore, now);
    if (delay === null) return false;
    await this.queue.add(
      SEND_INFO_MEETING_REMINDERS_JOB,
      { meetingId, startsAt: startsAt.toISOString() },
      { ...INFO_MEETING_REMINDER_OPTIONS, jobId: infoMeetingJobId(meetingId, startsAt), delay },
    );
    return true;
  }

  /** Drops the waiting job of a meeting's start time (cancelled or moved). */
  async unschedule(meetingId: string, startsAt: Date): Promise<void> {
    const job = await this.queue.getJob(infoMeetingJobId(meetingId, startsAt));
    if (!job) return;
    const state = await job.getState();
    if (state === 'delayed' || state === 'waiting' || state === 'paused') {
      await job.remove().catch(() => undefined);
    }
  }

  /** Every future meeting into the queue: run when a worker starts (idempotent by job id). */
  async sweep(): Promise<number> {
    const rows = await futureMeetings(this.dataSource.manager);
    let scheduled = 0;
    for (const row of rows) if (await this.schedule(row.id, row.starts_at)) scheduled++;
    this.logger.log({ msg: 'info-meeting reminder sweep', meetings: rows.length, scheduled });
    return scheduled;
  }
}
