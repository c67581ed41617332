import { Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DEFAULT_LOCALE } from '@blup/contracts';
import type { Job } from 'bull';
import { DataSource } from 'typeorm';
import { MailProducer } from '../mail/mail.producer';
import { GatheringMailer } from './gathering-mailer';
import { INFO_MEETINGS_QUEUE, SEND_INFO_MEETING_REMINDERS_JOB } from './info-meetings.constants';
import { markReminded, meetingForReminder, unremindedSignupIds } from './info-meetings.queries';
import {
  InfoMeetingReminderProducer,
  type InfoMeetingReminderJob,
} from './info-meeting-reminders.producer';

export interface InfoMeetingReminderResult {
  sent: number;
  skipped?: 'gone' | 'cancelled' | 'moved' | 'started';
}

/**
 * Worker role only. Mails each sign-up of a meeting its reminder, once: `reminded_at` is set
 * and the mail queued in one transaction per person, and only where it was still null, so a
 * retried or duplicated job sends nothing twice. On start, sweeps future meetings into the queue.
 */
@Processor(INFO_MEETINGS_QUEUE)
export class InfoMeetingRemindersProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(InfoMeetingRemindersProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: InfoMeetingReminderProducer,
    private readonly mail: MailProducer,
    private readonly mailer: GatheringMailer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.producer.sweep();
    } catch (error) {
      this.logger.error(`The info-meeting reminder sweep failed: ${String(error)}`);
    }
  }

  @Process(SEND_INFO_MEETING_REMINDERS_JOB)
  async send(job: Job<InfoMeetingReminderJob>): Promise<InfoMeetingReminderResult> {
    return this.remind(job.data);
  }

  async remind(data: InfoMeetingReminderJob, now = new Date()): Promise<InfoMeetingReminderResult> {
    const meeting = await meetingForReminder(this.dataSource.manager, data.meetingId);
    let skipped: InfoMeetingReminderResult['skipped'];
    if (!meeting) skipped = 'gone';
    else if (meeting.cancelled_at) skipped = 'cancelled';
    else if (meeting.starts_at.getTime() !== Date.parse(data.startsAt)) skipped = 'moved';
    else if (meeting.starts_at.getTime() <= now.getTime()) skipped = 'started';
    if (skipped || !meeting) return { sent: 0, skipped };

    const signups = await unremindedSignupIds(this.dataSource.manager, meeting.id);
    let sent = 0;
    for (const id of signups) {
      const mailed = await this.dataSource.transaction(async (em) => {
        const person = await markReminded(em, id);
        if (!person) return false;
        if (meeting.kind !== 'info_meeting') {
          // A gathering's reminder carries the place, the calendar file and the QR code again.
          await this.mailer.place(id, null, 'gathering_reminder');
          return true;
        }
        // Queued inside the transaction: if queueing fails, reminded_at rolls back and a retry sends.
        await this.mail.send({
          to: person.email,
          template: 'info_meeting_reminder',
          locale: DEFAULT_LOCALE,
          data: {
            name: person.name,
            title: meeting.title,
            startsAt: meeting.starts_at.toISOString(),
            endsAt: meeting.ends_at.toISOString(),
            url: meeting.url ?? '',
            cancelUrl: null,
          },
        });
        return true;
      });
      if (mailed) sent++;
    }
    this.logger.log({ msg: 'info-meeting reminders sent', meetingId: meeting.id, sent });
    return { sent };
  }
}
