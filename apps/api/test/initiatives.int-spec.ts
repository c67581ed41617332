import {
  ErrorCode,
  InitiativeStatus,
  type ErrorBody,
  type FocusAreaDto,
  type FocusAreaOverviewDto,
  type GoalSummaryDto,
  type InitiativeCandidateDto,
  type InitiativeDto,
  type Page,
  type VillageGoalDto,
} from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import type { Cohort, Municipality, User, Village } from '../src/app/database/entities';
import { startTestApp, type TestApp } from './harness';
import type { TestClient } from './http-client';
import { villageWorld, type VillagePerson, type VillageWorld } from './village-world';

/**
 * Initiatives and focus areas: who may read and write them, bad input, the 409 when two people
 * change one, the weighted roll-up of a focus area's progress, and initiatives in the summaries.
 */
const suffix = randomBytes(3).toString('hex');
let t: TestApp;
let glumso: Village;
let tybjerg: Village;
let kegnaes: Village;
let naestved: Municipality;
let cohort: Cohort;
let memberUser: User;
let otherMemberUser: User;
let goal: VillageGoalDto;
let secondGoal: VillageGoalDto;
let tybjergGoal: VillageGoalDto;
let area: FocusAreaDto;
let as: Record<VillagePerson, TestClient>;

beforeAll(async () => {
  t = await startTestApp();
  let users: VillageWorld['users'];
  ({ glumso, tybjerg, kegnaes, naestved, cohort, as, users } = await villageWorld(t, suffix, [
    'glumso',
    'kegnaes',
  ]));
  memberUser = users.member;
  otherMemberUser = users.otherMember;
  goal = (
    await as.member.post<VillageGoalDto>(`/api/villages/${glumso.id}/goals`, {
      title: 'Samkørsel til Næstved',
      sdgs: [11, 13],
    })
  ).body;
  secondGoal = (
    await as.member.post<VillageGoalDto>(`/api/villages/${glumso.id}/goals`, {
      title: 'Et levende forsamlingshus',
      sdgs: [3],
    })
  ).body;
  tybjergGoal = (
    await as.otherMember.post<VillageGoalDto>(`/api/villages/${tybjerg.id}/goals`, {
      title: 'Tybjergs mål',
      sdgs: [7],
    })
  ).body;
  area = await createArea('Mobilitet');
});

afterAll(() => t.close());

async function createArea(name: string, village: Village = glumso): Promise<FocusAreaDto> {
  const res = await as.secretariat.post<FocusAreaDto>(`/api/villages/${village.id}/focus-areas`, {
    name,
    description: 'Fra fremtidsværkstedet',
  });
  expect(res.status).toBe(201);
  return res.body;
}

function initiativeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    focusAreaId: area.id,
    title: 'Samkørselsapp og faste opsamlingssteder',
    description: 'Tre opsamlingssteder og en fælles app.',
    goalIds: [goal.id],
    contact: { name: 'Karin Holm', phone: '+45 20 30 40 50' },
    members: [
      { userId: memberUser.id },
      { name: 'Ole Jensen', email: 'ole@example.dk' },
      { name: 'Birthe fra borgerpanelet' },
    ],
    partners: ['Glumsø Borgerforening', 'Næstved Kommune'],
    milestone: { what: 'Første fælleskørsel', date: '2027-05-01' },
    status: InitiativeStatus.Planned,
    progress: 10,
    weight: 2,
    ...overrides,
  };
}

async function createInitiative(
  overrides: Record<string, unknown> = {},
  village: Village = glumso,
): Promise<InitiativeDto> {
  const res = await as.member.post<InitiativeDto>(
    `/api/villages/${village.id}/initiatives`,
    initiativeBody(overrides),
  );
  expect(res.status).toBe(201);
  return res.body;
}

describe('writing initiatives', () => {
  it('saves an initiative with its goals, contact, members with and without accounts, and partners', async () => {
    const initiative = await createInitiative({ goalIds: [goal.id, secondGoal.id] });
    expect(initiative).toMatchObject({
      villageId: glumso.id,
      villageName: 'Glumsø og Omegn',
      focusAreaId: area.id,
      focusAreaName: 'Mobilitet',
      goals: [
        { id: goal.id, title: goal.title },
        { id: secondGoal.id, title: secondGoal.title },
      ],
      contact: { userId: null, name: 'Karin Holm', phone: '+45 20 30 40 50', email: null },
      partners: ['Glumsø Borgerforening', 'Næstved Kommune'],
      milestone: { what: 'Første fælleskørsel', date: '2027-05-01' },
      status: InitiativeStatus.Planned,
      progress: 10,
      weight: 2,
      version: 1,
      canEdit: true,
    });
    expect(initiative.members).toEqual([
      { userId: memberUser.id, name: memberUser.name, email: memberUser.email, phone: null },
      { userId: null, name: 'Ole Jensen', email: 'ole@example.dk', phone: null },
      { userId: null, name: 'Birthe fra borgerpanelet', email: null, phone: null },
    ]);
    const withAccount = await createInitiative({ contact: { userId: memberUser.id } });
    expect(withAccount.contact).toMatchObject({ userId: memberUser.id, name: memberUser.name });
    const defaults = await as.member.post<InitiativeDto>(`/api/villages/${glumso.id}/initiatives`, {
      focusAreaId: area.id,
      title: 'Bare en idé',
      goalIds: [goal.id],
    });
    expect(defaults.body).toMatchObject({
      status: InitiativeStatus.Idea,
      progress: 0,
      weight: 1,
      contact: null,
      members: [],
      partners: [],
      milestone: null,
    });
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [initiativeBody({ goalIds: [] }), 'goalIds'],
      [initiativeBody({ goalIds: ['x'] }), 'goalIds'],
      [initiativeBody({ goalIds: [tybjergGoal.id] }), 'goalIds'],
      [initiativeBody({ goalIds: [goal.id, tybjergGoal.id] }), 'goalIds'],
      [initiativeBody({ title: ' ' }), 'title'],
      [initiativeBody({ progress: 101 }), 'progress'],
      [initiativeBody({ progress: 2.5 }), 'progress'],
      [initiativeBody({ weight: 0 }), 'weight'],
      [initiativeBody({ weight: 6 }), 'weight'],
      [initiativeBody({ status: 'done-ish' }), 'status'],
      [initiativeBody({ milestone: { what: 'x', date: '2027-02-30' } }), 'milestone'],
      [initiativeBody({ contact: { name: 'Karin' } }), 'contact'],
      [initiativeBody({ contact: { userId: otherMemberUser.id } }), 'contact'],
      [initiativeBody({ contact: { name: 'Karin', phone: 'ring mig' } }), 'contact'],
      [initiativeBody({ members: [{ email: 'a@example.dk' }] }), 'members.0'],
      [initiativeBody({ members: [{ userId: otherMemberUser.id }] }), 'members.0'],
      [initiativeBody({ partners: ['  '] }), 'partners'],
      [initiativeBody({ focusAreaId: undefined }), 'focusAreaId'],
    ];
    const otherArea = await createArea('Tybjergs område', tybjerg);
    cases.push([initiativeBody({ focusAreaId: otherArea.id }), 'focusAreaId']);
    for (const [body, field] of cases) {
      const res = await as.member.post<ErrorBody>(`/api/villages/${glumso.id}/initiatives`, body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      const fields = Object.keys(res.body.details ?? {});
      expect({ field, ok: fields.some((key) => key.startsWith(field)) }).toEqual({
        field,
        ok: true,
      });
    }
  });

  it('refuses a second save from an older version with a 409 naming who saved', async () => {
    const initiative = await createInitiative();
    const first = await as.member.patch<InitiativeDto>(`/api/initiatives/${initiative.id}`, {
      version: 1,
      status: InitiativeStatus.InProgress,
      progress: 40,
      members: [{ name: 'Ny frivillig', phone: '20304050' }],
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      version: 2,
      status: InitiativeStatus.InProgress,
      progress: 40,
      members: [{ userId: null, name: 'Ny frivillig', phone: '20304050', email: null }],
      contact: { name: 'Karin Holm' },
    });
    const second = await as.secretariat.patch<ErrorBody>(`/api/initiatives/${initiative.id}`, {
      version: 1,
      title: 'Delebil',
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe(ErrorCode.InitiativeChanged);
    expect(second.body.params?.name).toBe(memberUser.name);
    const now = await as.member.get<InitiativeDto>(`/api/initiatives/${initiative.id}`);
    expect(now.body.title).toBe(initiative.title);
    const missing = await as.member.patch<ErrorBody>(`/api/initiatives/${initiative.id}`, {
      title: 'x',
    });
    expect(missing.status).toBe(400);
    const foreignGoal = await as.member.patch<ErrorBody>(`/api/initiatives/${initiative.id}`, {
      version: 2,
      goalIds: [tybjergGoal.id],
    });
    expect(foreignGoal.status).toBe(400);
  });

  it('lists a goal’s initiatives for those who may see the goal', async () => {
    const res = await as.coordinator.get<Page<InitiativeDto>>(
      `/api/goals/${secondGoal.id}/initiatives`,
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0].goals.map((g) => g.id)).toContain(secondGoal.id);
    expect((await as.otherMember.get(`/api/goals/${secondGoal.id}/initiatives`)).status).toBe(404);
  });

  it('offers the village’s accounts as contact people and members', async () => {
    const res = await as.member.get<Page<InitiativeCandidateDto>>(
      `/api/villages/${glumso.id}/initiative-people`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toContainEqual({ id: memberUser.id, name: memberUser.name });
    expect(res.body.items.map((p) => p.id)).not.toContain(otherMemberUser.id);
  });
});

describe('focus areas and their roll-up', () => {
  it('rolls up its initiatives’ progress by weight, in SQL, paused ones counted', async () => {
    const roll = await createArea('Fællesskab');
    const make = (weight: number, progress: number, status = InitiativeStatus.InProgress) =>
      createInitiative({ focusAreaId: roll.id, weight, progress, status });
    const empty = await as.member.get<FocusAreaDto>(`/api/focus-areas/${roll.id}`);
    expect(empty.body).toMatchObject({ progress: null, initiativeCount: 0 });
    // (3×40 + 1×100 + 2×10) / 6 = 240 / 6 = 40
    await make(3, 40);
    await make(1, 100, InitiativeStatus.Done);
    const paused = await make(2, 10, InitiativeStatus.Paused);
    const one = await as.coordinator.get<FocusAreaDto>(`/api/focus-areas/${roll.id}`);
    expect(one.body).toMatchObject({ progress: 40, initiativeCount: 3, canEdit: false });
    // (3×40 + 1×100 + 2×10 + 5×0) / 11 = 240 / 11 = 21.818… → 21.8
    const zero = await make(5, 0, InitiativeStatus.Idea);
    const overview = await as.member.get<Page<FocusAreaOverviewDto>>(
      `/api/villages/${glumso.id}/initiative-overview`,
    );
    expect(overview.status).toBe(200);
    const group = overview.body.items.find((a) => a.id === roll.id);
    expect(group?.progress).toBe(21.8);
    expect(group?.initiatives.map((i) => [i.weight, i.progress, i.status])).toEqual([
      [3, 40, InitiativeStatus.InProgress],
      [1, 100, InitiativeStatus.Done],
      [2, 10, InitiativeStatus.Paused],
      [5, 0, InitiativeStatus.Idea],
    ]);
    expect(group?.initiatives[0]).toMatchObject({
      contactName: 'Karin Holm',
      milestone: { what: 'Første fælleskørsel', date: '2027-05-01' },
    });
    // Moving the paused one (2×10) out: (120 + 100 + 0) / 9 = 24.444… → 24.4
    const move = await as.member.patch(`/api/initiatives/${paused.id}`, {
      version: 1,
      focusAreaId: area.id,
    });
    expect(move.status).toBe(200);
    expect((await as.member.get<FocusAreaDto>(`/api/focus-areas/${roll.id}`)).body.progress).toBe(
      24.4,
    );
    // Progress 0 weighs as much as any other: deleting the weight-5 idea gives 220 / 4 = 55
    expect((await as.member.delete(`/api/initiatives/${zero.id}`)).status).toBe(204);
    expect((await as.member.get<FocusAreaDto>(`/api/focus-areas/${roll.id}`)).body.progress).toBe(
      55,
    );
  });

  it('keeps focus areas in order, versioned, and deletes only empty ones', async () => {
    const first = await createArea('Natur');
    const list = await as.member.get<Page<FocusAreaDto>>(
      `/api/villages/${glumso.id}/focus-areas?pageSize=100`,
    );
    expect(list.body.items.map((a) => a.position)).toEqual(
      [...list.body.items.map((a) => a.position)].sort((a, b) => a - b),
    );
    expect(list.body.items.at(-1)?.id).toBe(first.id);
    const moved = await as.member.patch<FocusAreaDto>(`/api/focus-areas/${first.id}`, {
      version: 1,
      position: 1,
      name: 'Natur og stier',
    });
    expect(moved.body).toMatchObject({ version: 2, position: 1, name: 'Natur og stier' });
    const stale = await as.secretariat.patch<ErrorBody>(`/api/focus-areas/${first.id}`, {
      version: 1,
      name: 'x',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe(ErrorCode.FocusAreaChanged);
    const full = await as.member.delete<ErrorBody>(`/api/focus-areas/${area.id}`);
    expect(full.status).toBe(409);
    expect(full.body.code).toBe(ErrorCode.FocusAreaNotEmpty);
    expect((await as.member.delete(`/api/focus-areas/${first.id}`)).status).toBe(204);
    const bad = await as.member.post<ErrorBody>(`/api/villages/${glumso.id}/focus-areas`, {
      name: '',
      position: 0,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details ?? {}).sort()).toEqual(['name', 'position']);
  });
});

describe('who may see and change initiatives', () => {
  let initiative: InitiativeDto;
  beforeAll(async () => {
    initiative = await createInitiative();
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
      const one = await as[who].get<InitiativeDto>(`/api/initiatives/${initiative.id}`);
      const list = await as[who].get(`/api/villages/${glumso.id}/initiatives`);
      const overview = await as[who].get(`/api/villages/${glumso.id}/initiative-overview`);
      const areas = await as[who].get(`/api/villages/${glumso.id}/focus-areas`);
      const areaOne = await as[who].get(`/api/focus-areas/${area.id}`);
      const people = await as[who].get(`/api/villages/${glumso.id}/initiative-people`);
      expect({
        who,
        one: one.status,
        list: list.status,
        overview: overview.status,
        areas: areas.status,
        areaOne: areaOne.status,
        people: people.status,
      }).toEqual({
        who,
        one: status,
        list: status,
        overview: status,
        areas: status,
        areaOne: status,
        people: status,
      });
      if (canEdit !== null) expect({ who, canEdit: one.body.canEdit }).toEqual({ who, canEdit });
    }
    expect((await t.client().get(`/api/initiatives/${initiative.id}`)).status).toBe(401);
  });

  it('lets only the village’s steering group and the secretariat write', async () => {
    const expected: [keyof typeof as, number][] = [
      ['coordinator', 403],
      ['otherMember', 404],
      ['otherCoordinator', 404],
      ['learner', 404],
    ];
    for (const [who, status] of expected) {
      const create = await as[who].post(`/api/villages/${glumso.id}/initiatives`, initiativeBody());
      const patch = await as[who].patch(`/api/initiatives/${initiative.id}`, {
        version: 1,
        title: 'x',
      });
      const remove = await as[who].delete(`/api/initiatives/${initiative.id}`);
      const createArea = await as[who].post(`/api/villages/${glumso.id}/focus-areas`, {
        name: 'x',
      });
      const patchArea = await as[who].patch(`/api/focus-areas/${area.id}`, {
        version: 1,
        name: 'x',
      });
      const removeArea = await as[who].delete(`/api/focus-areas/${area.id}`);
      expect({
        who,
        create: create.status,
        patch: patch.status,
        remove: remove.status,
        createArea: createArea.status,
        patchArea: patchArea.status,
        removeArea: removeArea.status,
      }).toEqual({
        who,
        create: status,
        patch: status,
        remove: status,
        createArea: status,
        patchArea: status,
        removeArea: status,
      });
    }
    const untouched = await as.member.get<InitiativeDto>(`/api/initiatives/${initiative.id}`);
    expect(untouched.body).toMatchObject({ version: 1, title: initiative.title });
    const kegnaesArea = await createArea('Færgen', kegnaes);
    expect(kegnaesArea.villageId).toBe(kegnaes.id);
  });
});

describe('initiatives in the summaries', () => {
  it('counts a municipality’s and a cohort’s initiatives by status', async () => {
    const tybjergArea = await createArea('Energi', tybjerg);
    const made = await as.otherMember.post<InitiativeDto>(
      `/api/villages/${tybjerg.id}/initiatives`,
      {
        focusAreaId: tybjergArea.id,
        title: 'Solceller på hallen',
        goalIds: [tybjergGoal.id],
        status: InitiativeStatus.Done,
        progress: 100,
      },
    );
    expect(made.status).toBe(201);
    const glumsoAll = await as.member.get<Page<InitiativeDto>>(
      `/api/villages/${glumso.id}/initiatives?pageSize=100`,
    );
    const count = (items: InitiativeDto[], status: InitiativeStatus) =>
      items.filter((i) => i.status === status).length;
    const municipal = await as.coordinator.get<GoalSummaryDto>(
      `/api/municipalities/${naestved.id}/goal-summary`,
    );
    expect(municipal.status).toBe(200);
    const all = [...glumsoAll.body.items, made.body];
    expect(municipal.body.initiatives).toBe(all.length);
    expect(municipal.body.initiativesByStatus).toEqual(
      Object.values(InitiativeStatus).map((status) => ({
        status,
        initiatives: count(all, status),
      })),
    );
    const cohortSummary = await as.secretariat.get<GoalSummaryDto>(
      `/api/cohorts/${cohort.id}/goal-summary`,
    );
    expect(cohortSummary.body.initiatives).toBe(glumsoAll.body.total);
    expect(
      cohortSummary.body.initiativesByStatus.find((s) => s.status === InitiativeStatus.Done)
        ?.initiatives,
    ).toBe(count(glumsoAll.body.items, InitiativeStatus.Done));
  });
});
