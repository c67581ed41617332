import {
  ErrorCode,
  LearnerKind,
  Role,
  type ErrorBody,
  type Page,
  type PersonDto,
  type SessionUser,
} from '@blup/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  UserSession,
  type Municipality,
  type User,
  type Village,
} from '../src/app/database/entities';
import { startTestApp, TestApp } from './harness';
import type { TestClient } from './http-client';
import { signInAs } from './sign-in';

let t: TestApp;
let admin: User;
let secretariat: TestClient;
let naestved: Municipality;
let sonderborg: Municipality;
let glumso: Village;
let kegnaes: Village;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.factory.user({ role: Role.Secretariat });
  secretariat = await signInAs(t, admin);
  naestved = await t.factory.municipality();
  sonderborg = await t.factory.municipality();
  glumso = await t.factory.village(naestved, 'Glumsø og Omegn');
  kegnaes = await t.factory.village(sonderborg, 'Kegnæs');
});

afterAll(() => t.close());

const patch = (person: { id: string }, body: unknown) =>
  secretariat.patch<PersonDto & ErrorBody>(`/api/people/${person.id}`, body);

describe('reading people', () => {
  it('shows a person with their place, flags and status', async () => {
    const member = await t.factory.user({
      role: Role.SteeringMember,
      village: glumso,
      coordinationGroup: true,
      name: 'Signe Holst',
    });
    const res = await secretariat.get<PersonDto>(`/api/people/${member.id}`);
    expect(res.body).toEqual({
      id: member.id,
      email: member.email,
      name: 'Signe Holst',
      role: Role.SteeringMember,
      status: 'active',
      locale: 'da',
      municipalityId: naestved.id,
      municipalityName: naestved.name,
      villageId: glumso.id,
      villageName: 'Glumsø og Omegn',
      coordinationGroup: true,
      contactPerson: false,
      learnerKind: null,
      createdAt: member.createdAt.toISOString(),
    });
    const invited = await t.factory.user({
      role: Role.Learner,
      municipality: naestved,
      password: null,
    });
    expect((await secretariat.get<PersonDto>(`/api/people/${invited.id}`)).body.status).toBe(
      'invited',
    );
  });

  it('filters by role, municipality, village and a search on name or email', async () => {
    const m = await t.factory.municipality();
    const v = await t.factory.village(m);
    const coordinator = await t.factory.user({
      role: Role.Coordinator,
      municipality: m,
      name: 'Rasmus Krogh',
    });
    const member = await t.factory.user({
      role: Role.SteeringMember,
      village: v,
      email: `trine-${randomBytes(3).toString('hex')}@blup.test`,
    });
    const learner = await t.factory.user({ role: Role.Learner, municipality: m });
    const ids = async (query: string) =>
      (
        await secretariat.get<Page<PersonDto>>(`/api/people?municipalityId=${m.id}&${query}`)
      ).body.items
        .map((p) => p.id)
        .sort();
    expect(await ids('')).toEqual([coordinator.id, member.id, learner.id].sort());
    expect(await ids('role=learner')).toEqual([learner.id]);
    expect(await ids(`villageId=${v.id}`)).toEqual([member.id]);
    expect(await ids('q=krogh')).toEqual([coordinator.id]);
    expect(await ids(`q=${encodeURIComponent(member.email.slice(0, 10))}`)).toEqual([member.id]);
  });

  it.each([
    ['role=wizard', /^role must be one of secretariat, coordinator, steering_member, learner$/],
    ['villageId=glumso', /^villageId must be a village id/],
    ['municipalityId=1', /^municipalityId must be a municipality id/],
    ['role=learner&role=coordinator', /^role must be one of/],
  ])('refuses ?%s with a 400', async (query, message) => {
    const res = await secretariat.get<ErrorBody>(`/api/people?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it('answers bad and unknown ids with 400 and 404', async () => {
    expect((await secretariat.get('/api/people/me')).status).toBe(400);
    const res = await secretariat.get<ErrorBody>(`/api/people/${randomUUID()}`);
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Person not found.');
    expect((await patch({ id: randomUUID() }, { name: 'X' })).status).toBe(404);
  });
});

describe('changing people', () => {
  it('renames, trimming the name', async () => {
    const person = await t.factory.user({ role: Role.Learner, municipality: naestved });
    const res = await patch(person, { name: '  Inge Thomsen ' });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Inge Thomsen');
  });

  it('clears role-specific fields when the role changes, keeping the municipality', async () => {
    const leader = await t.factory.user({
      role: Role.SteeringMember,
      village: glumso,
      coordinationGroup: true,
    });
    const res = await patch(leader, { role: Role.Coordinator, contactPerson: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      role: Role.Coordinator,
      municipalityId: naestved.id,
      villageId: null,
      villageName: null,
      coordinationGroup: false,
      contactPerson: true,
    });
    const back = await patch(leader, {
      role: Role.Learner,
      learnerKind: LearnerKind.MunicipalStaff,
    });
    expect(back.body).toMatchObject({
      role: Role.Learner,
      contactPerson: false,
      learnerKind: LearnerKind.MunicipalStaff,
    });
    const secretariatNow = await patch(leader, { role: Role.Secretariat });
    expect(secretariatNow.body).toMatchObject({
      municipalityId: null,
      villageId: null,
      learnerKind: null,
    });
  });

  it('keeps a steering member in their village’s municipality when they move village', async () => {
    const member = await t.factory.user({ role: Role.SteeringMember, village: glumso });
    const res = await patch(member, { villageId: kegnaes.id });
    expect(res.body).toMatchObject({
      villageId: kegnaes.id,
      municipalityId: sonderborg.id,
      municipalityName: sonderborg.name,
    });
    const coordinator = await t.factory.user({ role: Role.Coordinator, municipality: naestved });
    const moved = await patch(coordinator, {
      role: Role.SteeringMember,
      villageId: glumso.id,
      coordinationGroup: true,
    });
    expect(moved.body).toMatchObject({
      role: Role.SteeringMember,
      municipalityId: naestved.id,
      villageId: glumso.id,
      coordinationGroup: true,
    });
  });

  it.each([
    [
      'a steering member without a village',
      Role.Coordinator,
      { role: Role.SteeringMember },
      'villageId',
    ],
    [
      'a steering member moved to another municipality without a village there',
      Role.SteeringMember,
      { municipalityId: 'SONDERBORG' },
      'municipalityId',
    ],
    ['a coordinator placed in a village', Role.Coordinator, { villageId: 'GLUMSO' }, 'villageId'],
    [
      'a coordinator without a municipality',
      Role.Coordinator,
      { municipalityId: null },
      'municipalityId',
    ],
    [
      'a contact person who is no coordinator',
      Role.SteeringMember,
      { contactPerson: true },
      'contactPerson',
    ],
    [
      'a coordination group outside a village',
      Role.Learner,
      { coordinationGroup: true },
      'coordinationGroup',
    ],
    [
      'a learner kind on a steering member',
      Role.SteeringMember,
      { learnerKind: LearnerKind.Politician },
      'learnerKind',
    ],
    [
      'the secretariat in a municipality',
      Role.Learner,
      { role: Role.Secretariat, municipalityId: 'NAESTVED' },
      'municipalityId',
    ],
    ['an unknown municipality', Role.Learner, { municipalityId: 'UNKNOWN' }, 'municipalityId'],
    ['an unknown village', Role.SteeringMember, { villageId: 'UNKNOWN' }, 'villageId'],
  ] as const)('refuses %s with a 400 naming the field', async (what, role, change, field) => {
    const ids: Record<string, string> = {
      SONDERBORG: sonderborg.id,
      NAESTVED: naestved.id,
      GLUMSO: glumso.id,
      UNKNOWN: randomUUID(),
    };
    const body = Object.fromEntries(
      Object.entries(change).map(([k, v]) => [k, typeof v === 'string' && v in ids ? ids[v] : v]),
    );
    const person = await t.factory.user({
      role,
      municipality: naestved,
      village: role === Role.SteeringMember ? glumso : undefined,
    });
    const res = await patch(person, body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details ?? {})).toEqual([field]);
    expect(res.body.code).toBe(
      what.startsWith('an unknown') ? ErrorCode.UnknownReference : ErrorCode.PlacementInvalid,
    );
    const after = await secretariat.get<PersonDto>(`/api/people/${person.id}`);
    expect(after.body.role).toBe(role);
  });

  it.each([
    ['an unknown role', { role: 'mayor' }, /^role must be one of/],
    ['a name that is not text', { name: 7 }, /^name must be text$/],
    ['a null name', { name: null }, /^name must be text$/],
    ['an over-long name', { name: 'x'.repeat(121) }, /^name can be at most 120 characters$/],
    ['disabled that is not a boolean', { disabled: 'yes' }, /^disabled must be true or false$/],
    [
      'a municipality that is not a UUID',
      { municipalityId: 'Næstved' },
      /^municipalityId must be a municipality id/,
    ],
    ['an email change', { email: 'new@blup.test' }, /^email is not a field this request accepts$/],
    ['an unknown learner kind', { learnerKind: 'student' }, /^learnerKind must be one of/],
  ])('refuses %s with a 400', async (_, body, message) => {
    const person = await t.factory.user({ role: Role.Learner, municipality: naestved });
    const res = await patch(person, body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    expect(res.body.code).toBe(ErrorCode.ValidationFailed);
  });

  it('does not let the secretariat disable themselves or change their own role', async () => {
    const disable = await patch(admin, { disabled: true });
    expect(disable.status).toBe(400);
    expect(disable.body.message).toMatch(/cannot disable your own account/);
    expect(disable.body.code).toBe(ErrorCode.CannotDisableSelf);
    const role = await patch(admin, { role: Role.Learner, municipalityId: naestved.id });
    expect(role.status).toBe(400);
    expect(role.body).toMatchObject({
      code: ErrorCode.CannotChangeOwnRole,
      details: { role: [expect.stringMatching(/cannot change your own role/)] },
    });
    expect((await patch(admin, { name: admin.name })).status).toBe(200);
  });
});

describe('disabling a person', () => {
  it('ends their sessions at once, and enabling lets them sign in again', async () => {
    const person = await t.factory.user({ role: Role.SteeringMember, village: glumso });
    const browser = await signInAs(t, person);
    const phone = await signInAs(t, person);
    expect((await browser.get('/api/home')).status).toBe(200);

    const res = await patch(person, { disabled: true });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('disabled');
    expect((await browser.get('/api/home')).status).toBe(401);
    expect((await phone.get<ErrorBody>('/api/villages')).status).toBe(401);
    expect(await t.dataSource.getRepository(UserSession).countBy({ userId: person.id })).toBe(0);

    const enabled = await patch(person, { disabled: false });
    expect(enabled.body.status).toBe('active');
    const again = await signInAs(t, person);
    expect((await again.get<{ user: SessionUser }>('/api/home')).body.user.id).toBe(person.id);
  });

  it('leaves other people’s sessions alone', async () => {
    const person = await t.factory.user({ role: Role.Learner, municipality: naestved });
    const neighbour = await signInAs(
      t,
      await t.factory.user({ role: Role.Learner, municipality: naestved }),
    );
    await patch(person, { disabled: true });
    expect((await neighbour.get('/api/home')).status).toBe(200);
    expect((await secretariat.get('/api/home')).status).toBe(200);
  });
});
