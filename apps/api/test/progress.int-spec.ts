import {
  CourseAudience,
  LessonKind,
  Role,
  type ContinueWatchingDto,
  type HeartbeatRequest,
  type HomeResponse,
  type LessonProgressDto,
  type Page,
  type PersonProgressDto,
  type VillageProgressDto,
} from '@blup/contracts';
import { CourseFixtures } from './courses-fixtures';
import { startTestApp, TestApp } from './harness';
import { TestClient } from './http-client';
import { signInAs } from './sign-in';

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
): HeartbeatRequest => ({
  fromSeconds: from,
  toSeconds: to,
  positionSeconds: to,
  event,
});

async function viewer(): Promise<{ client: TestClient; userId: string; lessonId: string }> {
  const { course, lesson } = await fx.courseWithLesson(
    { audience: CourseAudience.Academy },
    { durationSeconds: 200 },
  );
  const me = await t.factory.user({ role: Role.Learner });
  await fx.invite(course, me);
  return { client: await signInAs(t, me), userId: me.id, lessonId: lesson.id };
}

async function stored(userId: string, lessonId: string) {
  const [row] = await t.dataSource.query<
    {
      coverage: string;
      covered_seconds: number;
      position_seconds: number;
      completed_at: Date | null;
    }[]
  >(
    `SELECT coverage::text, covered_seconds, position_seconds, completed_at
       FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2`,
    [userId, lessonId],
  );
  return row ?? null;
}

const beat = (client: TestClient, lessonId: string, hb: HeartbeatRequest) =>
  client.post<LessonProgressDto>(`/api/lessons/${lessonId}/heartbeats`, hb);

describe('POST /api/lessons/:id/heartbeats', () => {
  it('does not complete a lesson by seeking to the end, but does at 90% unique coverage', async () => {
    const { client, userId, lessonId } = await viewer();
    // Seek to the end and claim the whole video: refused.
    expect((await beat(client, lessonId, tick(0, 200))).status).toBe(400);
    // Watch the last 10 seconds after seeking: 10 of 200.
    const end = await beat(client, lessonId, tick(190, 200, 'ended'));
    expect(end.status).toBe(200);
    expect(end.body).toMatchObject({ coveredSeconds: 10, completed: false, positionSeconds: 0 });
    // Rewatching the same stretch adds nothing.
    expect((await beat(client, lessonId, tick(190, 200))).body.coveredSeconds).toBe(10);
    // Watch 0–170 in ticks: 170 + 10 = 180 = 90%.
    let last: LessonProgressDto | undefined;
    for (let s = 0; s < 170; s += 10) {
      last = (await beat(client, lessonId, tick(s, s + 10))).body;
      if (s + 10 < 170) expect(last.completed).toBe(false);
    }
    expect(last).toMatchObject({
      coveredSeconds: 180,
      completed: true,
      percent: 100,
      positionSeconds: 170,
    });
    const row = await stored(userId, lessonId);
    expect(row?.coverage).toBe('{[0,170),[190,200)}');
  });

  it('completes a video of a fractional duration at 90% (0.9 × 8.5 s = 7.65 s)', async () => {
    const { course, lesson } = await fx.courseWithLesson(
      { audience: CourseAudience.Academy },
      { durationSeconds: 8.5 },
    );
    const me = await t.factory.user({ role: Role.Learner });
    await fx.invite(course, me);
    const client = await signInAs(t, me);
    const first = await beat(client, lesson.id, tick(0, 7));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ coveredSeconds: 7, completed: false });
    const second = await beat(client, lesson.id, tick(7, 8.5, 'ended'));
    expect(second.body).toMatchObject({ coveredSeconds: 9, completed: true, positionSeconds: 0 });
  });

  it('loses no coverage with two tabs sending overlapping and disjoint stretches at once', async () => {
    const { client: tabA, userId, lessonId } = await viewer();
    const tabB = new TestClient(t.url);
    for (const [name, value] of [['blup_session', tabA.cookie('blup_session')]] as const) {
      if (value) tabB.setCookie(name, value);
    }
    const stretches: [TestClient, number, number][] = [];
    for (let s = 0; s < 120; s += 7) stretches.push([tabA, s, s + 7]);
    for (let s = 3; s < 150; s += 9) stretches.push([tabB, s, s + 5]);
    stretches.push([tabB, 160, 170], [tabA, 175, 180]);
    const results = await Promise.all(
      stretches.map(([c, f, to]) => beat(c, lessonId, tick(f, to))),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);

    const seconds = new Set<number>();
    for (const [, f, to] of stretches) for (let s = f; s < to; s++) seconds.add(s);
    const row = await stored(userId, lessonId);
    expect(row?.covered_seconds).toBe(seconds.size);
    const [{ sum }] = await t.dataSource.query<{ sum: number }[]>(
      `SELECT sum(upper(r) - lower(r))::int AS sum
         FROM lesson_progress p, unnest(p.coverage) r WHERE p.user_id = $1 AND p.lesson_id = $2`,
      [userId, lessonId],
    );
    expect(sum).toBe(seconds.size);
  });

  it('answers impossible heartbeats with 400 and changes nothing', async () => {
    const { client, userId, lessonId } = await viewer();
    expect((await beat(client, lessonId, tick(0, 10))).status).toBe(200);
    const before = await stored(userId, lessonId);
    const bad: HeartbeatRequest[] = [
      tick(-1, 5),
      { ...tick(0, 5), positionSeconds: -3 },
      tick(20, 10),
      tick(195, 205),
      { ...tick(10, 20), positionSeconds: 500 },
      tick(10, 60),
    ];
    for (const hb of bad) {
      const res = await beat(client, lessonId, hb);
      expect(res.status).toBe(400);
    }
    for (const body of [
      {},
      { ...tick(0, 5), event: 'play' },
      { ...tick(0, 5), fromSeconds: 'nul' },
    ]) {
      expect((await client.post(`/api/lessons/${lessonId}/heartbeats`, body)).status).toBe(400);
    }
    expect(await stored(userId, lessonId)).toEqual(before);
  });

  it('refuses with 403 a lesson the person may not see, and 400 for lessons that are not timed videos', async () => {
    const { lesson } = await fx.courseWithLesson({ audience: CourseAudience.Academy });
    const stranger = await signInAs(t, await t.factory.user({ role: Role.Learner }));
    const res = await beat(stranger, lesson.id, tick(0, 10));
    expect(res.status).toBe(403);
    expect((res.body as unknown as { message: string }).message).toBe(
      'You cannot watch this lesson',
    );

    const me = await t.factory.user({ role: Role.Learner });
    const course = await fx.course({ audience: CourseAudience.Academy });
    const module = await fx.module(course);
    const text = await fx.lesson(module, { kind: LessonKind.Text });
    const untimed = await fx.lesson(module, { durationSeconds: null });
    const draft = await fx.lesson(module, { published: false });
    await fx.invite(course, me);
    const client = await signInAs(t, me);
    expect((await beat(client, text.id, tick(0, 10))).status).toBe(400);
    expect((await beat(client, untimed.id, tick(0, 10))).status).toBe(400);
    expect((await beat(client, draft.id, tick(0, 10))).status).toBe(403);
    expect((await client.post(`/api/lessons/${untimed.id}/complete`)).status).toBe(400);
    expect((await client.post(`/api/lessons/${text.id}/complete`)).status).toBe(200);
  });
});

describe('continue where you left off', () => {
  it('offers the most recent unfinished video lesson, on its own and on the home page', async () => {
    const { client, lessonId } = await viewer();
    expect((await client.get('/api/me/continue')).body).toBeUndefined();
    await beat(client, lessonId, tick(30, 40, 'pause'));
    const next = await client.get<ContinueWatchingDto>('/api/me/continue');
    expect(next.body).toMatchObject({ lessonId, positionSeconds: 40, percent: 5 });
    const home = (await client.get<HomeResponse>('/api/home')).body;
    expect(home.cards[0]).toMatchObject({ kind: 'continue', link: `/lessons/${lessonId}` });
  });
});

describe('progress reports', () => {
  it('shows the secretariat every village and a coordinator only their municipality’s', async () => {
    const course = await fx.course({ audience: CourseAudience.VillageProcess });
    const module = await fx.module(course);
    const lessons = [
      await fx.lesson(module, { kind: LessonKind.Text }),
      await fx.lesson(module, { kind: LessonKind.Text }),
    ];
    const mine = await t.factory.municipality();
    const theirs = await t.factory.municipality();
    const home = await t.factory.village(mine);
    const away = await t.factory.village(theirs);
    await t.factory.cohort([home, away]);
    const a = await t.factory.user({ role: Role.SteeringMember, village: home });
    await t.factory.user({ role: Role.SteeringMember, village: home });
    const c = await t.factory.user({ role: Role.SteeringMember, village: away });
    const aClient = await signInAs(t, a);
    for (const l of lessons) await aClient.post(`/api/lessons/${l.id}/complete`);
    await (await signInAs(t, c)).post(`/api/lessons/${lessons[0].id}/complete`);

    const coordinator = await signInAs(
      t,
      await t.factory.user({ role: Role.Coordinator, municipality: mine }),
    );
    const scoped = await coordinator.get<Page<VillageProgressDto>>(
      `/api/progress/villages?courseId=${course.id}&pageSize=100`,
    );
    expect(scoped.status).toBe(200);
    expect(scoped.body.items).toEqual([
      expect.objectContaining({ villageId: home.id, members: 2, lessonsCompleted: 2, percent: 50 }),
    ]);
    const people = await coordinator.get<Page<PersonProgressDto>>(
      `/api/progress/people?courseId=${course.id}&pageSize=100`,
    );
    expect(people.body.items.map((p) => p.userId).sort()).toHaveLength(2);
    expect(people.body.items.find((p) => p.userId === a.id)).toMatchObject({
      percent: 100,
      lessonsCompleted: 2,
    });
    expect(people.body.items.some((p) => p.userId === c.id)).toBe(false);

    const secretariat = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
    // The run's database holds every suite's villages: look each one up by name.
    for (const village of [home, away]) {
      const found = await secretariat.get<Page<VillageProgressDto>>(
        `/api/progress/villages?courseId=${course.id}&q=${encodeURIComponent(village.name)}`,
      );
      expect(found.body.items.map((v) => v.villageId)).toContain(village.id);
    }
    const awayPeople = await secretariat.get<Page<PersonProgressDto>>(
      `/api/progress/people?courseId=${course.id}&villageId=${away.id}`,
    );
    expect(awayPeople.body.items).toEqual([
      expect.objectContaining({ userId: c.id, percent: 50, lessonsCompleted: 1 }),
    ]);

    for (const role of [Role.SteeringMember, Role.Learner]) {
      const other = await signInAs(t, await t.factory.user({ role }));
      expect((await other.get(`/api/progress/villages?courseId=${course.id}`)).status).toBe(403);
      expect((await other.get(`/api/progress/people?courseId=${course.id}`)).status).toBe(403);
    }
    expect((await coordinator.get(`/api/progress/villages`)).status).toBe(400);
  });
});
