import {
  CircleKind,
  LibraryLinkTarget,
  PHASES,
  libraryDownloadUrl,
  type LibraryDocumentDetailDto,
  type LibraryDocumentDto,
  EnrolmentStatus,
  OfferingAudience,
  OfferingKind,
  Role,
  ROLES,
  SessionStatus,
  type CircleGridResponse,
  type CircleSummaryDto,
  type CohortDto,
  type CourseDto,
  type CourseSummaryDto,
  LessonKind,
  type LessonDto,
  type PlaybackDto,
  type HomeResponse,
  type SessionSummaryDto,
  type DemoSignIn,
  type EnrolmentDto,
  type OfferingDto,
  type MunicipalityOverviewDto,
  type Page,
  type SessionUser,
  type GoalUpdateDto,
  type PlanContent,
  type PublicVillagePageDto,
  type PublicWheelDto,
  type ReportContent,
  type VillageDocumentDto,
  type VillageGoalDto,
  type FocusAreaOverviewDto,
  type InitiativeDto,
  type IdeaDto,
  type PublicIdeaListDto,
  type PublishedSurveyResultsDto,
  type SurveyComparisonDto,
  type SurveyResultsDto,
  type SurveySummaryDto,
} from '@blup/contracts';
import { verify } from 'argon2';
import ICAL from 'ical.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../src/app/database/migrate';
import { cohortName, demoCalendar } from '../src/app/demo/demo-calendar';
import { runSeed } from '../src/app/demo/seed';
import { NEEDS_TEMPLATE_ID } from '../src/app/database/migrations/survey-templates';
import { longDate } from '../src/app/home/home-cards';
import { User } from '../src/app/database/entities';
import { pdfText } from '../src/app/plans/pdf-text';
import { detectLibraryFile } from '../src/app/library/library-file';
import { startTestApp, TestApp } from './harness';
import { signInAs } from './sign-in';
import { ADMIN_DATABASE_URL, databaseUrlFor } from './test-env';

/**
 * The seed empties every domain table, so it runs in a database of its own, not the one the
 * other suites share.
 */
const database = `${process.env['BLUP_TEST_DATABASE'] ?? 'blup_test'}_seed`;
const databaseUrl = databaseUrlFor(database);

async function admin<T>(sql: string): Promise<T> {
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql)) as T;
  } finally {
    await client.end();
  }
}

async function snapshot(): Promise<Record<string, unknown>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows;
    return {
      municipalities: await q('SELECT name FROM municipalities ORDER BY name'),
      villages: await q(
        `SELECT v.name, v.description, m.name AS municipality, c.name AS cohort
           FROM villages v JOIN municipalities m ON m.id = v.municipality_id LEFT JOIN cohorts c ON c.id = v.cohort_id
          ORDER BY v.name`,
      ),
      cohorts: await q(
        `SELECT name, to_char(start_date, 'YYYY-MM-DD') AS start FROM cohorts ORDER BY name`,
      ),
      people: await q(
        `SELECT u.email, u.name, u.role, m.name AS municipality, v.name AS village, u.coordination_group,
                u.contact_person, u.learner_kind, u.activated_at IS NOT NULL AS active
           FROM users u LEFT JOIN municipalities m ON m.id = u.municipality_id LEFT JOIN villages v ON v.id = u.village_id
          ORDER BY u.email`,
      ),
    };
  } finally {
    await client.end();
  }
}

let t: TestApp;
/** Where the seed puts the demo video and templates, and the app then serves them from. */
let storageDir: string;
const seedConfig = (env: 'test' | 'production' = 'test') => ({
  databaseUrl,
  env,
  video: { storageDir },
});

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'blup-seed-storage-'));
  await admin(`CREATE DATABASE "${database}"`);
  await runMigrations({ databaseUrl });
});

afterAll(async () => {
  await t?.close();
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await rm(storageDir, { recursive: true, force: true });
});

describe('the demo seed', () => {
  it('writes the same data every time it is run with reset', async () => {
    const first = await runSeed(seedConfig(), { reset: true, onlyIfEmpty: false });
    expect(first).toEqual({
      seeded: true,
      municipalities: 6,
      villages: 13,
      cohorts: 2,
      people: 16,
      courses: 3,
      circles: 14,
      circleSessions: 156,
    });
    const before = await snapshot();
    const second = await runSeed(seedConfig(), { reset: true, onlyIfEmpty: false });
    expect(second).toEqual(first);
    expect(await snapshot()).toEqual(before);
  });

  it('does nothing when asked only for an empty database', async () => {
    const result = await runSeed(seedConfig(), { reset: false, onlyIfEmpty: true });
    expect(result.seeded).toBe(false);
    expect((await snapshot())['people']).toHaveLength(16);
  });

  it('refuses to wipe a production database', async () => {
    await expect(
      runSeed(seedConfig('production'), { reset: true, onlyIfEmpty: false }),
    ).rejects.toThrow(/NODE_ENV=production/);
  });

  it('fills the running cohort with ten villages: it started on its first session about six months ago and runs about nine months', async () => {
    t = await startTestApp({ DATABASE_URL: databaseUrl, STORAGE_DIR: storageDir });
    const running = await runningCohort();
    expect(running).toMatchObject({ villageCount: 10, name: cohortName(running.startDate) });
    expect(running.villages.filter((v) => v.municipalityName === 'Næstved')).toHaveLength(5);
    const [plans] = await t.dataSource.query<{ first: string; last: string }[]>(
      `SELECT to_char(min(starts_at) AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD') AS first,
              to_char(max(starts_at) AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD') AS last
         FROM session_plans WHERE cohort_id = $1`,
      [running.id],
    );
    expect(plans.first).toBe(running.startDate);
    const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
    expect(days(plans.first, plans.last) / 30.44).toBeLessThanOrEqual(9.5);
    const today = new Date().toISOString().slice(0, 10);
    expect(days(running.startDate, today)).toBeGreaterThan(150);
    expect(days(running.startDate, today)).toBeLessThan(200);

    const member = await signInAs(
      t,
      await t.dataSource
        .getRepository(User)
        .findOneByOrFail({ email: 'styregruppe.glumsoe@blup.test' }),
    );
    const home = await member.get<HomeResponse>('/api/home');
    expect(home.body.cards.find((c) => c.kind === 'cohort')).toMatchObject({
      title: running.name,
      subtitle: `Dit hold startede ${longDate('da', running.startDate)}`,
    });
  });
});

describe('the demo village goals', () => {
  it('gives Glumsø og Omegn goals on several SDGs with progress, and Kegnæs a first idea', async () => {
    const member = await signInAs(
      t,
      await t.dataSource
        .getRepository(User)
        .findOneByOrFail({ email: 'styregruppe.glumsoe@blup.test' }),
    );
    const me = await t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'styregruppe.glumsoe@blup.test' });
    const goals = await member.get<Page<VillageGoalDto>>(`/api/villages/${me.villageId}/goals`);
    expect(goals.status).toBe(200);
    expect(goals.body.total).toBe(4);
    expect(new Set(goals.body.items.flatMap((goal) => goal.sdgs)).size).toBeGreaterThanOrEqual(5);
    const carSharing = goals.body.items[0];
    expect(carSharing).toMatchObject({ status: 'on_track', currentValue: 2, targetValue: 5 });
    expect(carSharing.targets.map((target) => target.code)).toEqual(['11.2']);
    expect(goals.body.items.flatMap((goal) => goal.targets).length).toBeGreaterThanOrEqual(4);
    const timeline = await member.get<Page<GoalUpdateDto>>(`/api/goals/${carSharing.id}/updates`);
    expect(timeline.body.total).toBe(2);
    const [kegnaes] = await t.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM village_goals g JOIN villages v ON v.id = g.village_id
        WHERE v.name = 'Kegnæs' AND g.status = 'idea'`,
    );
    expect(kegnaes.count).toBe(1);
  });
});

describe('the demo initiatives', () => {
  it('gives Glumsø og Omegn focus areas and initiatives from its future workshop, tied to its goals', async () => {
    const me = await t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'styregruppe.glumsoe@blup.test' });
    const member = await signInAs(t, me);
    const villageId = me.villageId ?? '';
    const overview = await member.get<Page<FocusAreaOverviewDto>>(
      `/api/villages/${villageId}/initiative-overview`,
    );
    expect(overview.status).toBe(200);
    expect(overview.body.total).toBe(3);
    expect(overview.body.items.map((area) => area.initiativeCount)).toEqual([2, 2, 2]);
    // Mobilitet: (3 × 45 + 1 × 10) / 4 = 36.25 → 36.3
    expect(overview.body.items[0]).toMatchObject({
      name: 'Mobilitet og forbindelser',
      progress: 36.3,
    });
    const initiatives = await member.get<Page<InitiativeDto>>(
      `/api/villages/${villageId}/initiatives?pageSize=100`,
    );
    expect(initiatives.body.total).toBe(6);
    const goals = await member.get<Page<VillageGoalDto>>(`/api/villages/${villageId}/goals`);
    const goalIds = new Set(goals.body.items.map((goal) => goal.id));
    for (const initiative of initiatives.body.items) {
      expect(initiative.goals.length).toBeGreaterThan(0);
      expect(initiative.goals.every((goal) => goalIds.has(goal.id))).toBe(true);
    }
    const people = initiatives.body.items.flatMap((i) => i.members);
    expect(people.some((p) => p.userId !== null)).toBe(true);
    expect(people.some((p) => p.userId === null)).toBe(true);
    expect(new Set(initiatives.body.items.map((i) => i.status)).size).toBeGreaterThanOrEqual(4);
    // One goal is owned by a working group, one by a person with an account, the rest in words.
    const byTitle = new Map(goals.body.items.map((goal) => [goal.title, goal]));
    const rides = initiatives.body.items.find(
      (i) => i.title === 'Faste samkørselsruter med opsamlingssteder',
    );
    expect(byTitle.get('Samkørsel til Næstved og Ringsted')).toMatchObject({
      owner: rides?.title,
      ownerInitiative: { id: rides?.id, title: rides?.title },
      ownerPerson: null,
    });
    expect(byTitle.get('Fælles solceller på hal og skole')).toMatchObject({
      owner: 'Niels Brandt',
      ownerPerson: { name: 'Niels Brandt' },
      ownerInitiative: null,
    });
    expect(byTitle.get('Stier langs Suså')).toMatchObject({
      owner: 'Karin Holm',
      ownerPerson: null,
      ownerInitiative: null,
    });
  });
});

describe('the demo plans', () => {
  it('gives Glumsø og Omegn a published plan and story on its public page, and Kegnæs a draft only', async () => {
    const page = await t
      .client()
      .get<PublicVillagePageDto>('/api/public/villages/glumsoe-og-omegn');
    expect(page.status).toBe(200);
    expect(page.body.plan?.version).toBe(2);
    expect(page.body.plan?.content.sections.map((s) => s.title)).toContain('Trafik og mobilitet');
    expect(page.body.goalCount).toBe(4);
    expect(page.body.story?.content.html).toContain('stationsby');
    const image = /src="(\/api\/document-images\/[0-9a-f-]{36})"/.exec(
      page.body.story?.content.html ?? '',
    );
    expect(image).not.toBeNull();
    const picture = await fetch(`${t.client().baseUrl}${image?.[1]}`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/jpeg');
    const pdf = Buffer.from(
      await (
        await fetch(`${t.client().baseUrl}/api/public/villages/glumsoe-og-omegn/plan.pdf`)
      ).arrayBuffer(),
    );
    expect(pdfText(pdf)).toContain('Fællesskab og forsamlingshus');
    // The story's picture is drawn in the PDF.
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);

    const kegnaes = await t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'styregruppe.kegnaes@blup.test' });
    const member = await signInAs(t, kegnaes);
    const plan = await member.get<VillageDocumentDto<PlanContent>>(
      `/api/villages/${kegnaes.villageId}/documents/plan`,
    );
    expect(plan.body).toMatchObject({ revision: 1, published: null, publicPath: null });
    expect(plan.body.content.sections[0].title).toBe('Færgen');
    expect((await t.client().get('/api/public/villages/kegnaes')).status).toBe(404);
  });
});

describe('the demo questionnaires', () => {
  it('has Glumsø og Omegn mid-way through its mapping survey and three municipalities’ needs analyses', async () => {
    const me = await t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'styregruppe.glumsoe@blup.test' });
    const member = await signInAs(t, me);
    const list = await member.get<Page<SurveySummaryDto>>(
      `/api/villages/${me.villageId ?? ''}/surveys`,
    );
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ status: 'open', responseCount: 312 });
    const results = await member.get<SurveyResultsDto>(
      `/api/surveys/${list.body.items[0].id}/results`,
    );
    expect(results.body.responses).toBe(312);
    const secretariat = await signInAs(
      t,
      await t.dataSource.getRepository(User).findOneByOrFail({ email: 'sekretariat@blup.test' }),
    );
    const comparison = await secretariat.get<SurveyComparisonDto>(
      `/api/survey-templates/${NEEDS_TEMPLATE_ID}/comparison`,
    );
    expect(comparison.body.columns.map((c) => [c.ownerName, c.responses])).toEqual([
      ['Kerteminde', 24],
      ['Næstved', 46],
      ['Sønderborg', 31],
    ]);
    const published = await t
      .client()
      .get<Page<PublishedSurveyResultsDto>>('/api/public/plans/glumsoe-og-omegn/survey-results');
    expect(published.body.items[0].responses).toBe(312);
  });
});

describe('the demo annual wheel and report', () => {
  it('gives Glumsø og Omegn a published wheel with recurring activities as iCal, and a report draft for this year', async () => {
    const wheel = await t
      .client()
      .get<PublicWheelDto>('/api/public/villages/glumsoe-og-omegn/wheel');
    expect(wheel.status).toBe(200);
    expect(wheel.body.version).toBe(1);
    const activities = wheel.body.content.activities;
    expect(activities.length).toBeGreaterThanOrEqual(6);
    expect(activities.length).toBeLessThanOrEqual(10);
    expect(activities.filter((a) => a.frequency !== 'yearly').length).toBeGreaterThanOrEqual(3);
    expect(activities.map((a) => a.title)).toContain('Sankthans ved søen');

    const feed = await t.client().get<string>(wheel.body.icsUrl);
    expect(feed.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // Every activity with a day is an event; the one settled to a month only is not.
    expect(events).toHaveLength(activities.filter((a) => a.day !== null).length);
    expect(events.every((e) => e.isRecurring())).toBe(true);

    const year = Number(
      new Date().toLocaleString('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric' }),
    );
    const group = await t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'koordinationsgruppe.glumsoe@blup.test' });
    const member = await signInAs(t, group);
    const report = await member.get<VillageDocumentDto<ReportContent>>(
      `/api/villages/${group.villageId}/documents/report?year=${year}`,
    );
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ year, revision: 1, published: null, canPublish: true });
    expect(report.body.content.sections.map((s) => s.id)).toEqual([
      'intro',
      'goals',
      'initiatives',
      'sessions',
      'gatherings',
      'surveys',
    ]);
    expect(report.body.content.sections[1].text).toMatch(/^4 mål; \d+ opdateringer? i \d{4}\./);
    expect(report.body.content.sections[0].text).toContain('Glumsø og Omegn');
    // The initiatives from the future workshop, by focus area with its roll-up, and no people.
    const initiatives = report.body.content.sections[2].text;
    expect(initiatives).toMatch(
      /^3 indsatsområder med 6 initiativer: \d+ ny[et] og \d+ ændrede? i \d{4}\./,
    );
    expect(initiatives).toContain('Mobilitet og forbindelser (36,3 % samlet, vægtet):');
    const listed = await member.get<Page<InitiativeDto>>(
      `/api/villages/${group.villageId}/initiatives?pageSize=100`,
    );
    expect(listed.body.total).toBe(6);
    for (const initiative of listed.body.items) {
      expect(initiatives).toContain(`• ${initiative.title}`);
      for (const person of [initiative.contact, ...initiative.members]) {
        if (person) expect(initiatives).not.toContain(person.name);
      }
    }
  });
});

/** The demo cohort the ten villages (and the demo's steering members) are in. */
async function runningCohort(): Promise<CohortDto> {
  const sekretariat = await t.dataSource
    .getRepository(User)
    .findOneByOrFail({ email: 'sekretariat@blup.test' });
  const cohorts = await (await signInAs(t, sekretariat)).get<Page<CohortDto>>('/api/cohorts');
  const running = cohorts.body.items.find((c) => c.villageCount === 10);
  if (!running) throw new Error('The demo has no cohort of ten villages.');
  return running;
}

describe('the demo courses', () => {
  /** Every lesson of every demo course, as the secretariat sees it. */
  const lessons = async (): Promise<(LessonDto & { src?: string })[]> => {
    const client = await signInAs(
      t,
      await t.dataSource.getRepository(User).findOneByOrFail({ email: 'sekretariat@blup.test' }),
    );
    const courses = await client.get<Page<CourseSummaryDto>>('/api/courses?pageSize=50');
    const all: (LessonDto & { src?: string })[] = [];
    for (const summary of courses.body.items) {
      const course = await client.get<CourseDto>(`/api/courses/${summary.id}`);
      for (const lesson of course.body.modules.flatMap((m) => m.lessons)) {
        const res = await client.get<LessonDto>(`/api/lessons/${lesson.id}`);
        expect(res.status).toBe(200);
        if (lesson.kind === LessonKind.Resource) {
          const file = await client.get<string>(`/api/lessons/${lesson.id}/resource`);
          expect({ title: lesson.title, status: file.status }).toEqual({
            title: lesson.title,
            status: 200,
          });
          expect(file.headers.get('content-type')).toMatch(/^application\/pdf/);
          expect(file.body.slice(0, 5)).toBe('%PDF-');
        }
        const playback =
          lesson.kind === LessonKind.Video
            ? (await client.get<PlaybackDto>(`/api/lessons/${lesson.id}/playback`)).body
            : null;
        all.push({ ...res.body, src: playback?.src ?? undefined });
      }
    }
    return all;
  };

  it('has a video that plays in every video lesson, a PDF in every template and real text', async () => {
    const all = await lessons();
    const videos = all.filter((l) => l.kind === LessonKind.Video);
    expect(videos.length).toBeGreaterThanOrEqual(7);
    for (const lesson of videos) {
      const src = lesson.src ?? '';
      expect({ title: lesson.title, src }).toEqual({
        title: lesson.title,
        src: expect.stringMatching(/^\/api\/media\/videos\//),
      });
      const res = await fetch(t.url + src);
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    }
    expect(all.filter((l) => l.kind === LessonKind.Resource).length).toBeGreaterThanOrEqual(3);
    const texts = all.filter((l) => l.kind === LessonKind.Text);
    expect(texts.length).toBeGreaterThanOrEqual(5);
    for (const lesson of texts) {
      const plain = lesson.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect({ title: lesson.title, long: plain.length >= 600 }).toEqual({
        title: lesson.title,
        long: true,
      });
      expect(lesson.body.match(/<p>/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('the demo study circles', () => {
  const as = async (email: string) =>
    signInAs(t, await t.dataSource.getRepository(User).findOneByOrFail({ email }));

  it('gives each steering member their village circle, with a next session on the home page', async () => {
    for (const [email, village] of [
      ['styregruppe.glumsoe@blup.test', 'Glumsø og Omegn'],
      ['styregruppe.kegnaes@blup.test', 'Kegnæs'],
    ]) {
      const client = await as(email);
      const circles = await client.get<Page<CircleSummaryDto>>('/api/circles');
      expect(circles.body.items.map((c) => c.villageName)).toEqual([village]);
      const home = await client.get<HomeResponse>('/api/home');
      expect(home.body.nextSession).toMatchObject({
        villageName: village,
        status: SessionStatus.Planned,
        meetingUrl: expect.stringMatching(/^https:\/\//),
      });
      const past = await client.get<Page<SessionSummaryDto>>('/api/me/sessions?when=past');
      expect(past.body.items.length).toBeGreaterThanOrEqual(2);
      expect(past.body.items.every((s) => s.status === SessionStatus.Held)).toBe(true);
    }
  });

  it('shows Næstved’s coordinator their villages as a guest and the coordinator circles', async () => {
    const client = await as('koordinator.naestved@blup.test');
    const circles = await client.get<Page<CircleSummaryDto>>('/api/circles?pageSize=50');
    const names = circles.body.items.map((c) => c.villageName ?? `(${c.kind})`);
    expect(names).toEqual(expect.arrayContaining(['Glumsø og Omegn', '(coordinator)']));
    expect(circles.body.items.filter((c) => c.kind === CircleKind.Coordinator)).toHaveLength(1);
    expect(
      circles.body.items
        .filter((c) => c.kind === CircleKind.Village)
        .every((c) => c.municipalityName === 'Næstved'),
    ).toBe(true);
    expect((await client.get<HomeResponse>('/api/home')).body.nextSession).not.toBeNull();
    // Min kommune: each village has the one step agreed at its last session still open.
    const me = await client.get<SessionUser>('/api/auth/me');
    const overview = await client.get<MunicipalityOverviewDto>(
      `/api/municipalities/${me.body.municipalityId}/overview?pageSize=50`,
    );
    expect(overview.status).toBe(200);
    const held = overview.body.items.filter((v) => v.heldSessions > 0);
    expect(held.length).toBeGreaterThan(0);
    expect(held.map((v) => v.openNextSteps)).toEqual(held.map(() => 1));
  });

  it('gives the secretariat the running cohort’s grid of ten villages and the coordinators', async () => {
    const client = await as('sekretariat@blup.test');
    const spring = await runningCohort();
    const grid = await client.get<CircleGridResponse>(
      `/api/cohorts/${spring?.id}/circle-grid?pageSize=50`,
    );
    expect(grid.status).toBe(200);
    expect(grid.body.rows.total).toBe(11);
    expect(grid.body.columns).toHaveLength(18);
    const glumsoe = grid.body.rows.items.find((r) => r.villageName === 'Glumsø og Omegn');
    const held = glumsoe?.cells.filter((c) => c?.status === SessionStatus.Held) ?? [];
    const [past] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM session_plans
        WHERE cohort_id = $1 AND circle_kind = 'village' AND ends_at < now()`,
      [spring.id],
    );
    expect(past.n).toBeGreaterThanOrEqual(6);
    expect(held).toHaveLength(past.n);
    expect(held.every((c) => c && c.recorded && c.present > 0)).toBe(true);
  });

  it('has a draft newsletter whose copies carry each village’s own next steps from its last session', async () => {
    const client = await as('sekretariat@blup.test');
    const [draft] = await t.dataSource.query<{ id: string; cohort_id: string }[]>(
      `SELECT n.id, p.cohort_id FROM newsletters n JOIN session_plans p ON p.id = n.plan_id
        WHERE n.status = 'draft'`,
    );
    const villages = await t.dataSource.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM villages WHERE cohort_id = $1 ORDER BY name LIMIT 2`,
      [draft.cohort_id],
    );
    const steps = await Promise.all(
      villages.map(async (v) => {
        const [last] = await t.dataSource.query<{ next_steps: { text: string }[] }[]>(
          `SELECT s.next_steps FROM circle_sessions s JOIN circles c ON c.id = s.circle_id
            WHERE c.village_id = $1 AND c.kind = 'village' AND s.status = 'held'
            ORDER BY s.starts_at DESC LIMIT 1`,
          [v.id],
        );
        const preview = await client.post<{ text: string }>(
          `/api/newsletters/${draft.id}/preview`,
          { villageId: v.id },
        );
        expect(preview.status).toBe(200);
        for (const step of last.next_steps) expect(preview.body.text).toContain(step.text);
        return last.next_steps.map((x) => x.text).join('|');
      }),
    );
    expect(steps[0]).not.toBe(steps[1]);
  });

  it('gives academy learners no circles: they take courses, not the village process', async () => {
    const client = await as('lokalraad.naestved@blup.test');
    const circles = await client.get<Page<CircleSummaryDto>>('/api/circles');
    expect(circles.body.total).toBe(0);
    expect((await client.get<HomeResponse>('/api/home')).body.nextSession).toBeNull();
  });
});

describe('the demo enrolment', () => {
  const as = async (email: string) =>
    signInAs(t, await t.dataSource.getRepository(User).findOneByOrFail({ email }));
  const open = async (email: string, kind: OfferingKind) =>
    (await (await as(email)).get<Page<OfferingDto>>(`/api/offerings?kind=${kind}&open=true`)).body
      .items;

  it('has the next cohort open, starting on 1 February or 1 August, and the running one started', async () => {
    const cohorts = await open('sekretariat@blup.test', OfferingKind.Cohort);
    const next = demoCalendar(new Date()).next;
    expect(cohorts.map((o) => o.name)).toEqual([next.name]);
    expect(cohorts[0]).toMatchObject({ startsOn: next.startDate });
    expect(cohorts[0].placesLeft).toBeGreaterThan(0);
    expect(next.startDate).toMatch(/-(02|08)-01$/);
    const running = await runningCohort();
    const all = await (
      await as('sekretariat@blup.test')
    ).get<Page<OfferingDto>>(`/api/offerings?kind=${OfferingKind.Cohort}&pageSize=50`);
    expect(all.body.items.find((o) => o.cohortId === running.id)).toMatchObject({
      startsOn: running.startDate,
      description: expect.stringContaining('ca. ni måneder'),
    });
  });

  it('lets the demo village outside any cohort enrol in the mini-BLUP', async () => {
    const email = 'styregruppe.ferritslev@blup.test';
    const [mini] = await open(email, OfferingKind.MiniBlup);
    expect(mini?.myEnrolment ?? null).toBeNull();
    const res = await (
      await as(email)
    ).post<EnrolmentDto>(`/api/offerings/${mini?.id}/enrolments`, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: EnrolmentStatus.Enrolled,
      village: { name: 'Ferritslev' },
    });
  });

  it('offers the local-council learner an academy course for local councils', async () => {
    const email = 'lokalraad.naestved@blup.test';
    const courses = await open(email, OfferingKind.AcademyCourse);
    const forCouncils = courses.find((o) => o.audience === OfferingAudience.LocalCouncil);
    expect(forCouncils?.myEnrolment ?? null).toBeNull();
    const res = await (
      await as(email)
    ).post<EnrolmentDto>(`/api/offerings/${forCouncils?.id}/enrolments`, {});
    expect(res.status).toBe(201);
    expect(res.body.status).toBe(EnrolmentStatus.Pending);
  });
});

describe('GET /api/demo/sign-ins', () => {
  it('lists an account for every role, each of which really signs in with its password', async () => {
    const res = await t.client().get<DemoSignIn[]>('/api/demo/sign-ins');
    expect(res.status).toBe(200);
    expect(new Set(res.body.map((s) => s.role))).toEqual(new Set(ROLES));
    const users = t.dataSource.getRepository(User);
    for (const s of res.body) {
      const user = await users.findOneOrFail({
        where: { email: s.email },
        select: { id: true, passwordHash: true, role: true, disabledAt: true, activatedAt: true },
      });
      expect(user).toMatchObject({ role: s.role, disabledAt: null, activatedAt: expect.any(Date) });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verify(user.passwordHash as string, s.password)).toBe(true);
      expect(s.description.length).toBeGreaterThan(10);
    }
  });

  it('lists accounts that sign in through the real login', async () => {
    const res = await t.client().get<DemoSignIn[]>('/api/demo/sign-ins');
    for (const s of res.body) {
      const browser = t.client();
      const login = await browser.post<SessionUser>('/api/auth/login', {
        email: s.email,
        password: s.password,
      });
      expect({ email: s.email, status: login.status }).toEqual({ email: s.email, status: 200 });
      expect(login.body.role).toBe(s.role);
      expect((await browser.get('/api/home')).status).toBe(200);
    }
  });

  it('leaves out accounts that are gone or disabled', async () => {
    await t.dataSource
      .getRepository(User)
      .update({ email: 'medlem.glumsoe@blup.test' }, { disabledAt: new Date() });
    const res = await t.client().get<DemoSignIn[]>('/api/demo/sign-ins');
    expect(res.body.map((s) => s.email)).not.toContain('medlem.glumsoe@blup.test');
    expect(res.body.some((s) => s.role === Role.SteeringMember)).toBe(true);
  });

  it('does not exist in production', async () => {
    const production = await startTestApp({
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      SIGNING_SECRET: 'a-test-signing-secret-of-32-characters',
    });
    try {
      const res = await production.client().get('/api/demo/sign-ins');
      expect(res.status).toBe(404);
    } finally {
      await production.close();
    }
  });
});

describe('the demo ideas', () => {
  it('gives Glumsø og Omegn an open idea list with votes, paper dots, helpers and a chosen idea', async () => {
    const me = await t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'styregruppe.glumsoe@blup.test' });
    const member = await signInAs(t, me);
    const lists = await member.get<Page<{ id: string; voterCount: number }>>(
      `/api/villages/${me.villageId}/idea-lists`,
    );
    expect(lists.body.items).toMatchObject([{ voterCount: 150 }]);
    const ranking = await member.get<Page<IdeaDto>>(
      `/api/idea-lists/${lists.body.items[0].id}/ranking?pageSize=100`,
    );
    expect(ranking.body.total).toBe(8);
    expect(ranking.body.items.reduce((sum, idea) => sum + idea.onlineDots, 0)).toBe(450);
    expect(ranking.body.items.filter((idea) => idea.paperDots > 0).length).toBeGreaterThan(0);
    expect(ranking.body.items.filter((idea) => idea.initiativeId).length).toBe(1);
    expect(ranking.body.items.some((idea) => idea.helperCount > 0)).toBe(true);
    const open = await t
      .client()
      .get<PublicIdeaListDto>('/api/public/idea-lists/glumsoe-borgermoede-demo');
    expect(open.body.ideas).toHaveLength(8);
  });
});

describe('the demo phase library', () => {
  it('has a real file for every phase, found by search and linked from a session and a lesson', async () => {
    const member = await signInAs(
      t,
      await t.dataSource
        .getRepository(User)
        .findOneByOrFail({ role: Role.SteeringMember, email: 'styregruppe.glumsoe@blup.test' }),
    );
    const page = (await member.get<Page<LibraryDocumentDto>>('/api/library/documents?pageSize=100'))
      .body;
    expect(page.total).toBe(6);
    expect(new Set(page.items.map((d) => d.phase))).toEqual(new Set(PHASES));
    for (const doc of page.items) {
      const res = await member.raw('GET', libraryDownloadUrl(doc.id, doc.currentVersionId));
      expect(res.status).toBe(200);
      const bytes = Buffer.from(
        await (
          await fetch(t.url + libraryDownloadUrl(doc.id, doc.currentVersionId), {
            headers: { cookie: `blup_session=${member.cookie('blup_session')}` },
          })
        ).arrayBuffer(),
      );
      expect({ file: doc.fileName, ok: detectLibraryFile(doc.fileName, bytes) !== null }).toEqual({
        file: doc.fileName,
        ok: true,
      });
    }
    const found = (
      await member.get<Page<LibraryDocumentDto>>(
        `/api/library/documents?q=${encodeURIComponent('fremtidsværksted')}`,
      )
    ).body;
    expect(found.items[0].title).toBe('Guide til fremtidsværkstedet');
    const guide = (
      await member.get<LibraryDocumentDetailDto>(`/api/library/documents/${found.items[0].id}`)
    ).body;
    const kinds = new Set(guide.links.map((l) => l.target));
    expect(kinds).toEqual(new Set([LibraryLinkTarget.Session, LibraryLinkTarget.Lesson]));
  });
});

describe('the demo hotline', () => {
  it('has open and answered questions from the villages, one closed, and a published FAQ', async () => {
    const secretariat = await t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'sekretariat@blup.test' });
    const as = await signInAs(t, secretariat);
    const counts = await as.get<Record<string, number>>('/api/hotline/counts');
    expect(counts.body).toEqual({ new: 1, open: 1, waiting: 1, closed: 1 });
    const signe = await t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'styregruppe.glumsoe@blup.test' });
    const member = await signInAs(t, signe);
    const mine = await member.get<Page<{ villageId: string; state: string }>>(
      '/api/hotline/requests/mine',
    );
    expect(mine.body.items).toMatchObject([{ villageId: signe.villageId, state: 'new' }]);
    const faq = await member.get<Page<{ published: boolean }>>('/api/hotline/faq?q=invitere');
    expect(faq.body.total).toBeGreaterThan(0);
  });
});
