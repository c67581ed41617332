import {
  ErrorCode,
  Role,
  type CohortDto,
  type ErrorBody,
  type MunicipalityDto,
  type Page,
  type VillageDto,
} from '@blup/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Municipality } from '../src/app/database/entities';
import { startTestApp, TestApp } from './harness';
import type { TestClient } from './http-client';
import { signInAs } from './sign-in';

const unique = (): string => randomBytes(4).toString('hex');

let t: TestApp;
let secretariat: TestClient;
let home: Municipality;

beforeAll(async () => {
  t = await startTestApp();
  secretariat = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
  home = await t.factory.municipality(`Kommune ${unique()}`);
});

afterAll(() => t.close());

describe('pagination', () => {
  let municipality: Municipality;
  beforeAll(async () => {
    municipality = await t.factory.municipality();
    for (const name of ['Anholt', 'Bogø', 'Christiansø', 'Drejø', 'Egholm'])
      await t.factory.village(municipality, name);
  });

  it('pages through a list in name order with the total', async () => {
    const path = `/api/villages?municipalityId=${municipality.id}&pageSize=2`;
    const first = await secretariat.get<Page<VillageDto>>(`${path}&page=1`);
    expect(first.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(first.body.items.map((v) => v.name)).toEqual(['Anholt', 'Bogø']);
    const last = await secretariat.get<Page<VillageDto>>(`${path}&page=3`);
    expect(last.body.items.map((v) => v.name)).toEqual(['Egholm']);
    const beyond = await secretariat.get<Page<VillageDto>>(`${path}&page=4`);
    expect(beyond.body).toMatchObject({ items: [], total: 5, page: 4 });
  });

  it('uses 20 per page unless told otherwise', async () => {
    const res = await secretariat.get<Page<VillageDto>>(
      `/api/villages?municipalityId=${municipality.id}`,
    );
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 5 });
  });

  it.each([
    ['pageSize=101', 'pageSize can be at most 100'],
    ['pageSize=0', 'pageSize must be 1 or more'],
    ['page=0', 'page must be 1 or more'],
    ['page=two', 'page must be a whole number'],
    ['page=1e3', 'page must be a whole number'],
    ['page=0x10', 'page must be a whole number'],
    ['pageSize=%2010', 'pageSize must be a whole number'],
    ['page=', 'page must be a whole number'],
    ['pageSize=2.5', 'pageSize must be a whole number'],
    [`q=${'x'.repeat(101)}`, 'q can be at most 100 characters'],
    ['municipalityId=naestved', 'municipalityId must be a municipality id (a UUID)'],
    ['cohortId=1', 'cohortId must be a cohort id (a UUID)'],
    ['colour=red', 'colour is not a field this request accepts'],
    ['page=100000000000000000000', 'page can be at most 1000000'],
    ['q=%00', 'q must be one line of text without control characters'],
  ])('refuses ?%s with a 400 that says why', async (query, message) => {
    const res = await secretariat.get<ErrorBody>(`/api/villages?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
  });

  it.each(['/api/municipalities', '/api/cohorts', '/api/people'])(
    'checks the page size on %s too',
    async (path) => {
      expect((await secretariat.get(`${path}?pageSize=500`)).status).toBe(400);
    },
  );

  it('searches names without treating % and _ as wildcards', async () => {
    await t.factory.village(municipality, 'Vestlandet 100% grøn');
    const hit = await secretariat.get<Page<VillageDto>>(
      `/api/villages?q=${encodeURIComponent('100%')}`,
    );
    expect(hit.body.items.map((v) => v.name)).toContain('Vestlandet 100% grøn');
    const miss = await secretariat.get<Page<VillageDto>>(
      `/api/villages?municipalityId=${municipality.id}&q=_`,
    );
    expect(miss.body.total).toBe(0);
  });
});

describe('municipalities', () => {
  it('creates one with trimmed name, no villages and no contacts', async () => {
    const name = `Kommune ${unique()}`;
    const res = await secretariat.post<MunicipalityDto>('/api/municipalities', {
      name: `  ${name} `,
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), name, villageCount: 0, contacts: [] });
    const read = await secretariat.get<MunicipalityDto>(`/api/municipalities/${res.body.id}`);
    expect(read.body).toEqual(res.body);
  });

  it('answers a name in use, in any case, with a 409', async () => {
    const res = await secretariat.post<ErrorBody>('/api/municipalities', {
      name: home.name.toUpperCase(),
    });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe(
      `A municipality named “${home.name.toUpperCase()}” already exists.`,
    );
    expect(res.body).toMatchObject({
      code: ErrorCode.MunicipalityNameTaken,
      params: { name: home.name.toUpperCase() },
    });
    const other = await t.factory.municipality();
    const rename = await secretariat.patch<ErrorBody>(`/api/municipalities/${other.id}`, {
      name: home.name,
    });
    expect(rename.status).toBe(409);
  });

  it('lists only active contact people who are coordinators flagged as contact', async () => {
    const m = await t.factory.municipality();
    const contact = await t.factory.user({
      role: Role.Coordinator,
      municipality: m,
      contactPerson: true,
      name: 'Aase Kontakt',
    });
    await t.factory.user({ role: Role.Coordinator, municipality: m, contactPerson: false });
    const gone = await t.factory.user({
      role: Role.Coordinator,
      municipality: m,
      contactPerson: true,
    });
    await secretariat.patch(`/api/people/${gone.id}`, { disabled: true });
    const res = await secretariat.get<MunicipalityDto>(`/api/municipalities/${m.id}`);
    expect(res.body.contacts).toEqual([
      { id: contact.id, name: 'Aase Kontakt', email: contact.email },
    ]);
  });

  it.each([
    ['an empty name', { name: '   ' }, 'name cannot be empty'],
    ['a name that is not text', { name: 42 }, 'name must be text'],
    ['a null name', { name: null }, 'name must be text'],
    ['an over-long name', { name: 'x'.repeat(121) }, 'name can be at most 120 characters'],
    [
      'an unknown field',
      { name: 'Ok', mayor: 'Someone' },
      'mayor is not a field this request accepts',
    ],
    ['no body', undefined, 'name must be text'],
    [
      'a name with a NUL in it',
      { name: 'Næst\u0000ved' },
      'name must be one line of text without control characters',
    ],
    [
      'a name on two lines',
      { name: 'Næst\nved' },
      'name must be one line of text without control characters',
    ],
    [
      'a name over-long as PostgreSQL counts it',
      { name: '❤️'.repeat(61) },
      'name can be at most 120 characters',
    ],
  ])('refuses %s with a 400', async (_, body, message) => {
    const res = await secretariat.post<ErrorBody>('/api/municipalities', body);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
  });

  it('takes a name of exactly 120 characters, counted as PostgreSQL counts them', async () => {
    const name = `${'❤️'.repeat(56)}${unique()}`;
    const res = await secretariat.post<MunicipalityDto>('/api/municipalities', { name });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe(name);
  });

  it('refuses an id that is not a UUID with a 400, and an unknown one with a 404', async () => {
    const bad = await secretariat.get<ErrorBody>('/api/municipalities/naestved');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^That is not a valid municipality id/);
    expect(bad.body.code).toBe(ErrorCode.InvalidId);
    const unknown = await secretariat.get<ErrorBody>(`/api/municipalities/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('Municipality not found.');
    expect(unknown.body.code).toBe(ErrorCode.NotFound);
    expect(
      (await secretariat.patch(`/api/municipalities/${randomUUID()}`, { name: 'X' })).status,
    ).toBe(404);
  });
});

describe('villages', () => {
  it('creates one in a municipality, with an empty description by default', async () => {
    const res = await secretariat.post<VillageDto>('/api/villages', {
      name: 'Glumsø og Omegn',
      municipalityId: home.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Glumsø og Omegn',
      description: '',
      municipalityId: home.id,
      municipalityName: home.name,
      cohortId: null,
      cohortName: null,
      memberCount: 0,
    });
  });

  it('answers a name in use within the municipality with a 409, and allows it elsewhere', async () => {
    const name = `Landsby ${unique()}`;
    expect(
      (await secretariat.post('/api/villages', { name, municipalityId: home.id })).status,
    ).toBe(201);
    const again = await secretariat.post<ErrorBody>('/api/villages', {
      name: name.toLowerCase(),
      municipalityId: home.id,
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(
      `${home.name} already has a village named “${name.toLowerCase()}”.`,
    );
    expect(again.body).toMatchObject({
      code: ErrorCode.VillageNameTaken,
      params: { name: name.toLowerCase(), municipality: home.name },
    });
    const elsewhere = await t.factory.municipality();
    expect(
      (await secretariat.post('/api/villages', { name, municipalityId: elsewhere.id })).status,
    ).toBe(201);

    const other = await t.factory.village(home);
    const rename = await secretariat.patch<ErrorBody>(`/api/villages/${other.id}`, { name });
    expect(rename.status).toBe(409);
    expect(rename.body).toMatchObject({
      code: ErrorCode.VillageNameTaken,
      params: { name, municipality: home.name },
    });
  });

  it('refuses an unknown municipality with a 400 naming the field', async () => {
    const res = await secretariat.post<ErrorBody>('/api/villages', {
      name: 'Ingenby',
      municipalityId: randomUUID(),
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({
      municipalityId: [expect.stringMatching(/no municipality with that id/)],
    });
    expect(res.body.code).toBe(ErrorCode.UnknownReference);
  });

  it.each([
    [
      'a municipality id that is not a UUID',
      { name: 'By', municipalityId: 'naestved' },
      'municipalityId must be a municipality id (a UUID)',
    ],
    ['no municipality', { name: 'By' }, 'municipalityId must be a municipality id (a UUID)'],
    [
      'an over-long description',
      { name: 'By', municipalityId: randomUUID(), description: 'x'.repeat(2001) },
      'description can be at most 2000 characters',
    ],
    [
      'a description that is not text',
      { name: 'By', municipalityId: randomUUID(), description: ['a'] },
      'description must be text',
    ],
    [
      'a description with a NUL in it',
      { name: 'By', municipalityId: randomUUID(), description: 'a\u0000b' },
      'description cannot contain control characters other than line breaks and tabs',
    ],
    [
      'a cohort set on creation',
      { name: 'By', municipalityId: randomUUID(), cohortId: randomUUID() },
      'cohortId is not a field this request accepts',
    ],
  ])('refuses %s with a 400', async (_, body, message) => {
    const res = await secretariat.post<ErrorBody>('/api/villages', body);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
  });

  it('keeps line breaks in a description', async () => {
    const description = 'Stationsby ved Glumsø Sø.\n\nSkole, hal og et rigt foreningsliv.';
    const res = await secretariat.post<VillageDto>('/api/villages', {
      name: `Landsby ${unique()}`,
      municipalityId: home.id,
      description: `  ${description}\n`,
    });
    expect(res.status).toBe(201);
    expect(res.body.description).toBe(description);
  });

  it('does not let a village change municipality', async () => {
    const village = await t.factory.village(home);
    const res = await secretariat.patch<ErrorBody>(`/api/villages/${village.id}`, {
      municipalityId: randomUUID(),
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('municipalityId is not a field this request accepts');
  });

  it('counts the village’s people', async () => {
    const village = await t.factory.village(home);
    await t.factory.user({ role: Role.SteeringMember, village });
    await t.factory.user({ role: Role.SteeringMember, village, coordinationGroup: true });
    const res = await secretariat.get<VillageDto>(`/api/villages/${village.id}`);
    expect(res.body.memberCount).toBe(2);
  });

  it('answers bad and unknown ids with 400 and 404', async () => {
    expect((await secretariat.get('/api/villages/123')).status).toBe(400);
    expect((await secretariat.patch('/api/villages/123', { name: 'X' })).status).toBe(400);
    const unknown = await secretariat.get<ErrorBody>(`/api/villages/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('Village not found.');
  });
});

describe('cohorts', () => {
  it('creates a cohort with its villages, and moves a village from another cohort', async () => {
    const [a, b, c] = [
      await t.factory.village(home),
      await t.factory.village(home),
      await t.factory.village(home),
    ];
    const first = await secretariat.post<CohortDto>('/api/cohorts', {
      name: `Forår ${unique()}`,
      startDate: '2027-02-01',
      villageIds: [a.id, b.id, a.id],
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ startDate: '2027-02-01', villageCount: 2 });
    expect(first.body.villages.map((v) => v.id).sort()).toEqual([a.id, b.id].sort());
    expect(first.body.villages[0].municipalityName).toBe(home.name);

    const second = await secretariat.post<CohortDto>('/api/cohorts', {
      name: `Efterår ${unique()}`,
      startDate: '2027-08-01',
      villageIds: [b.id, c.id],
    });
    expect(second.body.villageCount).toBe(2);
    const firstAgain = await secretariat.get<CohortDto>(`/api/cohorts/${first.body.id}`);
    expect(firstAgain.body.villages.map((v) => v.id)).toEqual([a.id]);
    const village = await secretariat.get<VillageDto>(`/api/villages/${b.id}`);
    expect(village.body).toMatchObject({ cohortId: second.body.id, cohortName: second.body.name });
    const filtered = await secretariat.get<Page<VillageDto>>(
      `/api/villages?cohortId=${second.body.id}`,
    );
    expect(filtered.body.items.map((v) => v.id).sort()).toEqual([b.id, c.id].sort());
  });

  it('sets exactly the villages sent on update, and keeps them when villageIds is left out', async () => {
    const [a, b] = [await t.factory.village(home), await t.factory.village(home)];
    const cohort = await t.factory.cohort([a]);
    const moved = await secretariat.patch<CohortDto>(`/api/cohorts/${cohort.id}`, {
      villageIds: [b.id],
    });
    expect(moved.status).toBe(200);
    expect(moved.body.villages.map((v) => v.id)).toEqual([b.id]);
    const renamed = await secretariat.patch<CohortDto>(`/api/cohorts/${cohort.id}`, {
      name: `Hold ${unique()}`,
      startDate: '2028-01-15',
    });
    expect(renamed.body).toMatchObject({ startDate: '2028-01-15', villageCount: 1 });
    const emptied = await secretariat.patch<CohortDto>(`/api/cohorts/${cohort.id}`, {
      villageIds: [],
    });
    expect(emptied.body).toMatchObject({ villageCount: 0, villages: [] });
    expect((await secretariat.get<VillageDto>(`/api/villages/${b.id}`)).body.cohortId).toBeNull();
  });

  it('refuses unknown villages with a 400 and changes nothing', async () => {
    const a = await t.factory.village(home);
    const name = `Hold ${unique()}`;
    const missing = randomUUID();
    const res = await secretariat.post<ErrorBody>('/api/cohorts', {
      name,
      startDate: '2027-02-01',
      villageIds: [a.id, missing],
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(missing);
    expect(res.body.details).toHaveProperty('villageIds');
    expect(
      (await secretariat.get<Page<CohortDto>>(`/api/cohorts?q=${encodeURIComponent(name)}`)).body
        .total,
    ).toBe(0);
    expect((await secretariat.get<VillageDto>(`/api/villages/${a.id}`)).body.cohortId).toBeNull();
  });

  it('answers a name in use with a 409', async () => {
    const cohort = await t.factory.cohort();
    const res = await secretariat.post<ErrorBody>('/api/cohorts', {
      name: cohort.name.toUpperCase(),
      startDate: '2027-02-01',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: ErrorCode.CohortNameTaken,
      params: { name: cohort.name.toUpperCase() },
    });
    const other = await t.factory.cohort();
    expect(
      (await secretariat.patch(`/api/cohorts/${other.id}`, { name: cohort.name })).status,
    ).toBe(409);
  });

  it.each([
    ['no start date', { name: 'Hold' }, /^startDate must be a real date written YYYY-MM-DD/],
    [
      'a day that does not exist',
      { name: 'Hold', startDate: '2027-02-30' },
      /^startDate must be a real date/,
    ],
    [
      'a Danish-style date',
      { name: 'Hold', startDate: '01-02-2027' },
      /^startDate must be a real date/,
    ],
    [
      'villages not in a list',
      { name: 'Hold', startDate: '2027-02-01', villageIds: 'Glumsø' },
      /^villageIds must be a list of village ids$/,
    ],
    [
      'village ids that are not UUIDs',
      { name: 'Hold', startDate: '2027-02-01', villageIds: ['glumso'] },
      /^each of villageIds must be a village id/,
    ],
    [
      'an over-long name',
      { name: 'x'.repeat(121), startDate: '2027-02-01' },
      /^name can be at most 120 characters$/,
    ],
    [
      'null villages',
      { name: 'Hold', startDate: '2027-02-01', villageIds: null },
      /^villageIds must be a list of village ids$/,
    ],
  ])('refuses %s with a 400', async (_, body, message) => {
    const res = await secretariat.post<ErrorBody>('/api/cohorts', body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it('answers bad and unknown ids with 400 and 404', async () => {
    expect((await secretariat.get('/api/cohorts/forår')).status).toBe(400);
    const unknown = await secretariat.get<ErrorBody>(`/api/cohorts/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('Cohort not found.');
  });
});
