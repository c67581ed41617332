import {
  ErrorCode,
  GoalStatus,
  type ErrorBody,
  type FocusAreaDto,
  type GoalSummaryDto,
  type InitiativeDto,
  type GoalUpdateDto,
  type Page,
  type SdgDto,
  type VillageGoalDto,
} from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import type { Cohort, Municipality, User, Village } from '../src/app/database/entities';
import { startTestApp, type TestApp } from './harness';
import type { TestClient } from './http-client';
import { villageWorld, type VillagePerson } from './village-world';

/**
 * Village goals on the 17 SDGs: who may read and write them, the timeline of progress, the 409
 * when two people change one goal, and bad input.
 */
const suffix = randomBytes(3).toString('hex');
let t: TestApp;
let glumso: Village;
let tybjerg: Village;
let kegnaes: Village;
let naestved: Municipality;
let cohort: Cohort;
let as: Record<VillagePerson, TestClient>;
let users: Record<'member' | 'otherMember', User>;

beforeAll(async () => {
  t = await startTestApp();
  ({ glumso, tybjerg, kegnaes, naestved, cohort, as, users } = await villageWorld(t, suffix, [
    'tybjerg',
    'kegnaes',
  ]));
});

afterAll(() => t.close());

const goalBody = {
  title: 'Samkørsel til Næstved',
  why: 'Bussen kører kun to gange om dagen.',
  sdgs: [13, 11],
  owner: 'Arbejdsgruppen for mobilitet',
  horizon: '2028-06-30',
  indicator: 'Faste samkørselsruter',
  baseline: 0,
  targetValue: 5,
};

async function createGoal(village: Village = glumso): Promise<VillageGoalDto> {
  const res = await as.member.post<VillageGoalDto>(`/api/villages/${village.id}/goals`, goalBody);
  expect(res.status).toBe(201);
  return res.body;
}

describe('the SDG catalogue', () => {
  it('lists the 17 goals with their Danish names and colours, without signing in', async () => {
    const res = await t.client().get<Page<SdgDto>>('/api/sdgs?pageSize=20');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(17);
    expect(res.body.items[0]).toEqual({
      number: 1,
      nameDa: 'Afskaf fattigdom',
      nameEn: 'No poverty',
      colour: '#E5243B',
    });
    expect(res.body.items.map((sdg) => sdg.number)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
  });
});

describe('writing goals', () => {
  it('lets the steering group add a goal on two SDGs, sorted, at version 1', async () => {
    const goal = await createGoal();
    expect(goal).toMatchObject({
      villageId: glumso.id,
      villageName: 'Glumsø og Omegn',
      sdgs: [11, 13],
      horizon: '2028-06-30',
      baseline: 0,
      targetValue: 5,
      currentValue: null,
      status: GoalStatus.Idea,
      version: 1,
      canEdit: true,
    });
    expect(goal.updatedBy?.name).toBeTruthy();
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...goalBody, sdgs: [] }, 'sdgs'],
      [{ ...goalBody, sdgs: [18] }, 'sdgs'],
      [{ ...goalBody, sdgs: [3, 3] }, 'sdgs'],
      [{ ...goalBody, sdgs: '3' }, 'sdgs'],
      [{ ...goalBody, title: '  ' }, 'title'],
      [{ ...goalBody, horizon: '2028-02-30' }, 'horizon'],
      [{ ...goalBody, targetValue: 1e12 }, 'targetValue'],
      [{ ...goalBody, status: 'done' }, 'status'],
    ];
    for (const [body, field] of cases) {
      const res = await as.member.post<ErrorBody>(`/api/villages/${glumso.id}/goals`, body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(Object.keys(res.body.details ?? {})).toContain(field);
    }
  });

  it('refuses a second save made from an older version with a 409 naming who saved', async () => {
    const goal = await createGoal();
    const first = await as.member.patch<VillageGoalDto>(`/api/goals/${goal.id}`, {
      version: 1,
      title: 'Samkørsel og delebil',
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const second = await as.secretariat.patch<ErrorBody>(`/api/goals/${goal.id}`, {
      version: 1,
      title: 'Delebil',
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe(ErrorCode.GoalChanged);
    expect(second.body.params?.name).toBe(first.body.updatedBy?.name);
    const now = await as.member.get<VillageGoalDto>(`/api/goals/${goal.id}`);
    expect(now.body.title).toBe('Samkørsel og delebil');
    const missing = await as.member.patch<ErrorBody>(`/api/goals/${goal.id}`, { title: 'x' });
    expect(missing.status).toBe(400);
  });

  it('records progress in one tap, keeps every update, and moves the goal on', async () => {
    const goal = await createGoal();
    const one = await as.member.post<GoalUpdateDto>(`/api/goals/${goal.id}/updates`, {
      status: GoalStatus.InProgress,
    });
    expect(one.status).toBe(201);
    const two = await as.member.post<GoalUpdateDto>(`/api/goals/${goal.id}/updates`, {
      status: GoalStatus.OnTrack,
      note: 'To ruter kører nu.',
      value: 2,
    });
    expect(two.body).toMatchObject({
      status: GoalStatus.OnTrack,
      note: 'To ruter kører nu.',
      value: 2,
    });
    const timeline = await as.coordinator.get<Page<GoalUpdateDto>>(`/api/goals/${goal.id}/updates`);
    expect(timeline.body.total).toBe(2);
    expect(timeline.body.items.map((u) => u.status)).toEqual([
      GoalStatus.OnTrack,
      GoalStatus.InProgress,
    ]);
    const after = await as.member.get<VillageGoalDto>(`/api/goals/${goal.id}`);
    expect(after.body).toMatchObject({ status: GoalStatus.OnTrack, currentValue: 2, version: 3 });
  });

  it('filters a village’s goals by SDG and status, a page at a time', async () => {
    const village = tybjerg;
    const client = as.otherMember;
    for (const sdgs of [[2], [2, 15], [7]]) {
      const res = await client.post(`/api/villages/${village.id}/goals`, {
        title: `Mål ${sdgs}`,
        sdgs,
      });
      expect(res.status).toBe(201);
    }
    const onTwo = await client.get<Page<VillageGoalDto>>(
      `/api/villages/${village.id}/goals?sdg=2&pageSize=1`,
    );
    expect(onTwo.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(onTwo.body.items).toHaveLength(1);
    const reached = await client.get<Page<VillageGoalDto>>(
      `/api/villages/${village.id}/goals?status=reached`,
    );
    expect(reached.body.total).toBe(0);
    const bad = await client.get(`/api/villages/${village.id}/goals?sdg=18`);
    expect(bad.status).toBe(400);
  });
});

describe('a goal’s owner', () => {
  async function createWorkingGroup(village: Village, who: TestClient): Promise<InitiativeDto> {
    const area = await as.secretariat.post<FocusAreaDto>(
      `/api/villages/${village.id}/focus-areas`,
      {
        name: `Mobilitet ${randomBytes(2).toString('hex')}`,
      },
    );
    expect(area.status).toBe(201);
    const goal = await who.post<VillageGoalDto>(`/api/villages/${village.id}/goals`, {
      title: 'Et mål for arbejdsgruppen',
      sdgs: [11],
    });
    const res = await who.post<InitiativeDto>(`/api/villages/${village.id}/initiatives`, {
      focusAreaId: area.body.id,
      title: 'Faste opsamlingssteder',
      goalIds: [goal.body.id],
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('is a name in words by default, with no person or working group', async () => {
    const goal = await createGoal();
    expect(goal).toMatchObject({
      owner: 'Arbejdsgruppen for mobilitet',
      ownerPerson: null,
      ownerInitiative: null,
    });
  });

  it('can be a person of the village, then a working group, then a name again', async () => {
    const goal = await createGoal();
    const person = await as.member.patch<VillageGoalDto>(`/api/goals/${goal.id}`, {
      version: goal.version,
      owner: '',
      ownerUserId: users.member.id,
      ownerInitiativeId: null,
    });
    expect(person.status).toBe(200);
    expect(person.body).toMatchObject({
      owner: users.member.name,
      ownerPerson: { id: users.member.id, name: users.member.name },
      ownerInitiative: null,
    });

    const group = await createWorkingGroup(glumso, as.member);
    const byGroup = await as.member.patch<VillageGoalDto>(`/api/goals/${goal.id}`, {
      version: person.body.version,
      ownerUserId: null,
      ownerInitiativeId: group.id,
    });
    expect(byGroup.status).toBe(200);
    expect(byGroup.body).toMatchObject({
      owner: group.title,
      ownerPerson: null,
      ownerInitiative: { id: group.id, title: group.title },
    });
    const read = await as.coordinator.get<VillageGoalDto>(`/api/goals/${goal.id}`);
    expect(read.body.ownerInitiative).toEqual({ id: group.id, title: group.title });

    const words = await as.member.patch<VillageGoalDto>(`/api/goals/${goal.id}`, {
      version: byGroup.body.version,
      owner: 'Karin Holm',
    });
    expect(words.status).toBe(200);
    expect(words.body).toMatchObject({
      owner: 'Karin Holm',
      ownerPerson: null,
      ownerInitiative: null,
    });
  });

  it('is set on a new goal to a working group', async () => {
    const group = await createWorkingGroup(glumso, as.member);
    const res = await as.member.post<VillageGoalDto>(`/api/villages/${glumso.id}/goals`, {
      ...goalBody,
      owner: '',
      ownerInitiativeId: group.id,
    });
    expect(res.status).toBe(201);
    expect(res.body.ownerInitiative).toEqual({ id: group.id, title: group.title });
    expect(res.body.owner).toBe(group.title);
  });

  it('refuses a person or working group of another village, or both at once, with a 400', async () => {
    const goal = await createGoal();
    const tybjergGroup = await createWorkingGroup(tybjerg, as.otherMember);
    const group = await createWorkingGroup(glumso, as.member);
    const cases: [Record<string, unknown>, string, ErrorCode][] = [
      [{ ownerUserId: users.otherMember.id }, 'ownerUserId', ErrorCode.UnknownReference],
      [{ ownerInitiativeId: tybjergGroup.id }, 'ownerInitiativeId', ErrorCode.UnknownReference],
      [{ ownerUserId: 'karin' }, 'ownerUserId', ErrorCode.ValidationFailed],
      [
        { ownerUserId: users.member.id, ownerInitiativeId: group.id },
        'ownerInitiativeId',
        ErrorCode.ValidationFailed,
      ],
    ];
    for (const [body, field, code] of cases) {
      const patch = await as.member.patch<ErrorBody>(`/api/goals/${goal.id}`, {
        version: goal.version,
        ...body,
      });
      expect({ field, status: patch.status, code: patch.body.code }).toEqual({
        field,
        status: 400,
        code,
      });
      expect(Object.keys(patch.body.details ?? {})).toContain(field);
      const post = await as.member.post<ErrorBody>(`/api/villages/${glumso.id}/goals`, {
        ...goalBody,
        ...body,
      });
      expect({ field, status: post.status }).toEqual({ field, status: 400 });
    }
    const unchanged = await as.member.get<VillageGoalDto>(`/api/goals/${goal.id}`);
    expect(unchanged.body).toMatchObject({ version: goal.version, ownerPerson: null });
  });

  it('is gone, not an error, when the working group is deleted', async () => {
    const group = await createWorkingGroup(glumso, as.member);
    const goal = await as.member.post<VillageGoalDto>(`/api/villages/${glumso.id}/goals`, {
      ...goalBody,
      ownerInitiativeId: group.id,
    });
    expect(goal.body.ownerInitiative?.id).toBe(group.id);
    expect((await as.member.delete(`/api/initiatives/${group.id}`)).status).toBe(204);
    const read = await as.member.get<VillageGoalDto>(`/api/goals/${goal.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ owner: '', ownerPerson: null, ownerInitiative: null });
    const list = await as.member.get<Page<VillageGoalDto>>(
      `/api/villages/${glumso.id}/goals?pageSize=100`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.find((g) => g.id === goal.body.id)?.ownerInitiative).toBeNull();
  });
});

describe('who may see and change a village’s goals', () => {
  let goal: VillageGoalDto;
  beforeAll(async () => {
    goal = await createGoal();
  });

  it('lets the village, its coordinators and the secretariat read; hides it from the rest', async () => {
    const expected: [keyof typeof as, number, boolean | null][] = [
      ['secretariat', 200, true],
      ['member', 200, true],
      ['coordinator', 200, false],
      ['otherMember', 404, null],
      ['otherCoordinator', 404, null],
      ['learner', 404, null],
    ];
    for (const [who, status, canEdit] of expected) {
      const one = await as[who].get<VillageGoalDto>(`/api/goals/${goal.id}`);
      const list = await as[who].get<Page<VillageGoalDto>>(`/api/villages/${glumso.id}/goals`);
      const timeline = await as[who].get(`/api/goals/${goal.id}/updates`);
      expect({ who, one: one.status, list: list.status, timeline: timeline.status }).toEqual({
        who,
        one: status,
        list: status,
        timeline: status,
      });
      if (canEdit !== null) expect({ who, canEdit: one.body.canEdit }).toEqual({ who, canEdit });
    }
    expect((await t.client().get(`/api/goals/${goal.id}`)).status).toBe(401);
  });

  it('lets only the village’s steering group and the secretariat write', async () => {
    const expected: [keyof typeof as, number][] = [
      ['coordinator', 403],
      ['otherMember', 404],
      ['otherCoordinator', 404],
      ['learner', 404],
    ];
    for (const [who, status] of expected) {
      const create = await as[who].post(`/api/villages/${glumso.id}/goals`, goalBody);
      const patch = await as[who].patch(`/api/goals/${goal.id}`, { version: 1, title: 'x' });
      const update = await as[who].post(`/api/goals/${goal.id}/updates`, {
        status: GoalStatus.Reached,
      });
      const remove = await as[who].delete(`/api/goals/${goal.id}`);
      expect({
        who,
        create: create.status,
        patch: patch.status,
        update: update.status,
        remove: remove.status,
      }).toEqual({
        who,
        create: status,
        patch: status,
        update: status,
        remove: status,
      });
    }
    const untouched = await as.member.get<VillageGoalDto>(`/api/goals/${goal.id}`);
    expect(untouched.body).toMatchObject({ version: 1, status: GoalStatus.Idea });
    const other = await as.secretariat.post<VillageGoalDto>(
      `/api/villages/${kegnaes.id}/goals`,
      goalBody,
    );
    expect(other.status).toBe(201);
    expect((await as.secretariat.delete(`/api/goals/${other.body.id}`)).status).toBe(204);
    expect((await as.secretariat.get(`/api/goals/${other.body.id}`)).status).toBe(404);
  });
});

describe('goals across villages', () => {
  it('sums a municipality’s goals per SDG and status for its coordinators', async () => {
    const res = await as.coordinator.get<GoalSummaryDto>(
      `/api/municipalities/${naestved.id}/goal-summary`,
    );
    expect(res.status).toBe(200);
    const mine = await as.coordinator.get<Page<VillageGoalDto>>(
      `/api/villages/${glumso.id}/goals?pageSize=100`,
    );
    const theirs = await as.coordinator.get<Page<VillageGoalDto>>(
      `/api/villages/${tybjerg.id}/goals?pageSize=100`,
    );
    const all = [...mine.body.items, ...theirs.body.items];
    expect(res.body).toMatchObject({ villages: 2, villagesWithGoals: 2, goals: all.length });
    expect(res.body.bySdg.map((row) => row.number)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    const onEleven = all.filter((goal) => goal.sdgs.includes(11));
    expect(res.body.bySdg[10]).toEqual({
      number: 11,
      goals: onEleven.length,
      villages: new Set(onEleven.map((goal) => goal.villageId)).size,
    });
    const statusTotal = res.body.byStatus.reduce((sum, row) => sum + row.goals, 0);
    expect(statusTotal).toBe(all.length);
  });

  it('shows a cohort’s summary to the secretariat only', async () => {
    const ok = await as.secretariat.get<GoalSummaryDto>(`/api/cohorts/${cohort.id}/goal-summary`);
    expect(ok.status).toBe(200);
    expect(ok.body.villages).toBe(2);
    const statuses: [keyof typeof as, number][] = [
      ['otherMember', 403],
      ['coordinator', 403],
      ['otherCoordinator', 403],
      ['member', 404],
      ['learner', 404],
    ];
    for (const [who, status] of statuses) {
      const res = await as[who].get(`/api/cohorts/${cohort.id}/goal-summary`);
      expect({ who, status: res.status }).toEqual({ who, status });
    }
    const municipal: [keyof typeof as, number][] = [
      ['secretariat', 200],
      ['otherCoordinator', 404],
      ['member', 403],
      ['learner', 403],
    ];
    for (const [who, status] of municipal) {
      const res = await as[who].get(`/api/municipalities/${naestved.id}/goal-summary`);
      expect({ who, status: res.status }).toEqual({ who, status });
    }
  });
});
