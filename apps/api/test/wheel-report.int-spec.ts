import {
  DocumentKind,
  ErrorCode,
  Role,
  SessionStatus,
  WheelFrequency,
  type DocumentVersionDto,
  type ErrorBody,
  type GenerateReportResultDto,
  type Page,
  type PublicWheelDto,
  type ReportContent,
  type VillageDocumentDto,
  type VillageDocumentsDto,
  type WheelActivity,
  type WheelContent,
} from '@blup/contracts';
import ICAL from 'ical.js';
import { randomBytes } from 'node:crypto';
import type { Village } from '../src/app/database/entities';
import { CircleFixtures } from './circles-fixtures';
import { startTestApp, type TestApp } from './harness';
import type { TestClient } from './http-client';
import { signInAs } from './sign-in';

/**
 * The annual wheel and the annual report on the living-documents core: who may read, write and
 * publish them, the 400s, the wheel's public iCal feed read by ical.js, and the report's content
 * made from known data (goals and their updates, focus areas and initiatives, sessions held with
 * attendance).
 */
const suffix = randomBytes(3).toString('hex');
let t: TestApp;
let skovby: Village;
let tybjerg: Village;
let as: Record<
  'member' | 'group' | 'otherMember' | 'coordinator' | 'otherCoordinator' | 'learner',
  TestClient
>;
let people: { id: string }[];

beforeAll(async () => {
  t = await startTestApp();
  const f = t.factory;
  const naestved = await f.municipality(`Næstved ${suffix}`);
  const sonderborg = await f.municipality(`Sønderborg ${suffix}`);
  skovby = await f.village(naestved, `Skovby ${suffix}`);
  tybjerg = await f.village(naestved, `Tybjerg ${suffix}`);
  const member = await f.user({ role: Role.SteeringMember, village: skovby });
  const group = await f.user({
    role: Role.SteeringMember,
    village: skovby,
    coordinationGroup: true,
  });
  const otherMember = await f.user({ role: Role.SteeringMember, village: tybjerg });
  people = [
    member,
    group,
    otherMember,
    await f.user({ role: Role.SteeringMember, village: skovby }),
  ];
  as = {
    member: await signInAs(t, member),
    group: await signInAs(t, group),
    otherMember: await signInAs(t, otherMember),
    coordinator: await signInAs(
      t,
      await f.user({ role: Role.Coordinator, municipality: naestved }),
    ),
    otherCoordinator: await signInAs(
      t,
      await f.user({ role: Role.Coordinator, municipality: sonderborg }),
    ),
    learner: await signInAs(t, await f.user({ role: Role.Learner, municipality: naestved })),
  };
});

afterAll(() => t.close());

const wheelPath = (village: Village, rest = '') =>
  `/api/villages/${village.id}/documents/wheel${rest}`;
const reportPath = (village: Village, rest = '', year = 2026) =>
  `/api/villages/${village.id}/documents/report${rest}?year=${year}`;

const activity = (over: Partial<WheelActivity>): WheelActivity => ({
  id: 'a',
  title: 'Aktivitet',
  who: 'Styregruppen',
  months: [1],
  day: null,
  frequency: WheelFrequency.Yearly,
  startTime: null,
  endTime: null,
  place: '',
  note: '',
  ...over,
});

const WHEEL: WheelContent = {
  activities: [
    activity({
      id: 'sankthans',
      title: 'Sankthans ved Suså',
      who: 'Forsamlingshuset',
      months: [6],
      day: { kind: 'date', day: 23 },
      startTime: '20:00',
      endTime: '22:30',
      place: 'Engen ved Suså',
    }),
    activity({
      id: 'affald',
      title: 'Affaldsindsamling',
      who: 'Grundejerforeningen',
      months: [4],
      day: { kind: 'weekday', weekday: 'SA', nth: 1 },
    }),
    activity({
      id: 'loeb',
      title: 'Løbeklub',
      who: 'Karen Holm',
      months: [5, 6],
      frequency: WheelFrequency.Weekly,
      day: { kind: 'weekday', weekday: 'TU', nth: null },
      startTime: '18:30',
    }),
    activity({ id: 'budget', title: 'Budgetmøde', who: 'Kassereren', months: [11] }),
  ],
};

describe('the annual wheel', () => {
  it('is read and written like the plan: other villages and municipalities get a 404', async () => {
    const empty = await as.member.get<VillageDocumentDto<WheelContent>>(wheelPath(skovby));
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      kind: DocumentKind.Wheel,
      year: null,
      content: { activities: [] },
      revision: 0,
      canEdit: true,
      canPublish: false,
    });
    expect((await as.otherMember.get(wheelPath(skovby))).status).toBe(404);
    expect((await as.otherCoordinator.get(wheelPath(skovby))).status).toBe(404);
    expect((await as.learner.get(wheelPath(skovby))).status).toBe(404);
    expect((await t.client().get(wheelPath(skovby))).status).toBe(401);
    expect((await as.coordinator.get(wheelPath(skovby))).status).toBe(200);
    const write = { content: WHEEL, revision: 0 };
    expect((await as.coordinator.request('PUT', wheelPath(skovby, '/draft'), write)).status).toBe(
      403,
    );
    expect((await as.otherMember.request('PUT', wheelPath(skovby, '/draft'), write)).status).toBe(
      404,
    );
    expect(
      (await as.otherCoordinator.request('PUT', wheelPath(skovby, '/draft'), write)).status,
    ).toBe(404);
    const year = await as.member.get<ErrorBody>(`${wheelPath(skovby)}?year=2026`);
    expect(year.status).toBe(400);
    expect(year.body.message).toBe('There is one wheel per village: leave out the year.');
  });

  it('refuses a wheel that does not hold together, saying where', async () => {
    const bad = await as.member.request<ErrorBody>('PUT', wheelPath(skovby, '/draft'), {
      revision: 0,
      content: {
        activities: [
          activity({ id: 'x', title: ' ', months: [] }),
          activity({ id: 'y', months: [2], day: { kind: 'date', day: 30 } }),
          activity({ id: 'z', frequency: WheelFrequency.Weekly, months: [3, 4] }),
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(ErrorCode.DocumentContentInvalid);
    expect(bad.body.details).toEqual({
      'content.activities.0.title': ['say what the activity is'],
      'content.activities.0.months': [
        'choose at least one month, as numbers 1 (January) to 12 (December)',
      ],
      'content.activities.1.day': [
        'februar does not always have a day 30; choose an earlier day or "last weekday"',
      ],
      'content.activities.2.day': [
        'a weekly activity needs its weekday, with nth null ("every Tuesday")',
      ],
    });
    const notAList = await as.member.request<ErrorBody>('PUT', wheelPath(skovby, '/draft'), {
      revision: 0,
      content: { activities: 'hver måned' },
    });
    expect(notAList.status).toBe(400);
    expect(notAList.body.details).toEqual({ 'content.activities': ['activities must be a list'] });
  });

  it('is published by the coordination group and read as iCal by everyone', async () => {
    const saved = await as.member.request<VillageDocumentDto<WheelContent>>(
      'PUT',
      wheelPath(skovby, '/draft'),
      { content: WHEEL, revision: 0 },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.content).toEqual(WHEEL);
    expect((await t.client().get(`/api/public/villages/nobody-${suffix}/wheel.ics`)).status).toBe(
      404,
    );
    expect((await as.member.post(wheelPath(skovby, '/publish'), { revision: 1 })).status).toBe(403);
    const published = await as.group.post<VillageDocumentDto<WheelContent>>(
      wheelPath(skovby, '/publish'),
      { revision: 1 },
    );
    expect(published.status).toBe(200);
    expect(published.body.published?.version).toBe(1);
    const slug = published.body.publicPath?.replace('/landsby/', '') ?? '';
    expect(slug).toBe(`skovby-${suffix}`);

    const page = await t.client().get<PublicWheelDto>(`/api/public/villages/${slug}/wheel`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      slug,
      villageName: skovby.name,
      version: 1,
      content: WHEEL,
      icsUrl: `/api/public/villages/${slug}/wheel.ics`,
    });

    const feed = await t.client().raw('GET', page.body.icsUrl);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(feed.body as string));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(`Årshjul – ${skovby.name}`);
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//BLUP Akademiet//Aarshjul//DA');
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone') as ICAL.Component);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // The budget meeting has a month but no day: it stays off the calendar.
    expect(events.map((e) => [e.uid, e.summary])).toEqual([
      [`wheel-${skovby.id}-sankthans@blup-akademiet`, 'Sankthans ved Suså'],
      [`wheel-${skovby.id}-affald@blup-akademiet`, 'Affaldsindsamling'],
      [`wheel-${skovby.id}-loeb@blup-akademiet`, 'Løbeklub'],
    ]);
    const [sankthans, affald, loeb] = events;
    expect(sankthans.isRecurring()).toBe(true);
    expect(sankthans.location).toBe('Engen ved Suså');
    expect(sankthans.description).toBe(
      'Den 23. i juni, kl. 20:00–22:30.\nAnsvarlig: Forsamlingshuset.',
    );
    expect(String(affald.component.getFirstPropertyValue('rrule'))).toBe(
      'FREQ=YEARLY;BYMONTH=4;BYDAY=1SA',
    );
    expect(affald.startDate.isDate).toBe(true);
    const year = new Date().getFullYear();
    const expand = (event: ICAL.Event, n: number): string[] => {
      const it = event.iterator();
      const out: string[] = [];
      for (let next = it.next(); next && out.length < n; next = it.next()) {
        out.push(next.toString());
      }
      return out;
    };
    expect(expand(sankthans, 2).map((d) => d.slice(0, 16))).toEqual([
      `${year}-06-23T20:00`,
      `${year + 1}-06-23T20:00`,
    ]);
    const firstSaturdays = expand(affald, 3);
    for (const [i, date] of firstSaturdays.entries()) {
      const day = new Date(`${date}T12:00:00Z`);
      expect([day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDay()]).toEqual([year + i, 3, 6]);
      expect(day.getUTCDate()).toBeLessThanOrEqual(7);
    }
    const runs = expand(loeb, 20);
    expect(runs.length).toBe(20);
    for (const date of runs) {
      const day = new Date(`${date.slice(0, 10)}T12:00:00Z`);
      expect(day.getUTCDay()).toBe(2);
      expect([4, 5]).toContain(day.getUTCMonth());
      expect(date.slice(11, 16)).toBe('18:30');
    }

    // Taken down, the feed is gone; the draft stays.
    expect((await as.group.post(wheelPath(skovby, '/unpublish'))).status).toBe(200);
    expect((await t.client().get(`/api/public/villages/${slug}/wheel.ics`)).status).toBe(404);
    expect((await t.client().get(`/api/public/villages/${slug}/wheel`)).status).toBe(404);
  });
});

describe('the annual report', () => {
  beforeAll(async () => {
    const db = t.dataSource;
    const goal = async (village: Village, title: string, status: string, createdAt: string) => {
      const [row] = (await db.query(
        `INSERT INTO village_goals (village_id, title, sdgs, status, created_at)
         VALUES ($1, $2, '{11}', $3, $4) RETURNING id`,
        [village.id, title, status, createdAt],
      )) as { id: string }[];
      return row.id;
    };
    const update = (goalId: string, at: string, status: string, note = '', value?: number) =>
      db.query(
        `INSERT INTO village_goal_updates (goal_id, status, note, value, created_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [goalId, status, note, value ?? null, at],
      );
    const sti = await goal(skovby, 'Sti langs Suså', 'paused', '2025-05-01T10:00:00Z');
    // 00:30 on New Year's Day in Copenhagen: 2026's first update.
    await update(sti, '2025-12-31T23:30:00Z', 'in_progress', 'Nyt år');
    await update(sti, '2026-03-04T10:00:00Z', 'on_track', 'Halvdelen\nanlagt', 1.5);
    await update(sti, '2026-09-20T10:00:00Z', 'reached', 'Stien er åbnet');
    // 00:30 on New Year's Day 2027 in Copenhagen: not 2026's.
    await update(sti, '2026-12-31T23:30:00Z', 'paused', 'Vinterpause');
    const spisning = await goal(skovby, 'Fællesspisning', 'idea', '2026-02-01T10:00:00Z');
    await goal(skovby, 'Ny legeplads', 'idea', '2027-01-02T10:00:00Z');
    const tybjergGoal = await goal(tybjerg, 'Tybjergs eget mål', 'idea', '2026-02-01T10:00:00Z');

    // Focus areas and initiatives: what existed by the year's end goes in, marked by whether it
    // was created or changed in 2026; nobody is named.
    const area = async (village: Village, name: string, position: number, createdAt: string) => {
      const [row] = (await db.query(
        `INSERT INTO focus_areas (village_id, name, position, created_at) VALUES ($1, $2, $3, $4)
         RETURNING id`,
        [village.id, name, position, createdAt],
      )) as { id: string }[];
      return row.id;
    };
    const initiative = async (
      village: Village,
      areaId: string,
      i: {
        title: string;
        status: string;
        progress: number;
        weight: number;
        created: string;
        updated: string;
        milestone?: [string, string | null];
        goals?: string[];
      },
    ) => {
      const [row] = (await db.query(
        `INSERT INTO initiatives (village_id, focus_area_id, title, status, progress, weight,
                                  milestone_what, milestone_date, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          village.id,
          areaId,
          i.title,
          i.status,
          i.progress,
          i.weight,
          i.milestone?.[0] ?? null,
          i.milestone?.[1] ?? null,
          i.created,
          i.updated,
        ],
      )) as { id: string }[];
      for (const goalId of i.goals ?? []) {
        await db.query(`INSERT INTO initiative_goals (initiative_id, goal_id) VALUES ($1, $2)`, [
          row.id,
          goalId,
        ]);
      }
      return row.id;
    };
    // Created after "Natur", placed first: the areas come in their order.
    const trafik = await area(skovby, 'Trafik og stier', 1, '2025-03-01T10:00:00Z');
    await area(skovby, 'Natur', 2, '2025-02-01T10:00:00Z');
    await area(skovby, 'Kommer i 2027', 3, '2026-12-31T23:30:00Z');
    const cykelsti = await initiative(skovby, trafik, {
      title: 'Cykelsti til Næstved',
      status: 'in_progress',
      progress: 40,
      weight: 3,
      created: '2025-06-01T10:00:00Z',
      updated: '2025-08-01T10:00:00Z',
      milestone: ['Ansøgning til vejpuljen', '2027-02-01'],
      goals: [spisning, sti],
    });
    await initiative(skovby, trafik, {
      title: 'Delebil',
      status: 'idea',
      progress: 0,
      weight: 1,
      created: '2025-12-31T23:30:00Z',
      updated: '2026-01-02T10:00:00Z',
    });
    await initiative(skovby, trafik, {
      title: 'Nyt busstoppested',
      status: 'done',
      progress: 100,
      weight: 1,
      created: '2025-01-10T10:00:00Z',
      updated: '2026-06-01T10:00:00Z',
      milestone: ['Indvielse', null],
      goals: [sti],
    });
    await initiative(skovby, trafik, {
      title: 'Trafiktælling',
      status: 'paused',
      progress: 20,
      weight: 1,
      created: '2025-09-01T10:00:00Z',
      updated: '2027-02-01T10:00:00Z',
    });
    // Created on New Year's Day 2027 in Copenhagen: not in the list, but in the roll-up.
    await initiative(skovby, trafik, {
      title: 'Ladestander',
      status: 'planned',
      progress: 0,
      weight: 1,
      created: '2026-12-31T23:30:00Z',
      updated: '2026-12-31T23:30:00Z',
    });
    const tybjergArea = await area(tybjerg, 'Tybjergs område', 1, '2026-01-05T10:00:00Z');
    await initiative(tybjerg, tybjergArea, {
      title: 'Tybjergs initiativ',
      status: 'idea',
      progress: 0,
      weight: 1,
      created: '2026-01-05T10:00:00Z',
      updated: '2026-01-05T10:00:00Z',
      goals: [tybjergGoal],
    });
    await db.query(
      `INSERT INTO initiative_people (initiative_id, kind, position, user_id, name, email, phone)
       VALUES ($1, 'contact', 1, NULL, 'Hanne Uden Konto', 'hanne@example.org', '12345678'),
              ($1, 'member', 1, $2, 'Medlem Med Konto', NULL, NULL)`,
      [cykelsti, people[0].id],
    );

    const circles = new CircleFixtures(t.dataSource, t.factory);
    const cohort = await t.factory.cohort([skovby, tybjerg]);
    const circle = await circles.circle(cohort, skovby);
    const held = await circles.session(circle, {
      title: 'Fremtidsværksted',
      startsAt: new Date('2026-03-12T17:00:00Z'),
      status: SessionStatus.Held,
    });
    await circles.session(circle, {
      title: 'Visioner',
      startsAt: new Date('2026-10-01T16:00:00Z'),
      status: SessionStatus.Held,
    });
    await circles.session(circle, {
      title: 'Aflyst',
      startsAt: new Date('2026-05-01T16:00:00Z'),
      status: SessionStatus.Cancelled,
    });
    await circles.session(circle, {
      title: 'Nytårsmøde 2025',
      startsAt: new Date('2025-12-31T22:00:00Z'),
      status: SessionStatus.Held,
    });
    const other = await circles.circle(cohort, tybjerg);
    await circles.session(other, {
      title: 'Tybjergs møde',
      startsAt: new Date('2026-04-01T16:00:00Z'),
      status: SessionStatus.Held,
    });
    for (const [i, status] of ['present', 'present', 'present', 'absent'].entries()) {
      await db.query(
        `INSERT INTO session_attendance (session_id, user_id, status) VALUES ($1, $2, $3)`,
        [held.id, people[i].id, status],
      );
    }

    // A survey with one published and one private question; answers in 2026 count, not 2025's.
    // Tybjerg's survey and idea list stay out of Skovby's report.
    const survey = async (village: Village, title: string) => {
      const question = (id: string, published: boolean) => ({
        id,
        kind: 'single_choice',
        title: published ? 'Hvad savner du mest?' : 'Privat spørgsmål',
        help: '',
        required: false,
        options: [
          { id: 'a', label: 'Et mødested' },
          { id: 'b', label: 'Bedre busser' },
        ],
        rows: [],
        maxChoices: null,
        maxLength: null,
        scaleLabels: null,
        condition: null,
        personalData: false,
        consentText: null,
        published,
      });
      const pages = [
        {
          id: 'p1',
          title: 'Side 1',
          questions: [question('savner', true), question('privat', false)],
        },
      ];
      const [row] = (await db.query(
        `INSERT INTO surveys (owner_kind, village_id, purpose, title, status, public_token, pages)
         VALUES ('village', $1, 'mapping', $2, 'open', md5(random()::text), $3) RETURNING id`,
        [village.id, title, JSON.stringify(pages)],
      )) as { id: string }[];
      return row.id;
    };
    const answer = async (surveyId: string, at: string, option: string) => {
      const [row] = (await db.query(
        `INSERT INTO survey_responses (id, survey_id, device_hash, answers, submitted_at)
         VALUES (gen_random_uuid(), $1, md5(random()::text), $2, $3) RETURNING id`,
        [surveyId, JSON.stringify({ savner: option, privat: 'a' }), at],
      )) as { id: string }[];
      await db.query(
        `INSERT INTO survey_answers (response_id, survey_id, question_id, option_id)
         VALUES ($1, $2, 'savner', $3), ($1, $2, 'privat', 'a')`,
        [row.id, surveyId, option],
      );
    };
    const mapping = await survey(skovby, 'Skovbys borgerundersøgelse');
    await answer(mapping, '2025-12-31T22:59:00Z', 'b'); // 23:59 on New Year's Eve: 2025's
    await answer(mapping, '2026-02-10T10:00:00Z', 'a');
    await answer(mapping, '2026-02-11T10:00:00Z', 'a');
    await answer(mapping, '2026-03-01T10:00:00Z', 'b');
    await answer(await survey(tybjerg, 'Tybjergs undersøgelse'), '2026-02-10T10:00:00Z', 'a');
    const ideaList = async (village: Village, title: string) => {
      const [list] = (await db.query(
        `INSERT INTO idea_lists (village_id, title, status, public_token, created_at)
         VALUES ($1, $2, 'open', md5(random()::text), '2026-04-01T10:00:00Z') RETURNING id`,
        [village.id, title],
      )) as { id: string }[];
      const idea = async (title: string, position: number, paperDots: number) => {
        const [row] = (await db.query(
          `INSERT INTO ideas (list_id, title, position, paper_dots) VALUES ($1, $2, $3, $4)
           RETURNING id`,
          [list.id, title, position, paperDots],
        )) as { id: string }[];
        return row.id;
      };
      const shelter = await idea('Shelterplads', 1, 3);
      const reol = await idea('Bytte-reol', 2, 0);
      await idea('Ingen stemmer', 3, 0);
      for (const [voter, ideaId, dots] of [
        ['a', reol, 3],
        ['b', shelter, 2],
        ['b', reol, 1],
      ] as const) {
        await db.query(
          `INSERT INTO idea_votes (list_id, voter_hash, idea_id, dots) VALUES ($1, $2, $3, $4)`,
          [list.id, voter.repeat(64), ideaId, dots],
        );
      }
    };
    await ideaList(skovby, 'Idéer fra borgermødet');
    await ideaList(tybjerg, 'Tybjergs idéer');
  });

  const GOALS =
    '2 mål; 3 opdateringer i 2026.\n\n' +
    'Sti langs Suså (nået ved årets udgang):\n' +
    '• 1. januar: i gang: Nyt år\n' +
    '• 4. marts: på vej (værdi 1,5): Halvdelen anlagt\n' +
    '• 20. september: nået: Stien er åbnet\n\n' +
    'Fællesspisning (idé ved årets udgang): ingen opdateringer i 2026.';
  // The initiatives in the order they were made, their goals too. Trafik og stier:
  // (3 × 40 + 1 × 0 + 1 × 100 + 1 × 20 + 1 × 0) / 7 = 34.28… → 34,3 (the roll-up
  // as it stands, with the 2027 initiative).
  const INITIATIVES =
    '2 indsatsområder med 4 initiativer: 1 nyt og 1 ændret i 2026. ' +
    'Status og fremdrift er, som de stod, da udkastet blev lavet.\n\n' +
    'Trafik og stier (34,3 % samlet, vægtet):\n' +
    '• Nyt busstoppested (ændret i 2026): gennemført, 100 %. Næste milepæl: Indvielse. ' +
    'Mål: Sti langs Suså.\n' +
    '• Cykelsti til Næstved: i gang, 40 %. Næste milepæl: Ansøgning til vejpuljen, 1. februar 2027. ' +
    'Mål: Sti langs Suså; Fællesspisning.\n' +
    '• Trafiktælling: sat på pause, 20 %.\n' +
    '• Delebil (nyt i 2026): idé, 0 %.\n\n' +
    'Natur: ingen initiativer i 2026.';
  const SESSIONS =
    '2 studiekredsmøder holdt i 2026, i alt 3 fremmødte.\n\n' +
    '• 12. marts: Fremtidsværksted, 3 til stede\n' +
    '• 1. oktober: Visioner, 0 til stede';

  it('is kept per year, and only the steering group of the village makes its draft', async () => {
    const noYear = await as.member.get<ErrorBody>(`/api/villages/${skovby.id}/documents/report`);
    expect(noYear.status).toBe(400);
    expect(noYear.body.message).toBe('The report is kept per year: add ?year=YYYY.');
    expect((await as.member.get(reportPath(skovby, '', 1999))).status).toBe(400);
    const generate = reportPath(skovby, '/generate');
    expect((await as.otherMember.post(generate, { revision: 0 })).status).toBe(404);
    expect((await as.otherCoordinator.post(generate, { revision: 0 })).status).toBe(404);
    expect((await as.coordinator.post(generate, { revision: 0 })).status).toBe(403);
    const badRevision = await as.member.post<ErrorBody>(generate, { revision: -1 });
    expect(badRevision.status).toBe(400);
    const badFlag = await as.member.post<ErrorBody>(generate, { revision: 0, replaceEdited: 'ja' });
    expect(badFlag.status).toBe(400);
    expect(
      (
        await as.member.post(`/api/villages/${skovby.id}/documents/report/generate`, {
          revision: 0,
        })
      ).status,
    ).toBe(400);
  });

  it('makes the draft from the year’s goals, initiatives and sessions, keeps hand edits, and publishes a dated snapshot', async () => {
    const made = await as.member.post<GenerateReportResultDto>(reportPath(skovby, '/generate'), {
      revision: 0,
    });
    expect(made.status).toBe(200);
    expect(made.body.keptEdited).toEqual([]);
    const doc = made.body.document;
    expect(doc).toMatchObject({ kind: DocumentKind.Report, year: 2026, revision: 1 });
    expect(doc.content.sections.map((s) => [s.id, s.title, s.text])).toEqual([
      [
        'intro',
        'Årsrapport 2026',
        `Årsrapporten for ${skovby.name} samler, hvad landsbyen arbejdede med i 2026: målene og deres fremskridt, initiativerne, studiekredsens møder og borgernes svar. Udkastet er lavet ud fra landsbyens data på BLUP Akademiet; styregruppen retter og supplerer det, før det offentliggøres.`,
      ],
      ['goals', 'Landsbymål', GOALS],
      ['initiatives', 'Initiativer', INITIATIVES],
      ['sessions', 'Studiekredsens møder', SESSIONS],
      [
        'gatherings',
        'Borgermøder og arrangementer',
        'Landsbyen holdt ingen møder eller arrangementer på platformen i 2026. Skriv her, hvis I holdt nogen uden for platformen.',
      ],
      [
        'surveys',
        'Spørgeskemaer og prioritering af idéer',
        '1 spørgeskema fik i alt 3 svar i 2026. Kun de resultater, landsbyen har valgt at vise på sin offentlige side, er taget med.\n\n' +
          '• Skovbys borgerundersøgelse: 3 svar (10. februar til 1. marts).\n' +
          '  Hvad savner du mest?: Et mødested 67 %, Bedre busser 33 % (3 svar)\n\n' +
          'Prioritering af idéer, »Idéer fra borgermødet«: 2 personer satte prikker i 2026. ' +
          'Flest prikker: Shelterplads (5), Bytte-reol (4).',
      ],
    ]);
    expect(doc.content.sections.every((s) => s.generated === s.text)).toBe(true);
    // The report can be published: nobody is named in it, with or without an account.
    const all = JSON.stringify(doc.content);
    for (const personal of ['Hanne', 'hanne@example.org', '12345678', 'Medlem Med Konto']) {
      expect(all).not.toContain(personal);
    }

    // Someone rewrites the goals section; then a new session is held and the draft made again.
    const edited: ReportContent = {
      sections: doc.content.sections.map((s) =>
        s.id === 'goals' ? { ...s, text: `${GOALS}\n\nVi er stolte af stien.` } : s,
      ),
    };
    const save = await as.group.request<VillageDocumentDto<ReportContent>>(
      'PUT',
      reportPath(skovby, '/draft'),
      { content: edited, revision: 1 },
    );
    expect(save.status).toBe(200);
    const circle = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM circles WHERE village_id = $1`,
      [skovby.id],
    );
    await new CircleFixtures(t.dataSource, t.factory).session({ id: circle[0].id } as never, {
      title: 'Handleplan',
      startsAt: new Date('2026-11-05T17:00:00Z'),
      status: SessionStatus.Held,
    });

    // And a working group moves its initiative on: the untouched initiatives section follows.
    await t.dataSource.query(
      `UPDATE initiatives SET progress = 10 WHERE title = 'Delebil' AND village_id = $1`,
      [skovby.id],
    );

    const stale = await as.member.post<ErrorBody>(reportPath(skovby, '/generate'), {
      revision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe(ErrorCode.DocumentChanged);

    const again = await as.member.post<GenerateReportResultDto>(reportPath(skovby, '/generate'), {
      revision: 2,
    });
    expect(again.status).toBe(200);
    expect(again.body.keptEdited).toEqual(['Landsbymål']);
    const sections = new Map(again.body.document.content.sections.map((s) => [s.id, s.text]));
    expect(sections.get('goals')).toBe(`${GOALS}\n\nVi er stolte af stien.`);
    // (3 × 40 + 1 × 10 + 1 × 100 + 1 × 20 + 1 × 0) / 7 = 35.71… → 35,7
    expect(sections.get('initiatives')).toBe(
      INITIATIVES.replace('34,3 %', '35,7 %').replace('idé, 0 %', 'idé, 10 %'),
    );
    expect(sections.get('sessions')).toBe(
      '3 studiekredsmøder holdt i 2026, i alt 3 fremmødte.\n\n' +
        '• 12. marts: Fremtidsværksted, 3 til stede\n' +
        '• 1. oktober: Visioner, 0 til stede\n' +
        '• 5. november: Handleplan, 0 til stede',
    );

    const replaced = await as.member.post<GenerateReportResultDto>(
      reportPath(skovby, '/generate'),
      { revision: 3, replaceEdited: true },
    );
    expect(replaced.body.keptEdited).toEqual([]);
    expect(replaced.body.document.content.sections[1].text).toBe(GOALS);

    const history = await as.coordinator.get<Page<{ summary: string }>>(
      `/api/villages/${skovby.id}/documents/report/history?year=2026`,
    );
    expect(history.body.items.map((c) => c.summary)).toEqual([
      'Udkast lavet ud fra landsbyens data for 2026',
      'Udkast lavet igen ud fra landsbyens data for 2026; rettede afsnit bevaret: »Landsbymål«',
      'Afsnittet »Landsbymål« ændret',
      'Udkast lavet ud fra landsbyens data for 2026',
    ]);

    const published = await as.group.post<VillageDocumentDto<ReportContent>>(
      reportPath(skovby, '/publish'),
      { revision: 4 },
    );
    expect(published.status).toBe(200);
    expect(published.body.published?.version).toBe(1);
    const versions = await as.coordinator.get<Page<DocumentVersionDto<ReportContent>>>(
      `/api/villages/${skovby.id}/documents/report/versions?year=2026`,
    );
    expect(versions.body.items).toHaveLength(1);
    expect(Date.parse(versions.body.items[0].publishedAt)).not.toBeNaN();
    expect(versions.body.items[0].content.sections[3].text).toContain('Handleplan');

    // Another year is another report; the village's page lists each.
    const other = await as.member.get<VillageDocumentDto<ReportContent>>(
      reportPath(skovby, '', 2025),
    );
    expect(other.body).toMatchObject({ year: 2025, revision: 0, content: { sections: [] } });
    const statuses = await as.member.get<VillageDocumentsDto>(
      `/api/villages/${skovby.id}/documents`,
    );
    expect(
      statuses.body.documents.filter((d) => d.kind === DocumentKind.Report).map((d) => d.year),
    ).toEqual([2026]);
  });
});
