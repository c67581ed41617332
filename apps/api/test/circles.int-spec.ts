import {
  AgendaItemKind,
  CircleKind,
  ErrorCode,
  MaterialKind,
  Phase,
  Role,
  SessionStatus,
  type CircleDto,
  type CircleGridResponse,
  type CircleSummaryDto,
  type ErrorBody,
  type Page,
  type PlanSessionDto,
  type PlanSessionInput,
  type SessionSummaryDto,
} from '@blup/contracts';
import { In } from 'typeorm';
import { SessionEvents, type SessionChange } from '../src/app/circles/session-events';
import { Circle, CircleSession, Village } from '../src/app/database/entities';
import { CircleFixtures, inDays, type CircleWorld } from './circles-fixtures';
import { CourseFixtures } from './courses-fixtures';
import { startTestApp, type TestApp } from './harness';
import type { TestClient } from './http-client';
import { signInAs } from './sign-in';

let t: TestApp;
let fx: CircleFixtures;
const events: SessionChange[] = [];

beforeAll(async () => {
  t = await startTestApp();
  fx = new CircleFixtures(t.dataSource, t.factory);
  t.app.get(SessionEvents).on(async (change) => {
    events.push(change);
  });
});

afterAll(() => t.close());

const MINUTE = 60_000;

/** A slot `days` ahead at 19:00 UTC lasting 2 hours. */
function slot(kind: CircleKind, days: number, title = `Session ${days}`): PlanSessionInput {
  const startsAt = inDays(days);
  startsAt.setUTCHours(19, 0, 0, 0);
  return {
    circleKind: kind,
    title,
    phase: Phase.Mobilisation,
    topic: 'Fælles mål',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 120 * MINUTE).toISOString(),
    agenda: [{ kind: AgendaItemKind.Inspiration, title: 'Oplæg', minutes: 20 }],
    materials: [],
  };
}

const sessionsOf = (circleId: string): Promise<CircleSession[]> =>
  t.dataSource
    .getRepository(CircleSession)
    .find({ where: { circleId }, order: { startsAt: 'ASC' } });

const sessionOf = (circleId: string, planId: string): Promise<CircleSession> =>
  t.dataSource.getRepository(CircleSession).findOneByOrFail({ circleId, planId });

describe('planning a cohort', () => {
  let w: CircleWorld;
  let secretariat: TestClient;
  let plans: PlanSessionDto[];
  let extraVillages: Village[];

  beforeAll(async () => {
    w = await fx.world();
    secretariat = await signInAs(t, w.secretariat);
    // Ten more villages without circles yet: 12 in all; planning creates their circles.
    extraVillages = [];
    for (let i = 0; i < 10; i++) extraVillages.push(await t.factory.village(w.municipality1));
    await t.dataSource
      .getRepository(Village)
      .update({ id: In(extraVillages.map((v) => v.id)) }, { cohortId: w.cohort.id });
    const sessions = [
      ...Array.from({ length: 12 }, (_, i) => slot(CircleKind.Village, 10 + i * 7)),
      ...Array.from({ length: 6 }, (_, i) => slot(CircleKind.Coordinator, 12 + i * 14)),
    ];
    const res = await secretariat.post<PlanSessionDto[]>(`/api/cohorts/${w.cohort.id}/plan`, {
      sessions,
    });
    expect(res.status).toBe(201);
    plans = res.body;
  });

  it('creates one session per circle of the slot’s kind', async () => {
    expect(plans).toHaveLength(18);
    const village = plans.filter((p) => p.circleKind === CircleKind.Village);
    const coordinator = plans.filter((p) => p.circleKind === CircleKind.Coordinator);
    expect(village.map((p) => p.sessionCount)).toEqual(Array(12).fill(12));
    expect(coordinator.map((p) => p.sessionCount)).toEqual(Array(6).fill(1));
    const circles = await t.dataSource.getRepository(Circle).findBy({ cohortId: w.cohort.id });
    expect(circles).toHaveLength(13);
    const total = await t.dataSource
      .getRepository(CircleSession)
      .countBy({ circleId: In(circles.map((c) => c.id)) });
    expect(total).toBe(12 * 12 + 6);
    const a = await sessionsOf(w.circleA.id);
    expect(a).toHaveLength(12);
    expect(a[0]).toMatchObject({ title: 'Session 10', status: 'planned', sequence: 0 });
  });

  it('gives new circles the secretariat as facilitator and a fixed room', async () => {
    const circle = await t.dataSource
      .getRepository(Circle)
      .findOneByOrFail({ villageId: extraVillages[0].id });
    expect(circle.facilitatorId).toBe(w.secretariat.id);
    expect(circle.roomUrl).toMatch(
      /^https:\/\/meet\.jit\.si\/blup-landsby-[a-z0-9-]+-[0-9a-f]{8}$/,
    );
  });

  it('announces the new sessions as scheduled', () => {
    const scheduled = events.filter((e) => e.kind === 'scheduled').flatMap((e) => e.sessionIds);
    expect(scheduled.length).toBeGreaterThanOrEqual(150);
  });

  it('lists the plan in time order, paginated', async () => {
    const res = await secretariat.get<Page<PlanSessionDto>>(
      `/api/cohorts/${w.cohort.id}/plan?pageSize=5&page=2`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 18, page: 2, pageSize: 5 });
    expect(res.body.items).toHaveLength(5);
    const starts = res.body.items.map((p) => p.startsAt);
    expect([...starts].sort()).toEqual(starts);
  });

  it('shows the secretariat the whole grid, rows paginated, columns in time order', async () => {
    await t.dataSource.query(
      `INSERT INTO session_attendance (session_id, user_id, status) VALUES ($1, $2, 'present')`,
      [(await sessionsOf(w.circleA.id))[0].id, w.memberA.id],
    );
    const res = await secretariat.get<CircleGridResponse>(
      `/api/cohorts/${w.cohort.id}/circle-grid?pageSize=5`,
    );
    expect(res.status).toBe(200);
    expect(res.body.columns).toHaveLength(18);
    const starts = res.body.columns.map((c) => c.startsAt);
    expect([...starts].sort()).toEqual(starts);
    expect(res.body.rows).toMatchObject({ total: 13, page: 1, pageSize: 5 });
    expect(res.body.rows.items).toHaveLength(5);
    expect(res.body.rows.items[0].kind).toBe(CircleKind.Coordinator);
    const all = await secretariat.get<CircleGridResponse>(
      `/api/cohorts/${w.cohort.id}/circle-grid?pageSize=20`,
    );
    const rowA = all.body.rows.items.find((r) => r.circleId === w.circleA.id);
    const firstVillage = all.body.columns.findIndex((c) => c.circleKind === CircleKind.Village);
    expect(rowA?.cells[firstVillage]).toMatchObject({
      status: 'planned',
      present: 1,
      recorded: true,
      memberCount: 2,
    });
    const firstCoordinator = all.body.columns.findIndex(
      (c) => c.circleKind === CircleKind.Coordinator,
    );
    expect(rowA?.cells[firstCoordinator]).toBeNull();
  });
});

describe('changing the plan', () => {
  let w: CircleWorld;
  let secretariat: TestClient;
  let plan: PlanSessionDto;

  beforeAll(async () => {
    w = await fx.world();
    secretariat = await signInAs(t, w.secretariat);
    const res = await secretariat.post<PlanSessionDto[]>(`/api/cohorts/${w.cohort.id}/plan`, {
      sessions: [slot(CircleKind.Village, 20, 'Kortlægning'), slot(CircleKind.Coordinator, 21)],
    });
    expect(res.status).toBe(201);
    plan = res.body[0];
  });

  it('reaches sessions not adjusted on that point, bumping their sequence', async () => {
    const sessionA = await sessionOf(w.circleA.id, plan.id);
    const sessionB = await sessionOf(w.circleB.id, plan.id);
    // Village A moves its session by an hour; village B renames its session.
    const moved = new Date(sessionA.startsAt.getTime() + 60 * MINUTE);
    const adjustA = await secretariat.patch<SessionSummaryDto>(`/api/sessions/${sessionA.id}`, {
      startsAt: moved.toISOString(),
      endsAt: new Date(moved.getTime() + 120 * MINUTE).toISOString(),
    });
    expect(adjustA.status).toBe(200);
    expect(
      (await secretariat.patch(`/api/sessions/${sessionB.id}`, { title: 'Vores egen titel' }))
        .status,
    ).toBe(200);

    const newStart = new Date(new Date(plan.startsAt).getTime() + 24 * 60 * MINUTE);
    const res = await secretariat.patch<PlanSessionDto>(`/api/plan-sessions/${plan.id}`, {
      title: 'Kortlægning af landsbyen',
      startsAt: newStart.toISOString(),
      endsAt: new Date(newStart.getTime() + 90 * MINUTE).toISOString(),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Kortlægning af landsbyen',
      startsAt: newStart.toISOString(),
      sessionCount: 2,
      adjustedCount: 2,
    });

    const a = await sessionOf(w.circleA.id, plan.id);
    expect(a.startsAt).toEqual(moved); // its own time kept
    expect(a.title).toBe('Kortlægning af landsbyen'); // content followed
    expect(a.sequence).toBe(2);
    const b = await sessionOf(w.circleB.id, plan.id);
    expect(b.startsAt).toEqual(newStart); // time followed
    expect(b.endsAt).toEqual(new Date(newStart.getTime() + 90 * MINUTE));
    expect(b.title).toBe('Vores egen titel'); // its own title kept
    expect(b.sequence).toBe(2);
    expect(events).toContainEqual({ kind: 'scheduled', sessionIds: [b.id] });
  });

  it('leaves cancelled and held sessions alone', async () => {
    const a = await sessionOf(w.circleA.id, plan.id);
    const b = await sessionOf(w.circleB.id, plan.id);
    const cancel = await secretariat.post<SessionSummaryDto>(`/api/sessions/${a.id}/cancel`);
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe(SessionStatus.Cancelled);
    expect(events).toContainEqual({ kind: 'cancelled', sessionIds: [a.id] });
    await t.dataSource.getRepository(CircleSession).update(b.id, { status: SessionStatus.Held });

    const res = await secretariat.patch<PlanSessionDto>(`/api/plan-sessions/${plan.id}`, {
      topic: 'Nyt emne',
    });
    expect(res.status).toBe(200);
    const a2 = await sessionOf(w.circleA.id, plan.id);
    const b2 = await sessionOf(w.circleB.id, plan.id);
    expect(a2).toMatchObject({ status: 'cancelled', sequence: 3, topic: 'Fælles mål' });
    expect(a2.cancelledAt).not.toBeNull();
    expect(b2).toMatchObject({ status: 'held', sequence: 2, topic: 'Fælles mål' });
  });

  it('cancels a plan slot’s planned sessions', async () => {
    const res = await secretariat.post<PlanSessionDto[]>(`/api/cohorts/${w.cohort.id}/plan`, {
      sessions: [slot(CircleKind.Village, 40)],
    });
    const cancel = await secretariat.post<PlanSessionDto>(
      `/api/plan-sessions/${res.body[0].id}/cancel`,
    );
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ sessionCount: 2, cancelledCount: 2 });
    const a = await sessionOf(w.circleA.id, res.body[0].id);
    expect(a).toMatchObject({ status: 'cancelled', sequence: 1 });
  });

  it('adjusts one session: link, held, and adds a one-off session', async () => {
    const added = await secretariat.post<SessionSummaryDto>(
      `/api/circles/${w.circleA.id}/sessions`,
      { ...slot(CircleKind.Village, 50, 'Ekstra møde'), circleKind: undefined },
    );
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      circleId: w.circleA.id,
      title: 'Ekstra møde',
      meetingUrl: w.circleA.roomUrl,
      status: 'planned',
    });
    const res = await secretariat.patch<SessionSummaryDto>(`/api/sessions/${added.body.id}`, {
      meetingUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
    });
    expect(res.body.meetingUrl).toBe('https://teams.microsoft.com/l/meetup-join/abc');
    const stored = await t.dataSource
      .getRepository(CircleSession)
      .findOneByOrFail({ id: added.body.id });
    expect(stored).toMatchObject({ sequence: 1, timesAdjusted: false, contentAdjusted: false });
    const held = await secretariat.patch<SessionSummaryDto>(`/api/sessions/${added.body.id}`, {
      status: 'held',
    });
    expect(held.body.status).toBe('held');
  });
  it('keeps lesson materials when a PATCH leaves them out, and restores a cancelled session that way', async () => {
    const { lesson } = await new CourseFixtures(t.dataSource).courseWithLesson();
    const materials = [
      { kind: MaterialKind.Lesson, title: 'Intro', url: null, lessonId: lesson.id },
    ];
    const planned = await secretariat.post<PlanSessionDto[]>(`/api/cohorts/${w.cohort.id}/plan`, {
      sessions: [{ ...slot(CircleKind.Village, 60, 'Med lektion'), materials }],
    });
    expect(planned.status).toBe(201);
    const linked = [
      { kind: 'lesson', title: 'Intro', url: `/lessons/${lesson.id}`, lessonId: lesson.id },
    ];
    const renamed = await secretariat.patch<PlanSessionDto>(
      `/api/plan-sessions/${planned.body[0].id}`,
      { title: 'Med lektion og nyt navn' },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.materials).toEqual(linked);

    const a = await sessionOf(w.circleA.id, planned.body[0].id);
    const topic = await secretariat.patch<SessionSummaryDto>(`/api/sessions/${a.id}`, {
      topic: 'Andet emne',
    });
    expect(topic.status).toBe(200);
    expect((await secretariat.post(`/api/sessions/${a.id}/cancel`)).status).toBe(200);
    const restored = await secretariat.patch<SessionSummaryDto>(`/api/sessions/${a.id}`, {
      status: SessionStatus.Planned,
    });
    expect(restored.status).toBe(200);
    expect(restored.body.status).toBe(SessionStatus.Planned);
    expect((await sessionOf(w.circleA.id, planned.body[0].id)).materials).toEqual(linked);
  });
});

describe('bad input', () => {
  let w: CircleWorld;
  let secretariat: TestClient;
  let existing: CircleSession;

  beforeAll(async () => {
    w = await fx.world();
    secretariat = await signInAs(t, w.secretariat);
    existing = await fx.session(w.circleA, {
      startsAt: inDays(30),
      minutes: 120,
      title: 'Kickoff',
    });
  });

  const planWith = (
    overrides: Partial<PlanSessionInput>[],
  ): Promise<{ status: number; body: ErrorBody }> =>
    secretariat.post<ErrorBody>(`/api/cohorts/${w.cohort.id}/plan`, {
      sessions: overrides.map((o, i) => ({ ...slot(CircleKind.Village, 60 + i), ...o })),
    });

  it('refuses a session ending before it starts', async () => {
    const s = slot(CircleKind.Village, 60);
    const res = await planWith([
      { endsAt: new Date(Date.parse(s.startsAt) - MINUTE).toISOString() },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.SessionEndsBeforeStart);
    expect(res.body.details).toHaveProperty(['sessions.0.endsAt']);
  });

  it('refuses a session longer than 8 hours', async () => {
    const s = slot(CircleKind.Village, 60);
    const res = await planWith([
      { endsAt: new Date(Date.parse(s.startsAt) + 9 * 60 * MINUTE).toISOString() },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.SessionTooLong);
  });

  it('refuses a new session in the past', async () => {
    const past = inDays(-2);
    const res = await planWith([
      {
        startsAt: past.toISOString(),
        endsAt: new Date(past.getTime() + 60 * MINUTE).toISOString(),
      },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.SessionInPast);
  });

  it('refuses two overlapping slots of one kind in one request', async () => {
    const a = slot(CircleKind.Village, 61, 'Første');
    const res = await planWith([a, { ...a, title: 'Anden' }]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.SessionOverlaps);
    expect(res.body.params).toMatchObject({ title: 'Første' });
    expect(res.body.details).toHaveProperty(['sessions.1.startsAt']);
    // Different kinds may share the time.
    const ok = await secretariat.post(`/api/cohorts/${w.cohort.id}/plan`, {
      sessions: [slot(CircleKind.Village, 62), slot(CircleKind.Coordinator, 62)],
    });
    expect(ok.status).toBe(201);
  });

  it('refuses a slot overlapping a session of one of the circles', async () => {
    const res = await planWith([
      {
        startsAt: new Date(existing.startsAt.getTime() + 30 * MINUTE).toISOString(),
        endsAt: new Date(existing.startsAt.getTime() + 150 * MINUTE).toISOString(),
      },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.SessionOverlaps);
    expect(res.body.params).toEqual({
      title: 'Kickoff',
      startsAt: existing.startsAt.toISOString(),
    });
  });

  it('refuses moving a session onto another of the same circle', async () => {
    const other = await fx.session(w.circleA, { startsAt: inDays(33) });
    const res = await secretariat.patch<ErrorBody>(`/api/sessions/${other.id}`, {
      startsAt: existing.startsAt.toISOString(),
      endsAt: existing.endsAt.toISOString(),
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.SessionOverlaps);
  });

  it.each([
    ['a meeting link over http', { meetingUrl: 'http://meet.jit.si/x' }, 'meetingUrl'],
    ['a meeting link that is no URL', { meetingUrl: 'zoom meeting 123' }, 'meetingUrl'],
  ])('refuses %s with url_not_https', async (_, body, field) => {
    const res = await secretariat.patch<ErrorBody>(`/api/sessions/${existing.id}`, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.UrlNotHttps);
    expect(res.body.details).toHaveProperty([field]);
  });

  it('refuses a room over http', async () => {
    const res = await secretariat.patch<ErrorBody>(`/api/circles/${w.circleA.id}`, {
      roomUrl: 'http://meet.jit.si/x',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.UrlNotHttps);
  });

  it('refuses a material link over http', async () => {
    const res = await planWith([
      {
        materials: [
          { kind: MaterialKind.File, title: 'PDF', url: 'http://x.dk/a.pdf', lessonId: null },
        ],
      },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.UrlNotHttps);
    expect(res.body.details).toHaveProperty(['sessions.0.materials.0.url']);
  });

  it('refuses a material without a link', async () => {
    const res = await planWith([
      { materials: [{ kind: MaterialKind.Link, title: 'Link', url: null, lessonId: null }] },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.UrlNotHttps);
  });

  it('refuses an unknown lesson and links a known one to its page', async () => {
    const unknown = await planWith([
      {
        materials: [
          {
            kind: MaterialKind.Lesson,
            title: 'Intro',
            url: null,
            lessonId: '3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b',
          },
        ],
      },
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe(ErrorCode.UnknownReference);
    const { lesson } = await new CourseFixtures(t.dataSource).courseWithLesson();
    const ok = await secretariat.post<PlanSessionDto[]>(`/api/cohorts/${w.cohort.id}/plan`, {
      sessions: [
        {
          ...slot(CircleKind.Village, 70),
          materials: [
            { kind: MaterialKind.Lesson, title: 'Intro', url: null, lessonId: lesson.id },
          ],
        },
      ],
    });
    expect(ok.status).toBe(201);
    expect(ok.body[0].materials).toEqual([
      { kind: 'lesson', title: 'Intro', url: `/lessons/${lesson.id}`, lessonId: lesson.id },
    ]);
  });

  it.each([
    ['an unknown agenda kind', { agenda: [{ kind: 'party', title: 'x', minutes: 10 }] }],
    ['agenda minutes of 0', { agenda: [{ kind: 'discussion', title: 'x', minutes: 0 }] }],
    ['agenda minutes over 240', { agenda: [{ kind: 'discussion', title: 'x', minutes: 241 }] }],
    [
      'too many agenda items',
      { agenda: Array(21).fill({ kind: 'discussion', title: 'x', minutes: 5 }) },
    ],
    [
      'an unknown field in an agenda item',
      { agenda: [{ kind: 'discussion', title: 'x', minutes: 5, x: 1 }] },
    ],
    ['a time without offset', { startsAt: '2030-03-25T19:00:00' }],
    ['an unknown phase', { phase: 'party' }],
    ['an unknown circle kind', { circleKind: 'club' }],
  ])('refuses %s with validation_failed', async (_, override) => {
    const res = await planWith([override as Partial<PlanSessionInput>]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.ValidationFailed);
    expect(Object.keys(res.body.details ?? {}).length).toBeGreaterThan(0);
  });

  it('refuses an empty plan and cancelling via PATCH', async () => {
    const empty = await secretariat.post<ErrorBody>(`/api/cohorts/${w.cohort.id}/plan`, {
      sessions: [],
    });
    expect(empty.status).toBe(400);
    const res = await secretariat.patch<ErrorBody>(`/api/sessions/${existing.id}`, {
      status: 'cancelled',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.ValidationFailed);
  });

  it('lets only one of two concurrent overlapping writes to one circle through', async () => {
    for (let round = 0; round < 3; round++) {
      const s = slot(CircleKind.Village, 80 + round);
      const results = await Promise.all(
        ['Et', 'To', 'Tre'].map((title) =>
          secretariat.post<ErrorBody>(`/api/circles/${w.circleB.id}/sessions`, {
            ...s,
            circleKind: undefined,
            title,
          }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 400, 400]);
      expect(results.filter((r) => r.status === 400).map((r) => r.body.code)).toEqual([
        ErrorCode.SessionOverlaps,
        ErrorCode.SessionOverlaps,
      ]);
    }
  });
});

describe('who sees and changes what', () => {
  let w: CircleWorld;
  let sessionA: CircleSession;
  let sessionB: CircleSession;
  let coordinatorSession: CircleSession;

  beforeAll(async () => {
    w = await fx.world();
    sessionA = await fx.session(w.circleA);
    sessionB = await fx.session(w.circleB);
    coordinatorSession = await fx.session(w.coordinatorCircle);
    await fx.plan(w.cohort, CircleKind.Village, inDays(9));
  });

  const ids = (page: Page<CircleSummaryDto>): string[] => page.items.map((c) => c.id).sort();

  it('a steering member of village A sees only A’s circle', async () => {
    const member = await signInAs(t, w.memberA);
    expect((await member.get(`/api/circles/${w.circleB.id}`)).status).toBe(404);
    expect((await member.get(`/api/circles/${w.circleB.id}/sessions`)).status).toBe(404);
    expect((await member.get(`/api/circles/${w.coordinatorCircle.id}`)).status).toBe(404);
    const list = await member.get<Page<CircleSummaryDto>>(`/api/circles?cohortId=${w.cohort.id}`);
    expect(ids(list.body)).toEqual([w.circleA.id]);
    const own = await member.get<CircleDto>(`/api/circles/${w.circleA.id}`);
    expect(own.body).toMatchObject({ myPart: 'member', canEdit: false, memberCount: 2 });
    const sessions = await member.get<Page<SessionSummaryDto>>(
      `/api/circles/${w.circleA.id}/sessions`,
    );
    expect(sessions.body.items.map((s) => s.id)).toEqual([sessionA.id]);
    expect(sessions.body.items[0]).toMatchObject({ canRsvp: true, myRsvp: null });
    const grid = await member.get<CircleGridResponse>(`/api/cohorts/${w.cohort.id}/circle-grid`);
    expect(grid.status).toBe(200);
    expect(grid.body.rows.items.map((r) => r.circleId)).toEqual([w.circleA.id]);
  });

  it('a coordinator sees their municipality’s village circles and the coordinator circle', async () => {
    const coordinator = await signInAs(t, w.coordinator1);
    const list = await coordinator.get<Page<CircleSummaryDto>>(
      `/api/circles?cohortId=${w.cohort.id}`,
    );
    expect(ids(list.body)).toEqual([w.circleA.id, w.coordinatorCircle.id].sort());
    expect((await coordinator.get(`/api/circles/${w.circleB.id}`)).status).toBe(404);
    const a = await coordinator.get<CircleDto>(`/api/circles/${w.circleA.id}`);
    expect(a.body.myPart).toBe('guest');
    const grid = await coordinator.get<CircleGridResponse>(
      `/api/cohorts/${w.cohort.id}/circle-grid`,
    );
    expect(grid.body.rows.items.map((r) => r.circleId).sort()).toEqual(
      [w.circleA.id, w.coordinatorCircle.id].sort(),
    );
    const kindFilter = await coordinator.get<Page<CircleSummaryDto>>(
      `/api/circles?cohortId=${w.cohort.id}&kind=coordinator`,
    );
    expect(ids(kindFilter.body)).toEqual([w.coordinatorCircle.id]);
  });

  it('a coordinator of another municipality and a learner see nothing', async () => {
    for (const person of [w.outsider, w.learner1]) {
      const client = await signInAs(t, person);
      const list = await client.get<Page<CircleSummaryDto>>(`/api/circles`);
      expect(list.body.total).toBe(0);
      expect((await client.get(`/api/circles/${w.coordinatorCircle.id}`)).status).toBe(404);
      expect((await client.get(`/api/circles/${w.circleA.id}/sessions`)).status).toBe(404);
      expect((await client.get(`/api/cohorts/${w.cohort.id}/circle-grid`)).status).toBe(404);
      expect((await client.get(`/api/cohorts/${w.cohort.id}/plan`)).status).toBe(404);
      expect(
        (
          await client.post(`/api/cohorts/${w.cohort.id}/plan`, {
            sessions: [slot(CircleKind.Village, 90)],
          })
        ).status,
      ).toBe(404);
    }
  });

  it('refuses writes by others: 403 where they can read, 404 where they cannot', async () => {
    const member = await signInAs(t, w.leadA);
    const forbidden = await member.patch<ErrorBody>(`/api/sessions/${sessionA.id}`, {
      title: 'x',
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe(ErrorCode.SecretariatOnly);
    expect((await member.post(`/api/sessions/${sessionA.id}/cancel`)).status).toBe(403);
    expect((await member.patch(`/api/sessions/${sessionB.id}`, { title: 'x' })).status).toBe(404);
    expect((await member.post(`/api/sessions/${sessionB.id}/cancel`)).status).toBe(404);
    expect((await member.post(`/api/sessions/${coordinatorSession.id}/cancel`)).status).toBe(404);
    const plan = await member.post<ErrorBody>(`/api/cohorts/${w.cohort.id}/plan`, {
      sessions: [slot(CircleKind.Village, 90)],
    });
    expect(plan.status).toBe(403);
    expect(plan.body.code).toBe(ErrorCode.SecretariatOnly);
    expect(
      (await member.post(`/api/circles/${w.circleB.id}/sessions`, slot(CircleKind.Village, 91)))
        .status,
    ).toBe(400); // circleKind is not a field of a one-off session
    const { circleKind: _, ...oneOff } = slot(CircleKind.Village, 91);
    expect((await member.post(`/api/circles/${w.circleB.id}/sessions`, oneOff)).status).toBe(404);
    expect((await member.post(`/api/circles/${w.circleA.id}/sessions`, oneOff)).status).toBe(403);
    expect((await member.patch(`/api/circles/${w.circleA.id}`, { roomUrl: null })).status).toBe(
      403,
    );
    const stored = await t.dataSource
      .getRepository(CircleSession)
      .findOneByOrFail({ id: sessionA.id });
    expect(stored.title).toBe(sessionA.title);
  });

  it('paginates the circle list', async () => {
    const secretariat = await signInAs(t, w.secretariat);
    const res = await secretariat.get<Page<CircleSummaryDto>>(
      `/api/circles?cohortId=${w.cohort.id}&pageSize=2&page=2`,
    );
    expect(res.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(res.body.items).toHaveLength(1);
    expect((await secretariat.get(`/api/circles?pageSize=500`)).status).toBe(400);
    expect((await secretariat.get(`/api/circles?kind=club`)).status).toBe(400);
  });
});

describe('when a cohort’s villages change', () => {
  it('archives the circle of a village that leaves, and brings it back when it returns', async () => {
    const w = await fx.world();
    const secretariat = await signInAs(t, w.secretariat);
    const plan = await secretariat.post<PlanSessionDto[]>(`/api/cohorts/${w.cohort.id}/plan`, {
      sessions: [slot(CircleKind.Village, 15)],
    });
    expect(plan.status).toBe(201);
    const planId = plan.body[0].id;
    const villageC = await t.factory.village(w.municipality1);

    const leave = await secretariat.patch(`/api/cohorts/${w.cohort.id}`, {
      villageIds: [w.villageA.id, villageC.id],
    });
    expect(leave.status).toBe(200);
    const circles = t.dataSource.getRepository(Circle);
    expect((await circles.findOneByOrFail({ id: w.circleB.id })).archivedAt).not.toBeNull();
    const b = await sessionOf(w.circleB.id, planId);
    expect(b).toMatchObject({ status: 'cancelled', sequence: 1 });
    expect(events).toContainEqual({ kind: 'cancelled', sessionIds: [b.id] });
    const circleC = await circles.findOneByOrFail({ villageId: villageC.id });
    expect(circleC.archivedAt).toBeNull();
    expect((await sessionOf(circleC.id, planId)).status).toBe('planned');

    // The archived circle keeps its history, takes no new sessions, and leaves the grid.
    const { circleKind: _, ...oneOff } = slot(CircleKind.Village, 30);
    expect((await secretariat.post(`/api/circles/${w.circleB.id}/sessions`, oneOff)).status).toBe(
      400,
    );
    const grid = await secretariat.get<CircleGridResponse>(
      `/api/cohorts/${w.cohort.id}/circle-grid`,
    );
    expect(grid.body.rows.items.map((r) => r.circleId)).not.toContain(w.circleB.id);
    const archived = await secretariat.get<CircleDto>(`/api/circles/${w.circleB.id}`);
    expect(archived.body.archived).toBe(true);

    const back = await secretariat.patch(`/api/cohorts/${w.cohort.id}`, {
      villageIds: [w.villageA.id, w.villageB.id, villageC.id],
    });
    expect(back.status).toBe(200);
    expect((await circles.findOneByOrFail({ id: w.circleB.id })).archivedAt).toBeNull();
    expect(await sessionOf(w.circleB.id, planId)).toMatchObject({ status: 'planned', sequence: 2 });
  });

  it('creates circles for a new cohort', async () => {
    const secretariat = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
    const village = await t.factory.village();
    const res = await secretariat.post<{ id: string }>(`/api/cohorts`, {
      name: `Hold ${Math.random().toString(36).slice(2, 8)}`,
      startDate: '2027-02-01',
      villageIds: [village.id],
    });
    expect(res.status).toBe(201);
    const circles = await t.dataSource.getRepository(Circle).findBy({ cohortId: res.body.id });
    expect(circles.map((c) => c.kind).sort()).toEqual(['coordinator', 'village']);
  });
});
