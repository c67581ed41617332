import {
  AttendanceStatus,
  ErrorCode,
  MaterialKind,
  AgendaItemKind,
  Role,
  RsvpAnswer,
  SessionStatus,
  type AttendanceHistoryEntry,
  type AttendanceRowDto,
  type ErrorBody,
  type HomeResponse,
  type Page,
  type SessionDto,
  type SessionSummaryDto,
  type VillageAttendanceRow,
} from '@blup/contracts';
import { randomUUID } from 'node:crypto';
import { QUERY_COUNT_HEADER } from '../src/app/common/query-count';
import { CircleSession } from '../src/app/database/entities';
import { CircleFixtures, inDays, type CircleWorld } from './circles-fixtures';
import { startTestApp, TestApp } from './harness';
import type { TestClient } from './http-client';
import { signInAs } from './sign-in';

let t: TestApp;
let fx: CircleFixtures;
beforeAll(async () => {
  t = await startTestApp({ BENCH_COUNT_QUERIES: '1' });
  fx = new CircleFixtures(t.dataSource, t.factory);
});
afterAll(() => t.close());

const put = <T>(c: TestClient, path: string, body: unknown) => c.request<T>('PUT', path, body);
const minutesAgo = (m: number): Date => {
  const d = new Date(Date.now() - m * 60_000);
  d.setUTCSeconds(0, 0);
  return d;
};
const attendanceRows = (sessionId: string) =>
  t.dataSource.query<{ user_id: string; status: string }[]>(
    `SELECT user_id, status FROM session_attendance WHERE session_id = $1`,
    [sessionId],
  );

describe('GET /api/sessions/:id (the session page)', () => {
  it('shows agenda, materials, join link, facilitator, my answer and the counts', async () => {
    const w = await fx.world();
    const s = await fx.session(w.circleA, { title: 'Kortlægning' });
    await t.dataSource.getRepository(CircleSession).update(s.id, {
      agenda: [{ kind: AgendaItemKind.Inspiration, title: 'Oplæg', minutes: 20 }],
      materials: [
        { kind: MaterialKind.Link, title: 'Guide', url: 'https://blup.dk/guide', lessonId: null },
      ],
    });
    const lead = await signInAs(t, w.leadA);
    await put(lead, `/api/sessions/${s.id}/rsvp`, { answer: 'yes' });
    await put(await signInAs(t, w.coordinator1), `/api/sessions/${s.id}/rsvp`, {
      answer: 'maybe',
    });

    const res = await (await signInAs(t, w.memberA)).get<SessionDto>(`/api/sessions/${s.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: s.id,
      title: 'Kortlægning',
      circleKind: 'village',
      villageName: w.villageA.name,
      cohortName: w.cohort.name,
      status: SessionStatus.Planned,
      meetingUrl: w.circleA.roomUrl,
      agenda: [{ kind: 'inspiration', title: 'Oplæg', minutes: 20 }],
      materials: [{ kind: 'link', url: 'https://blup.dk/guide' }],
      notes: '',
      nextSteps: [],
      facilitator: { id: w.secretariat.id, name: w.secretariat.name },
      myRsvp: null,
      canRsvp: true,
      myAttendance: null,
      // leadA and memberA are members; coordinator1 is a guest.
      memberCount: 2,
      rsvpCounts: { yes: 1, no: 0, maybe: 1, none: 1 },
      attendanceCounts: { present: 0, absent: 0, excused: 0, unrecorded: 3 },
      canEdit: false,
      canEditOutcome: false,
      canTakeAttendance: false,
    });
    const asLead = await lead.get<SessionDto>(`/api/sessions/${s.id}`);
    expect(asLead.body).toMatchObject({ myRsvp: 'yes', canEditOutcome: true });
    const asSecretariat = await (
      await signInAs(t, w.secretariat)
    ).get<SessionDto>(`/api/sessions/${s.id}`);
    expect(asSecretariat.body).toMatchObject({
      canRsvp: false,
      canEdit: true,
      canEditOutcome: true,
      canTakeAttendance: true,
    });
  });

  it('uses the session’s own link before the circle’s room', async () => {
    const w = await fx.world();
    const s = await fx.session(w.circleA, { meetingUrl: 'https://zoom.us/j/123' });
    const res = await (await signInAs(t, w.memberA)).get<SessionDto>(`/api/sessions/${s.id}`);
    expect(res.body.meetingUrl).toBe('https://zoom.us/j/123');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const w = await fx.world();
    const c = await signInAs(t, w.secretariat);
    expect((await c.get(`/api/sessions/${randomUUID()}`)).status).toBe(404);
    expect((await c.get<ErrorBody>('/api/sessions/nope')).body.code).toBe(ErrorCode.InvalidId);
  });

  it('runs the same number of SQL queries for a circle of 3 and of 300', async () => {
    const count = async (size: number): Promise<{ queries: number; body: SessionDto }> => {
      const m = await t.factory.municipality();
      const village = await t.factory.village(m);
      const cohort = await t.factory.cohort([village]);
      const circle = await fx.circle(cohort, village);
      const member = await t.factory.user({ village });
      await t.dataSource.query(
        `INSERT INTO users (email, name, role, municipality_id, village_id, activated_at)
         SELECT 'bulk-' || $3 || '-' || g || '@example.dk', 'Bulk ' || g, 'steering_member', $1, $2, now()
           FROM generate_series(1, $4::int) g`,
        [m.id, village.id, village.id.slice(0, 8), size - 1],
      );
      const s = await fx.session(circle, { startsAt: minutesAgo(10) });
      await t.dataSource.query(
        `INSERT INTO session_rsvps (session_id, user_id, answer)
         SELECT $1, id, 'yes' FROM users WHERE village_id = $2`,
        [s.id, village.id],
      );
      await t.dataSource.query(
        `INSERT INTO session_attendance (session_id, user_id, status)
         SELECT $1, id, 'present' FROM users WHERE village_id = $2`,
        [s.id, village.id],
      );
      const client = await signInAs(t, member);
      await client.get(`/api/sessions/${s.id}`); // warm the path once
      const res = await client.get<SessionDto>(`/api/sessions/${s.id}`);
      expect(res.status).toBe(200);
      return { queries: Number(res.headers.get(QUERY_COUNT_HEADER)), body: res.body };
    };
    const small = await count(3);
    const large = await count(300);
    expect(small.body.memberCount).toBe(3);
    expect(large.body.memberCount).toBe(300);
    expect(large.body.rsvpCounts).toEqual({ yes: 300, no: 0, maybe: 0, none: 0 });
    expect(large.body.attendanceCounts.present).toBe(300);
    // The sign-in lookup and the page's one statement (a little slack for the sign-in code).
    expect(small.queries).toBeGreaterThan(0);
    expect(small.queries).toBeLessThanOrEqual(3);
    expect(large.queries).toBe(small.queries);
  });
});

describe('PUT /api/sessions/:id/rsvp', () => {
  it('lets members and guests answer, and change their answer', async () => {
    const w = await fx.world();
    const s = await fx.session(w.circleA);
    const member = await signInAs(t, w.memberA);
    const first = await put<SessionDto>(member, `/api/sessions/${s.id}/rsvp`, { answer: 'yes' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ myRsvp: 'yes', rsvpCounts: { yes: 1 } });
    const second = await put<SessionDto>(member, `/api/sessions/${s.id}/rsvp`, { answer: 'no' });
    expect(second.body).toMatchObject({ myRsvp: 'no', rsvpCounts: { yes: 0, no: 1 } });
    const guest = await put<SessionDto>(
      await signInAs(t, w.coordinator1),
      `/api/sessions/${s.id}/rsvp`,
      {
        answer: RsvpAnswer.Maybe,
      },
    );
    expect(guest.status).toBe(200);
    expect(guest.body.myRsvp).toBe('maybe');
  });

  it('refuses a cancelled session, a past one, bad answers and non-participants', async () => {
    const w = await fx.world();
    const member = await signInAs(t, w.memberA);
    const cancelled = await fx.session(w.circleA, { status: SessionStatus.Cancelled });
    const past = await fx.session(w.circleA, { startsAt: inDays(-2) });
    const open = await fx.session(w.circleA, { startsAt: inDays(3) });

    const c = await put<ErrorBody>(member, `/api/sessions/${cancelled.id}/rsvp`, { answer: 'yes' });
    expect([c.status, c.body.code]).toEqual([400, ErrorCode.SessionCancelled]);
    const p = await put<ErrorBody>(member, `/api/sessions/${past.id}/rsvp`, { answer: 'yes' });
    expect([p.status, p.body.code]).toEqual([400, ErrorCode.SessionOver]);
    const bad = await put<ErrorBody>(member, `/api/sessions/${open.id}/rsvp`, { answer: 'ja' });
    expect([bad.status, bad.body.code]).toEqual([400, ErrorCode.ValidationFailed]);

    const sec = await put<ErrorBody>(
      await signInAs(t, w.secretariat),
      `/api/sessions/${open.id}/rsvp`,
      {
        answer: 'yes',
      },
    );
    expect([sec.status, sec.body.code]).toEqual([403, ErrorCode.RsvpNotAllowed]);
    const other = await put<ErrorBody>(
      await signInAs(t, w.memberB),
      `/api/sessions/${open.id}/rsvp`,
      {
        answer: 'yes',
      },
    );
    expect(other.status).toBe(404);
    const rows = await t.dataSource.query(
      `SELECT 1 FROM session_rsvps WHERE session_id = ANY($1)`,
      [[cancelled.id, past.id, open.id]],
    );
    expect(rows).toHaveLength(0);
  });
});

describe('attendance', () => {
  it('records attendance all at once, marks the session held, and lists it by name', async () => {
    const w = await fx.world();
    const s = await fx.session(w.circleA, { startsAt: minutesAgo(30) });
    const sec = await signInAs(t, w.secretariat);
    const res = await put<SessionDto>(sec, `/api/sessions/${s.id}/attendance`, {
      entries: [
        { userId: w.leadA.id, status: 'present' },
        { userId: w.memberA.id, status: 'excused' },
        { userId: w.coordinator1.id, status: 'absent' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: SessionStatus.Held,
      sequence: s.sequence,
      attendanceCounts: { present: 1, absent: 0 + 1, excused: 1, unrecorded: 0 },
    });
    const again = await put<SessionDto>(sec, `/api/sessions/${s.id}/attendance`, {
      entries: [{ userId: w.memberA.id, status: 'present' }],
    });
    expect(again.body.attendanceCounts).toMatchObject({ present: 2, excused: 0 });

    const list = await (
      await signInAs(t, w.memberA)
    ).get<Page<AttendanceRowDto>>(`/api/sessions/${s.id}/attendance?pageSize=2`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items).toHaveLength(2);
    const all = await sec.get<Page<AttendanceRowDto>>(`/api/sessions/${s.id}/attendance`);
    const names = all.body.items.map((r) => r.person.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(all.body.items.find((r) => r.person.id === w.coordinator1.id)).toMatchObject({
      part: 'guest',
      status: 'absent',
      rsvp: null,
    });
  });

  it('writes nothing when one person is not in the circle', async () => {
    const w = await fx.world();
    const s = await fx.session(w.circleA, { startsAt: minutesAgo(30) });
    const sec = await signInAs(t, w.secretariat);
    const fromB = await put<ErrorBody>(sec, `/api/sessions/${s.id}/attendance`, {
      entries: [
        { userId: w.leadA.id, status: 'present' },
        { userId: w.memberB.id, status: 'present' },
      ],
    });
    expect(fromB.status).toBe(400);
    expect(fromB.body.code).toBe(ErrorCode.NotCircleMember);
    expect(fromB.body.params).toEqual({ name: w.memberB.name });
    expect(fromB.body.details).toHaveProperty(['entries.1.userId']);
    const nobody = await put<ErrorBody>(sec, `/api/sessions/${s.id}/attendance`, {
      entries: [
        { userId: w.memberA.id, status: 'present' },
        { userId: randomUUID(), status: 'present' },
      ],
    });
    expect([nobody.status, nobody.body.code, nobody.body.params]).toEqual([
      400,
      ErrorCode.NotCircleMember,
      { name: '' },
    ]);
    const learner = await put<ErrorBody>(sec, `/api/sessions/${s.id}/attendance`, {
      entries: [{ userId: w.learner1.id, status: 'present' }],
    });
    expect(learner.body.code).toBe(ErrorCode.NotCircleMember);
    expect(await attendanceRows(s.id)).toHaveLength(0);
    const [row] = await t.dataSource.query(`SELECT status FROM circle_sessions WHERE id = $1`, [
      s.id,
    ]);
    expect(row.status).toBe('planned');
  });

  it('refuses cancelled and not-yet-started sessions, and anyone but the secretariat', async () => {
    const w = await fx.world();
    const sec = await signInAs(t, w.secretariat);
    const entries = [{ userId: w.memberA.id, status: AttendanceStatus.Present }];
    const cancelled = await fx.session(w.circleA, {
      startsAt: minutesAgo(30),
      status: SessionStatus.Cancelled,
    });
    const future = await fx.session(w.circleA, { startsAt: inDays(2) });
    const started = await fx.session(w.circleA, { startsAt: minutesAgo(200) });

    const c = await put<ErrorBody>(sec, `/api/sessions/${cancelled.id}/attendance`, { entries });
    expect([c.status, c.body.code]).toEqual([400, ErrorCode.SessionCancelled]);
    const f = await put<ErrorBody>(sec, `/api/sessions/${future.id}/attendance`, { entries });
    expect([f.status, f.body.code]).toEqual([400, ErrorCode.BadRequest]);
    expect(f.body.message).toMatch(/not started/);
    const dup = await put<ErrorBody>(sec, `/api/sessions/${started.id}/attendance`, {
      entries: [...entries, ...entries],
    });
    expect(dup.status).toBe(400);
    const lead = await put<ErrorBody>(
      await signInAs(t, w.leadA),
      `/api/sessions/${started.id}/attendance`,
      {
        entries,
      },
    );
    expect(lead.status).toBe(403);
    const other = await put<ErrorBody>(
      await signInAs(t, w.memberB),
      `/api/sessions/${started.id}/attendance`,
      {
        entries,
      },
    );
    expect(other.status).toBe(404);
    const badStatus = await put<ErrorBody>(sec, `/api/sessions/${started.id}/attendance`, {
      entries: [{ userId: w.memberA.id, status: 'late' }],
    });
    expect(badStatus.status).toBe(400);
    expect(await attendanceRows(started.id)).toHaveLength(0);
  });
});

describe('PUT /api/sessions/:id/outcome', () => {
  it('lets the coordination group write notes and next steps, naming owners from the circle', async () => {
    const w = await fx.world();
    const s = await fx.session(w.circleA, { startsAt: minutesAgo(120) });
    const lead = await signInAs(t, w.leadA);
    const res = await put<SessionDto>(lead, `/api/sessions/${s.id}/outcome`, {
      notes: 'Vi talte om kortlægning.\nNæste gang: mad.',
      nextSteps: [
        {
          text: 'Ring til hallen',
          ownerId: w.memberA.id,
          ownerName: 'ignored',
          dueDate: '2027-04-01',
        },
        { text: 'Lav plakat', ownerName: 'Arbejdsgruppe for mad' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.notes).toBe('Vi talte om kortlægning.\nNæste gang: mad.');
    expect(res.body.nextSteps).toEqual([
      {
        text: 'Ring til hallen',
        ownerId: w.memberA.id,
        ownerName: w.memberA.name,
        dueDate: '2027-04-01',
        done: false,
      },
      {
        text: 'Lav plakat',
        ownerId: null,
        ownerName: 'Arbejdsgruppe for mad',
        dueDate: null,
        done: false,
      },
    ]);
    const notesOnly = await put<SessionDto>(lead, `/api/sessions/${s.id}/outcome`, { notes: '' });
    expect(notesOnly.body.notes).toBe('');
    expect(notesOnly.body.nextSteps).toHaveLength(2);
  });

  it('lets a next step point at a goal or an initiative of the village, and no other', async () => {
    const w = await fx.world();
    const s = await fx.session(w.circleA, { startsAt: minutesAgo(120) });
    const sec = await signInAs(t, w.secretariat);
    const goal = await sec.post<{ id: string }>(`/api/villages/${w.villageA.id}/goals`, {
      title: 'Samkørsel',
      sdgs: [11],
    });
    const area = await sec.post<{ id: string }>(`/api/villages/${w.villageA.id}/focus-areas`, {
      name: 'Mobilitet',
    });
    const initiative = await sec.post<{ id: string }>(
      `/api/villages/${w.villageA.id}/initiatives`,
      { focusAreaId: area.body.id, title: 'Delebil', goalIds: [goal.body.id] },
    );
    const otherGoal = await sec.post<{ id: string }>(`/api/villages/${w.villageB.id}/goals`, {
      title: 'Færgen',
      sdgs: [9],
    });
    expect([goal.status, initiative.status, otherGoal.status]).toEqual([201, 201, 201]);
    const res = await put<SessionDto>(await signInAs(t, w.leadA), `/api/sessions/${s.id}/outcome`, {
      nextSteps: [
        { text: 'Ring til kommunen', link: { kind: 'goal', id: goal.body.id } },
        { text: 'Find en delebil', link: { kind: 'initiative', id: initiative.body.id } },
        { text: 'Lav plakat', link: null },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.nextSteps.map((step) => step.link ?? null)).toEqual([
      { kind: 'goal', id: goal.body.id, title: 'Samkørsel' },
      { kind: 'initiative', id: initiative.body.id, title: 'Delebil' },
      null,
    ]);
    const wrong: unknown[] = [
      { kind: 'goal', id: otherGoal.body.id },
      { kind: 'initiative', id: goal.body.id },
      { kind: 'plan', id: goal.body.id },
      { kind: 'goal', id: 'x' },
    ];
    for (const link of wrong) {
      const bad = await put<ErrorBody>(sec, `/api/sessions/${s.id}/outcome`, {
        nextSteps: [{ text: 'x' }, { text: 'y', link }],
      });
      expect({ link, status: bad.status }).toEqual({ link, status: 400 });
      expect(Object.keys(bad.body.details ?? {}).join()).toContain('nextSteps.1.link');
    }
  });

  it('refuses owners outside the circle, bad fields, and people who may not write', async () => {
    const w = await fx.world();
    const s = await fx.session(w.circleA, { startsAt: minutesAgo(120) });
    const sec = await signInAs(t, w.secretariat);
    const outsider = await put<ErrorBody>(sec, `/api/sessions/${s.id}/outcome`, {
      nextSteps: [
        { text: 'A', ownerId: w.memberA.id },
        { text: 'B', ownerId: w.memberB.id },
      ],
    });
    expect([outsider.status, outsider.body.code, outsider.body.params]).toEqual([
      400,
      ErrorCode.NotCircleMember,
      { name: w.memberB.name },
    ]);
    expect(outsider.body.details).toHaveProperty(['nextSteps.1.ownerId']);
    const bad = [
      { nextSteps: [{ text: 'x'.repeat(501) }] },
      { nextSteps: Array.from({ length: 31 }, () => ({ text: 'x' })) },
      { nextSteps: [{ text: 'x', dueDate: '2027-02-30' }] },
      { nextSteps: [{ text: '' }] },
      { nextSteps: [{ text: 'x', extra: 1 }] },
      { notes: 'x'.repeat(20_001) },
      { notes: 'nul\u0000' },
    ];
    for (const body of bad) {
      const res = await put<ErrorBody>(sec, `/api/sessions/${s.id}/outcome`, body);
      expect([JSON.stringify(body).slice(0, 40), res.status]).toEqual([
        JSON.stringify(body).slice(0, 40),
        400,
      ]);
    }
    const member = await put<ErrorBody>(
      await signInAs(t, w.memberA),
      `/api/sessions/${s.id}/outcome`,
      {
        notes: 'x',
      },
    );
    expect(member.status).toBe(403);
    const guest = await put<ErrorBody>(
      await signInAs(t, w.coordinator1),
      `/api/sessions/${s.id}/outcome`,
      {
        notes: 'x',
      },
    );
    expect(guest.status).toBe(403);
    const other = await put<ErrorBody>(
      await signInAs(t, w.memberB),
      `/api/sessions/${s.id}/outcome`,
      {
        notes: 'x',
      },
    );
    expect(other.status).toBe(404);
    const [row] = await t.dataSource.query(
      `SELECT notes, next_steps FROM circle_sessions WHERE id = $1`,
      [s.id],
    );
    expect(row).toEqual({ notes: '', next_steps: [] });
  });
});

describe('GET /api/me/sessions and the home page', () => {
  it('lists upcoming soonest first (cancelled included) and past newest first, paginated', async () => {
    const w = await fx.world();
    const later = await fx.session(w.circleA, { startsAt: inDays(10), title: 'later' });
    const soon = await fx.session(w.circleA, { startsAt: inDays(2), title: 'soon' });
    const cancelled = await fx.session(w.circleA, {
      startsAt: inDays(5),
      status: SessionStatus.Cancelled,
    });
    const ongoing = await fx.session(w.circleA, { startsAt: minutesAgo(30) });
    const old = await fx.session(w.circleA, { startsAt: inDays(-20) });
    const recent = await fx.session(w.circleA, { startsAt: inDays(-3) });
    const coord = await fx.session(w.coordinatorCircle, { startsAt: inDays(4) });
    await fx.session(w.circleB, { startsAt: inDays(1) });

    const member = await signInAs(t, w.memberA);
    const up = await member.get<Page<SessionSummaryDto>>('/api/me/sessions');
    expect(up.status).toBe(200);
    expect(up.body.items.map((s) => s.id)).toEqual([ongoing.id, soon.id, cancelled.id, later.id]);
    expect(up.body.items[2]).toMatchObject({ status: 'cancelled', canRsvp: false });
    expect(up.body.items[1]).toMatchObject({ canRsvp: true, myRsvp: null });
    const page2 = await member.get<Page<SessionSummaryDto>>('/api/me/sessions?pageSize=3&page=2');
    expect(page2.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.body.items.map((s) => s.id)).toEqual([later.id]);
    const beyond = await member.get<Page<SessionSummaryDto>>('/api/me/sessions?pageSize=3&page=9');
    expect(beyond.body).toMatchObject({ total: 4, items: [] });
    const past = await member.get<Page<SessionSummaryDto>>('/api/me/sessions?when=past');
    expect(past.body.items.map((s) => s.id)).toEqual([recent.id, old.id]);
    expect((await member.get('/api/me/sessions?when=soon')).status).toBe(400);

    // A guest sees the village circle and, as a coordinator, the coordinator circle.
    const guest = await (
      await signInAs(t, w.coordinator1)
    ).get<Page<SessionSummaryDto>>('/api/me/sessions');
    expect(guest.body.items.map((s) => s.id)).toEqual([
      ongoing.id,
      soon.id,
      coord.id,
      cancelled.id,
      later.id,
    ]);
    // The secretariat: the circles they lead (all three here).
    const sec = await (
      await signInAs(t, w.secretariat)
    ).get<Page<SessionSummaryDto>>('/api/me/sessions?pageSize=100');
    expect(sec.body.total).toBe(6);
    expect(sec.body.items.every((s) => !s.canRsvp)).toBe(true);

    await put(member, `/api/sessions/${soon.id}/rsvp`, { answer: 'yes' });
    const home = await member.get<HomeResponse>('/api/home');
    expect(home.body.nextSession).toMatchObject({
      id: ongoing.id,
      meetingUrl: w.circleA.roomUrl,
      canRsvp: true,
    });
    const learnerHome = await (await signInAs(t, w.learner1)).get<HomeResponse>('/api/home');
    expect(learnerHome.body.nextSession).toBeNull();
    const learnerList = await (
      await signInAs(t, w.learner1)
    ).get<Page<SessionSummaryDto>>('/api/me/sessions');
    expect(learnerList.body.total).toBe(0);
  });

  it('puts the next session that is neither cancelled nor over on the home page', async () => {
    const w = await fx.world();
    await fx.session(w.circleB, { startsAt: inDays(1), status: SessionStatus.Cancelled });
    await fx.session(w.circleB, { startsAt: inDays(-1) });
    const next = await fx.session(w.circleB, { startsAt: inDays(3) });
    const client = await signInAs(t, w.memberB);
    await put(client, `/api/sessions/${next.id}/rsvp`, { answer: 'maybe' });
    const home = await client.get<HomeResponse>('/api/home');
    expect(home.body.nextSession).toMatchObject({ id: next.id, myRsvp: 'maybe' });
  });
});

describe('attendance history', () => {
  async function heldSession(w: CircleWorld, daysAgo: number, statuses: Record<string, string>) {
    const s = await fx.session(w.circleA, { startsAt: inDays(-daysAgo) });
    const res = await put(await signInAs(t, w.secretariat), `/api/sessions/${s.id}/attendance`, {
      entries: Object.entries(statuses).map(([userId, status]) => ({ userId, status })),
    });
    expect(res.status).toBe(200);
    return s;
  }

  it('keeps a person’s history and a village’s totals', async () => {
    const w = await fx.world();
    const first = await heldSession(w, 10, { [w.memberA.id]: 'present', [w.leadA.id]: 'present' });
    const second = await heldSession(w, 3, { [w.memberA.id]: 'excused', [w.leadA.id]: 'present' });
    await fx.session(w.circleA, { startsAt: inDays(-1), status: SessionStatus.Cancelled });
    await fx.session(w.circleA, { startsAt: inDays(5) });

    const lead = await signInAs(t, w.leadA);
    const history = await lead.get<Page<AttendanceHistoryEntry>>(
      `/api/people/${w.memberA.id}/attendance`,
    );
    expect(history.status).toBe(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({ sessionId: second.id, status: 'excused', sessionStatus: 'held' }),
      expect.objectContaining({
        sessionId: first.id,
        status: 'present',
        circleKind: 'village',
        villageName: w.villageA.name,
      }),
    ]);
    const own = await (
      await signInAs(t, w.memberA)
    ).get<Page<AttendanceHistoryEntry>>(`/api/people/${w.memberA.id}/attendance?pageSize=1&page=2`);
    expect(own.body).toMatchObject({ total: 2, items: [{ sessionId: first.id }] });

    const village = await lead.get<Page<VillageAttendanceRow>>(
      `/api/villages/${w.villageA.id}/attendance`,
    );
    expect(village.status).toBe(200);
    expect(village.body.total).toBe(3);
    const byId = new Map(village.body.items.map((r) => [r.person.id, r]));
    expect(byId.get(w.memberA.id)).toMatchObject({
      part: 'member',
      present: 1,
      excused: 1,
      absent: 0,
      held: 2,
    });
    expect(byId.get(w.leadA.id)).toMatchObject({ present: 2, held: 2 });
    expect(byId.get(w.coordinator1.id)).toMatchObject({ part: 'guest', present: 0, held: 2 });
  });
});

describe('access', () => {
  it('hides village B’s session page, notes, attendance and totals from village A', async () => {
    const w = await fx.world();
    const sB = await fx.session(w.circleB, { startsAt: minutesAgo(60) });
    const sA = await fx.session(w.circleA, { startsAt: minutesAgo(60) });
    await put(await signInAs(t, w.secretariat), `/api/sessions/${sB.id}/outcome`, {
      notes: 'Hemmeligt',
    });
    const paths = [
      `/api/sessions/${sB.id}`,
      `/api/sessions/${sB.id}/attendance`,
      `/api/villages/${w.villageB.id}/attendance`,
      `/api/people/${w.memberB.id}/attendance`,
    ];
    for (const who of [w.leadA, w.memberA, w.coordinator1]) {
      const c = await signInAs(t, who);
      for (const path of paths) {
        const res = await c.get<ErrorBody>(path);
        expect([who.name, path, res.status]).toEqual([who.name, path, 404]);
        expect(JSON.stringify(res.body)).not.toContain('Hemmeligt');
      }
      expect((await c.get(`/api/sessions/${sA.id}`)).status).toBe(200);
      expect((await c.get(`/api/villages/${w.villageA.id}/attendance`)).status).toBe(200);
    }
    // Coordinator 2 (municipality 2) sees village B, not village A.
    const c2 = await signInAs(t, w.coordinator2);
    expect((await c2.get(`/api/sessions/${sB.id}`)).status).toBe(200);
    expect((await c2.get(`/api/sessions/${sA.id}`)).status).toBe(404);
    expect((await c2.get(`/api/villages/${w.villageA.id}/attendance`)).status).toBe(404);
    expect((await c2.get(`/api/people/${w.memberA.id}/attendance`)).status).toBe(404);
    // The outsider coordinator (no village in the cohort) and a learner see nothing.
    for (const who of [w.outsider, w.learner1]) {
      const c = await signInAs(t, who);
      for (const path of [
        ...paths,
        `/api/sessions/${sA.id}`,
        `/api/sessions/${sA.id}/attendance`,
        `/api/villages/${w.villageA.id}/attendance`,
      ]) {
        expect([who.role, path, (await c.get(path)).status]).toEqual([who.role, path, 404]);
      }
    }
    const learnerRsvp = await put(await signInAs(t, w.learner1), `/api/sessions/${sA.id}/rsvp`, {
      answer: 'yes',
    });
    expect(learnerRsvp.status).toBe(404);
  });

  it('shows the coordinator circle to its coordinators only', async () => {
    const w = await fx.world();
    const s = await fx.session(w.coordinatorCircle);
    expect((await (await signInAs(t, w.coordinator1)).get(`/api/sessions/${s.id}`)).status).toBe(
      200,
    );
    expect((await (await signInAs(t, w.coordinator2)).get(`/api/sessions/${s.id}`)).status).toBe(
      200,
    );
    for (const who of [w.memberA, w.leadA, w.outsider, w.learner1]) {
      expect((await (await signInAs(t, who)).get(`/api/sessions/${s.id}`)).status).toBe(404);
    }
    const sec = await t.factory.user({ role: Role.Secretariat });
    expect((await (await signInAs(t, sec)).get(`/api/sessions/${s.id}`)).status).toBe(200);
  });
});
