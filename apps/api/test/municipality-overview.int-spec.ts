import {
  Phase,
  Role,
  SessionStatus,
  type ErrorBody,
  type MunicipalityOverviewDto,
} from '@blup/contracts';
import { CircleSession, LessonProgress } from '../src/app/database/entities';
import { CircleFixtures, inDays, type CircleWorld } from './circles-fixtures';
import { CourseFixtures } from './courses-fixtures';
import { startTestApp, TestApp } from './harness';
import { signInAs } from './sign-in';

/** `GET /api/municipalities/:id/overview`: the coordinator's villages at a glance. */
let t: TestApp;
let fixtures: CircleFixtures;
let w: CircleWorld;
beforeAll(async () => {
  t = await startTestApp();
  fixtures = new CircleFixtures(t.dataSource, t.factory);
  w = await fixtures.world();
});
afterAll(() => t.close());

const overviewOf = (id: string, query = '') => `/api/municipalities/${id}/overview${query}`;

describe('municipality overview', () => {
  it('gives each village its phase, next session, attendance, progress and open next steps', async () => {
    // Village A: a held mapping session (3 recorded, 2 present; one of two next steps open),
    // a cancelled one whose open step does not count, and the next, in facilitation.
    const held = await fixtures.session(w.circleA, {
      title: 'Holdt',
      phase: Phase.Mapping,
      startsAt: inDays(-7),
      status: SessionStatus.Held,
    });
    await t.dataSource.getRepository(CircleSession).update(held.id, {
      nextSteps: [
        { text: 'Spørgeskema', ownerId: null, ownerName: null, dueDate: null, done: false },
        { text: 'Kontakt foreninger', ownerId: null, ownerName: null, dueDate: null, done: true },
      ],
    });
    const cancelled = await fixtures.session(w.circleA, {
      startsAt: inDays(1),
      status: SessionStatus.Cancelled,
    });
    await t.dataSource.getRepository(CircleSession).update(cancelled.id, {
      nextSteps: [{ text: 'Aflyst', ownerId: null, ownerName: null, dueDate: null, done: false }],
    });
    const next = await fixtures.session(w.circleA, {
      title: 'Næste',
      phase: Phase.Facilitation,
      startsAt: inDays(2),
    });
    await fixtures.session(w.circleA, { startsAt: inDays(9) });
    for (const [person, status] of [
      [w.leadA, 'present'],
      [w.memberA, 'absent'],
      [w.coordinator1, 'present'],
    ] as const) {
      await t.dataSource.query(
        `INSERT INTO session_attendance (session_id, user_id, status) VALUES ($1, $2, $3)`,
        [held.id, person.id, status],
      );
    }
    // The BLUP course: two lessons, one finished by one of the two steering members: 1 of 4
    // when this is the only BLUP course.
    const courses = new CourseFixtures(t.dataSource);
    const { module, lesson } = await courses.courseWithLesson();
    await courses.lesson(module);
    await t.dataSource.getRepository(LessonProgress).insert({
      userId: w.memberA.id,
      lessonId: lesson.id,
      coveredSeconds: 100,
      completedAt: new Date(),
    });
    const coordinatorNext = await fixtures.session(w.coordinatorCircle, {
      title: 'Koordinatorkreds',
      startsAt: inDays(3),
    });

    // Other suites share the database and publish BLUP lessons of their own: count them all.
    const [{ lessons }] = await t.dataSource.query<{ lessons: number }[]>(
      `SELECT count(l.id)::int AS lessons FROM courses c
         JOIN course_modules m ON m.course_id = c.id AND m.published_at IS NOT NULL
         JOIN lessons l ON l.module_id = m.id AND l.published_at IS NOT NULL
        WHERE c.audience = 'village_process' AND c.published_at IS NOT NULL`,
    );

    const coordinator = await signInAs(t, w.coordinator1);
    const res = await coordinator.get<MunicipalityOverviewDto>(overviewOf(w.municipality1.id));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      municipalityId: w.municipality1.id,
      municipalityName: w.municipality1.name,
      total: 1,
      coordinatorCircleNextSession: {
        id: coordinatorNext.id,
        title: 'Koordinatorkreds',
        startsAt: coordinatorNext.startsAt.toISOString(),
      },
    });
    expect(res.body.items).toEqual([
      {
        villageId: w.villageA.id,
        villageName: w.villageA.name,
        cohortName: w.cohort.name,
        phase: Phase.Mapping,
        nextSession: {
          id: next.id,
          title: 'Næste',
          phase: Phase.Facilitation,
          startsAt: next.startsAt.toISOString(),
          endsAt: next.endsAt.toISOString(),
        },
        attendancePercent: 66,
        heldSessions: 1,
        coursePercent: Math.floor(100 / (2 * lessons)),
        openNextSteps: 1,
      },
    ]);

    // The secretariat sees it too.
    const secretariat = await signInAs(t, w.secretariat);
    expect((await secretariat.get(overviewOf(w.municipality1.id))).status).toBe(200);
  });

  it('refuses everyone but the municipality’s coordinators and the secretariat', async () => {
    const other = await signInAs(t, w.coordinator2);
    const refused = await other.get<ErrorBody>(overviewOf(w.municipality1.id));
    expect(refused.status).toBe(404);
    // A steering member sees the municipality, not the overview of its villages.
    const member = await signInAs(t, w.memberA);
    expect((await member.get(`/api/municipalities/${w.municipality1.id}`)).status).toBe(200);
    const forbidden = await member.get<ErrorBody>(overviewOf(w.municipality1.id));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toContain('coordinators');
    expect((await t.client().get(overviewOf(w.municipality1.id))).status).toBe(401);
  });

  it('pages the villages, with nothing to show for a village not in a cohort', async () => {
    const municipality = await t.factory.municipality();
    const coordinator = await signInAs(
      t,
      await t.factory.user({ role: Role.Coordinator, municipality }),
    );
    for (const name of ['Glumsø og Omegn', 'Tybjerg og Omegn', 'Vestlandet 4700']) {
      await t.factory.village(municipality, name);
    }
    const first = await coordinator.get<MunicipalityOverviewDto>(
      overviewOf(municipality.id, '?page=1&pageSize=2'),
    );
    expect(first.body.total).toBe(3);
    expect(first.body.items.map((v) => v.villageName)).toEqual([
      'Glumsø og Omegn',
      'Tybjerg og Omegn',
    ]);
    expect(first.body.items[0]).toMatchObject({
      cohortName: null,
      phase: null,
      nextSession: null,
      attendancePercent: null,
      heldSessions: 0,
      coursePercent: null,
      openNextSteps: 0,
    });
    expect(first.body.coordinatorCircleNextSession).toBeNull();
    const second = await coordinator.get<MunicipalityOverviewDto>(
      overviewOf(municipality.id, '?page=2&pageSize=2'),
    );
    expect(second.body).toMatchObject({ total: 3, page: 2 });
    expect(second.body.items.map((v) => v.villageName)).toEqual(['Vestlandet 4700']);
    const beyond = await coordinator.get<MunicipalityOverviewDto>(
      overviewOf(municipality.id, '?page=5&pageSize=2'),
    );
    expect(beyond.body).toMatchObject({ total: 3, items: [] });
  });
});
