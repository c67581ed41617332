import {
  ErrorCode,
  Role,
  type CohortDto,
  type ErrorBody,
  type MunicipalityDto,
  type Page,
  type PersonDto,
  type VillageDto,
} from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import type { Cohort, Municipality, User, Village } from '../src/app/database/entities';
import { startTestApp, TestApp } from './harness';
import type { TestClient, TestResponse } from './http-client';
import { signInAs } from './sign-in';

/**
 * The access matrix over the real API: each role, against things in their own and in another
 * municipality or village. Reads outside scope answer 404; writes to what you can see but may
 * not change answer 403.
 */

const WHO = [
  'secretariat',
  'coordinator',
  'steering member',
  'coordination group',
  'learner',
] as const;
type Who = (typeof WHO)[number];

interface World {
  naestved: Municipality;
  sonderborg: Municipality;
  /** The steering members' own village, in Næstved, in cohort `spring`. */
  glumso: Village;
  /** Another Næstved village, in no cohort. */
  tybjerg: Village;
  /** A Sønderborg village, in cohort `autumn`. */
  kegnaes: Village;
  spring: Cohort;
  autumn: Cohort;
  people: Record<Who | 'sonderborgCoordinator' | 'tybjergMember' | 'kegnaesMember', User>;
  as: Record<Who, TestClient>;
}

const suffix = randomBytes(3).toString('hex');
let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  const f = t.factory;
  const naestved = await f.municipality(`Næstved ${suffix}`);
  const sonderborg = await f.municipality(`Sønderborg ${suffix}`);
  const glumso = await f.village(naestved, 'Glumsø og Omegn');
  const tybjerg = await f.village(naestved, 'Tybjerg og Omegn');
  const kegnaes = await f.village(sonderborg, 'Kegnæs');
  const spring = await f.cohort([glumso], `Forår ${suffix}`);
  const autumn = await f.cohort([kegnaes], `Efterår ${suffix}`);
  const people = {
    secretariat: await f.user({ role: Role.Secretariat }),
    coordinator: await f.user({
      role: Role.Coordinator,
      municipality: naestved,
      contactPerson: true,
    }),
    'steering member': await f.user({ role: Role.SteeringMember, village: glumso }),
    'coordination group': await f.user({
      role: Role.SteeringMember,
      village: glumso,
      coordinationGroup: true,
    }),
    learner: await f.user({ role: Role.Learner, municipality: naestved }),
    sonderborgCoordinator: await f.user({
      role: Role.Coordinator,
      municipality: sonderborg,
      contactPerson: true,
    }),
    tybjergMember: await f.user({ role: Role.SteeringMember, village: tybjerg }),
    kegnaesMember: await f.user({ role: Role.SteeringMember, village: kegnaes }),
  };
  const as = {} as Record<Who, TestClient>;
  for (const who of WHO) as[who] = await signInAs(t, people[who]);
  w = { naestved, sonderborg, glumso, tybjerg, kegnaes, spring, autumn, people, as };
});

afterAll(() => t.close());

const statuses = (...codes: number[]): Record<Who, number> =>
  Object.fromEntries(WHO.map((who, i) => [who, codes[i]])) as Record<Who, number>;

function expectStatus(res: TestResponse, status: number): void {
  // The body in the failure message says why, when a status is not the one expected.
  expect({ status: res.status, body: res.status === status ? undefined : res.body }).toEqual({
    status,
    body: undefined,
  });
}

describe('reads', () => {
  //                          secretariat  coordinator  steering  coord.group  learner
  const table: [string, () => string, Record<Who, number>][] = [
    [
      'own municipality',
      () => `/api/municipalities/${w.naestved.id}`,
      statuses(200, 200, 200, 200, 200),
    ],
    [
      'another municipality',
      () => `/api/municipalities/${w.sonderborg.id}`,
      statuses(200, 404, 404, 404, 404),
    ],
    ['own village', () => `/api/villages/${w.glumso.id}`, statuses(200, 200, 200, 200, 404)],
    [
      'another village in the municipality',
      () => `/api/villages/${w.tybjerg.id}`,
      statuses(200, 200, 404, 404, 404),
    ],
    [
      'a village in another municipality',
      () => `/api/villages/${w.kegnaes.id}`,
      statuses(200, 404, 404, 404, 404),
    ],
    ['own cohort', () => `/api/cohorts/${w.spring.id}`, statuses(200, 200, 200, 200, 404)],
    [
      'a cohort of other villages',
      () => `/api/cohorts/${w.autumn.id}`,
      statuses(200, 404, 404, 404, 404),
    ],
    [
      'a person in the same village',
      () => `/api/people/${w.people['steering member'].id}`,
      statuses(200, 200, 200, 200, 404),
    ],
    [
      'a person in another village of the municipality',
      () => `/api/people/${w.people.tybjergMember.id}`,
      statuses(200, 200, 404, 404, 404),
    ],
    [
      'a person in another municipality',
      () => `/api/people/${w.people.kegnaesMember.id}`,
      statuses(200, 404, 404, 404, 404),
    ],
    [
      'a learner of the municipality',
      () => `/api/people/${w.people.learner.id}`,
      statuses(200, 200, 404, 404, 200),
    ],
  ];
  const cases = table.flatMap(([what, path, expected]) =>
    WHO.map((who) => [what, who, path, expected[who]] as const),
  );

  it.each(cases)('%s, as %s', async (_, who, path, status) => {
    expectStatus(await w.as[who].get(path()), status);
  });

  it('lets everyone see themselves', async () => {
    for (const who of WHO) {
      const res = await w.as[who].get<PersonDto>(`/api/people/${w.people[who].id}`);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(w.people[who].id);
    }
  });
});

describe('lists', () => {
  const ids = (page: { items: { id: string }[] }): string[] => page.items.map((i) => i.id).sort();
  const sorted = (...items: { id: string }[]): string[] => items.map((i) => i.id).sort();

  it('scopes the people list to each role', async () => {
    const p = w.people;
    const naestved = await w.as.secretariat.get<Page<PersonDto>>(
      `/api/people?municipalityId=${w.naestved.id}`,
    );
    expect(ids(naestved.body)).toEqual(
      sorted(
        p.coordinator,
        p['steering member'],
        p['coordination group'],
        p.learner,
        p.tybjergMember,
      ),
    );
    const sonderborg = await w.as.secretariat.get<Page<PersonDto>>(
      `/api/people?municipalityId=${w.sonderborg.id}`,
    );
    expect(ids(sonderborg.body)).toEqual(sorted(p.sonderborgCoordinator, p.kegnaesMember));
    const secretariat = await w.as.secretariat.get<Page<PersonDto>>(
      `/api/people?role=secretariat&q=${encodeURIComponent(p.secretariat.email)}`,
    );
    expect(ids(secretariat.body)).toEqual([p.secretariat.id]);

    const coordinator = await w.as.coordinator.get<Page<PersonDto>>('/api/people?pageSize=100');
    expect(ids(coordinator.body)).toEqual(
      sorted(
        p.coordinator,
        p['steering member'],
        p['coordination group'],
        p.learner,
        p.tybjergMember,
      ),
    );
    expect(coordinator.body.total).toBe(5);

    for (const who of ['steering member', 'coordination group'] as const) {
      const res = await w.as[who].get<Page<PersonDto>>('/api/people?pageSize=100');
      expect(ids(res.body)).toEqual(sorted(p['steering member'], p['coordination group']));
    }
    const learner = await w.as.learner.get<Page<PersonDto>>('/api/people');
    expect(ids(learner.body)).toEqual([p.learner.id]);
  });

  it('scopes the village list: a Næstved coordinator never sees a Sønderborg village', async () => {
    const coordinator = await w.as.coordinator.get<Page<VillageDto>>('/api/villages?pageSize=100');
    expect(ids(coordinator.body)).toEqual(sorted(w.glumso, w.tybjerg));
    expect(coordinator.body.items.map((v) => v.municipalityName)).toEqual([
      w.naestved.name,
      w.naestved.name,
    ]);

    const filtered = await w.as.coordinator.get<Page<VillageDto>>(
      `/api/villages?municipalityId=${w.sonderborg.id}`,
    );
    expect(filtered.body).toMatchObject({ items: [], total: 0 });
    const searched = await w.as.coordinator.get<Page<VillageDto>>('/api/villages?q=Keg');
    expect(searched.body.total).toBe(0);
    expectStatus(await w.as.coordinator.get(`/api/villages/${w.kegnaes.id}`), 404);

    const secretariat = await w.as.secretariat.get<Page<VillageDto>>(
      `/api/villages?municipalityId=${w.sonderborg.id}`,
    );
    expect(ids(secretariat.body)).toEqual([w.kegnaes.id]);
    expect(secretariat.body.items[0]).toMatchObject({
      cohortId: w.autumn.id,
      cohortName: w.autumn.name,
      memberCount: 1,
    });
  });

  it('shows a steering member only their own village, and a learner none', async () => {
    for (const who of ['steering member', 'coordination group'] as const) {
      const res = await w.as[who].get<Page<VillageDto>>('/api/villages');
      expect(ids(res.body)).toEqual([w.glumso.id]);
      expect(res.body.items[0].memberCount).toBe(2);
    }
    const learner = await w.as.learner.get<Page<VillageDto>>('/api/villages');
    expect(learner.body).toMatchObject({ items: [], total: 0 });
  });

  it('scopes the cohort list to cohorts holding a visible village', async () => {
    for (const who of ['coordinator', 'steering member', 'coordination group'] as const) {
      const res = await w.as[who].get<Page<CohortDto>>('/api/cohorts');
      expect(ids(res.body)).toEqual([w.spring.id]);
      expect(res.body.items[0].villages.map((v) => v.name)).toEqual(['Glumsø og Omegn']);
    }
    const learner = await w.as.learner.get<Page<CohortDto>>('/api/cohorts');
    expect(learner.body.total).toBe(0);
    const secretariat = await w.as.secretariat.get<Page<CohortDto>>(`/api/cohorts?q=${suffix}`);
    expect(ids(secretariat.body)).toEqual(sorted(w.spring, w.autumn));
  });

  it('scopes the municipality list and shows the contact people', async () => {
    for (const who of ['coordinator', 'steering member', 'learner'] as const) {
      const res = await w.as[who].get<Page<MunicipalityDto>>('/api/municipalities');
      expect(ids(res.body)).toEqual([w.naestved.id]);
      expect(res.body.items[0]).toMatchObject({
        villageCount: 2,
        contacts: [
          {
            id: w.people.coordinator.id,
            name: w.people.coordinator.name,
            email: w.people.coordinator.email,
          },
        ],
      });
    }
    const secretariat = await w.as.secretariat.get<Page<MunicipalityDto>>(
      `/api/municipalities?q=${suffix}`,
    );
    expect(ids(secretariat.body)).toEqual(sorted(w.naestved, w.sonderborg));
  });
});

describe('writes', () => {
  const unique = (): string => randomBytes(4).toString('hex');
  //                               secretariat  coordinator  steering  coord.group  learner
  const table: [string, (c: TestClient) => Promise<TestResponse>, Record<Who, number>][] = [
    [
      'create a municipality',
      (c) => c.post('/api/municipalities', { name: `Kommune ${unique()}` }),
      statuses(201, 403, 403, 403, 403),
    ],
    [
      'update own municipality',
      (c) => c.patch(`/api/municipalities/${w.naestved.id}`, { name: w.naestved.name }),
      statuses(200, 403, 403, 403, 403),
    ],
    [
      'update another municipality',
      (c) => c.patch(`/api/municipalities/${w.sonderborg.id}`, { name: w.sonderborg.name }),
      statuses(200, 404, 404, 404, 404),
    ],
    [
      'create a village in own municipality',
      (c) =>
        c.post('/api/villages', { name: `Landsby ${unique()}`, municipalityId: w.naestved.id }),
      statuses(201, 403, 403, 403, 403),
    ],
    [
      'update own village',
      (c) => c.patch(`/api/villages/${w.glumso.id}`, { description: 'Stationsby ved Glumsø Sø.' }),
      statuses(200, 200, 403, 403, 404),
    ],
    [
      'update another village in the municipality',
      (c) =>
        c.patch(`/api/villages/${w.tybjerg.id}`, { description: 'Landsbyerne omkring Tybjerg.' }),
      statuses(200, 200, 404, 404, 404),
    ],
    [
      'update a village in another municipality',
      (c) => c.patch(`/api/villages/${w.kegnaes.id}`, { description: 'Halvøen syd for Als.' }),
      statuses(200, 404, 404, 404, 404),
    ],
    [
      'create a cohort',
      (c) => c.post('/api/cohorts', { name: `Hold ${unique()}`, startDate: '2027-08-01' }),
      statuses(201, 403, 403, 403, 403),
    ],
    [
      'update own cohort',
      (c) => c.patch(`/api/cohorts/${w.spring.id}`, { startDate: '2027-02-01' }),
      statuses(200, 403, 403, 403, 404),
    ],
    [
      'update a cohort of other villages',
      (c) => c.patch(`/api/cohorts/${w.autumn.id}`, { startDate: '2026-08-01' }),
      statuses(200, 404, 404, 404, 404),
    ],
    [
      'update a person in the same village',
      (c) =>
        c.patch(`/api/people/${w.people['steering member'].id}`, {
          name: w.people['steering member'].name,
        }),
      statuses(200, 403, 403, 403, 404),
    ],
    [
      'update a person in another village of the municipality',
      (c) =>
        c.patch(`/api/people/${w.people.tybjergMember.id}`, { name: w.people.tybjergMember.name }),
      statuses(200, 403, 404, 404, 404),
    ],
    [
      'update a person in another municipality',
      (c) =>
        c.patch(`/api/people/${w.people.kegnaesMember.id}`, { name: w.people.kegnaesMember.name }),
      statuses(200, 404, 404, 404, 404),
    ],
  ];
  const cases = table.flatMap(([what, send, expected]) =>
    WHO.map((who) => [what, who, send, expected[who]] as const),
  );

  it.each(cases)('%s, as %s', async (_, who, send, status) => {
    expectStatus(await send(w.as[who]), status);
  });

  it('says why a write was refused', async () => {
    const res = await w.as.coordinator.patch<ErrorBody>(`/api/municipalities/${w.naestved.id}`, {
      name: 'X',
    });
    expect(res.body.message).toBe('Only the secretariat can change a municipality.');
    expect(res.body.code).toBe(ErrorCode.SecretariatOnly);
    const village = await w.as['coordination group'].patch<ErrorBody>(
      `/api/villages/${w.glumso.id}`,
      {
        name: 'X',
      },
    );
    expect(village.body.message).toMatch(/Only the secretariat and the coordinators of Næstved/);
    expect(village.body.code).toBe(ErrorCode.Forbidden);
    const created = await w.as.learner.post<ErrorBody>('/api/cohorts', {
      name: 'X',
      startDate: '2027-08-01',
    });
    expect(created.status).toBe(403);
    expect(created.body).toMatchObject({
      message: 'Only the secretariat can do this.',
      code: ErrorCode.SecretariatOnly,
    });
  });

  it('answers what is out of sight with a not_found code that reveals nothing', async () => {
    const res = await w.as.coordinator.patch<ErrorBody>(`/api/villages/${w.kegnaes.id}`, {
      description: 'x',
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ message: 'Village not found.', code: ErrorCode.NotFound });
  });

  it('lets a coordinator rename a village of their municipality', async () => {
    const res = await w.as.coordinator.patch<VillageDto>(`/api/villages/${w.tybjerg.id}`, {
      name: 'Tybjerg og omegn',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Tybjerg og omegn',
      municipalityId: w.naestved.id,
      memberCount: 1,
    });
  });
});

describe('signed out', () => {
  it.each(['/api/municipalities', '/api/villages', '/api/cohorts', '/api/people', '/api/home'])(
    'GET %s answers 401',
    async (path) => {
      const res = await t.client().get<ErrorBody>(path);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ message: 'Please sign in.', code: ErrorCode.NotSignedIn });
    },
  );
});
