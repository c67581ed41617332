import {
  CourseAudience,
  LessonKind,
  OfferingKind,
  Role,
  type HeartbeatRequest,
  type LessonProgressDto,
} from '@blup/contracts';
import { completionThreshold } from '../src/app/courses/course-progress';
import { coveredRange, heartbeatProblem, resumePosition } from '../src/app/progress/heartbeat';
import { CourseFixtures } from './courses-fixtures';
import { startTestApp, TestApp } from './harness';
import type { TestClient } from './http-client';
import { signInAs } from './sign-in';

// Heartbeats are recorded by one statement that also checks access, shared by the heartbeats
// that arrive at the same moment (group commit). These tests hold it to the rules it mirrors.

let t: TestApp;
let fx: CourseFixtures;
beforeAll(async () => {
  t = await startTestApp();
  fx = new CourseFixtures(t.dataSource);
});
afterAll(() => t.close());

const tick = (
  from: number,
  to: number,
  event: HeartbeatRequest['event'] = 'tick',
): HeartbeatRequest => ({ fromSeconds: from, toSeconds: to, positionSeconds: to, event });

const beat = (client: TestClient, lessonId: string, hb: HeartbeatRequest) =>
  client.post<LessonProgressDto & { message?: string }>(`/api/lessons/${lessonId}/heartbeats`, hb);

async function coverage(userId: string, lessonId: string): Promise<string | null> {
  const [row] = await t.dataSource.query<{ coverage: string }[]>(
    `SELECT coverage::text FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2`,
    [userId, lessonId],
  );
  return row?.coverage ?? null;
}

async function learnerOn(durationSeconds: number) {
  const { course, lesson } = await fx.courseWithLesson(
    { audience: CourseAudience.Academy },
    { durationSeconds },
  );
  const me = await t.factory.user({ role: Role.Learner });
  await fx.invite(course, me);
  return { client: await signInAs(t, me), userId: me.id, lessonId: lesson.id, course };
}

describe('heartbeat access, decided inside the statement', () => {
  it('lets exactly the people who may open the lesson page record progress on it', async () => {
    const mine = await t.factory.municipality();
    const inCohort = await t.factory.village(mine);
    const outside = await t.factory.village(mine);
    await t.factory.cohort([inCohort]);
    const people = {
      secretariat: await t.factory.user({ role: Role.Secretariat }),
      coordinator: await t.factory.user({ role: Role.Coordinator, municipality: mine }),
      memberInCohort: await t.factory.user({ role: Role.SteeringMember, village: inCohort }),
      memberOutside: await t.factory.user({ role: Role.SteeringMember, village: outside }),
      learner: await t.factory.user({ role: Role.Learner }),
      invited: await t.factory.user({ role: Role.Learner }),
    };
    const blup = await fx.course({ audience: CourseAudience.VillageProcess });
    const academy = await fx.course({ audience: CourseAudience.Academy });
    const draftCourse = await fx.course({
      audience: CourseAudience.VillageProcess,
      published: false,
    });
    await fx.invite(academy, people.invited);
    const openModule = await fx.module(blup);
    const draftModule = await fx.module(blup, false);
    const lessons = {
      published: await fx.lesson(openModule),
      draft: await fx.lesson(openModule, { published: false }),
      inDraftModule: await fx.lesson(draftModule),
      inDraftCourse: await fx.lesson(await fx.module(draftCourse)),
      academy: await fx.lesson(await fx.module(academy)),
    };

    const seen: string[] = [];
    for (const [who, user] of Object.entries(people)) {
      const client = await signInAs(t, user);
      for (const [which, lesson] of Object.entries(lessons)) {
        const page = await client.get(`/api/lessons/${lesson.id}`);
        const res = await beat(client, lesson.id, tick(0, 10));
        // The lesson page answers 404 where a heartbeat answers 403; both agree on who may see it.
        expect([who, which, res.status]).toEqual([who, which, page.status === 200 ? 200 : 403]);
        if (res.status === 403) expect(res.body.message).toBe('You cannot watch this lesson');
        if (res.status === 200) seen.push(`${who}:${which}`);
      }
    }
    // The matrix is not vacuous: each kind of viewer reaches what is theirs, and only that.
    expect(seen.sort()).toEqual(
      [
        'coordinator:published',
        'invited:academy',
        'memberInCohort:published',
        ...Object.keys(lessons).map((which) => `secretariat:${which}`),
      ].sort(),
    );
  });

  it('opens to a mini-BLUP village only its module, and refuses the rest with 403', async () => {
    const secretariat = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
    const course = await fx.course({ audience: CourseAudience.VillageProcess });
    const enrolledModule = await fx.module(course);
    const otherModule = await fx.module(course);
    const inEnrolled = await fx.lesson(enrolledModule);
    const inOther = await fx.lesson(otherModule);
    const offering = await secretariat.post<{ id: string }>('/api/offerings', {
      kind: OfferingKind.MiniBlup,
      name: `Mini ${Math.random().toString(36).slice(2, 8)}`,
      published: true,
      moduleId: enrolledModule.id,
      startsOn: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
      priceDkk: 0,
    });
    expect(offering.status).toBe(201);
    const village = await t.factory.village();
    const member = await signInAs(t, await t.factory.user({ role: Role.SteeringMember, village }));
    const neighbour = await signInAs(t, await t.factory.user({ role: Role.SteeringMember }));
    expect((await member.post(`/api/offerings/${offering.body.id}/enrolments`, {})).status).toBe(
      201,
    );

    expect((await beat(member, inEnrolled.id, tick(0, 10))).status).toBe(200);
    expect((await beat(member, inOther.id, tick(0, 10))).status).toBe(403);
    // A steering member of another village gets what they got before: 403, nothing stored.
    const away = await beat(neighbour, inEnrolled.id, tick(0, 10));
    expect(away.status).toBe(403);
    expect(away.body.message).toBe('You cannot watch this lesson');
    const [{ count }] = await t.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM lesson_progress WHERE lesson_id = $1`,
      [inEnrolled.id],
    );
    expect(count).toBe(1);
  });

  it('answers 404 for a lesson that does not exist and 400 for an id that is not one', async () => {
    const { client } = await learnerOn(60);
    const missing = await beat(client, '3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b', tick(0, 10));
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Lesson not found');
    expect((await beat(client, 'not-a-lesson', tick(0, 10))).status).toBe(400);
  });
});

describe('heartbeats sent at the same moment', () => {
  it('merges many concurrent heartbeats of one person on one lesson without losing a second', async () => {
    const { client, userId, lessonId } = await learnerOn(300);
    const stretches: [number, number][] = [];
    for (let s = 0; s < 240; s += 6) stretches.push([s, s + 4], [s + 3, s + 8]);
    const results = await Promise.all(
      stretches.map(([f, to]) => beat(client, lessonId, tick(f, to))),
    );
    expect(results.map((r) => r.status)).toEqual(stretches.map(() => 200));

    const seconds = new Set<number>();
    for (const [f, to] of stretches) for (let s = f; s < to; s++) seconds.add(s);
    // Each answer is the row after its own merge: they grow one stretch at a time to the union.
    const covered = results.map((r) => r.body.coveredSeconds).sort((a, b) => a - b);
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered[covered.length - 1]).toBe(seconds.size);
    expect(seconds.size).toBe(242);
    expect(await coverage(userId, lessonId)).toBe('{[0,242)}');
  });

  it('gives each of many concurrent senders their own answer: 200, 400, 403 or 404', async () => {
    const viewers = await Promise.all(Array.from({ length: 12 }, () => learnerOn(100)));
    const stranger = await signInAs(t, await t.factory.user({ role: Role.Learner }));
    const text = await fx.lesson(await fx.module(viewers[0].course), { kind: LessonKind.Text });
    const sends = [
      ...viewers.map((v, i) => ({ client: v.client, lessonId: v.lessonId, hb: tick(i, i + 10) })),
      ...viewers.map((v) => ({ client: stranger, lessonId: v.lessonId, hb: tick(0, 10) })),
      ...viewers.map((v) => ({ client: v.client, lessonId: v.lessonId, hb: tick(50, 10) })),
      ...viewers.map((v) => ({
        client: v.client,
        lessonId: '00000000-0000-4000-8000-000000000000',
        hb: tick(0, 10),
      })),
      { client: viewers[0].client, lessonId: text.id, hb: tick(0, 10) },
    ];
    const results = await Promise.all(sends.map((s) => beat(s.client, s.lessonId, s.hb)));
    const n = viewers.length;
    results.slice(0, n).forEach((r, i) => {
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ coveredSeconds: 10, positionSeconds: i + 10 });
    });
    for (const r of results.slice(n, 2 * n)) {
      expect([r.status, r.body.message]).toEqual([403, 'You cannot watch this lesson']);
    }
    for (const r of results.slice(2 * n, 3 * n)) {
      expect([r.status, r.body.message]).toEqual([400, 'fromSeconds cannot be after toSeconds.']);
    }
    for (const r of results.slice(3 * n, 4 * n)) {
      expect([r.status, r.body.message]).toEqual([404, 'Lesson not found']);
    }
    expect([results[4 * n].status, results[4 * n].body.message]).toEqual([
      400,
      'Only video lessons take heartbeats; mark other lessons as done instead.',
    ]);
    for (const [i, v] of viewers.entries()) {
      expect(await coverage(v.userId, v.lessonId)).toBe(`{[${i},${i + 10})}`);
    }
  });
});

describe('the statement clips a stretch as progress/heartbeat.ts does', () => {
  // Fractional ends and playheads, stretches past the end within and beyond the tolerance.
  const cases: Record<number, HeartbeatRequest[]> = {
    8.5: [
      tick(0.4, 3.6),
      { ...tick(3.6, 7.2), positionSeconds: 7.25 },
      { ...tick(7.2, 9.5), positionSeconds: 9.4 },
      tick(7.2, 9.51),
      { ...tick(8, 9), positionSeconds: 9.6 },
      tick(8.4, 8.5, 'ended'),
    ],
    200: [
      tick(0, 25),
      tick(0, 26),
      tick(10.5, 10.5),
      tick(170.2, 190.9),
      tick(199.5, 201),
      tick(195, 201.1),
      { ...tick(190, 200), event: 'pause', positionSeconds: 199.99 },
      tick(-0.5, 3),
    ],
  };

  for (const [duration, beats] of Object.entries(cases).map(([d, b]) => [Number(d), b] as const)) {
    it(`agrees with heartbeatProblem, coveredRange and resumePosition on a ${duration} s video`, async () => {
      const { client, userId, lessonId } = await learnerOn(duration);
      const seconds = new Set<number>();
      let completed = false;
      for (const hb of beats) {
        const res = await beat(client, lessonId, hb);
        const problem = heartbeatProblem(hb, duration);
        if (problem) {
          expect([hb, res.status, res.body.message]).toEqual([hb, 400, problem]);
          continue;
        }
        const [lower, upper] = coveredRange(hb, duration);
        for (let s = lower; s < upper; s++) seconds.add(s);
        completed ||= seconds.size >= completionThreshold(duration);
        expect([hb, res.status, res.body]).toEqual([
          hb,
          200,
          expect.objectContaining({
            coveredSeconds: seconds.size,
            positionSeconds: resumePosition(hb, duration),
            completed,
          }),
        ]);
      }
      const [{ sum }] = await t.dataSource.query<{ sum: number }[]>(
        `SELECT coalesce(sum(upper(r) - lower(r)), 0)::int AS sum
           FROM lesson_progress p, unnest(p.coverage) r WHERE p.user_id = $1 AND p.lesson_id = $2`,
        [userId, lessonId],
      );
      expect(sum).toBe(seconds.size);
    });
  }
});

describe('the heartbeat lane (answered ahead of Nest’s router)', () => {
  // `/heartbeats/` (a trailing slash) is left to Nest's route, ProgressController.heartbeat; the
  // lane must answer every case as that route does, down to the body and its headers.
  const both = async (client: TestClient, path: string, body: unknown) => {
    const answer = async (url: string) => {
      const res = await client.post<Record<string, unknown>>(url, body);
      const { requestId, ...rest } = res.body ?? {};
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        requestIdSent: typeof requestId === 'string' || res.status < 400,
        body: rest,
      };
    };
    return { lane: await answer(path), nest: await answer(`${path}/`) };
  };

  it('answers 401, 400, 404, 403 and 200 exactly as the documented route does', async () => {
    const { client, lessonId, userId } = await learnerOn(120);
    const stranger = await signInAs(t, await t.factory.user({ role: Role.Learner }));
    const notVideo = await fx.courseWithLesson(
      { audience: CourseAudience.Academy },
      { kind: LessonKind.Text },
    );
    await fx.invite(notVideo.course, { id: userId });
    const cases: [string, TestClient, string, unknown][] = [
      ['not signed in', t.client(), `/api/lessons/${lessonId}/heartbeats`, tick(0, 10)],
      ['not an id', client, '/api/lessons/lesson-1/heartbeats', tick(0, 10)],
      ['no body', client, `/api/lessons/${lessonId}/heartbeats`, undefined],
      ['a field missing', client, `/api/lessons/${lessonId}/heartbeats`, { fromSeconds: 0 }],
      [
        'a wrong type and a field too many',
        client,
        `/api/lessons/${lessonId}/heartbeats`,
        { ...tick(0, 10), toSeconds: 'ten', extra: true },
      ],
      ['an impossible stretch', client, `/api/lessons/${lessonId}/heartbeats`, tick(10, 0)],
      [
        'no such lesson',
        client,
        '/api/lessons/3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b/heartbeats',
        tick(0, 10),
      ],
      ['not theirs', stranger, `/api/lessons/${lessonId}/heartbeats`, tick(0, 10)],
      ['not a video', client, `/api/lessons/${notVideo.lesson.id}/heartbeats`, tick(0, 10)],
      ['fine', client, `/api/lessons/${lessonId}/heartbeats`, tick(0, 10)],
    ];
    const statuses: Record<string, number> = {};
    for (const [name, who, path, body] of cases) {
      const { lane, nest } = await both(who, path, body);
      expect([name, lane]).toEqual([name, nest]);
      statuses[name] = lane.status;
    }
    // Not vacuous: every branch was reached.
    expect(statuses).toEqual({
      'not signed in': 401,
      'not an id': 400,
      'no body': 400,
      'a field missing': 400,
      'a wrong type and a field too many': 400,
      'an impossible stretch': 400,
      'no such lesson': 404,
      'not theirs': 403,
      'not a video': 400,
      fine: 200,
    });
    expect(await coverage(userId, lessonId)).toBe('{[0,10)}');
  });
});
