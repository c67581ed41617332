import {
  AttendanceStatus,
  CircleKind,
  SessionStatus,
  type CircleDto,
  type CircleSummaryDto,
  type Page,
} from '@blup/contracts';
import { QUERY_COUNT_HEADER } from '../src/app/common/query-count';
import { CircleSession, SessionAttendance, type User } from '../src/app/database/entities';
import { CircleFixtures, inDays, type CircleWorld } from './circles-fixtures';
import { startTestApp, type TestApp } from './harness';
import { signInAs } from './sign-in';

let t: TestApp;
let fx: CircleFixtures;

beforeAll(async () => {
  t = await startTestApp({ BENCH_COUNT_QUERIES: '1' });
  fx = new CircleFixtures(t.dataSource, t.factory);
});

afterAll(() => t.close());

const MINUTE = 60_000;

async function record(session: CircleSession, entries: [User, AttendanceStatus][]): Promise<void> {
  const repo = t.dataSource.getRepository(SessionAttendance);
  await repo.save(
    entries.map(([user, status]) =>
      repo.create({ sessionId: session.id, userId: user.id, status, recordedById: null }),
    ),
  );
}

const byId = (page: Page<CircleSummaryDto>, id: string): CircleSummaryDto => {
  const found = page.items.find((c) => c.id === id);
  if (!found) throw new Error(`circle ${id} not in the page`);
  return found;
};

describe('the circle list’s next session and attendance', () => {
  let w: CircleWorld;
  let next: CircleSession;
  let running: CircleSession;

  beforeAll(async () => {
    w = await fx.world();
    // Village A: two held sessions with 5 entries (3 present), one that ended without being
    // held, a cancelled one ahead, and two planned ahead — the sooner is the next.
    const held1 = await fx.session(w.circleA, {
      startsAt: inDays(-14),
      status: SessionStatus.Held,
    });
    const held2 = await fx.session(w.circleA, { startsAt: inDays(-7), status: SessionStatus.Held });
    await record(held1, [
      [w.leadA, AttendanceStatus.Present],
      [w.memberA, AttendanceStatus.Absent],
      [w.coordinator1, AttendanceStatus.Present],
    ]);
    await record(held2, [
      [w.leadA, AttendanceStatus.Present],
      [w.memberA, AttendanceStatus.Excused],
    ]);
    await fx.session(w.circleA, { startsAt: inDays(-3) });
    await fx.session(w.circleA, { startsAt: inDays(2), status: SessionStatus.Cancelled });
    next = await fx.session(w.circleA, { startsAt: inDays(5), title: 'Kortlægning' });
    await fx.session(w.circleA, { startsAt: inDays(9) });
    // Coordinator circle: a session under way, held already but not yet ended; nothing recorded.
    running = await fx.session(w.coordinatorCircle, {
      startsAt: new Date(Date.now() - 30 * MINUTE),
      status: SessionStatus.Held,
    });
  });

  it('gives each circle its next session and its attendance across held sessions', async () => {
    const secretariat = await signInAs(t, w.secretariat);
    const res = await secretariat.get<Page<CircleSummaryDto>>(
      `/api/circles?cohortId=${w.cohort.id}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);

    const a = byId(res.body, w.circleA.id);
    expect(a.nextSession).toEqual({
      id: next.id,
      title: 'Kortlægning',
      startsAt: next.startsAt.toISOString(),
      endsAt: next.endsAt.toISOString(),
      status: SessionStatus.Planned,
    });
    expect(a.attendance).toEqual({ held: 2, presentRate: 3 / 5 });

    const b = byId(res.body, w.circleB.id);
    expect(b.nextSession).toBeNull();
    expect(b.attendance).toEqual({ held: 0, presentRate: null });

    const coordinators = byId(res.body, w.coordinatorCircle.id);
    expect(coordinators.nextSession?.id).toBe(running.id);
    expect(coordinators.nextSession?.status).toBe(SessionStatus.Held);
    expect(coordinators.attendance).toEqual({ held: 1, presentRate: null });
  });

  it('gives the same on one circle’s page', async () => {
    const secretariat = await signInAs(t, w.secretariat);
    const res = await secretariat.get<CircleDto>(`/api/circles/${w.circleA.id}`);
    expect(res.status).toBe(200);
    expect(res.body.nextSession?.id).toBe(next.id);
    expect(res.body.attendance).toEqual({ held: 2, presentRate: 0.6 });
  });

  it('shows a coordinator their municipality’s village with sessions and attendance', async () => {
    const coordinator = await signInAs(t, w.coordinator1);
    const res = await coordinator.get<Page<CircleSummaryDto>>(
      `/api/circles?cohortId=${w.cohort.id}&kind=${CircleKind.Village}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((c) => c.id)).toEqual([w.circleA.id]);
    expect(res.body.items[0].nextSession?.id).toBe(next.id);
    expect(res.body.items[0].attendance).toEqual({ held: 2, presentRate: 0.6 });
  });
});

/** A cohort with `villages` village circles (each with sessions and attendance); the list's
 * query count for one page of them. */
async function listQueries(villages: number): Promise<{ queries: number; items: number }> {
  const w = await fx.world();
  const circles = [w.circleA, w.circleB];
  for (let i = 2; i < villages; i++) {
    circles.push(
      await fx.circle(w.cohort, await t.factory.village(w.municipality1), w.secretariat),
    );
  }
  for (const circle of circles) {
    const held = await fx.session(circle, { startsAt: inDays(-7), status: SessionStatus.Held });
    await record(held, [[w.coordinator1, AttendanceStatus.Present]]);
    await fx.session(circle, { startsAt: inDays(7) });
  }
  const secretariat = await signInAs(t, w.secretariat);
  const res = await secretariat.get<Page<CircleSummaryDto>>(
    `/api/circles?cohortId=${w.cohort.id}&kind=${CircleKind.Village}&pageSize=50`,
  );
  expect(res.status).toBe(200);
  for (const item of res.body.items) {
    expect(item.nextSession).not.toBeNull();
    expect(item.attendance).toEqual({ held: 1, presentRate: 1 });
  }
  return { queries: Number(res.headers.get(QUERY_COUNT_HEADER)), items: res.body.items.length };
}

it('lists a page of 2 circles and of 20 in the same number of queries', async () => {
  const small = await listQueries(2);
  const large = await listQueries(20);
  expect(small.items).toBe(2);
  expect(large.items).toBe(20);
  expect(small.queries).toBeGreaterThan(0);
  expect(large.queries).toBe(small.queries);
});
