import { Process, Processor } from '@nestjs/bull';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SessionStatus } from '@blup/contracts';
import type { Job } from 'bull';
import { DataSource, type EntityManager } from 'typeorm';
import { loadCalendarSessions } from '../calendar/calendar.queries';
import {
  circleName,
  icsFileName,
  sessionIcsUrl,
  sessionPageUrl,
  toCalendarEvent,
  words,
  type CalendarSession,
} from '../calendar/calendar-sessions';
import { writeCalendar } from '../calendar/ical-writer';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailProducer, type SendMailJob } from '../mail/mail.producer';
import type { MailTemplate } from '../mail/templates';
import { REMINDERS_QUEUE, SEND_CANCELLATIONS_JOB, SEND_REMINDERS_JOB } from './reminders.constants';
import { ReminderProducer, type CancellationJob, type ReminderJob } from './reminders.producer';
import {
  cancellationRecipients,
  claimCancelNotice,
  claimReminder,
  reminderRecipients,
  type Participant,
} from './reminders.queries';

export interface ReminderResult {
  sent: number;
  skipped?: 'gone' | 'not planned' | 'moved' | 'started';
}

export interface CancellationResult {
  sent: number;
  skipped?: 'gone' | 'not cancelled' | 'superseded' | 'ended';
}

/** `Name <address>` or a bare address, as MAIL_FROM may be written. */
function organizerOf(mailFrom: string): { name: string; email: string } {
  const match = mailFrom.match(/^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/);
  return match
    ? { name: match[1].trim() || 'BLUP Akademiet', email: match[2].trim() }
    : { name: 'BLUP Akademiet', email: mailFrom.trim() };
}

/**
 * Worker role only. Mails each participant of a session its reminder, once: the
 * `session_reminders` row and the queued mail go in one transaction per person, and a row
 * already there means the mail went out, so a retried or duplicated job sends nothing twice.
 * On start, sweeps every planned future session into the queue.
 */
@Processor(REMINDERS_QUEUE)
export class RemindersProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: ReminderProducer,
    private readonly mail: MailProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.producer.sweep();
    } catch (error) {
      this.logger.error(`The reminder sweep failed: ${String(error)}`);
    }
  }

  @Process(SEND_REMINDERS_JOB)
  async send(job: Job<ReminderJob>): Promise<ReminderResult> {
    const [session] = await loadCalendarSessions(this.dataSource.manager, [job.data.sessionId]);
    const skipped = this.skipReason(session, job.data);
    if (skipped) {
      this.logger.log({ msg: 'reminder skipped', sessionId: job.data.sessionId, skipped });
      return { sent: 0, skipped };
    }
    const participants = await reminderRecipients(this.dataSource.manager, session);
    const sent = await this.sendOnce(
      participants,
      (em, person) => claimReminder(em, session.id, person.id, session.startsAt),
      (person) => ({
        to: person.email,
        template: 'session_reminder',
        locale: person.locale,
        data: {
          ...this.aboutSession(session, person),
          joinUrl: session.joinUrl,
          calendarUrl: sessionIcsUrl(this.config.publicUrl, session.id),
        },
      }),
    );
    this.logger.log({ msg: 'reminders sent', sessionId: session.id, sent });
    return { sent };
  }

  /**
   * Mails everyone who was told about a cancelled session (its circle's participants, and
   * anyone who answered or got its reminder) the cancellation with a METHOD:CANCEL calendar
   * message: the same UID as the feed and the session's .ics, and its SEQUENCE, which the
   * cancellation raised. Once per person and SEQUENCE (`session_cancel_notices`).
   */
  @Process(SEND_CANCELLATIONS_JOB)
  async cancel(job: Job<CancellationJob>): Promise<CancellationResult> {
    const [session] = await loadCalendarSessions(this.dataSource.manager, [job.data.sessionId]);
    const skipped: CancellationResult['skipped'] | null = !session
      ? 'gone'
      : session.status !== SessionStatus.Cancelled
        ? 'not cancelled'
        : session.sequence !== job.data.sequence
          ? 'superseded'
          : session.endsAt.getTime() <= Date.now()
            ? 'ended'
            : null;
    if (skipped) {
      this.logger.log({ msg: 'cancellation skipped', sessionId: job.data.sessionId, skipped });
      return { sent: 0, skipped };
    }
    const people = await cancellationRecipients(this.dataSource.manager, session);
    const organizer = organizerOf(this.config.mailFrom);
    const now = new Date();
    const sent = await this.sendOnce(
      people,
      (em, person) => claimCancelNotice(em, session.id, person.id, session.sequence),
      (person) => {
        const event = toCalendarEvent(session, person.locale, this.config.publicUrl);
        const content = writeCalendar({
          name: words(person.locale).calendarName,
          now,
          method: 'CANCEL',
          organizer,
          events: [{ ...event, attendees: [person.email] }],
        });
        return {
          to: person.email,
          template: 'session_cancelled',
          locale: person.locale,
          data: this.aboutSession(session, person),
          calendar: { method: 'CANCEL', filename: icsFileName(session), content },
        };
      },
    );
    this.logger.log({ msg: 'cancellations sent', sessionId: session.id, sent });
    return { sent };
  }

  /**
   * Mails each person at most once: the claim (a row keyed by person and what they are told)
   * and the queued mail go in one transaction, so a retried or duplicated job sends nothing
   * twice, and if queueing fails the claim goes too and a retry sends. The number mailed.
   */
  private async sendOnce<T extends MailTemplate>(
    people: readonly Participant[],
    claim: (em: EntityManager, person: Participant) => Promise<boolean>,
    mailFor: (person: Participant) => SendMailJob<T>,
  ): Promise<number> {
    let sent = 0;
    for (const person of people) {
      const mailed = await this.dataSource.transaction(async (em) => {
        if (!(await claim(em, person))) return false;
        await this.mail.send(mailFor(person));
        return true;
      });
      if (mailed) sent++;
    }
    return sent;
  }

  /** What both mails say about the session, in the person's language. */
  private aboutSession(session: CalendarSession, person: Participant) {
    return {
      name: person.name,
      title: session.title,
      circleName: circleName(session, person.locale),
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      sessionUrl: sessionPageUrl(this.config.publicUrl, session.id),
    };
  }

  private skipReason(
    session: CalendarSession | undefined,
    job: ReminderJob,
  ): ReminderResult['skipped'] | null {
    if (!session) return 'gone';
    if (session.status !== SessionStatus.Planned) return 'not planned';
    if (session.startsAt.getTime() !== Date.parse(job.startsAt)) return 'moved';
    if (session.startsAt.getTime() <= Date.now()) return 'started';
    return null;
  }
}
