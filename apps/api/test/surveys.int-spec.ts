import {
  ErrorCode,
  QuestionKind,
  Role,
  SurveyOwnerKind,
  SurveyStatus,
  type ErrorBody,
  type Page,
  type PublicSurveyDto,
  type PublishedSurveyResultsDto,
  type SurveyComparisonDto,
  type SurveyDto,
  type SurveyResponseReceiptDto,
  type SurveyResultsDto,
  type SurveySummaryDto,
  type TextAnswerDto,
} from '@blup/contracts';
import { parse } from 'csv-parse/sync';
import { randomBytes, randomUUID } from 'node:crypto';
import { sessionCookieName } from '../src/app/auth/cookies';
import {
  MAPPING_TEMPLATE_ID,
  NEEDS_TEMPLATE_ID,
} from '../src/app/database/migrations/survey-templates';
import { personalKey } from '../src/app/surveys/survey-keys';
import { startTestApp, type TestApp } from './harness';
import type { TestClient, TestResponse } from './http-client';
import { signInAs } from './sign-in';
import { villageWorld, type VillageWorld } from './village-world';

/**
 * Questionnaires: who may read and write them (every endpoint), the anonymous and personal
 * answering flows, bad answers, closed surveys, the counts against the answers sent, the CSV
 * export read back, the needs analysis side by side, published results, and concurrent submits.
 */
const suffix = randomBytes(3).toString('hex');
let t: TestApp;
let w: VillageWorld;
let as: VillageWorld['as'] & { group: TestClient; anonymous: TestClient };
let survey: SurveyDto;

beforeAll(async () => {
  t = await startTestApp();
  w = await villageWorld(t, suffix, ['glumso']);
  as = {
    ...w.as,
    group: await signInAs(
      t,
      await t.factory.user({
        role: Role.SteeringMember,
        village: w.glumso,
        coordinationGroup: true,
      }),
    ),
    anonymous: t.client(),
  };
  survey = await createCopy(as.member, `/api/villages/${w.glumso.id}/surveys`, MAPPING_TEMPLATE_ID);
});

afterAll(() => t.close());

async function createCopy(client: TestClient, path: string, from: string): Promise<SurveyDto> {
  const res = await client.post<SurveyDto>(path, {
    title: `Kortlægning ${suffix}`,
    copyFromId: from,
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function open(client: TestClient, s: SurveyDto, extra: Record<string, unknown> = {}) {
  let current = s;
  if (Object.keys(extra).length) {
    const patched = await client.patch<SurveyDto>(`/api/surveys/${s.id}`, {
      version: s.version,
      ...extra,
    });
    expect(patched.status).toBe(200);
    current = patched.body;
  }
  const res = await client.request<SurveyDto>('PUT', `/api/surveys/${s.id}/status`, {
    version: current.version,
    status: SurveyStatus.Open,
  });
  expect(res.status).toBe(200);
  return res.body;
}

const submit = (
  token: string,
  body: Record<string, unknown>,
  client: TestClient = as.anonymous,
): Promise<TestResponse<SurveyResponseReceiptDto & ErrorBody>> =>
  client.post(`/api/public/surveys/${token}/responses`, body);

const deviceKey = () => randomBytes(12).toString('base64url');

// ---- Deterministic answers to the mapping template ----------------------------------------

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Answers = Record<string, string | number | string[] | Record<string, string>>;

function answersFor(n: number): Answers {
  const r = rng(n + 1);
  const pick = <T>(list: T[]): T => list[Math.floor(r() * list.length)];
  const some = (list: string[], max: number) => list.filter(() => r() < 0.4).slice(0, max);
  const a: Answers = {
    alder: pick(['u18', '18-29', '30-49', '50-66', '67']),
    bopael: pick(['under2', '2-10', 'over10', 'tilknyttet']),
    trivsel: 1 + Math.floor(r() * 5),
    frivillig: pick(['ja', 'maaske', 'nej']),
  };
  const kvaliteter = some(['natur', 'faellesskab', 'foreninger', 'skole', 'ro', 'boliger'], 3);
  if (kvaliteter.length) a['kvaliteter'] = kvaliteter;
  const tilbud: Record<string, string> = {};
  for (const row of ['indkoeb', 'transport', 'internet'])
    if (r() < 0.7) tilbud[row] = pick(['1', '2', '3', '4', '5']);
  if (Object.keys(tilbud).length) a['tilbud'] = tilbud;
  if (r() < 0.5) {
    a['temaer'] = ['energi', 'mobilitet', 'moedested', 'natur', 'bosaetning', 'unge'].sort(
      () => r() - 0.5,
    );
  }
  if (r() < 0.3) a['ide'] = `Idé nummer ${n}: en fælles bus til Næstved`;
  if (a['frivillig'] !== 'nej' && r() < 0.5) a['hvordan'] = ['praktisk'];
  return a;
}

// ---- Access --------------------------------------------------------------------------------

describe('who may do what', () => {
  it('lists the migration’s templates for coordinators and steering members, not learners', async () => {
    for (const client of [as.member, as.coordinator, as.secretariat]) {
      const res = await client.get<Page<SurveySummaryDto>>('/api/survey-templates');
      expect(res.status).toBe(200);
      const ids = res.body.items.map((s) => s.id);
      expect(ids).toEqual(expect.arrayContaining([MAPPING_TEMPLATE_ID, NEEDS_TEMPLATE_ID]));
    }
    expect((await as.learner.get('/api/survey-templates')).status).toBe(403);
    expect((await as.anonymous.get('/api/survey-templates')).status).toBe(401);
    const template = await as.coordinator.get<SurveyDto>(`/api/surveys/${MAPPING_TEMPLATE_ID}`);
    expect(template.body).toMatchObject({ ownerKind: SurveyOwnerKind.Template, canEdit: false });
    expect(template.body.pages.length).toBeGreaterThan(2);
    expect((await as.learner.get(`/api/surveys/${MAPPING_TEMPLATE_ID}`)).status).toBe(404);
    const byCoordinator = await as.coordinator.post('/api/survey-templates', {
      title: 'Ny skabelon',
    });
    expect(byCoordinator.status).toBe(403);
    const bySecretariat = await as.secretariat.post<SurveyDto>('/api/survey-templates', {
      title: `Skabelon ${suffix}`,
    });
    expect(bySecretariat.status).toBe(201);
    expect(bySecretariat.body.publicToken).toBeNull();
    const opened = await as.secretariat.request<ErrorBody>(
      'PUT',
      `/api/surveys/${bySecretariat.body.id}/status`,
      {
        version: 1,
        status: SurveyStatus.Open,
      },
    );
    expect(opened.status).toBe(400);
  });

  it('copies a template into the village with its pages and question ids', async () => {
    const template = await as.member.get<SurveyDto>(`/api/surveys/${MAPPING_TEMPLATE_ID}`);
    expect(survey).toMatchObject({
      ownerKind: SurveyOwnerKind.Village,
      villageId: w.glumso.id,
      municipalityId: w.naestved.id,
      copiedFromId: MAPPING_TEMPLATE_ID,
      status: SurveyStatus.Draft,
      canEdit: true,
      version: 1,
    });
    expect(survey.pages).toEqual(template.body.pages);
    expect(survey.publicToken).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(survey.publicPath).toBe(`/svar/${survey.publicToken}`);
    // Another village's survey is no source to copy from.
    const foreign = await as.otherMember.post<ErrorBody>(`/api/villages/${w.tybjerg.id}/surveys`, {
      title: 'Kopi',
      copyFromId: survey.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.code).toBe(ErrorCode.UnknownReference);
  });

  it('answers every endpoint of a village’s survey by role', async () => {
    const s = survey.id;
    const v = w.glumso.id;
    const reads = [
      `/api/surveys/${s}`,
      `/api/surveys/${s}/results`,
      `/api/surveys/${s}/results/texts?questionId=ide`,
      `/api/surveys/${s}/export.csv`,
      `/api/villages/${v}/surveys`,
    ];
    const expectations: [keyof typeof as, number, number][] = [
      // who, reads, writes (PATCH, status, create, poster)
      ['secretariat', 200, 200],
      ['member', 200, 200],
      ['coordinator', 200, 403],
      ['otherMember', 404, 404],
      ['otherCoordinator', 404, 404],
      ['learner', 404, 404],
      ['anonymous', 401, 401],
    ];
    for (const [who, read, write] of expectations) {
      const client = as[who];
      for (const path of reads) {
        expect([who, path, (await client.get(path)).status]).toEqual([who, path, read]);
      }
      const patch = await client.patch(`/api/surveys/${s}`, { version: 999 });
      expect([who, 'patch', patch.status]).toEqual([who, 'patch', write === 200 ? 409 : write]);
      const status = await client.request('PUT', `/api/surveys/${s}/status`, {
        version: 999,
        status: 'open',
      });
      expect([who, 'status', status.status]).toEqual([who, 'status', write === 200 ? 409 : write]);
      const poster = await client.get(`/api/surveys/${s}/poster.svg`);
      expect([who, 'poster', poster.status]).toEqual([who, 'poster', write]);
      const del = await client.delete(`/api/surveys/${randomUUID()}`);
      expect(del.status).toBe(who === 'anonymous' ? 401 : 404);
      const create = await client.post(`/api/villages/${v}/surveys`, { title: 'Ny' });
      expect([who, 'create', create.status]).toEqual([who, 'create', write === 200 ? 201 : write]);
    }
    expect((await as.coordinator.delete(`/api/surveys/${s}`)).status).toBe(403);
    expect((await as.otherMember.delete(`/api/surveys/${s}`)).status).toBe(404);
    const poster = await as.member.get<string>(`/api/surveys/${s}/poster.svg`);
    expect(poster.headers.get('content-type')).toContain('image/svg+xml');
    expect(poster.body).toContain('<path d="M');
    expect(poster.body).toContain(`http://blup.test/svar/${survey.publicToken}`);
    const read = await as.coordinator.get<SurveyDto>(`/api/surveys/${s}`);
    expect(read.body).toMatchObject({ canEdit: false, publicToken: null, publicPath: null });
  });

  it('keeps a municipality’s survey to its coordinators and the secretariat', async () => {
    const path = `/api/municipalities/${w.naestved.id}/surveys`;
    const copy = await createCopy(as.coordinator, path, NEEDS_TEMPLATE_ID);
    expect(copy).toMatchObject({ ownerKind: SurveyOwnerKind.Municipality, canEdit: true });
    for (const [client, status] of [
      [as.secretariat, 200],
      [as.coordinator, 200],
      [as.otherCoordinator, 404],
      [as.member, 404],
      [as.learner, 404],
    ] as const) {
      expect((await client.get(`/api/surveys/${copy.id}`)).status).toBe(status);
      expect((await client.get(path)).status).toBe(status);
    }
    expect((await as.member.post(path, { title: 'X' })).status).toBe(404);
    expect((await as.otherCoordinator.post(path, { title: 'X' })).status).toBe(404);
    const bySecretariat = await as.secretariat.get<SurveyDto>(`/api/surveys/${copy.id}`);
    expect(bySecretariat.body.canEdit).toBe(true);
    expect((await as.coordinator.delete(`/api/surveys/${copy.id}`)).status).toBe(204);
  });
});

describe('writing a questionnaire', () => {
  it('refuses a save from an older version and a questionnaire that does not hold together', async () => {
    const stale = await as.member.patch<ErrorBody>(`/api/surveys/${survey.id}`, {
      version: survey.version + 5,
      title: 'Ny titel',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe(ErrorCode.SurveyChanged);
    const badPages = [
      [{ id: 'p', title: '', questions: [{ id: 'q', kind: 'nope', title: 'X' }] }],
      [{ id: 'p', questions: [{ id: 'q', kind: 'single_choice', title: 'X', options: [] }] }],
      [{ id: 'p', questions: [{ id: 'q', kind: 'short_text', title: 'X', published: true }] }],
      [{ id: 'p', questions: [{ id: 'q', kind: 'short_text', title: 'X', personalData: true }] }],
      [
        {
          id: 'p',
          questions: [
            {
              id: 'q',
              kind: 'short_text',
              title: 'X',
              condition: { questionId: 'z', optionIds: ['a'] },
            },
          ],
        },
      ],
      [
        {
          id: 'p',
          questions: [
            { id: 'q', kind: 'short_text', title: 'X' },
            { id: 'q', kind: 'scale', title: 'Y' },
          ],
        },
      ],
      'not a list',
    ];
    for (const pages of badPages) {
      const res = await as.member.patch<ErrorBody>(`/api/surveys/${survey.id}`, {
        version: survey.version,
        pages,
      });
      expect([JSON.stringify(pages), res.status]).toEqual([JSON.stringify(pages), 400]);
    }
    const closesBeforeOpening = await as.member.patch<ErrorBody>(`/api/surveys/${survey.id}`, {
      version: survey.version,
      opensAt: '2030-02-01T00:00:00Z',
      closesAt: '2030-01-01T00:00:00Z',
    });
    expect(closesBeforeOpening.status).toBe(400);
    const unchanged = await as.member.get<SurveyDto>(`/api/surveys/${survey.id}`);
    expect(unchanged.body.version).toBe(survey.version);
  });
});

// ---- Answering -----------------------------------------------------------------------------

describe('answering without an account', () => {
  beforeAll(async () => {
    survey = await open(as.member, survey);
  });

  it('shows the questionnaire and takes one answer per id and device, without a session', async () => {
    const anonymous = t.client();
    const page = await anonymous.get<PublicSurveyDto>(`/api/public/surveys/${survey.publicToken}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      title: survey.title,
      villageName: 'Glumsø og Omegn',
      anonymousLink: true,
    });
    expect(page.body.pages).toEqual(survey.pages);
    const key = deviceKey();
    const body = { id: randomUUID(), deviceKey: key, answers: answersFor(1) };
    const first = await submit(survey.publicToken as string, body, anonymous);
    expect(first.status).toBe(201);
    const again = await submit(survey.publicToken as string, body, anonymous);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const sameDevice = await submit(
      survey.publicToken as string,
      { ...body, id: randomUUID() },
      anonymous,
    );
    expect(sameDevice.status).toBe(409);
    expect(sameDevice.body.code).toBe(ErrorCode.AlreadyAnsweredHere);
    const someoneElse = await submit(
      survey.publicToken as string,
      { ...body, id: randomUUID(), anotherPerson: true },
      anonymous,
    );
    expect(someoneElse.status).toBe(201);
    const [{ count }] = await t.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM survey_responses WHERE id = $1`,
      [body.id],
    );
    expect(count).toBe(1);
    const [{ stored }] = await t.dataSource.query<{ stored: string }[]>(
      `SELECT device_hash AS stored FROM survey_responses WHERE id = $1`,
      [body.id],
    );
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(key);
  });

  it('refuses each kind of bad answer with a 400 naming the question, and stores nothing', async () => {
    const token = survey.publicToken as string;
    const base = answersFor(2);
    const cases: [string, Answers, string, ErrorCode][] = [
      ['unknown question', { ...base, nope: 'x' }, 'nope', ErrorCode.SurveyAnswerInvalid],
      ['wrong type', { ...base, trivsel: 'høj' }, 'trivsel', ErrorCode.SurveyAnswerInvalid],
      ['out of range', { ...base, trivsel: 6 }, 'trivsel', ErrorCode.SurveyAnswerInvalid],
      ['unknown option', { ...base, alder: '99' }, 'alder', ErrorCode.SurveyAnswerInvalid],
      [
        'too many choices',
        { ...base, kvaliteter: ['natur', 'ro', 'skole', 'boliger'] },
        'kvaliteter',
        ErrorCode.SurveyAnswerInvalid,
      ],
      [
        'text over the limit',
        { ...base, ide: 'x'.repeat(2001) },
        'ide',
        ErrorCode.SurveyAnswerInvalid,
      ],
      [
        'a hidden question',
        { ...base, frivillig: 'nej', hvordan: ['praktisk'] },
        'hvordan',
        ErrorCode.SurveyAnswerInvalid,
      ],
      ['info answered', { ...base, velkommen: 'hej' }, 'velkommen', ErrorCode.SurveyAnswerInvalid],
      [
        'a ranking missing an option',
        { ...base, temaer: ['energi'] },
        'temaer',
        ErrorCode.SurveyAnswerInvalid,
      ],
      [
        'a matrix row unknown',
        { ...base, tilbud: { nope: '1' } },
        'tilbud',
        ErrorCode.SurveyAnswerInvalid,
      ],
      ['a required one missing', { ...base, alder: '' }, 'alder', ErrorCode.SurveyAnswerInvalid],
      ['a NUL in text', { ...base, ide: 'a\u0000b' }, 'ide', ErrorCode.SurveyAnswerInvalid],
      [
        'personal data without consent',
        { ...base, frivillig: 'ja', kontakt: 'ane@example.dk' },
        'kontakt',
        ErrorCode.ConsentMissing,
      ],
    ];
    const before = await responseCount(survey.id);
    for (const [what, answers, question, code] of cases) {
      const res = await submit(token, { id: randomUUID(), deviceKey: deviceKey(), answers });
      expect([what, res.status, res.body.code, res.body.params?.['question']]).toEqual([
        what,
        400,
        code,
        question,
      ]);
    }
    for (const body of [
      { id: 'not-a-uuid', deviceKey: deviceKey(), answers: base },
      { id: randomUUID(), deviceKey: 'short', answers: base },
      { id: randomUUID(), deviceKey: deviceKey(), answers: 'x' },
      { id: randomUUID(), deviceKey: deviceKey(), answers: base, extra: 1 },
    ]) {
      expect((await submit(token, body)).status).toBe(400);
    }
    expect(await responseCount(survey.id)).toBe(before);
    const withConsent = await submit(token, {
      id: randomUUID(),
      deviceKey: deviceKey(),
      answers: { ...base, frivillig: 'ja', kontakt: 'ane@example.dk' },
      consents: ['kontakt'],
    });
    expect(withConsent.status).toBe(201);
    expect((await as.anonymous.get('/api/public/surveys/unknown-token-1234567')).status).toBe(404);
  });

  it('answers 410 once closed or past its closing time, 409 before it opens, 404 while a draft', async () => {
    const draft = await createCopy(
      as.member,
      `/api/villages/${w.glumso.id}/surveys`,
      MAPPING_TEMPLATE_ID,
    );
    const token = draft.publicToken as string;
    const body = () => ({ id: randomUUID(), deviceKey: deviceKey(), answers: answersFor(3) });
    expect((await as.anonymous.get(`/api/public/surveys/${token}`)).status).toBe(404);
    expect((await submit(token, body())).status).toBe(404);
    const later = await open(as.member, draft, {
      opensAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(
      (await as.anonymous.get<PublicSurveyDto>(`/api/public/surveys/${token}`)).body.opensAt,
    ).not.toBeNull();
    const early = await submit(token, body());
    expect([early.status, early.body.code]).toEqual([409, ErrorCode.SurveyNotOpen]);
    const past = await as.member.patch<SurveyDto>(`/api/surveys/${draft.id}`, {
      version: later.version,
      opensAt: '2020-01-01T00:00:00Z',
      closesAt: '2020-02-01T00:00:00Z',
    });
    expect(past.status).toBe(200);
    const late = await submit(token, body());
    expect([late.status, late.body.code]).toEqual([410, ErrorCode.SurveyClosed]);
    const reopened = await as.member.patch<SurveyDto>(`/api/surveys/${draft.id}`, {
      version: past.body.version,
      closesAt: null,
    });
    expect((await submit(token, body())).status).toBe(201);
    await as.member.request('PUT', `/api/surveys/${draft.id}/status`, {
      version: reopened.body.version,
      status: SurveyStatus.Closed,
    });
    const closed = await submit(token, body());
    expect([closed.status, closed.body.code]).toEqual([410, ErrorCode.SurveyClosed]);
    expect((await as.anonymous.get(`/api/public/surveys/${token}`)).status).toBe(410);
  });

  it('takes one answer per personal link', async () => {
    const s = await createCopy(
      as.member,
      `/api/villages/${w.glumso.id}/surveys`,
      MAPPING_TEMPLATE_ID,
    );
    const opened = await open(as.member, s, { anonymousLink: false });
    const token = opened.publicToken as string;
    const key = personalKey(t.config.signingSecret, s.id, 'Ane@Example.dk');
    const body = () => ({ id: randomUUID(), deviceKey: deviceKey(), answers: answersFor(4) });
    const anonymous = await submit(token, body());
    expect([anonymous.status, anonymous.body.code]).toEqual([
      403,
      ErrorCode.SurveyPersonalLinkRequired,
    ]);
    const forged = await submit(token, {
      ...body(),
      personalKey: `${key.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAA`,
    });
    expect([forged.status, forged.body.code]).toEqual([400, ErrorCode.SurveyPersonalLinkInvalid]);
    const otherSurvey = await submit(token, {
      ...body(),
      personalKey: personalKey(t.config.signingSecret, survey.id, 'ane@example.dk'),
    });
    expect(otherSurvey.status).toBe(400);
    const first = { ...body(), personalKey: key };
    expect((await submit(token, first)).status).toBe(201);
    expect((await submit(token, first)).status).toBe(201);
    const second = await submit(token, {
      ...body(),
      personalKey: personalKey(t.config.signingSecret, s.id, ' ane@example.dk '),
    });
    expect([second.status, second.body.code]).toEqual([409, ErrorCode.SurveyAlreadyAnswered]);
    expect(await responseCount(s.id)).toBe(1);
  });
});

async function responseCount(surveyId: string): Promise<number> {
  const [{ count }] = await t.dataSource.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM survey_responses WHERE survey_id = $1`,
    [surveyId],
  );
  return count;
}

// ---- Results -------------------------------------------------------------------------------

describe('results', () => {
  let s: SurveyDto;
  const sent: Answers[] = [];
  const N = 300;

  beforeAll(async () => {
    s = await open(
      as.member,
      await createCopy(as.member, `/api/villages/${w.glumso.id}/surveys`, MAPPING_TEMPLATE_ID),
    );
  });

  it('loses and duplicates nothing among concurrent submissions', async () => {
    const token = s.publicToken as string;
    const bodies = Array.from({ length: N }, (_, i) => {
      const answers = answersFor(1000 + i);
      if (i === 7) answers['ide'] = '=HYPERLINK("http://evil.example")';
      sent.push(answers);
      return { id: randomUUID(), deviceKey: deviceKey(), answers };
    });
    const client = t.client();
    await client.get(`/api/public/surveys/${token}`);
    const resends = bodies.slice(0, 30);
    const results = await Promise.all([...bodies, ...resends].map((b) => submit(token, b, client)));
    expect(results.filter((r) => r.status !== 201).map((r) => [r.status, r.body])).toEqual([]);
    expect(await responseCount(s.id)).toBe(N);
    const [{ rows }] = await t.dataSource.query<{ rows: number }[]>(
      `SELECT count(DISTINCT response_id)::int AS rows FROM survey_answers WHERE survey_id = $1`,
      [s.id],
    );
    expect(rows).toBe(N);
  });

  it('counts each option, matrix cell, scale value and ranking as the answers sent say', async () => {
    const res = await as.coordinator.get<SurveyResultsDto>(`/api/surveys/${s.id}/results`);
    expect(res.status).toBe(200);
    expect(res.body.responses).toBe(N);
    const result = (id: string) => res.body.questions.find((q) => q.questionId === id);
    const expected = expectedCounts(sent);
    expect(result('alder')?.options).toEqual(
      expected.options('alder', ['u18', '18-29', '30-49', '50-66', '67']),
    );
    expect(result('kvaliteter')?.options).toEqual(
      expected.options('kvaliteter', [
        'natur',
        'faellesskab',
        'foreninger',
        'skole',
        'ro',
        'boliger',
        'naerhed',
      ]),
    );
    expect(result('kvaliteter')?.answered).toBe(sent.filter((a) => a['kvaliteter']).length);
    expect(result('trivsel')?.scale).toEqual(
      [1, 2, 3, 4, 5].map((value) => ({
        value,
        count: sent.filter((a) => a['trivsel'] === value).length,
      })),
    );
    const trivsel = sent.map((a) => a['trivsel'] as number);
    expect(result('trivsel')?.mean).toBeCloseTo(
      trivsel.reduce((x, y) => x + y, 0) / trivsel.length,
      2,
    );
    const transport = result('tilbud')?.rows.find((r) => r.rowId === 'transport');
    expect(transport?.options).toEqual(
      ['1', '2', '3', '4', '5'].map((optionId) => ({
        optionId,
        count: sent.filter(
          (a) => (a['tilbud'] as Record<string, string> | undefined)?.['transport'] === optionId,
        ).length,
      })),
    );
    const ranked = sent.filter((a) => a['temaer']).map((a) => a['temaer'] as string[]);
    const energi = result('temaer')?.ranking.find((r) => r.optionId === 'energi');
    expect(energi?.firstPlaces).toBe(ranked.filter((r) => r[0] === 'energi').length);
    expect(energi?.meanPosition).toBeCloseTo(
      ranked.reduce((sum, r) => sum + r.indexOf('energi') + 1, 0) / ranked.length,
      2,
    );
    expect(result('velkommen')).toBeUndefined();

    const filtered = await as.member.get<SurveyResultsDto>(
      `/api/surveys/${s.id}/results?questionId=alder&optionId=30-49`,
    );
    const group = sent.filter((a) => a['alder'] === '30-49');
    expect(filtered.body.responses).toBe(group.length);
    expect(filtered.body.filter).toEqual({ questionId: 'alder', optionId: '30-49' });
    expect(filtered.body.questions.find((q) => q.questionId === 'frivillig')?.options).toEqual(
      expectedCounts(group).options('frivillig', ['ja', 'maaske', 'nej']),
    );
    for (const bad of [
      '?questionId=trivsel&optionId=1',
      '?questionId=alder&optionId=nope',
      '?questionId=alder',
    ]) {
      expect((await as.member.get(`/api/surveys/${s.id}/results${bad}`)).status).toBe(400);
    }
  });

  it('pages the free-text answers', async () => {
    const withIdea = sent.filter((a) => a['ide']).length;
    const res = await as.coordinator.get<Page<TextAnswerDto>>(
      `/api/surveys/${s.id}/results/texts?questionId=ide&pageSize=5&page=2`,
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(withIdea);
    expect(res.body.items).toHaveLength(5);
    expect(
      (await as.coordinator.get(`/api/surveys/${s.id}/results/texts?questionId=alder`)).status,
    ).toBe(400);
    const group = await as.coordinator.get<Page<TextAnswerDto>>(
      `/api/surveys/${s.id}/results/texts?questionId=ide&filterQuestionId=alder&filterOptionId=67`,
    );
    expect(group.body.total).toBe(sent.filter((a) => a['ide'] && a['alder'] === '67').length);
  });

  it('exports a CSV for Danish Excel, one row per response, safe from formulas', async () => {
    expect((await as.anonymous.get(`/api/surveys/${s.id}/export.csv`)).status).toBe(401);
    const csv = await fetch(`${t.url}/api/surveys/${s.id}/export.csv`, {
      headers: { cookie: cookieOf(as.coordinator) },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n').length).toBe(N + 2);
    const rows = parse(text, {
      bom: true,
      delimiter: ';',
      relax_column_count: false,
    }) as string[][];
    expect(rows).toHaveLength(N + 1);
    const header = rows[0];
    expect(header.slice(0, 2)).toEqual(['Svar-id', 'Indsendt']);
    expect(header).toContain('Hvor tilfreds er du med … – Offentlig transport');
    expect(header).not.toContain('Tak fordi du vil svare');
    const ideColumn = header.indexOf('Hvad er din bedste idé til lokalområdet?');
    expect(rows.some((r) => r[ideColumn] === `'=HYPERLINK("http://evil.example")`)).toBe(true);
    const ageColumn = header.indexOf('Hvor gammel er du?');
    expect(rows.slice(1).filter((r) => r[ageColumn] === '67 år eller ældre')).toHaveLength(
      sent.filter((a) => a['alder'] === '67').length,
    );
  });

  it('keeps questions and options once answers exist: add and reword, never remove', async () => {
    const current = (await as.member.get<SurveyDto>(`/api/surveys/${s.id}`)).body;
    const removed = current.pages.map((p) => ({
      ...p,
      questions: p.questions.filter((q) => q.id !== 'ide'),
    }));
    const res = await as.member.patch<ErrorBody>(`/api/surveys/${s.id}`, {
      version: current.version,
      pages: removed,
    });
    expect([res.status, res.body.code]).toEqual([409, ErrorCode.SurveyHasAnswers]);
    const reworded = structuredClone(current.pages);
    reworded[0].questions[1].title = 'Din alder?';
    reworded[0].questions[1].options.push({ id: 'ny', label: 'Vil ikke svare' });
    const ok = await as.member.patch<SurveyDto>(`/api/surveys/${s.id}`, {
      version: current.version,
      pages: reworded,
    });
    expect(ok.status).toBe(200);
  });
});

function expectedCounts(sent: Answers[]) {
  return {
    options: (question: string, ids: string[]) =>
      ids.map((optionId) => ({
        optionId,
        count: sent.filter((a) => {
          const v = a[question];
          return Array.isArray(v) ? v.includes(optionId) : v === optionId;
        }).length,
      })),
  };
}

function cookieOf(client: TestClient): string {
  const name = sessionCookieName(t.config);
  return `${name}=${client.cookie(name)}`;
}

// ---- Comparison and published results ------------------------------------------------------

describe('the needs analysis side by side, and results on the public page', () => {
  it('compares municipalities’ copies of the template for the secretariat only', async () => {
    const copies: SurveyDto[] = [];
    for (const [client, municipality] of [
      [as.coordinator, w.naestved],
      [as.otherCoordinator, w.sonderborg],
    ] as const) {
      const copy = await open(
        client,
        await createCopy(
          client,
          `/api/municipalities/${municipality.id}/surveys`,
          NEEDS_TEMPLATE_ID,
        ),
      );
      copies.push(copy);
    }
    const role = ['lokalraad', 'ansat', 'ansat'];
    for (const [i, copy] of copies.entries()) {
      for (let n = 0; n <= i + 1; n++) {
        const res = await submit(copy.publicToken as string, {
          id: randomUUID(),
          deviceKey: deviceKey(),
          answers: { rolle: role[n], samarbejde: 2 + n },
        });
        expect(res.status).toBe(201);
      }
    }
    const res = await as.secretariat.get<SurveyComparisonDto>(
      `/api/survey-templates/${NEEDS_TEMPLATE_ID}/comparison`,
    );
    expect(res.status).toBe(200);
    const columns = res.body.columns.filter((c) => copies.some((copy) => copy.id === c.surveyId));
    expect(columns.map((c) => c.responses).sort()).toEqual([2, 3]);
    const rolle = res.body.questions.find((q) => q.questionId === 'rolle');
    expect(rolle?.kind).toBe(QuestionKind.SingleChoice);
    const sonderborg = res.body.columns.findIndex((c) => c.surveyId === copies[1].id);
    expect(rolle?.results[sonderborg]?.options).toEqual([
      { optionId: 'lokalraad', count: 1 },
      { optionId: 'ansat', count: 2 },
      { optionId: 'politiker', count: 0 },
    ]);
    expect(res.body.questions.some((q) => q.kind === QuestionKind.LongText)).toBe(false);
    expect(
      (await as.coordinator.get(`/api/survey-templates/${NEEDS_TEMPLATE_ID}/comparison`)).status,
    ).toBe(403);
    expect(
      (await as.learner.get(`/api/survey-templates/${NEEDS_TEMPLATE_ID}/comparison`)).status,
    ).toBe(404);
    expect((await as.secretariat.get(`/api/survey-templates/${survey.id}/comparison`)).status).toBe(
      404,
    );
  });

  it('shows a village’s published questions on its public page only while its plan is published', async () => {
    const planPath = `/api/villages/${w.glumso.id}/documents/plan`;
    const doc = await as.group.get<{ revision: number }>(planPath);
    const saved = await as.group.request<{ revision: number }>('PUT', `${planPath}/draft`, {
      content: { sections: [{ id: 'a', title: 'Vision', text: 'Et levende lokalsamfund' }] },
      revision: doc.body.revision,
    });
    expect(saved.status).toBe(200);
    const published = await as.group.post<{ publicPath: string }>(`${planPath}/publish`, {
      revision: saved.body.revision,
    });
    expect(published.status).toBe(200);
    const slug = published.body.publicPath.replace('/landsby/', '');
    const res = await as.anonymous.get<Page<PublishedSurveyResultsDto>>(
      `/api/public/plans/${slug}/survey-results`,
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
    for (const item of res.body.items) {
      const kinds = item.questions.map((q) => q.question.kind);
      expect(kinds).not.toContain(QuestionKind.LongText);
      expect(kinds).not.toContain(QuestionKind.ShortText);
      expect(item.questions.every((q) => q.question.published && !q.question.personalData)).toBe(
        true,
      );
    }
    const big = res.body.items.find((i) => i.responses === 300);
    expect(big?.questions.find((q) => q.question.id === 'trivsel')?.result.answered).toBe(300);
    expect((await as.anonymous.get(`/api/public/plans/nobody-here/survey-results`)).status).toBe(
      404,
    );
    expect((await as.anonymous.get(`/api/public/plans/Bad%20Slug/survey-results`)).status).toBe(
      404,
    );
  });
});

describe('the newsletter’s survey block', () => {
  it('links each village’s open survey with the reader’s personal key', async () => {
    const newsletter = await as.secretariat.post<{ id: string }>('/api/newsletters', {
      target: { kind: 'village', id: w.glumso.id },
      subject: 'Svar på spørgeskemaet',
      blocks: [{ type: 'survey', purpose: 'mapping' }],
    });
    expect(newsletter.status).toBe(201);
    const preview = await as.secretariat.post<{ text: string }>(
      `/api/newsletters/${newsletter.body.id}/preview`,
      { villageId: w.glumso.id },
    );
    expect(preview.status).toBe(200);
    const link = /\/svar\/([A-Za-z0-9_-]+)\?p=([A-Za-z0-9_.-]+)/.exec(preview.body.text);
    expect(link).not.toBeNull();
    const [, token, key] = link as RegExpExecArray;
    const answer = await submit(token, {
      id: randomUUID(),
      deviceKey: deviceKey(),
      personalKey: key,
      answers: answersFor(5),
    });
    expect(answer.status).toBe(201);
    const bad = await as.secretariat.post<ErrorBody>('/api/newsletters', {
      target: { kind: 'village', id: w.glumso.id },
      subject: 'x',
      blocks: [{ type: 'survey', purpose: 'everything' }],
    });
    expect(bad.status).toBe(400);
  });
});
