import {
  CourseAudience,
  EnrolmentStatus,
  ErrorCode,
  LearnerKind,
  LessonKind,
  OfferingApproval,
  OfferingKind,
  Role,
  type CircleSummaryDto,
  type CourseDto,
  type EnrolmentDto,
  type ErrorBody,
  type OfferingDto,
  type Page,
  type PersonProgressDto,
  type VillageProgressDto,
} from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import { hashToken, newToken } from '../src/app/auth/tokens';
import { sessionCookieName } from '../src/app/auth/cookies';
import { UserSession, Village } from '../src/app/database/entities';
import { EnrolmentService } from '../src/app/enrolment/enrolment.service';
import { CourseFixtures } from './courses-fixtures';
import { startTestApp, type TestApp } from './harness';
import type { TestClient } from './http-client';
import { signInAs } from './sign-in';

let t: TestApp;
let courses: CourseFixtures;
let secretariat: TestClient;

const unique = (): string => randomBytes(4).toString('hex');
const isoDate = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  courses = new CourseFixtures(t.dataSource);
  secretariat = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
});

afterAll(() => t.close());

async function offering(body: Record<string, unknown>): Promise<OfferingDto> {
  const res = await secretariat.post<OfferingDto>('/api/offerings', {
    name: `Tilbud ${unique()}`,
    published: true,
    ...body,
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function academyOffering(extra: Record<string, unknown> = {}): Promise<{
  offering: OfferingDto;
  courseId: string;
  lessonId: string;
}> {
  const { course, lesson } = await courses.courseWithLesson({ audience: CourseAudience.Academy });
  const o = await offering({
    kind: OfferingKind.AcademyCourse,
    courseId: course.id,
    audience: 'everyone',
    priceDkk: 0,
    ...extra,
  });
  return { offering: o, courseId: course.id, lessonId: lesson.id };
}

/** `n` learners with sessions, written in bulk (the race needs hundreds). */
async function manyLearners(n: number): Promise<{ id: string; client: TestClient }[]> {
  const m = await t.factory.municipality();
  const tag = unique();
  const users = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO users (email, name, role, locale, municipality_id, learner_kind, activated_at)
     SELECT 'race-' || $1 || '-' || i || '@example.dk', 'Kursist ' || i, 'learner', 'da', $2,
            'local_council', now()
       FROM generate_series(1, $3::int) AS i
     RETURNING id`,
    [tag, m.id, n],
  );
  const now = new Date();
  const tokens = users.map(() => newToken());
  await t.dataSource.getRepository(UserSession).insert(
    users.map((u, i) => ({
      tokenHash: hashToken(tokens[i]),
      userId: u.id,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 3600_000),
      ip: null,
      userAgent: 'enrolment race',
    })),
  );
  return users.map((u, i) => {
    const client = t.client();
    client.setCookie(sessionCookieName(t.config), tokens[i]);
    return { id: u.id, client };
  });
}

describe('capacity race and waitlist', () => {
  it('gives 500 concurrent enrolments exactly 10 places; the rest wait in arrival order', async () => {
    const { offering: o } = await academyOffering({ capacity: 10 });
    const learners = await manyLearners(500);
    // Every client fetches its CSRF cookie first, so the 500 enrolments go out together.
    await Promise.all(learners.map((l) => l.client.get('/api/auth/csrf')));
    const started = Date.now();
    const results = await Promise.all(
      learners.map((l) => l.client.post<EnrolmentDto>(`/api/offerings/${o.id}/enrolments`, {})),
    );
    const settledMs = Date.now() - started;
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const enrolled = results.filter((r) => r.body.status === EnrolmentStatus.Enrolled);
    const waitlisted = results.filter((r) => r.body.status === EnrolmentStatus.Waitlisted);
    expect(enrolled).toHaveLength(10);
    expect(waitlisted).toHaveLength(490);
    // Places went to the first ten through the lock; the waitlist is numbered 1…490 by arrival.
    const maxPlaceSeq = Math.max(...enrolled.map((r) => r.body.seq));
    expect(Math.min(...waitlisted.map((r) => r.body.seq))).toBeGreaterThan(maxPlaceSeq);
    const bySeq = [...waitlisted].sort((a, b) => a.body.seq - b.body.seq);
    expect(bySeq.map((r) => r.body.waitlistPosition)).toEqual(
      Array.from({ length: 490 }, (_, i) => i + 1),
    );
    const [db] = await t.dataSource.query<{ enrolled: number; waitlisted: number }[]>(
      `SELECT count(*) FILTER (WHERE status = 'enrolled')::int AS enrolled,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
         FROM enrolments WHERE offering_id = $1`,
      [o.id],
    );
    expect(db).toEqual({ enrolled: 10, waitlisted: 490 });
    const view = await secretariat.get<OfferingDto>(`/api/offerings/${o.id}`);
    expect(view.body).toMatchObject({ placesTaken: 10, placesLeft: 0, waitlistCount: 490 });
    expect(settledMs).toBeLessThan(60_000);

    // Cancelling a place promotes the earliest on the waitlist, who gets a mail.
    const leaving = enrolled[0].body;
    const first = bySeq[0].body;
    const second = bySeq[1].body;
    const owner = learners.find((l) => l.id === leaving.person?.id);
    if (!owner || !first.person) throw new Error('The race lost track of its learners.');
    const cancel = await owner.client.post<EnrolmentDto>(`/api/enrolments/${leaving.id}/cancel`, {
      reason: 'Kan ikke alligevel',
    });
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe(EnrolmentStatus.Cancelled);
    const promoted = await secretariat.get<EnrolmentDto>(`/api/enrolments/${first.id}`);
    expect(promoted.body.status).toBe(EnrolmentStatus.Enrolled);
    const next = await secretariat.get<EnrolmentDto>(`/api/enrolments/${second.id}`);
    expect(next.body).toMatchObject({ status: EnrolmentStatus.Waitlisted, waitlistPosition: 1 });
    const mail = await t.smtp.waitFor(first.person.email);
    expect(mail.subject).toContain(o.name);
    // Cancelling twice is a clear 409.
    const again = await owner.client.post<ErrorBody>(`/api/enrolments/${leaving.id}/cancel`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe(ErrorCode.EnrolmentNotActive);
    // The offering's list: places first, then the waitlist in arrival order.
    const list = await secretariat.get<Page<EnrolmentDto>>(
      `/api/offerings/${o.id}/enrolments?pageSize=100`,
    );
    expect(list.body.total).toBe(500);
    expect(list.body.items.slice(0, 10).every((e) => e.status === 'enrolled')).toBe(true);
    expect(list.body.items[10]).toMatchObject({ id: second.id, waitlistPosition: 1 });
  }, 180_000);

  it('holds a place as pending under secretariat approval, and promotes on rejection', async () => {
    const { offering: o } = await academyOffering({
      capacity: 1,
      approval: OfferingApproval.Secretariat,
    });
    const a = await t.factory.user({ role: Role.Learner });
    const b = await t.factory.user({ role: Role.Learner });
    const ca = await signInAs(t, a);
    const cb = await signInAs(t, b);
    const ea = await ca.post<EnrolmentDto>(`/api/offerings/${o.id}/enrolments`, {});
    expect(ea.body.status).toBe(EnrolmentStatus.Pending);
    const eb = await cb.post<EnrolmentDto>(`/api/offerings/${o.id}/enrolments`, {});
    expect(eb.body).toMatchObject({ status: EnrolmentStatus.Waitlisted, waitlistPosition: 1 });
    // Only the secretariat decides.
    expect((await ca.post(`/api/enrolments/${ea.body.id}/approve`)).status).toBe(403);
    const rejected = await secretariat.post<EnrolmentDto>(`/api/enrolments/${ea.body.id}/reject`, {
      note: 'Ikke i målgruppen',
    });
    expect(rejected.body.status).toBe(EnrolmentStatus.Rejected);
    const mine = await cb.get<Page<EnrolmentDto>>('/api/me/enrolments');
    expect(mine.body.items.find((e) => e.id === eb.body.id)?.status).toBe(EnrolmentStatus.Pending);
    const mail = await t.smtp.waitFor(b.email);
    expect(mail.text).toContain('godkendt');
    const approved = await secretariat.post<EnrolmentDto>(`/api/enrolments/${eb.body.id}/approve`);
    expect(approved.body.status).toBe(EnrolmentStatus.Enrolled);
    const twice = await secretariat.post<ErrorBody>(`/api/enrolments/${eb.body.id}/approve`);
    expect(twice.status).toBe(409);
  });

  it('promotes from the waitlist when the secretariat adds places', async () => {
    const { offering: o } = await academyOffering({ capacity: 1 });
    const people = await Promise.all([1, 2, 3].map(() => t.factory.user({ role: Role.Learner })));
    const ids: string[] = [];
    for (const p of people) {
      const c = await signInAs(t, p);
      ids.push((await c.post<EnrolmentDto>(`/api/offerings/${o.id}/enrolments`, {})).body.id);
    }
    const grown = await secretariat.patch<OfferingDto>(`/api/offerings/${o.id}`, { capacity: 2 });
    expect(grown.body).toMatchObject({ placesTaken: 2, waitlistCount: 1 });
    const second = await secretariat.get<EnrolmentDto>(`/api/enrolments/${ids[1]}`);
    expect(second.body.status).toBe(EnrolmentStatus.Enrolled);
  });
});

describe('bad requests', () => {
  it('answers a duplicate with 409 and closed, started or unpublished offerings with 400', async () => {
    const learner = await t.factory.user({ role: Role.Learner });
    const c = await signInAs(t, learner);
    const { offering: o } = await academyOffering();
    expect((await c.post(`/api/offerings/${o.id}/enrolments`, {})).status).toBe(201);
    const dup = await c.post<ErrorBody>(`/api/offerings/${o.id}/enrolments`, {});
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe(ErrorCode.AlreadyEnrolled);

    // The same person twice at the same moment: one place, one clear 409, never a 500.
    const both = (await academyOffering()).offering;
    const twice = await Promise.all([
      c.post<ErrorBody>(`/api/offerings/${both.id}/enrolments`, {}),
      c.post<ErrorBody>(`/api/offerings/${both.id}/enrolments`, {}),
    ]);
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);

    const closed = (await academyOffering()).offering;
    await secretariat.patch(`/api/offerings/${closed.id}`, { closed: true });
    const r1 = await c.post<ErrorBody>(`/api/offerings/${closed.id}/enrolments`, {});
    expect(r1.status).toBe(400);
    expect(r1.body.code).toBe(ErrorCode.OfferingClosed);
    expect(r1.body.message).toMatch(/closed on \d{4}-\d{2}-\d{2}/);

    const past = (await academyOffering({ startsOn: isoDate(-3), endsOn: isoDate(30) })).offering;
    const r2 = await c.post<ErrorBody>(`/api/offerings/${past.id}/enrolments`, {});
    expect(r2.status).toBe(400);
    expect(r2.body.message).toContain(`started on ${isoDate(-3)}`);

    const deadline = (
      await academyOffering({ enrolClosesAt: new Date(Date.now() - 60_000).toISOString() })
    ).offering;
    const r3 = await c.post<ErrorBody>(`/api/offerings/${deadline.id}/enrolments`, {});
    expect(r3.status).toBe(400);
    expect(r3.body.message).toContain('enrolment closed on');

    const draft = (await academyOffering({ published: false })).offering;
    const r4 = await c.post<ErrorBody>(`/api/offerings/${draft.id}/enrolments`, {});
    expect(r4.status).toBe(400);
    expect(r4.body.code).toBe(ErrorCode.OfferingClosed);
    expect((await c.get(`/api/offerings/${draft.id}`)).status).toBe(404);

    const bad = await c.post<ErrorBody>(`/api/offerings/not-an-id/enrolments`, {});
    expect(bad.status).toBe(400);
    const unknownField = await c.post<ErrorBody>(`/api/offerings/${o.id}/enrolments`, {
      payer: 'nobody',
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.details?.['payer']).toBeDefined();
  });

  it('refuses offering fields that do not fit the kind', async () => {
    const { course } = await courses.courseWithLesson({ audience: CourseAudience.Academy });
    const r = await secretariat.post<ErrorBody>('/api/offerings', {
      kind: OfferingKind.MiniBlup,
      name: `Mini ${unique()}`,
      startsOn: isoDate(30),
      moduleId: (await courses.module(course)).id,
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(ErrorCode.OfferingInvalid);
    const dates = await secretariat.post<ErrorBody>('/api/offerings', {
      kind: OfferingKind.Cohort,
      name: `Hold ${unique()}`,
      startsOn: isoDate(60),
      endsOn: isoDate(30),
    });
    expect(dates.status).toBe(400);
    expect(dates.body.details?.['endsOn']).toBeDefined();
  });
});

describe('access follows enrolment', () => {
  it('opens an academy course to an enrolled person and closes it on cancel', async () => {
    const { offering: o, courseId, lessonId } = await academyOffering();
    const learner = await t.factory.user({ role: Role.Learner });
    const c = await signInAs(t, learner);
    expect((await c.get(`/api/courses/${courseId}`)).status).toBe(404);
    expect((await c.get(`/api/lessons/${lessonId}`)).status).toBe(404);
    const e = await c.post<EnrolmentDto>(`/api/offerings/${o.id}/enrolments`, {});
    expect(e.body.status).toBe(EnrolmentStatus.Enrolled);
    expect((await c.get(`/api/courses/${courseId}`)).status).toBe(200);
    expect((await c.get(`/api/lessons/${lessonId}`)).status).toBe(200);
    const catalogue = await c.get<Page<OfferingDto>>(
      `/api/offerings?kind=academy_course&open=true&q=${encodeURIComponent(o.name)}`,
    );
    expect(catalogue.body.items.find((x) => x.id === o.id)?.myEnrolment).toMatchObject({
      id: e.body.id,
      status: EnrolmentStatus.Enrolled,
    });
    const list = await c.get<Page<{ id: string }>>('/api/courses?pageSize=100');
    expect(list.body.items.map((x) => x.id)).toContain(courseId);
    await c.post(`/api/enrolments/${e.body.id}/cancel`, {});
    expect((await c.get(`/api/courses/${courseId}`)).status).toBe(404);
    expect((await c.get(`/api/lessons/${lessonId}`)).status).toBe(404);
  });

  it('shows a mini-BLUP village only its module of the BLUP course, until cancelled', async () => {
    const course = await courses.course({ audience: CourseAudience.VillageProcess });
    const m1 = await courses.module(course);
    const m2 = await courses.module(course);
    const l1 = await courses.lesson(m1);
    const l2 = await courses.lesson(m2);
    const o = await offering({
      kind: OfferingKind.MiniBlup,
      moduleId: m2.id,
      startsOn: isoDate(20),
      priceDkk: 12000,
    });
    expect(o).toMatchObject({ courseId: course.id, moduleId: m2.id });
    const member = await t.factory.user({ role: Role.SteeringMember });
    const c = await signInAs(t, member);
    expect((await c.get(`/api/courses/${course.id}`)).status).toBe(404);
    const e = await c.post<EnrolmentDto>(`/api/offerings/${o.id}/enrolments`, {});
    expect(e.status).toBe(201);
    expect(e.body).toMatchObject({
      status: EnrolmentStatus.Enrolled,
      village: { id: member.villageId },
      payer: 'municipality',
      amountDkk: 12000,
    });
    const seen = await c.get<CourseDto>(`/api/courses/${course.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.modules.map((m) => m.id)).toEqual([m2.id]);
    // No evenings are scheduled by enrolling: the confirmation says the secretariat agrees
    // them with the village, and that the online module is open now.
    const confirmation = await t.smtp.waitFor(member.email);
    expect(confirmation.subject).toContain(o.name);
    expect(confirmation.text).toContain('ikke lagt i kalenderen');
    expect(confirmation.text).toContain('Sekretariatet kontakter jer');
    expect(confirmation.text).toContain('åbent for jer nu');
    expect((await c.get(`/api/lessons/${l2.id}`)).status).toBe(200);
    expect((await c.get(`/api/lessons/${l1.id}`)).status).toBe(404);
    // The village is enrolled once, whoever of its people asks.
    const peer = await t.factory.user({
      role: Role.SteeringMember,
      village: await t.dataSource
        .getRepository(Village)
        .findOneByOrFail({ id: member.villageId ?? '' }),
    });
    const cp = await signInAs(t, peer);
    const dup = await cp.post<ErrorBody>(`/api/offerings/${o.id}/enrolments`, {});
    expect(dup.status).toBe(409);
    const mine = await cp.get<Page<EnrolmentDto>>('/api/me/enrolments');
    expect(mine.body.items.map((x) => x.id)).toContain(e.body.id);
    // The peer cancels for the village: the course is gone for both.
    expect((await cp.post(`/api/enrolments/${e.body.id}/cancel`, {})).status).toBe(200);
    expect((await c.get(`/api/courses/${course.id}`)).status).toBe(404);
    expect((await c.get(`/api/lessons/${l2.id}`)).status).toBe(404);
    // The module an offering is for cannot be deleted from under it.
    const del = await secretariat.delete<ErrorBody>(`/api/modules/${m2.id}`);
    expect(del.status).toBe(409);
    expect(del.body.code).toBe(ErrorCode.ModuleHasOfferings);
  });

  it('places a village in the cohort (circles, course) and takes it out on cancel', async () => {
    const blup = await courses.courseWithLesson({ audience: CourseAudience.VillageProcess });
    const o = await offering({ kind: OfferingKind.Cohort, startsOn: isoDate(40) });
    expect(o).toMatchObject({ capacity: 10, priceDkk: 48000, cohortId: expect.any(String) });
    const member = await t.factory.user({ role: Role.SteeringMember });
    const c = await signInAs(t, member);
    // Villages apply for cohorts; they do not enrol themselves.
    const self = await c.post<ErrorBody>(`/api/offerings/${o.id}/enrolments`, {});
    expect(self.status).toBe(403);
    expect(self.body.code).toBe(ErrorCode.EnrolmentNotAllowed);
    expect((await c.get(`/api/courses/${blup.course.id}`)).status).toBe(404);
    const placed = await secretariat.post<EnrolmentDto>(`/api/offerings/${o.id}/enrolments`, {
      villageId: member.villageId,
    });
    expect(placed.body.status).toBe(EnrolmentStatus.Enrolled);
    const village = await t.dataSource
      .getRepository(Village)
      .findOneByOrFail({ id: member.villageId ?? '' });
    expect(village.cohortId).toBe(o.cohortId);
    expect((await c.get(`/api/courses/${blup.course.id}`)).status).toBe(200);
    expect((await c.get(`/api/lessons/${blup.lesson.id}`)).status).toBe(200);
    const circles = await c.get<Page<CircleSummaryDto>>(`/api/circles?cohortId=${o.cohortId}`);
    expect(circles.body.items).toEqual([
      expect.objectContaining({ villageId: member.villageId, archived: false }),
    ]);
    await secretariat.post(`/api/enrolments/${placed.body.id}/cancel`, { reason: 'Trak sig' });
    const after = await t.dataSource
      .getRepository(Village)
      .findOneByOrFail({ id: member.villageId ?? '' });
    expect(after.cohortId).toBeNull();
    expect((await c.get(`/api/courses/${blup.course.id}`)).status).toBe(404);
    expect((await c.get(`/api/lessons/${blup.lesson.id}`)).status).toBe(404);
    const gone = await c.get<Page<CircleSummaryDto>>(`/api/circles?cohortId=${o.cohortId}`);
    expect(gone.body.items.every((x) => x.archived)).toBe(true);
  });

  it('refuses a mini-BLUP to a village already in a full BLUP process (cohort)', async () => {
    const course = await courses.course({ audience: CourseAudience.VillageProcess });
    const mini = await offering({
      kind: OfferingKind.MiniBlup,
      moduleId: (await courses.module(course)).id,
      startsOn: isoDate(20),
    });
    // Placed through a cohort offering.
    const cohortOffering = await offering({ kind: OfferingKind.Cohort, startsOn: isoDate(40) });
    const member = await t.factory.user({ role: Role.SteeringMember });
    const c = await signInAs(t, member);
    const placed = await secretariat.post<EnrolmentDto>(
      `/api/offerings/${cohortOffering.id}/enrolments`,
      { villageId: member.villageId },
    );
    expect(placed.body.status).toBe(EnrolmentStatus.Enrolled);
    const refused = await c.post<ErrorBody>(`/api/offerings/${mini.id}/enrolments`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe(ErrorCode.VillageInFullProcess);
    expect(refused.body.params).toEqual({ name: cohortOffering.name });
    // Out of the cohort again, the mini-BLUP is open to the village.
    await secretariat.post(`/api/enrolments/${placed.body.id}/cancel`, { reason: 'Trak sig' });
    const enrolled = await c.post<EnrolmentDto>(`/api/offerings/${mini.id}/enrolments`, {});
    expect(enrolled.status).toBe(201);

    // Placed in a cohort directly (organisations), with no enrolment row: the same answer, for
    // the secretariat choosing the village too.
    const village = await t.factory.village();
    const cohort = await t.factory.cohort([village]);
    const direct = await secretariat.post<ErrorBody>(`/api/offerings/${mini.id}/enrolments`, {
      villageId: village.id,
    });
    expect(direct.status).toBe(409);
    expect(direct.body.code).toBe(ErrorCode.VillageInFullProcess);
    expect(direct.body.message).toContain(cohort.name);
    const none = await t.dataSource.query<unknown[]>(
      `SELECT 1 FROM enrolments WHERE offering_id = $1 AND village_id = $2`,
      [mini.id, village.id],
    );
    expect(none).toHaveLength(0);
  });

  it('placeVillage (for approvals) fills a cohort and then answers 409 offering_full', async () => {
    const o = await offering({ kind: OfferingKind.Cohort, startsOn: isoDate(40), capacity: 1 });
    const service = t.app.get(EnrolmentService);
    const actor = await t.factory.user({ role: Role.Secretariat });
    const v1 = await t.factory.village();
    const v2 = await t.factory.village();
    const done = await service.placeVillage(o.id, v1.id, actor, {
      payer: 'municipality',
      amount: 48000,
    });
    expect(done.enrolmentId).toEqual(expect.any(String));
    await expect(
      service.placeVillage(o.id, v2.id, actor, { payer: 'municipality', amount: 48000 }),
    ).rejects.toMatchObject({ code: ErrorCode.OfferingFull });
    await expect(
      service.placeVillage(o.id, v1.id, actor, { payer: 'municipality', amount: 48000 }),
    ).rejects.toMatchObject({ code: ErrorCode.AlreadyEnrolled });
    // A village in one cohort is not placed in a second one.
    const next = await offering({ kind: OfferingKind.Cohort, startsOn: isoDate(400) });
    const elsewhere = await secretariat.post<ErrorBody>(`/api/offerings/${next.id}/enrolments`, {
      villageId: v1.id,
    });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.message).toContain(o.name);
  });
});

describe('one cohort at a time', () => {
  it('places a village in only one of several cohorts asked for at the same moment', async () => {
    const cohorts = await Promise.all(
      [40, 80, 120, 160, 200, 240].map((days) =>
        offering({ kind: OfferingKind.Cohort, startsOn: isoDate(days) }),
      ),
    );
    const village = await t.factory.village();
    const answers = await Promise.all(
      cohorts.map((o) =>
        secretariat.post<EnrolmentDto>(`/api/offerings/${o.id}/enrolments`, {
          villageId: village.id,
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM enrolments
        WHERE village_id = $1 AND status IN ('pending', 'enrolled', 'waitlisted')`,
      [village.id],
    );
    expect(n).toBe(1);
    const placed = cohorts[answers.findIndex((a) => a.status === 201)];
    const after = await t.dataSource.getRepository(Village).findOneByOrFail({ id: village.id });
    expect(after.cohortId).toBe(placed.cohortId);
  });
});

describe('invoices and permissions', () => {
  it('exports enrolled, priced enrolments as a guarded CSV for the secretariat only', async () => {
    const { course } = await courses.courseWithLesson({ audience: CourseAudience.Academy });
    const o = await offering({
      kind: OfferingKind.AcademyCourse,
      courseId: course.id,
      name: `=HYPERLINK("x") ${unique()}`,
      priceDkk: 1500,
    });
    const learner = await t.factory.user({ role: Role.Learner, name: `+Anna ${unique()}` });
    const c = await signInAs(t, learner);
    await c.post(`/api/offerings/${o.id}/enrolments`, { payer: 'local_council' });
    // Read the bytes: fetch's text() would drop the byte-order mark.
    const cookie = sessionCookieName(t.config);
    const csv = await fetch(`${t.url}/api/enrolments/invoices.csv?offeringId=${o.id}`, {
      headers: { cookie: `${cookie}=${secretariat.cookie(cookie)}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('Tilbud;Type;Landsby;Person;E-mail;Kommune;Betaler;Beløb (DKK);Tilmeldt');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`'=HYPERLINK`);
    expect(lines[1]).toContain(`'${learner.name}`);
    expect(lines[1]).toContain(';Akademikursus;');
    expect(lines[1]).toContain(';Lokalråd;1500;');
    expect((await c.get('/api/enrolments/invoices.csv')).status).toBe(403);
    const filtered = await secretariat.get<string>(
      `/api/enrolments/invoices.csv?offeringId=${o.id}&to=2000-01-01`,
    );
    expect(
      filtered.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
  });

  it('lets only the secretariat manage offerings, and scopes coordinators to their municipality', async () => {
    const learner = await t.factory.user({ role: Role.Learner });
    const lc = await signInAs(t, learner);
    const denied = await lc.post<ErrorBody>('/api/offerings', {
      kind: OfferingKind.Cohort,
      name: `Hold ${unique()}`,
      startsOn: isoDate(30),
    });
    expect(denied.status).toBe(403);
    expect((await lc.get('/api/enrolments')).status).toBe(403);

    const course = await courses.course({ audience: CourseAudience.VillageProcess });
    const m = await courses.module(course);
    const o = await offering({
      kind: OfferingKind.MiniBlup,
      moduleId: m.id,
      startsOn: isoDate(20),
    });
    expect((await lc.patch(`/api/offerings/${o.id}`, { capacity: 3 })).status).toBe(403);
    const municipality = await t.factory.municipality();
    const own = await t.factory.village(municipality);
    const other = await t.factory.village();
    const coordinator = await t.factory.user({ role: Role.Coordinator, municipality });
    const cc = await signInAs(t, coordinator);
    const ok = await cc.post<EnrolmentDto>(`/api/offerings/${o.id}/enrolments`, {
      villageId: own.id,
    });
    expect(ok.status).toBe(201);
    const no = await cc.post<ErrorBody>(`/api/offerings/${o.id}/enrolments`, {
      villageId: other.id,
    });
    expect(no.status).toBe(403);
    await secretariat.post(`/api/offerings/${o.id}/enrolments`, { villageId: other.id });
    const scoped = await cc.get<Page<EnrolmentDto>>(`/api/enrolments?offeringId=${o.id}`);
    expect(scoped.body.items.map((e) => e.village?.id)).toEqual([own.id]);
    const all = await secretariat.get<Page<EnrolmentDto>>(`/api/enrolments?offeringId=${o.id}`);
    expect(all.body.total).toBe(2);
    // A steering member may not enrol another village, nor see or cancel its enrolment.
    const member = await t.factory.user({ role: Role.SteeringMember });
    const mc = await signInAs(t, member);
    const otherVillage = await mc.post<ErrorBody>(`/api/offerings/${o.id}/enrolments`, {
      villageId: own.id,
    });
    expect(otherVillage.status).toBe(403);
    expect((await mc.post(`/api/enrolments/${ok.body.id}/cancel`, {})).status).toBe(404);
    expect((await lc.get(`/api/enrolments/${ok.body.id}`)).status).toBe(404);
    // Learners enrol themselves only.
    const forOther = await lc.post<ErrorBody>(`/api/offerings/${o.id}/enrolments`, {});
    expect(forOther.status).toBe(400);
    // The public list shows open offerings without an account.
    const pub = await t
      .client()
      .get<Page<OfferingDto>>(
        `/api/public/offerings?kind=mini_blup&q=${encodeURIComponent(o.name)}`,
      );
    expect(pub.status).toBe(200);
    expect(pub.body.items.map((x) => x.id)).toContain(o.id);
    expect(pub.body.items.every((x) => x.myEnrolment === null)).toBe(true);
  });
});

describe('audience of academy courses', () => {
  it('lets people enrol themselves only in courses for their kind; coordinators and the secretariat anyone', async () => {
    const { offering: o } = await academyOffering({ audience: 'politician' });
    const localCouncil = await t.factory.user({
      role: Role.Learner,
      learnerKind: LearnerKind.LocalCouncil,
    });
    const c = await signInAs(t, localCouncil);
    const refused = await c.post<ErrorBody>(`/api/offerings/${o.id}/enrolments`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe(ErrorCode.OfferingAudienceMismatch);
    expect(refused.body.params).toMatchObject({ name: o.name, audience: 'politician' });
    const none = await t.dataSource.query(
      `SELECT 1 FROM enrolments WHERE offering_id = $1 AND user_id = $2`,
      [o.id, localCouncil.id],
    );
    expect(none).toEqual([]);

    const politician = await t.factory.user({
      role: Role.Learner,
      learnerKind: LearnerKind.Politician,
    });
    const fits = await (
      await signInAs(t, politician)
    ).post<EnrolmentDto>(`/api/offerings/${o.id}/enrolments`, {});
    expect(fits.status).toBe(201);

    const coordinator = await t.factory.user({ role: Role.Coordinator });
    const byCoordinator = await (
      await signInAs(t, coordinator)
    ).post<EnrolmentDto>(`/api/offerings/${o.id}/enrolments`, {});
    expect(byCoordinator.status).toBe(201);

    // The secretariat enrols the local-council learner after all.
    const bySecretariat = await secretariat.post<EnrolmentDto>(
      `/api/offerings/${o.id}/enrolments`,
      {
        userId: localCouncil.id,
      },
    );
    expect(bySecretariat.status).toBe(201);
    expect(bySecretariat.body.person?.id).toBe(localCouncil.id);

    // An offering for everyone takes anyone who signs in.
    const open = (await academyOffering()).offering;
    const steering = await t.factory.user({ role: Role.SteeringMember });
    const anyone = await (
      await signInAs(t, steering)
    ).post<EnrolmentDto>(`/api/offerings/${open.id}/enrolments`, {});
    expect(anyone.status).toBe(201);
  });
});

describe('progress of a mini-BLUP village', () => {
  it('counts only the module the village may see, as the catalogue shows it', async () => {
    const course = await courses.course({ audience: CourseAudience.VillageProcess });
    const mine = await courses.module(course);
    const other = await courses.module(course);
    const lesson = await courses.lesson(mine, { kind: LessonKind.Text });
    for (let i = 0; i < 3; i++) await courses.lesson(other, { kind: LessonKind.Text });
    const o = await offering({
      kind: OfferingKind.MiniBlup,
      moduleId: mine.id,
      startsOn: isoDate(20),
    });
    const member = await t.factory.user({ role: Role.SteeringMember });
    const c = await signInAs(t, member);
    expect((await c.post(`/api/offerings/${o.id}/enrolments`, {})).status).toBe(201);
    expect((await c.post(`/api/lessons/${lesson.id}/complete`, {})).status).toBe(200);

    const [village] = await t.dataSource.query<{ name: string }[]>(
      `SELECT name FROM villages WHERE id = $1`,
      [member.villageId],
    );
    const villages = await secretariat.get<Page<VillageProgressDto>>(
      `/api/progress/villages?courseId=${course.id}&q=${encodeURIComponent(village.name)}`,
    );
    expect(villages.status).toBe(200);
    // One lesson of the one module it may see is done: 100 %, not 1 of the course's 4 lessons.
    expect(villages.body.items).toEqual([
      expect.objectContaining({
        villageId: member.villageId,
        members: 1,
        percent: 100,
        lessonsCompleted: 1,
      }),
    ]);
    const people = await secretariat.get<Page<PersonProgressDto>>(
      `/api/progress/people?courseId=${course.id}&villageId=${member.villageId}`,
    );
    expect(people.body.items).toEqual([
      expect.objectContaining({ userId: member.id, percent: 100, lessonsCompleted: 1 }),
    ]);

    // "Continue watching" offers only lessons the village may still open: not one of a module
    // it once watched (say in a cohort) but is not enrolled in now.
    const hidden = await courses.lesson(other, {
      kind: LessonKind.Video,
      title: `Skjult ${unique()}`,
    });
    await t.dataSource.query(
      `INSERT INTO lesson_progress (user_id, lesson_id, position_seconds, covered_seconds)
       VALUES ($1, $2, 10, 10)`,
      [member.id, hidden.id],
    );
    expect((await c.get(`/api/lessons/${hidden.id}`)).status).toBe(404);
    const resume = await c.get<{ lessonId: string } | null>('/api/me/continue');
    expect(resume.status).toBe(200);
    expect(resume.body?.lessonId ?? null).not.toBe(hidden.id);

    // Placed in a cohort, the village sees (and is measured against) the whole course.
    const [cohort] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO cohorts (name, start_date) VALUES ($1, $2) RETURNING id`,
      [`Hold ${unique()}`, isoDate(30)],
    );
    await t.dataSource.query(`UPDATE villages SET cohort_id = $1 WHERE id = $2`, [
      cohort.id,
      member.villageId,
    ]);
    const whole = await secretariat.get<Page<VillageProgressDto>>(
      `/api/progress/villages?courseId=${course.id}&q=${encodeURIComponent(village.name)}`,
    );
    // 1 of the course's 5 lessons (the 4 above and the one left half-watched).
    expect(whole.body.items[0]).toMatchObject({ percent: 20, lessonsCompleted: 1 });
  });
});
