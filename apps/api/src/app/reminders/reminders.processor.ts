import { Process, Processor } from '@nestjs/bull';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SessionStatus, type Locale } from '@blup/contracts';
import type { Job } from 'bull';
import { DataSource } from 'typeorm';
import {
  circleName,
  icsFileName,
  loadCalendarSessions,
  sessionIcsUrl,
  sessionPageUrl,
  toCalendarEvent,
  words,
  type CalendarSession,
} from '../calendar/calendar-sessions';
import { writeCalendar } from '../calendar/ical-writer';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailProducer } from '../mail/mail.producer';
import { REMINDERS_QUEUE, SEND_CANCELLATIONS_JOB, SEND_REMINDERS_JOB } from './reminders.constants';
import { ReminderProducer, type CancellationJob, type ReminderJob } from './reminders.producer';

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

interface Participant {
  id: string;
  email: string;
  name: string;
  locale: Locale;
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
    const participants = await this.dataSource.query<Participant[]>(
      `SELECT DISTINCT u.id, u.email, u.name, u.locale
         FROM circle_participants cp
         JOIN users u ON u.id = cp.user_id
        WHERE cp.circle_id = $1
          AND NOT EXISTS (SELECT 1 FROM session_reminders r
                           WHERE r.session_id = $2 AND r.user_id = u.id AND r.starts_at = $3)`,
      [session.circleId, session.id, session.startsAt],
    );
    let sent = 0;
    for (const person of participants) {
      const mailed = await this.dataSource.transaction(async (em) => {
        const inserted = await em.query<unknown[]>(
          `INSERT INTO session_reminders (session_id, user_id, starts_at) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING user_id`,
          [session.id, person.id, session.startsAt],
        );
        if (!inserted.length) return false;
        // Queued inside the transaction: if queueing fails, the row goes too and a retry sends.
        await this.mail.send({
          to: person.email,
          template: 'session_reminder',
          locale: person.locale,
          data: {
            name: person.name,
            title: session.title,
            circleName: circleName(session, person.locale),
            startsAt: session.startsAt.toISOString(),
            endsAt: session.endsAt.toISOString(),
            joinUrl: session.joinUrl,
            sessionUrl: sessionPageUrl(this.config.publicUrl, session.id),
            calendarUrl: sessionIcsUrl(this.config.publicUrl, session.id),
          },
        });
        return true;
      });
      if (mailed) sent++;
    }
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
    const people = await this.dataSource.query<Participant[]>(
      `SELECT u.id, u.email, u.name, u.locale
         FROM users u
        WHERE u.disabled_at IS NULL
          AND u.id IN (SELECT cp.user_id FROM circle_participants cp WHERE cp.circle_id = $1
                       UNION SELECT r.user_id FROM session_rsvps r WHERE r.session_id = $2
                       UNION SELECT m.user_id FROM session_reminders m WHERE m.session_id = $2)
          AND NOT EXISTS (SELECT 1 FROM session_cancel_notices n
                           WHERE n.session_id = $2 AND n.user_id = u.id AND n.sequence = $3)`,
      [session.circleId, session.id, session.sequence],
    );
    const organizer = organizerOf(this.config.mailFrom);
    const now = new Date();
    let sent = 0;
    for (const person of people) {
      const mailed = await this.dataSource.transaction(async (em) => {
        const inserted = await em.query<unknown[]>(
          `INSERT INTO session_cancel_notices (session_id, user_id, sequence) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING user_id`,
          [session.id, person.id, session.sequence],
        );
        if (!inserted.length) return false;
        const event = toCalendarEvent(session, person.locale, this.config.publicUrl);
        const content = writeCalendar({
          name: words(person.locale).calendarName,
          now,
          method: 'CANCEL',
          organizer,
          events: [{ ...event, attendees: [person.email] }],
        });
        await this.mail.send({
          to: person.email,
          template: 'session_cancelled',
          locale: person.locale,
          data: {
            name: person.name,
            title: session.title,
            circleName: circleName(session, person.locale),
            startsAt: session.startsAt.toISOString(),
            endsAt: session.endsAt.toISOString(),
            sessionUrl: sessionPageUrl(this.config.publicUrl, session.id),
          },
          calendar: { method: 'CANCEL', filename: icsFileName(session), content },
        });
        return true;
      });
      if (mailed) sent++;
    }
    this.logger.log({ msg: 'cancellations sent', sessionId: session.id, sent });
    return { sent };
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
