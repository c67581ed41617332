import {
  AgendaItemKind,
  SessionStatus,
  type CalendarFeedDto,
  type AgendaItem,
} from '@blup/contracts';
import ICAL from 'ical.js';
import { CircleSession, User } from '../src/app/database/entities';
import { CircleFixtures, inDays, type CircleWorld } from './circles-fixtures';
import { startTestApp, TestApp } from './harness';
import { signInAs } from './sign-in';

let t: TestApp;
let fixtures: CircleFixtures;
beforeAll(async () => {
  t = await startTestApp();
  fixtures = new CircleFixtures(t.dataSource, t.factory);
});
afterAll(() => t.close());

/** The feed address of a person, as a path on the test server. */
async function feedOf(user: { id: string }): Promise<{ dto: CalendarFeedDto; path: string }> {
  const res = await (await signInAs(t, user)).get<CalendarFeedDto>('/api/me/calendar-feed');
  expect(res.status).toBe(200);
  return { dto: res.body, path: new URL(res.body.url).pathname };
}

interface Parsed {
  calendar: ICAL.Component;
  events: Map<string, ICAL.Event>;
}

/** Parses an iCalendar text with ical.js, its own VTIMEZONE registered; events by UID. */
function parse(text: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  expect(zone).not.toBeNull();
  // Only this document's VTIMEZONE: ical.js knows no other zone than UTC on its own.
  ICAL.TimezoneService.reset();
  ICAL.TimezoneService.register(zone as ICAL.Component);
  const events = new Map<string, ICAL.Event>();
  for (const v of calendar.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(v);
    events.set(e.uid, e);
  }
  return { calendar, events };
}

async function fetchFeed(path: string): Promise<Parsed> {
  const res = await t.client().get<string>(path);
  expect(res.status).toBe(200);
  return parse(res.body);
}

const uid = (s: { id: string }) => `${s.id}@blup-akademiet`;
const iso = (e: ICAL.Event, which: 'startDate' | 'endDate' = 'startDate') =>
  e[which].toJSDate().toISOString();

async function update(session: CircleSession, change: Partial<CircleSession>): Promise<void> {
  await t.dataSource.getRepository(CircleSession).update(session.id, change);
}

describe('GET /api/me/calendar-feed and the feed itself', () => {
  let w: CircleWorld;
  beforeAll(async () => {
    w = await fixtures.world();
  });

  it('makes one secret address on first ask, served as text/calendar without signing in', async () => {
    const first = await feedOf(w.memberA);
    const again = await feedOf(w.memberA);
    expect(again.dto).toEqual(first.dto);
    expect(first.dto.url).toMatch(/^http:\/\/blup\.test\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(first.dto.webcalUrl).toBe(first.dto.url.replace('http://', 'webcal://'));
    expect(Number.isNaN(Date.parse(first.dto.createdAt))).toBe(false);

    const res = await t.client().raw('GET', first.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
    const text = res.body as string;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const { calendar } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('BLUP studiekredse');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//BLUP Akademiet//Studiekredse//DA');
  });

  it('needs a signed-in person for the address', async () => {
    expect((await t.client().get('/api/me/calendar-feed')).status).toBe(401);
  });

  it('puts times on each side of both daylight-saving changes at the right instants', async () => {
    const at = [
      '2027-03-25T18:00:00Z', // 19:00 CET, before the March change
      '2027-04-01T17:00:00Z', // 19:00 CEST, after it
      '2027-10-28T17:00:00Z', // 19:00 CEST, before the October change
      '2027-11-04T18:00:00Z', // 19:00 CET, after it
    ];
    const sessions = [];
    for (const [i, when] of at.entries()) {
      sessions.push(
        await fixtures.session(w.circleA, {
          title: `Tidszone ${i}`,
          startsAt: new Date(when),
          minutes: 120,
        }),
      );
    }
    const { path } = await feedOf(w.memberA);
    const raw = (await t.client().get<string>(path)).body;
    const { events } = parse(raw);
    for (const [i, session] of sessions.entries()) {
      const e = events.get(uid(session));
      expect(e).toBeDefined();
      if (!e) continue;
      expect(iso(e)).toBe(new Date(at[i]).toISOString());
      expect(iso(e, 'endDate')).toBe(new Date(Date.parse(at[i]) + 2 * 3_600_000).toISOString());
      // Written as Danish wall time in the zone, not as UTC: 19:00 every time.
      const dtstart = e.component.getFirstProperty('dtstart');
      expect(dtstart?.getParameter('tzid')).toBe('Europe/Copenhagen');
      expect(e.startDate.hour).toBe(19);
      expect(e.endDate.hour).toBe(21);
    }
    expect(raw).toContain('DTSTART;TZID=Europe/Copenhagen:20270325T190000\r\n');
    expect(raw).toContain('DTSTART;TZID=Europe/Copenhagen:20270401T190000\r\n');
    expect(raw).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n');
    expect(raw).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n');
  });

  it('holds the join link in LOCATION and URL and the agenda in DESCRIPTION', async () => {
    const agenda: AgendaItem[] = [
      {
        kind: AgendaItemKind.Inspiration,
        title: 'Oplæg om fællesspisning, mad; og fest',
        minutes: 20,
      },
      { kind: AgendaItemKind.Discussion, title: 'Hvad gør vi?', minutes: 45 },
    ];
    const own = await fixtures.session(w.circleA, {
      title: 'Med eget link',
      meetingUrl: 'https://zoom.example/j/123,456',
    });
    await update(own, { topic: 'Kortlægning af landsbyens ressourcer', agenda });
    const room = await fixtures.session(w.circleA, { title: 'I rummet', startsAt: inDays(14) });

    const { events } = await fetchFeed((await feedOf(w.memberA)).path);
    const e = events.get(uid(own));
    expect(e).toBeDefined();
    if (!e) return;
    expect(e.location).toBe('https://zoom.example/j/123,456');
    expect(e.component.getFirstPropertyValue('url')).toBe('https://zoom.example/j/123,456');
    expect(e.summary).toBe(`Med eget link – ${w.villageA.name}`);
    expect(e.description).toContain('Kortlægning af landsbyens ressourcer');
    expect(e.description).toContain('Inspiration: Oplæg om fællesspisning, mad; og fest (20 min)');
    expect(e.description).toContain('Drøftelse: Hvad gør vi? (45 min)');
    expect(e.description).toContain(`http://blup.test/sessions/${own.id}`);
    expect(e.component.getFirstPropertyValue('status')).toBe('CONFIRMED');

    const r = events.get(uid(room));
    expect(r?.location).toBe(w.circleA.roomUrl);
    expect(r?.component.getFirstPropertyValue('url')).toBe(w.circleA.roomUrl);
  });

  it('marks a cancelled session STATUS:CANCELLED with a higher SEQUENCE, same UID', async () => {
    const session = await fixtures.session(w.circleA, { title: 'Bliver aflyst' });
    const { path } = await feedOf(w.memberA);
    const before = (await fetchFeed(path)).events.get(uid(session));
    expect(before?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const sequence = before?.sequence ?? -1;
    expect(sequence).toBe(0);

    await update(session, {
      status: SessionStatus.Cancelled,
      cancelledAt: new Date(),
      sequence: session.sequence + 1,
    });
    const after = (await fetchFeed(path)).events.get(uid(session));
    expect(after).toBeDefined();
    expect(after?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(after?.sequence).toBeGreaterThan(sequence);
  });

  it('keeps the UID of a moved session and shows the new time with a higher SEQUENCE', async () => {
    const session = await fixtures.session(w.circleA, {
      title: 'Flyttes',
      startsAt: new Date('2027-03-27T18:00:00Z'),
    });
    const { path } = await feedOf(w.memberA);
    const before = (await fetchFeed(path)).events.get(uid(session));
    expect(before && iso(before)).toBe('2027-03-27T18:00:00.000Z');

    // Moved across the change: Saturday 19:00 CET → Monday 19:00 CEST.
    await update(session, {
      startsAt: new Date('2027-03-29T17:00:00Z'),
      endsAt: new Date('2027-03-29T18:30:00Z'),
      sequence: session.sequence + 1,
    });
    const { events } = await fetchFeed(path);
    const after = events.get(uid(session));
    expect(after).toBeDefined();
    if (!after || !before) return;
    expect(iso(after)).toBe('2027-03-29T17:00:00.000Z');
    expect(iso(after, 'endDate')).toBe('2027-03-29T18:30:00.000Z');
    expect(after.startDate.hour).toBe(19);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect([...events.keys()].filter((k) => k === uid(session))).toHaveLength(1);
  });

  it('reaches 90 days back', async () => {
    const recent = await fixtures.session(w.circleA, { startsAt: inDays(-30) });
    const old = await fixtures.session(w.circleA, { startsAt: inDays(-120) });
    const { events } = await fetchFeed((await feedOf(w.memberA)).path);
    expect(events.has(uid(recent))).toBe(true);
    expect(events.has(uid(old))).toBe(false);
  });
});

describe('revoking and refusing feeds', () => {
  it('stops the old address at once when reset', async () => {
    const w = await fixtures.world();
    const client = await signInAs(t, w.leadA);
    const old = (await client.get<CalendarFeedDto>('/api/me/calendar-feed')).body;
    const oldPath = new URL(old.url).pathname;
    expect((await t.client().get(oldPath)).status).toBe(200);

    const reset = await client.post<CalendarFeedDto>('/api/me/calendar-feed/reset');
    expect(reset.status).toBe(200);
    expect(reset.body.url).not.toBe(old.url);
    expect((await t.client().get(oldPath)).status).toBe(404);
    expect((await t.client().get(new URL(reset.body.url).pathname)).status).toBe(200);
    expect((await client.get<CalendarFeedDto>('/api/me/calendar-feed')).body.url).toBe(
      reset.body.url,
    );
  });

  it('refuses a reset without the CSRF header', async () => {
    const w = await fixtures.world();
    const client = await signInAs(t, w.memberB);
    const res = await client.raw('POST', '/api/me/calendar-feed/reset');
    expect(res.status).toBe(403);
  });

  it('answers 404 for an unknown or malformed token, and for a disabled person', async () => {
    expect((await t.client().get(`/api/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await t.client().get('/api/calendar/short.ics')).status).toBe(404);
    expect((await t.client().get('/api/calendar/x%27%3B--.ics')).status).toBe(404);
    const w = await fixtures.world();
    const { path } = await feedOf(w.memberB);
    expect((await t.client().get(path)).status).toBe(200);
    await t.dataSource.getRepository(User).update(w.memberB.id, { disabledAt: new Date() });
    const res = await t.client().get<{ statusCode: number }>(path);
    expect(res.status).toBe(404);
  });
});

describe('who sees which sessions', () => {
  let w: CircleWorld;
  let a: CircleSession;
  let b: CircleSession;
  let coord: CircleSession;
  let cancelledA: CircleSession;
  beforeAll(async () => {
    w = await fixtures.world();
    a = await fixtures.session(w.circleA, { title: 'Landsby A' });
    b = await fixtures.session(w.circleB, { title: 'Landsby B' });
    coord = await fixtures.session(w.coordinatorCircle, { title: 'Koordinatorer' });
    cancelledA = await fixtures.session(w.circleA, {
      title: 'Aflyst A',
      status: SessionStatus.Cancelled,
      startsAt: inDays(10),
    });
  });

  const uidsOf = async (user: { id: string }): Promise<string[]> =>
    [...(await fetchFeed((await feedOf(user)).path)).events.keys()].sort();

  it('gives each person only the sessions of their own circles', async () => {
    expect(await uidsOf(w.memberA)).toEqual([uid(a), uid(cancelledA)].sort());
    expect(await uidsOf(w.leadA)).toEqual([uid(a), uid(cancelledA)].sort());
    expect(await uidsOf(w.memberB)).toEqual([uid(b)]);
    // A coordinator: their municipality's village circle as guest, plus the coordinator circle.
    expect(await uidsOf(w.coordinator1)).toEqual([uid(a), uid(cancelledA), uid(coord)].sort());
    expect(await uidsOf(w.coordinator2)).toEqual([uid(b), uid(coord)].sort());
    // The secretariat facilitates all three circles of this world.
    expect(await uidsOf(w.secretariat)).toEqual(
      [uid(a), uid(b), uid(coord), uid(cancelledA)].sort(),
    );
    expect(await uidsOf(w.outsider)).toEqual([]);
    expect(await uidsOf(w.learner1)).toEqual([]);
  });

  it('names the coordinator circle in SUMMARY', async () => {
    const { events } = await fetchFeed((await feedOf(w.coordinator2)).path);
    expect(events.get(uid(coord))?.summary).toBe('Koordinatorer – Koordinatorkreds');
  });

  it('serves one session as an .ics attachment to readers of its circle, 404 to others', async () => {
    const path = `/api/sessions/${a.id}/calendar.ics`;
    for (const reader of [w.memberA, w.coordinator1, w.secretariat]) {
      const res = await (await signInAs(t, reader)).raw('GET', path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="landsby-a-\d{4}-\d{2}-\d{2}\.ics"$/,
      );
      const { events } = parse(res.body as string);
      expect([...events.keys()]).toEqual([uid(a)]);
      expect(iso(events.get(uid(a)) as ICAL.Event)).toBe(a.startsAt.toISOString());
    }
    for (const stranger of [w.memberB, w.coordinator2, w.outsider, w.learner1]) {
      const res = await (await signInAs(t, stranger)).get(path);
      expect(res.status).toBe(404);
    }
    expect((await t.client().get(path)).status).toBe(401);
    const cancelled = await (
      await signInAs(t, w.memberA)
    ).get<string>(`/api/sessions/${cancelledA.id}/calendar.ics`);
    expect(cancelled.body).toContain('STATUS:CANCELLED');
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const client = await signInAs(t, w.secretariat);
    expect((await client.get('/api/sessions/nope/calendar.ics')).status).toBe(400);
    expect(
      (await client.get('/api/sessions/3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b/calendar.ics')).status,
    ).toBe(404);
  });
});
