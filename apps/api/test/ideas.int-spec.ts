import {
  ErrorCode,
  IdeaListStatus,
  type ErrorBody,
  type FocusAreaDto,
  type IdeaDto,
  type IdeaHelperDto,
  type IdeaListDto,
  type InitiativeDto,
  type MyVotesDto,
  type Page,
  type PublicIdeaListDto,
  type SurveyDto,
  type VillageGoalDto,
} from '@blup/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { MAPPING_TEMPLATE_ID } from '../src/app/database/migrations/survey-templates';
import type { Village } from '../src/app/database/entities';
import { startTestApp, type TestApp } from './harness';
import type { TestClient } from './http-client';
import { villageWorld, type VillagePerson } from './village-world';

/**
 * Prioritising ideas: who may read and write idea lists, voting without an account (the dot
 * limit, changing one's mind, closed lists, bad input, 200 voters at once), paper dots, helpers,
 * and making a chosen idea an initiative.
 */
const suffix = randomBytes(3).toString('hex');
let t: TestApp;
let glumso: Village;
let tybjerg: Village;
let as: Record<VillagePerson, TestClient>;
let anonymous: TestClient;
let list: IdeaListDto;
let ideas: IdeaDto[];

const device = () => randomBytes(12).toString('base64url');

beforeAll(async () => {
  t = await startTestApp();
  ({ glumso, tybjerg, as } = await villageWorld(t, suffix, ['glumso']));
  anonymous = t.client();
  const created = await as.member.post<IdeaListDto>(`/api/villages/${glumso.id}/idea-lists`, {
    title: 'Idéer fra borgermødet',
    intro: 'Sæt dine prikker på det, du synes bedst om.',
  });
  expect(created.status).toBe(201);
  list = created.body;
  ideas = [];
  for (const title of ['Shelter ved søen', 'Fælles madklub', 'Cykelsti til skolen', 'Legeplads']) {
    const res = await as.member.post<IdeaDto>(`/api/idea-lists/${list.id}/ideas`, { title });
    expect(res.status).toBe(201);
    ideas.push(res.body);
  }
  list = await setStatus(IdeaListStatus.Open);
});

afterAll(() => t.close());

async function setStatus(status: IdeaListStatus): Promise<IdeaListDto> {
  const current = (await as.member.get<IdeaListDto>(`/api/idea-lists/${list.id}`)).body;
  const res = await as.member.patch<IdeaListDto>(`/api/idea-lists/${list.id}`, {
    status,
    version: current.version,
  });
  expect(res.status).toBe(200);
  return res.body;
}

function vote(body: Record<string, unknown>, client = anonymous) {
  return client.post<MyVotesDto & ErrorBody>(
    `/api/public/idea-lists/${list.publicToken}/votes`,
    body,
  );
}

async function ranking(): Promise<IdeaDto[]> {
  const res = await as.member.get<Page<IdeaDto>>(`/api/idea-lists/${list.id}/ranking?pageSize=100`);
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('who may see and change idea lists', () => {
  it('lets the steering group and the secretariat write, the coordinator read, others nothing', async () => {
    expect(list).toMatchObject({
      villageId: glumso.id,
      dotsPerPerson: 3,
      status: IdeaListStatus.Open,
      ideaCount: 4,
      canEdit: true,
    });
    expect(list.publicUrl).toBe(`http://blup.test/stem/${list.publicToken}`);
    const reads = await Promise.all(
      (['secretariat', 'coordinator', 'otherMember', 'otherCoordinator', 'learner'] as const).map(
        async (who) => [who, (await as[who].get(`/api/idea-lists/${list.id}/ranking`)).status],
      ),
    );
    expect(Object.fromEntries(reads)).toEqual({
      secretariat: 200,
      coordinator: 200,
      otherMember: 404,
      otherCoordinator: 404,
      learner: 404,
    });
    const coordinatorList = await as.coordinator.get<Page<IdeaListDto>>(
      `/api/villages/${glumso.id}/idea-lists`,
    );
    expect(coordinatorList.body.items.map((l) => [l.id, l.canEdit])).toEqual([[list.id, false]]);
    expect(
      (await as.coordinator.post(`/api/idea-lists/${list.id}/ideas`, { title: 'X' })).status,
    ).toBe(403);
    expect((await as.coordinator.get(`/api/ideas/${ideas[0].id}/helpers`)).status).toBe(403);
    expect(
      (await as.otherMember.post(`/api/idea-lists/${list.id}/ideas`, { title: 'X' })).status,
    ).toBe(404);
    expect(
      (await as.otherMember.post(`/api/villages/${glumso.id}/idea-lists`, { title: 'X' })).status,
    ).toBe(404);
    expect(
      (await as.coordinator.post(`/api/villages/${glumso.id}/idea-lists`, { title: 'X' })).status,
    ).toBe(403);
    expect((await anonymous.get(`/api/idea-lists/${list.id}`)).status).toBe(401);
    const secretariat = await as.secretariat.post<IdeaListDto>(
      `/api/villages/${tybjerg.id}/idea-lists`,
      { title: 'Tybjergs idéer', dotsPerPerson: 5 },
    );
    expect(secretariat.status).toBe(201);
    expect(secretariat.body).toMatchObject({ status: IdeaListStatus.Draft, dotsPerPerson: 5 });
    expect((await as.member.get(`/api/idea-lists/${secretariat.body.id}`)).status).toBe(404);
    // A draft is not public yet.
    expect(
      (await anonymous.get(`/api/public/idea-lists/${secretariat.body.publicToken}`)).status,
    ).toBe(404);
  });

  it('refuses a save from an older version with a 409 naming who saved', async () => {
    const res = await as.secretariat.patch<ErrorBody>(`/api/idea-lists/${list.id}`, {
      title: 'Gammel udgave',
      version: 1,
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe(ErrorCode.IdeaListChanged);
  });

  it('changes an idea’s words from the version it was opened at; an older one gets a 409 naming who', async () => {
    const idea = ideas[3];
    const url = `/api/ideas/${idea.id}`;
    expect(idea.version).toBe(1);
    const noVersion = await as.member.patch<ErrorBody>(url, { title: 'Ny legeplads' });
    expect([noVersion.status, noVersion.body.message]).toEqual([
      400,
      'version must be the version you opened, a whole number from 1',
    ]);
    const changed = await as.member.patch<IdeaDto>(url, {
      title: 'Ny legeplads',
      description: 'Ved hallen',
      version: 1,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      title: 'Ny legeplads',
      description: 'Ved hallen',
      version: 2,
    });
    const stale = await as.secretariat.patch<ErrorBody>(url, {
      description: 'Ved skolen',
      version: 1,
    });
    const member = (await as.member.get<{ name: string }>('/api/auth/me')).body;
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: ErrorCode.IdeaChanged,
      params: { name: member.name, version: 2 },
    });
    // Moving it, or saving the same words again, is no new version of its words.
    const moved = await as.member.patch<IdeaDto>(url, { position: idea.position + 10 });
    expect([moved.status, moved.body.position, moved.body.version]).toEqual([
      200,
      idea.position + 10,
      2,
    ]);
    const back = await as.member.patch<IdeaDto>(url, { position: idea.position });
    expect([back.body.position, back.body.version]).toEqual([idea.position, 2]);
    const same = await as.secretariat.patch<IdeaDto>(url, { title: 'Ny legeplads', version: 2 });
    expect([same.status, same.body.version]).toEqual([200, 2]);
    expect((await as.coordinator.patch(url, { title: 'X', version: 2 })).status).toBe(403);
    expect((await as.otherMember.patch(url, { title: 'X', version: 2 })).status).toBe(404);
    const now = (await ranking()).find((i) => i.id === idea.id);
    expect(now).toMatchObject({ title: 'Ny legeplads', description: 'Ved hallen', version: 2 });
    ideas[3] = changed.body;
  });

  it('sends an A4 poster with a QR code as SVG', async () => {
    const res = await as.member.raw('GET', `/api/idea-lists/${list.id}/poster.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(String(res.body)).toMatch(/<svg[^>]+viewBox="0 0 210 297"/);
    expect(String(res.body)).toContain('Idéer fra borgermødet');
    expect(String(res.body)).toContain(`/stem/${list.publicToken}`);
    expect(String(res.body)).toContain('Scan the code and put your 3 dots');
  });
});

describe('voting without an account', () => {
  it('shows the open list in a stable order without totals', async () => {
    const res = await anonymous.get<PublicIdeaListDto>(
      `/api/public/idea-lists/${list.publicToken}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Idéer fra borgermødet', dotsPerPerson: 3 });
    expect(res.body.ideas.map((i) => i.title)).toEqual(ideas.map((i) => i.title));
    expect(Object.keys(res.body.ideas[0]).sort()).toEqual(['description', 'id', 'title']);
    expect((await anonymous.get(`/api/public/idea-lists/nosuchtoken123`)).status).toBe(404);
  });

  it('counts dots up to the limit, and a second vote from the same phone replaces the first', async () => {
    const key = device();
    const first = await vote({
      deviceKey: key,
      votes: [
        { ideaId: ideas[0].id, dots: 2 },
        { ideaId: ideas[1].id, dots: 1 },
      ],
    });
    expect(first.status).toBe(200);
    expect(first.body.dotsLeft).toBe(0);
    const tooMany = await vote({ deviceKey: key, votes: [{ ideaId: ideas[2].id, dots: 4 }] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ code: ErrorCode.TooManyDots, params: { max: 3 } });
    const again = await vote({ deviceKey: key, votes: [{ ideaId: ideas[2].id, dots: 1 }] });
    expect(again.body).toMatchObject({ votes: [{ ideaId: ideas[2].id, dots: 1 }], dotsLeft: 2 });
    const mine = await anonymous.post<MyVotesDto>(
      `/api/public/idea-lists/${list.publicToken}/my-votes`,
      { deviceKey: key },
    );
    expect(mine.body).toEqual(again.body);
    const standing = await ranking();
    expect(standing.find((i) => i.id === ideas[0].id)?.onlineDots).toBe(0);
    expect(standing.find((i) => i.id === ideas[2].id)).toMatchObject({ onlineDots: 1, rank: 1 });
    await vote({ deviceKey: key, votes: [] });
  });

  it('refuses bad input with words a person can act on, saving nothing', async () => {
    const key = device();
    const cases: [Record<string, unknown>, string][] = [
      [{ deviceKey: key, votes: [{ ideaId: randomUuid(), dots: 1 }] }, ErrorCode.IdeaUnknown],
      [{ deviceKey: key, votes: [], help: [ideas[0].id] }, ErrorCode.IdeaHelperRequired],
      [
        { deviceKey: key, votes: [], help: [ideas[0].id], helper: { name: 'Ib', consent: false } },
        ErrorCode.IdeaHelperConsentRequired,
      ],
      [
        {
          deviceKey: key,
          votes: [{ ideaId: ideas[0].id, dots: 1 }],
          help: [ideas[0].id],
          helper: { name: 'x'.repeat(121), consent: true },
        },
        ErrorCode.ValidationFailed,
      ],
      [{ deviceKey: 'short', votes: [] }, ErrorCode.ValidationFailed],
      [{ deviceKey: key, votes: [{ ideaId: ideas[0].id, dots: 0 }] }, ErrorCode.ValidationFailed],
      [{ deviceKey: key, votes: [[]] }, ErrorCode.ValidationFailed],
    ];
    for (const [body, code] of cases) {
      const res = await vote(body);
      expect([res.status, res.body.code]).toEqual([400, code]);
      expect(res.body.message).toBeTruthy();
    }
    const long = await as.member.post<ErrorBody>(`/api/idea-lists/${list.id}/ideas`, {
      title: 'x'.repeat(201),
    });
    expect([long.status, long.body.message]).toEqual([400, 'title can be at most 200 characters']);
    const mine = await anonymous.post<MyVotesDto>(
      `/api/public/idea-lists/${list.publicToken}/my-votes`,
      { deviceKey: key },
    );
    expect(mine.body).toEqual({ votes: [], help: [], helper: null, dotsLeft: 3 });
  });

  it('loses and duplicates nothing when 200 phones vote at once', async () => {
    const keys = Array.from({ length: 200 }, device);
    const results = await Promise.all(
      keys.map((key, n) =>
        vote({
          deviceKey: key,
          votes: [
            { ideaId: ideas[n % 4].id, dots: 2 },
            { ideaId: ideas[(n + 1) % 4].id, dots: 1 },
          ],
        }),
      ),
    );
    expect(results.filter((res) => res.status !== 200)).toEqual([]);
    // The first ten change their minds at once, twice each: their last dots count, once.
    await Promise.all(
      keys
        .slice(0, 10)
        .flatMap((key) => [
          vote({ deviceKey: key, votes: [{ ideaId: ideas[3].id, dots: 3 }] }),
          vote({ deviceKey: key, votes: [{ ideaId: ideas[3].id, dots: 3 }] }),
        ]),
    );
    const standing = await ranking();
    expect(standing.reduce((sum, idea) => sum + idea.onlineDots, 0)).toBe(190 * 3 + 10 * 3);
    const current = (await as.member.get<IdeaListDto>(`/api/idea-lists/${list.id}`)).body;
    expect(current.voterCount).toBe(200);
    expect(standing.map((i) => i.totalDots)).toEqual(
      [...standing.map((i) => i.totalDots)].sort((a, b) => b - a),
    );
  });
});

describe('paper dots, helpers and initiatives', () => {
  it('adds paper dots to the ranking', async () => {
    const online = (await ranking()).find((i) => i.id === ideas[1].id)?.onlineDots ?? 0;
    const res = await as.member.request<IdeaDto>('PUT', `/api/ideas/${ideas[1].id}/paper-dots`, {
      dots: 500,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ paperDots: 500, totalDots: online + 500, rank: 1 });
    expect((await ranking())[0].id).toBe(ideas[1].id);
    const bad = await as.member.request<ErrorBody>('PUT', `/api/ideas/${ideas[1].id}/paper-dots`, {
      dots: -1,
    });
    expect(bad.status).toBe(400);
    const reader = await as.coordinator.request('PUT', `/api/ideas/${ideas[1].id}/paper-dots`, {
      dots: 1,
    });
    expect(reader.status).toBe(403);
  });

  it('keeps helpers for the steering group, and makes the idea an initiative with them', async () => {
    const helped = await vote({
      deviceKey: device(),
      votes: [{ ideaId: ideas[1].id, dots: 1 }],
      help: [ideas[1].id],
      helper: { name: 'Birthe Lund', phone: '+45 20 30 40 50', email: '', consent: true },
    });
    expect(helped.status).toBe(200);
    expect(helped.body.helper).toEqual({
      name: 'Birthe Lund',
      phone: '+45 20 30 40 50',
      email: null,
    });
    const helpers = await as.member.get<Page<IdeaHelperDto>>(`/api/ideas/${ideas[1].id}/helpers`);
    expect(helpers.body.items).toMatchObject([{ name: 'Birthe Lund', phone: '+45 20 30 40 50' }]);
    expect((await ranking()).find((i) => i.id === ideas[1].id)?.helperCount).toBe(1);

    const area = await as.member.post<FocusAreaDto>(`/api/villages/${glumso.id}/focus-areas`, {
      name: 'Fællesskab',
    });
    const goal = await as.member.post<VillageGoalDto>(`/api/villages/${glumso.id}/goals`, {
      title: 'Flere mødesteder',
      sdgs: [11],
    });
    const body = { focusAreaId: area.body.id, goalIds: [goal.body.id] };
    expect((await as.coordinator.post(`/api/ideas/${ideas[1].id}/initiative`, body)).status).toBe(
      403,
    );
    const wrongGoal = await as.member.post<ErrorBody>(`/api/ideas/${ideas[1].id}/initiative`, {
      ...body,
      goalIds: [randomUuid()],
    });
    expect([wrongGoal.status, wrongGoal.body.code]).toEqual([400, ErrorCode.UnknownReference]);
    const made = await as.member.post<{ ideaId: string; initiativeId: string }>(
      `/api/ideas/${ideas[1].id}/initiative`,
      body,
    );
    expect(made.status).toBe(201);
    const initiative = await as.member.get<InitiativeDto>(
      `/api/initiatives/${made.body.initiativeId}`,
    );
    expect(initiative.body).toMatchObject({
      title: 'Fælles madklub',
      status: 'idea',
      focusAreaId: area.body.id,
      members: [{ userId: null, name: 'Birthe Lund', phone: '+45 20 30 40 50', email: null }],
    });
    expect((await ranking()).find((i) => i.id === ideas[1].id)?.initiativeId).toBe(
      made.body.initiativeId,
    );
    const twice = await as.member.post<ErrorBody>(`/api/ideas/${ideas[1].id}/initiative`, body);
    expect([twice.status, twice.body.code]).toEqual([409, ErrorCode.IdeaAlreadyChosen]);
  });

  it('answers 410 to votes once the list is closed, and keeps dots per person once voted', async () => {
    const dots = await as.member.patch<ErrorBody>(`/api/idea-lists/${list.id}`, {
      dotsPerPerson: 5,
      version: (await as.member.get<IdeaListDto>(`/api/idea-lists/${list.id}`)).body.version,
    });
    expect([dots.status, dots.body.code]).toEqual([409, ErrorCode.IdeaListHasVotes]);
    await setStatus(IdeaListStatus.Closed);
    const closed = await vote({ deviceKey: device(), votes: [] });
    expect([closed.status, closed.body.code]).toEqual([410, ErrorCode.IdeaListClosed]);
    expect((await anonymous.get(`/api/public/idea-lists/${list.publicToken}`)).status).toBe(410);
    // The steering group still reads the ranking of a closed list.
    expect((await ranking()).length).toBe(4);
  });
});

function randomUuid(): string {
  return '3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b';
}

describe('ideas taken from survey answers', () => {
  it('keeps the source when the survey is the village’s own, and refuses another village’s', async () => {
    const copy = (client: TestClient, villageId: string) =>
      client.post<SurveyDto>(`/api/villages/${villageId}/surveys`, {
        title: `Kortlægning ${suffix}`,
        copyFromId: MAPPING_TEMPLATE_ID,
      });
    const [own, other, sourceList] = await Promise.all([
      copy(as.member, glumso.id),
      copy(as.otherMember, tybjerg.id),
      as.member.post<IdeaListDto>(`/api/villages/${glumso.id}/idea-lists`, { title: 'Fra svar' }),
    ]);
    const questionOf = (s: SurveyDto) => s.pages[0].questions[0].id;
    const add = (surveyId: string, questionId: string) =>
      as.member.post<IdeaDto & ErrorBody>(`/api/idea-lists/${sourceList.body.id}/ideas`, {
        title: 'Et mødested for de unge',
        source: { kind: 'survey_answer', surveyId, questionId },
      });
    const ok = await add(own.body.id, questionOf(own.body));
    expect(ok.status).toBe(201);
    expect(ok.body.source).toEqual({
      kind: 'survey_answer',
      surveyId: own.body.id,
      questionId: questionOf(own.body),
    });
    const refused = await Promise.all([
      add(other.body.id, questionOf(other.body)),
      add(own.body.id, randomUUID()),
    ]);
    expect(refused.map((r) => [r.status, r.body.code])).toEqual([
      [400, ErrorCode.IdeaSourceUnknown],
      [400, ErrorCode.IdeaSourceUnknown],
    ]);
    const after = await as.member.get<IdeaListDto>(`/api/idea-lists/${sourceList.body.id}`);
    expect(after.body.ideaCount).toBe(1);
  });
});
