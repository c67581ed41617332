import { getQueueToken } from '@nestjs/bull';
import { SessionStatus, type SessionSummaryDto } from '@blup/contracts';
import type { Queue } from 'bull';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { SessionEvents } from '../src/app/circles/session-events';
import { CircleSession, SessionReminder, User } from '../src/app/database/entities';
import {
  REMINDERS_QUEUE,
  reminderJobId,
  SEND_REMINDERS_JOB,
} from '../src/app/reminders/reminders.constants';
import type { ReminderResult } from '../src/app/reminders/reminders.processor';
import { ReminderProducer, type ReminderJob } from '../src/app/reminders/reminders.producer';
import { CircleFixtures, type CircleWorld } from './circles-fixtures';
import { startTestApp, TestApp } from './harness';
import { signInAs } from './sign-in';

/**
 * Reminders through the real Bull queue on the real Redis, mailed to a real SMTP server. The
 * lead time is the shortest the configuration allows (1 hour), so a session that starts in an
 * hour and a few seconds has its reminder due in a few seconds.
 */
let t: TestApp;
let fixtures: CircleFixtures;
let events: SessionEvents;
let queue: Queue<ReminderJob>;
beforeAll(async () => {
  t = await startTestApp({ REMINDER_HOURS_BEFORE: '1' });
  fixtures = new CircleFixtures(t.dataSource, t.factory);
  events = t.app.get(SessionEvents);
  queue = t.app.get(getQueueToken(REMINDERS_QUEUE));
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A session in circle A whose reminder falls due `dueInMs` from now. */
const sessionDueIn = (w: CircleWorld, dueInMs: number, title = 'Studiekreds med påmindelse') =>
  fixtures.session(w.circleA, { title, startsAt: new Date(Date.now() + HOUR + dueInMs) });

const mailsTo = (user: { email: string }) => t.smtp.to(user.email);

/** Circle A's participants: two steering members, and municipality 1's coordinator as guest. */
const participantsOf = (w: CircleWorld) => [w.leadA, w.memberA, w.coordinator1];
const strangersOf = (w: CircleWorld) => [w.memberB, w.coordinator2, w.secretariat, w.outsider];

const rowsFor = (session: CircleSession) =>
  t.dataSource.getRepository(SessionReminder).findBy({ sessionId: session.id });

describe('reminder mails', () => {
  it('sends exactly one reminder to each participant, however often it is scheduled', async () => {
    const w = await fixtures.world();
    await t.dataSource.getRepository(User).update(w.leadA.id, { locale: 'en' });
    const session = await sessionDueIn(w, 2500);
    await events.emit({ kind: 'scheduled', sessionIds: [session.id] });
    await events.emit({ kind: 'scheduled', sessionIds: [session.id] });
    await events.emit({ kind: 'changed', sessionIds: [session.id] });
    await t.app.get(ReminderProducer).sweep();
    const job = await queue.getJob(reminderJobId(session.id, session.startsAt));
    expect(await job?.getState()).toBe('delayed');

    for (const person of participantsOf(w)) await t.smtp.waitFor(person.email, 1, 15_000);
    // A duplicated or retried job, as Bull may run one: nothing goes out twice.
    const duplicate = await queue.add(
      SEND_REMINDERS_JOB,
      { sessionId: session.id, startsAt: session.startsAt.toISOString() },
      { jobId: `duplicate:${session.id}` },
    );
    expect((await duplicate.finished()) as ReminderResult).toEqual({ sent: 0 });
    await sleep(1500);

    for (const person of participantsOf(w)) expect(mailsTo(person)).toHaveLength(1);
    for (const person of strangersOf(w)) expect(mailsTo(person)).toHaveLength(0);
    expect((await rowsFor(session)).map((r) => r.userId).sort()).toEqual(
      participantsOf(w)
        .map((p) => p.id)
        .sort(),
    );

    // What it says: Danish time in Copenhagen, the join link, the session page, the .ics.
    const mail = mailsTo(w.memberA)[0];
    const clock = session.startsAt.toLocaleTimeString('da-DK', {
      timeZone: 'Europe/Copenhagen',
      hour: '2-digit',
      minute: '2-digit',
    });
    const date = session.startsAt.toLocaleDateString('da-DK', {
      timeZone: 'Europe/Copenhagen',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    expect(mail.subject).toBe(
      `Påmindelse: ${session.title} ${date} kl. ${clock}–${session.endsAt.toLocaleTimeString(
        'da-DK',
        {
          timeZone: 'Europe/Copenhagen',
          hour: '2-digit',
          minute: '2-digit',
        },
      )}`,
    );
    expect(mail.text).toContain(`Deltag i mødet: ${w.circleA.roomUrl}`);
    expect(mail.text).toContain(`http://blup.test/sessions/${session.id}`);
    expect(mail.text).toContain(`http://blup.test/api/sessions/${session.id}/calendar.ics`);
    expect(mail.text).toContain(w.villageA.name);
    expect(mail.html).toContain(`href="${w.circleA.roomUrl}"`);
    // In the person's own language.
    expect(mailsTo(w.leadA)[0].subject).toMatch(
      new RegExp(`^Reminder: ${session.title}, .* \\(Danish time\\)$`),
    );
  });

  it('uses the session’s own link when it has one, and sends at once when already due', async () => {
    const w = await fixtures.world();
    const session = await fixtures.session(w.circleA, {
      startsAt: new Date(Date.now() + 30 * 60_000),
      meetingUrl: 'https://zoom.example/j/42',
    });
    await events.emit({ kind: 'scheduled', sessionIds: [session.id] });
    const mail = await t.smtp.waitFor(w.memberA.email, 1, 10_000);
    expect(mail.text).toContain('Deltag i mødet: https://zoom.example/j/42');
  });

  it('schedules on worker start the sessions no event told it about', async () => {
    const w = await fixtures.world();
    const session = await sessionDueIn(w, 2000, 'Uden hændelse');
    expect(await queue.getJob(reminderJobId(session.id, session.startsAt))).toBeNull();
    await t.app.get(ReminderProducer).sweep();
    await t.app.get(ReminderProducer).sweep();
    expect(await queue.getJob(reminderJobId(session.id, session.startsAt))).not.toBeNull();
    for (const person of participantsOf(w)) await t.smtp.waitFor(person.email, 1, 15_000);
    await sleep(1000);
    for (const person of participantsOf(w)) expect(mailsTo(person)).toHaveLength(1);
  });

  it('sends none for a session cancelled before its reminder is due', async () => {
    const w = await fixtures.world();
    const cancelled = await sessionDueIn(w, 2000, 'Aflyst');
    // Cancelled in the database with no event at all (say, the event was lost).
    const quiet = await fixtures.session(w.circleB, {
      title: 'Aflyst uden hændelse',
      startsAt: new Date(Date.now() + HOUR + 2000),
    });
    await events.emit({ kind: 'scheduled', sessionIds: [cancelled.id, quiet.id] });
    const repo = t.dataSource.getRepository(CircleSession);
    for (const s of [cancelled, quiet]) {
      await repo.update(s.id, {
        status: SessionStatus.Cancelled,
        cancelledAt: new Date(),
        sequence: s.sequence + 1,
      });
    }
    await events.emit({ kind: 'cancelled', sessionIds: [cancelled.id] });
    expect(await queue.getJob(reminderJobId(cancelled.id, cancelled.startsAt))).toBeNull();
    const quietJob = await queue.getJob(reminderJobId(quiet.id, quiet.startsAt));
    expect(quietJob).not.toBeNull();

    // The job of the quietly cancelled one runs, finds it cancelled, and sends nothing.
    expect((await quietJob?.finished()) as ReminderResult).toEqual({
      sent: 0,
      skipped: 'not planned',
    });
    await sleep(3000);
    // No reminder (the cancellation itself is told, see below).
    for (const person of [...participantsOf(w), w.memberB, w.coordinator2]) {
      expect(mailsTo(person).filter((m) => !m.subject?.startsWith('Aflyst'))).toHaveLength(0);
    }
    expect(await rowsFor(cancelled)).toHaveLength(0);
  });

  it('moves the reminder with a moved session: none at the old time, one at the new', async () => {
    const w = await fixtures.world();
    const session = await sessionDueIn(w, 2000, 'Flyttes lidt');
    await events.emit({ kind: 'scheduled', sessionIds: [session.id] });
    const oldJobId = reminderJobId(session.id, session.startsAt);
    expect(await queue.getJob(oldJobId)).not.toBeNull();

    // Moved 3 seconds later: due at about +5 s instead of +2 s.
    const startsAt = new Date(session.startsAt.getTime() + 3000);
    const movedAt = Date.now();
    await t.dataSource.getRepository(CircleSession).update(session.id, {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      sequence: session.sequence + 1,
    });
    await events.emit({ kind: 'scheduled', sessionIds: [session.id] });
    expect(await queue.getJob(oldJobId)).toBeNull();

    // Past the old due time, nothing has gone out.
    await sleep(Math.max(0, session.startsAt.getTime() - HOUR - Date.now()) + 1200);
    expect(Date.now()).toBeLessThan(startsAt.getTime() - HOUR);
    for (const person of participantsOf(w)) expect(mailsTo(person)).toHaveLength(0);

    const mail = await t.smtp.waitFor(w.memberA.email, 1, 15_000);
    expect(Date.now()).toBeGreaterThanOrEqual(startsAt.getTime() - HOUR);
    expect(Date.now() - movedAt).toBeLessThan(15_000);
    expect(mail.subject).toContain('Flyttes lidt');
    for (const person of participantsOf(w)) await t.smtp.waitFor(person.email, 1, 5_000);
    await sleep(1000);
    for (const person of participantsOf(w)) expect(mailsTo(person)).toHaveLength(1);
    const rows = await rowsFor(session);
    expect(rows).toHaveLength(3);
    rows.forEach((r) => expect(r.startsAt.getTime()).toBe(startsAt.getTime()));
  });

  it('moves the reminder an hour later with a session moved an hour later', async () => {
    const w = await fixtures.world();
    const session = await sessionDueIn(w, 2000, 'Flyttes en time');
    await events.emit({ kind: 'scheduled', sessionIds: [session.id] });
    const oldJob = reminderJobId(session.id, session.startsAt);

    const startsAt = new Date(session.startsAt.getTime() + HOUR);
    await t.dataSource.getRepository(CircleSession).update(session.id, {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      sequence: session.sequence + 1,
    });
    await events.emit({ kind: 'scheduled', sessionIds: [session.id] });
    expect(await queue.getJob(oldJob)).toBeNull();
    const job = await queue.getJob(reminderJobId(session.id, startsAt));
    expect(job).not.toBeNull();
    if (!job) return;
    expect(await job.getState()).toBe('delayed');
    // Due an hour before the new start, that is an hour after the old due time.
    const due = job.timestamp + (job.opts.delay ?? 0);
    expect(Math.abs(due - (startsAt.getTime() - HOUR))).toBeLessThan(1000);

    await sleep(3500);
    for (const person of participantsOf(w)) expect(mailsTo(person)).toHaveLength(0);

    // A stale job for the old time, should one survive, sends nothing.
    const stale = await queue.add(
      SEND_REMINDERS_JOB,
      { sessionId: session.id, startsAt: session.startsAt.toISOString() },
      { jobId: `stale:${session.id}` },
    );
    expect((await stale.finished()) as ReminderResult).toEqual({ sent: 0, skipped: 'moved' });

    // Bring the new job forward, as the clock would: one reminder each.
    await job.promote();
    for (const person of participantsOf(w)) await t.smtp.waitFor(person.email, 1, 10_000);
    await sleep(1000);
    for (const person of participantsOf(w)) expect(mailsTo(person)).toHaveLength(1);
    expect(mailsTo(w.memberA)[0].subject).toContain('Flyttes en time');
  });

  it('schedules nothing for a session that has begun', async () => {
    const w = await fixtures.world();
    const session = await fixtures.session(w.circleA, {
      startsAt: new Date(Date.now() - 60_000),
    });
    expect(await t.app.get(ReminderProducer).schedule([session.id])).toBe(0);
    expect(await queue.getJob(reminderJobId(session.id, session.startsAt))).toBeNull();
  });
});

/** The calendar message a mail carries, read by an independent parser. */
function calendarIn(mail: ParsedMail): ICAL.Component {
  const part = mail.attachments.find(
    (a) => a.contentType.startsWith('text/calendar') || a.filename?.endsWith('.ics'),
  );
  if (!part) throw new Error(`No calendar in mail "${mail.subject}"`);
  return new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
}

describe('cancellation mails', () => {
  it('tells each participant once, with a calendar cancellation; restoring sends none', async () => {
    const w = await fixtures.world();
    await t.dataSource.getRepository(User).update(w.leadA.id, { locale: 'en' });
    const session = await fixtures.session(w.circleA, { title: 'Studiekreds der aflyses' });
    const secretariat = await signInAs(t, w.secretariat);

    const cancel = await secretariat.post<SessionSummaryDto>(`/api/sessions/${session.id}/cancel`);
    expect(cancel.status).toBe(200);
    for (const person of participantsOf(w)) await t.smtp.waitFor(person.email, 1, 15_000);

    const mail = mailsTo(w.memberA)[0];
    expect(mail.subject).toMatch(/^Aflyst: Studiekreds der aflyses /);
    expect(mail.text).toContain(w.villageA.name);
    expect(mail.text).toContain(`http://blup.test/sessions/${session.id}`);
    const calendar = calendarIn(mail);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const event = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
    expect(event.getFirstPropertyValue('uid')).toBe(`${session.id}@blup-akademiet`);
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(Number(event.getFirstPropertyValue('sequence'))).toBeGreaterThan(session.sequence);
    expect(event.getFirstPropertyValue('organizer')).toMatch(/^mailto:/);
    expect(event.getFirstPropertyValue('attendee')).toBe(`mailto:${w.memberA.email}`);
    // The same UID as the feed and the session's own .ics, so calendars drop that entry.
    const ics = await secretariat.get<string>(`/api/sessions/${session.id}/calendar.ics`);
    expect(ics.body).toContain(`UID:${session.id}@blup-akademiet`);
    expect(mailsTo(w.leadA)[0].subject).toMatch(/^Cancelled: Studiekreds der aflyses, /);

    // Cancelling again, a duplicated event and restoring send nothing more.
    expect((await secretariat.post(`/api/sessions/${session.id}/cancel`)).status).toBe(200);
    await events.emit({ kind: 'cancelled', sessionIds: [session.id] });
    const restore = await secretariat.patch<SessionSummaryDto>(`/api/sessions/${session.id}`, {
      status: SessionStatus.Planned,
    });
    expect(restore.status).toBe(200);
    await sleep(2000);
    for (const person of participantsOf(w)) expect(mailsTo(person)).toHaveLength(1);
    for (const person of strangersOf(w)) expect(mailsTo(person)).toHaveLength(0);
  });
});

describe('in the api role', () => {
  it('schedules on session events but runs no start-up sweep', async () => {
    const w = await fixtures.world();
    const session = await sessionDueIn(w, 60_000, 'Fra api-rollen');
    const jobId = reminderJobId(session.id, session.startsAt);
    const api = await startTestApp({ REMINDER_HOURS_BEFORE: '1' }, { role: 'api' });
    try {
      expect(await queue.getJob(jobId)).toBeNull();
      await api.app.get(SessionEvents).emit({ kind: 'scheduled', sessionIds: [session.id] });
      const job = await queue.getJob(jobId);
      expect(await job?.getState()).toBe('delayed');
      await job?.remove();
    } finally {
      await api.close();
    }
  });
});
