import {
  ErrorBody,
  ErrorCode,
  InvitationInfo,
  LearnerKind,
  PersonDto,
  Role,
  SessionUser,
} from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import { inviteFirstSecretariat } from '../src/app/auth/first-secretariat';
import { hashToken } from '../src/app/auth/tokens';
import { User } from '../src/app/database/entities';
import { TEST_PASSWORD } from './factory';
import { startTestApp, TestApp } from './harness';
import { TestClient } from './http-client';
import { linkIn, tokenFrom } from './smtp-sink';

const INVITE_LINK = 'http://blup.test/invitation?token=';
const CHOSEN_PASSWORD = 'Vestlandet 4700 forever';

const newEmail = (label = 'invitee'): string =>
  `${label}-${randomBytes(4).toString('hex')}@example.dk`;

describe('invitations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function signedIn(user: { email: string; password: string }): Promise<TestClient> {
    const c = t.client();
    expect(
      (await c.post('/api/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(200);
    return c;
  }

  async function invitationToken(email: string, count = 1): Promise<string> {
    return tokenFrom(linkIn(await t.smtp.waitFor(email, count), INVITE_LINK));
  }

  describe('from invitation to signed in', () => {
    it('secretariat invites a steering member, who reads the mail, inspects, accepts and is signed in', async () => {
      const municipality = await t.factory.municipality();
      const village = await t.factory.village(municipality);
      const secretariat = await t.factory.user({
        role: Role.Secretariat,
        name: 'Sekretariatet Test',
      });
      const c = await signedIn(secretariat);
      const email = newEmail();

      const invited = await c.post<PersonDto>('/api/invitations', {
        email: `  ${email.toUpperCase()} `,
        name: 'Mette Lund',
        role: Role.SteeringMember,
        villageId: village.id,
        coordinationGroup: true,
      });
      expect(invited.status).toBe(201);
      expect(invited.body).toEqual({
        id: expect.any(String),
        email,
        name: 'Mette Lund',
        role: Role.SteeringMember,
        status: 'invited',
        locale: 'da',
        municipalityId: municipality.id,
        municipalityName: municipality.name,
        villageId: village.id,
        villageName: village.name,
        coordinationGroup: true,
        contactPerson: false,
        learnerKind: null,
        createdAt: expect.any(String),
      });
      const row = await t.dataSource
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.id = :id', { id: invited.body.id })
        .getOneOrFail();
      expect(row).toMatchObject({
        passwordHash: null,
        activatedAt: null,
        invitedById: secretariat.id,
        municipalityId: municipality.id,
      });

      const mail = await t.smtp.waitFor(email);
      expect(mail.subject).toBe('Du er inviteret til BLUP Akademiet');
      expect(mail.text).toContain(
        `Sekretariatet Test har inviteret dig til BLUP Akademiet for ${village.name}.`,
      );
      const token = tokenFrom(linkIn(mail, INVITE_LINK));

      const visitor = t.client();
      const info = await visitor.post<InvitationInfo>('/api/invitations/inspect', { token });
      expect(info.status).toBe(200);
      expect(info.body).toEqual({
        email,
        name: 'Mette Lund',
        role: Role.SteeringMember,
        municipalityName: municipality.name,
        villageName: village.name,
        invitedByName: 'Sekretariatet Test',
      });

      const accepted = await visitor.post<SessionUser>('/api/invitations/accept', {
        token,
        name: ' Mette B. Lund ',
        password: CHOSEN_PASSWORD,
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        id: invited.body.id,
        name: 'Mette B. Lund',
        role: Role.SteeringMember,
        villageId: village.id,
        villageName: village.name,
        municipalityId: municipality.id,
        coordinationGroup: true,
      });
      expect((await visitor.get<SessionUser>('/api/auth/me')).body.id).toBe(invited.body.id);
      expect(
        (await t.dataSource.getRepository(User).findOneByOrFail({ id: invited.body.id }))
          .activatedAt,
      ).toBeInstanceOf(Date);
      expect(
        (await t.client().post('/api/auth/login', { email, password: CHOSEN_PASSWORD })).status,
      ).toBe(200);

      const reused = await t.client().post<ErrorBody>('/api/invitations/accept', {
        token,
        name: 'Someone',
        password: CHOSEN_PASSWORD,
      });
      expect(reused.status).toBe(410);
      expect(reused.body.message).toMatch(/Ask the person who invited you to send a new one/);
      expect(reused.body.code).toBe(ErrorCode.InvitationGone);
      expect((await t.client().post('/api/invitations/inspect', { token })).status).toBe(410);
    });

    it('writes the invitation in the language asked for', async () => {
      const coordinator = await t.factory.user({ role: Role.Coordinator });
      const c = await signedIn(coordinator);
      const email = newEmail();
      const res = await c.post<PersonDto>('/api/invitations', {
        email,
        name: 'Jonas Berg',
        role: Role.Learner,
        municipalityId: coordinator.municipalityId,
        learnerKind: LearnerKind.Politician,
        locale: 'en',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        locale: 'en',
        learnerKind: LearnerKind.Politician,
        villageId: null,
      });
      expect((await t.smtp.waitFor(email)).subject).toBe('You are invited to BLUP Akademiet');
    });

    it('refuses a common password at acceptance, and the invitation still works afterwards', async () => {
      const secretariat = await t.factory.user({ role: Role.Secretariat });
      const c = await signedIn(secretariat);
      const email = newEmail();
      expect(
        (await c.post('/api/invitations', { email, name: 'Ida Holm', role: Role.Secretariat }))
          .status,
      ).toBe(201);
      const token = await invitationToken(email);

      const common = await t.client().post<ErrorBody>('/api/invitations/accept', {
        token,
        name: 'Ida Holm',
        password: 'hejmeddig',
      });
      expect(common.status).toBe(400);
      expect(common.body.message).toMatch(/^This password is too common/);
      expect(common.body.code).toBe(ErrorCode.PasswordTooCommon);
      const ok = await t.client().post<SessionUser>('/api/invitations/accept', {
        token,
        name: 'Ida Holm',
        password: CHOSEN_PASSWORD,
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        role: Role.Secretariat,
        municipalityId: null,
        villageId: null,
      });
    });

    it('answers 410 for an expired invitation', async () => {
      const secretariat = await t.factory.user({ role: Role.Secretariat });
      const email = newEmail();
      await (
        await signedIn(secretariat)
      ).post('/api/invitations', { email, name: 'Per Dahl', role: Role.Secretariat });
      const token = await invitationToken(email);
      await t.dataSource.query(
        `UPDATE one_time_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
        [hashToken(token)],
      );
      expect((await t.client().post('/api/invitations/inspect', { token })).status).toBe(410);
      expect(
        (
          await t
            .client()
            .post('/api/invitations/accept', { token, name: 'Per', password: CHOSEN_PASSWORD })
        ).status,
      ).toBe(410);
    });

    it('answers a malformed token with 400', async () => {
      const res = await t
        .client()
        .post<ErrorBody>('/api/invitations/inspect', { token: 'not a token' });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^token is not a complete link token/);
    });
  });

  describe('who may invite whom', () => {
    it('lets a coordinator invite within their municipality but not outside it', async () => {
      const own = await t.factory.municipality();
      const other = await t.factory.municipality();
      const otherVillage = await t.factory.village(other);
      const c = await signedIn(await t.factory.user({ role: Role.Coordinator, municipality: own }));

      const inside = await c.post('/api/invitations', {
        email: newEmail(),
        name: 'Ane Kjær',
        role: Role.Coordinator,
        municipalityId: own.id,
      });
      expect(inside.status).toBe(201);

      for (const body of [
        { email: newEmail(), name: 'Bo Falk', role: Role.Coordinator, municipalityId: other.id },
        {
          email: newEmail(),
          name: 'Bo Falk',
          role: Role.SteeringMember,
          villageId: otherVillage.id,
        },
      ]) {
        const res = await c.post<ErrorBody>('/api/invitations', body);
        expect(res.status).toBe(403);
        expect(res.body.message).toBe('You can only invite people within your own municipality.');
        expect(res.body.code).toBe(ErrorCode.InviteOutsideMunicipality);
      }
      const secretariat = await c.post<ErrorBody>('/api/invitations', {
        email: newEmail(),
        name: 'Bo Falk',
        role: Role.Secretariat,
      });
      expect(secretariat.status).toBe(403);
      expect(secretariat.body.message).toBe(
        'Only the secretariat can invite people to the secretariat.',
      );
      expect(secretariat.body.code).toBe(ErrorCode.InviteRoleNotAllowed);
    });

    it('lets a coordination-group member invite steering members into their own village only', async () => {
      const village = await t.factory.village();
      const neighbour = await t.factory.village();
      const c = await signedIn(
        await t.factory.user({ role: Role.SteeringMember, village, coordinationGroup: true }),
      );

      const ok = await c.post<PersonDto>('/api/invitations', {
        email: newEmail(),
        name: 'Lis Møller',
        role: Role.SteeringMember,
        villageId: village.id,
      });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({
        villageId: village.id,
        municipalityId: village.municipalityId,
        coordinationGroup: false,
      });

      const elsewhere = await c.post<ErrorBody>('/api/invitations', {
        email: newEmail(),
        name: 'Lis',
        role: Role.SteeringMember,
        villageId: neighbour.id,
      });
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.message).toBe('You can only invite people to your own village.');
      expect(elsewhere.body.code).toBe(ErrorCode.InviteOutsideVillage);

      const learner = await c.post<ErrorBody>('/api/invitations', {
        email: newEmail(),
        name: 'Lis',
        role: Role.Learner,
        municipalityId: village.municipalityId,
        learnerKind: LearnerKind.LocalCouncil,
      });
      expect(learner.status).toBe(403);
      expect(learner.body.message).toBe(
        'You can only invite members of your village’s steering group.',
      );
    });

    it.each([
      ['a plain steering member', { role: Role.SteeringMember, coordinationGroup: false }],
      ['a learner', { role: Role.Learner }],
    ])('refuses %s', async (_case, spec) => {
      const actor = await t.factory.user(spec);
      const c = await signedIn(actor);
      const res = await c.post<ErrorBody>('/api/invitations', {
        email: newEmail(),
        name: 'Kim Vang',
        role: Role.SteeringMember,
        villageId: actor.villageId ?? (await t.factory.village()).id,
      });
      expect(res.status).toBe(403);
      expect(res.body.message).toBe(
        'Only the secretariat, municipal coordinators and coordination groups can invite people.',
      );
      expect(res.body.code).toBe(ErrorCode.InviteNotAllowed);
    });

    it('needs a session', async () => {
      const res = await t
        .client()
        .post('/api/invitations', { email: newEmail(), name: 'X', role: Role.Secretariat });
      expect(res.status).toBe(401);
    });

    it('answers 409 when someone already has the email, whatever its case', async () => {
      const existing = await t.factory.user();
      const c = await signedIn(await t.factory.user({ role: Role.Secretariat }));
      const res = await c.post<ErrorBody>('/api/invitations', {
        email: existing.email.toUpperCase(),
        name: 'Dup',
        role: Role.Secretariat,
      });
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('Someone with this email already has an account.');
      expect(res.body.code).toBe(ErrorCode.EmailTaken);
    });
  });

  describe('the first secretariat member (main.js invite-secretariat)', () => {
    it('invites by mail and prints the same link, which signs them in as secretariat; refuses a taken address and bad input', async () => {
      const email = newEmail('first');
      const result = await inviteFirstSecretariat(t.app, {
        email: ` ${email.toUpperCase()}`,
        name: 'Første Sekretær',
      });
      if (!('url' in result)) throw new Error(result.problem);
      const token = await invitationToken(email);
      expect(result.url).toBe(`${INVITE_LINK}${encodeURIComponent(token)}`);

      const c = t.client();
      const info = await c.post<InvitationInfo>('/api/invitations/inspect', { token });
      expect(info.body).toMatchObject({ email, role: Role.Secretariat, invitedByName: null });
      const accepted = await c.post<SessionUser>('/api/invitations/accept', {
        token,
        name: 'Første Sekretær',
        password: CHOSEN_PASSWORD,
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ email, role: Role.Secretariat });

      expect(await inviteFirstSecretariat(t.app, { email, name: 'Igen' })).toEqual({
        problem: `${email} already has an account: sign in, or reset its password.`,
      });
      expect(await inviteFirstSecretariat(t.app, { email: 'not-an-address', name: '' })).toEqual({
        problem: expect.stringMatching(/email.*; name/),
      });
    });
  });

  describe('bad input', () => {
    let c: TestClient;
    let villageId: string;
    let otherMunicipalityId: string;
    beforeAll(async () => {
      c = await signedIn(await t.factory.user({ role: Role.Secretariat }));
      villageId = (await t.factory.village()).id;
      otherMunicipalityId = (await t.factory.municipality()).id;
    });

    const missing = '00000000-0000-4000-8000-000000000000';

    it.each([
      [
        'an unknown field',
        () => ({ email: newEmail(), name: 'A', role: Role.Secretariat, admin: true }),
        400,
        /^admin is not a field this request accepts$/,
        ErrorCode.ValidationFailed,
      ],
      [
        'a wrong type',
        () => ({ email: newEmail(), name: 42, role: Role.Secretariat }),
        400,
        /^name must be text$/,
        ErrorCode.ValidationFailed,
      ],
      [
        'an over-long name',
        () => ({ email: newEmail(), name: 'n'.repeat(121), role: Role.Secretariat }),
        400,
        /^name can be at most 120 characters$/,
        ErrorCode.ValidationFailed,
      ],
      [
        'a malformed email',
        () => ({ email: 'anna@', name: 'A', role: Role.Secretariat }),
        400,
        /^email must be an email address/,
        ErrorCode.ValidationFailed,
      ],
      [
        'an unknown role',
        () => ({ email: newEmail(), name: 'A', role: 'king' }),
        400,
        /^role must be one of secretariat, coordinator/,
        ErrorCode.ValidationFailed,
      ],
      [
        'a malformed id',
        () => ({ email: newEmail(), name: 'A', role: Role.Coordinator, municipalityId: '12' }),
        400,
        /^municipalityId must be the id of a municipality$/,
        ErrorCode.ValidationFailed,
      ],
      [
        'a wrong type of flag',
        () => ({
          email: newEmail(),
          name: 'A',
          role: Role.SteeringMember,
          villageId,
          coordinationGroup: 'yes',
        }),
        400,
        /coordinationGroup must be true or false/,
        ErrorCode.ValidationFailed,
      ],
      [
        'a coordinator without municipality',
        () => ({ email: newEmail(), name: 'A', role: Role.Coordinator }),
        400,
        /^municipalityId is needed for a coordinator/,
        ErrorCode.PlacementInvalid,
      ],
      [
        'a learner without kind',
        () => ({
          email: newEmail(),
          name: 'A',
          role: Role.Learner,
          municipalityId: otherMunicipalityId,
        }),
        400,
        /^learnerKind is needed for a learner/,
        ErrorCode.PlacementInvalid,
      ],
      [
        'a steering member without village',
        () => ({ email: newEmail(), name: 'A', role: Role.SteeringMember }),
        400,
        /^villageId is needed for a steering-group member/,
        ErrorCode.PlacementInvalid,
      ],
      [
        'a secretariat member with a municipality',
        () => ({
          email: newEmail(),
          name: 'A',
          role: Role.Secretariat,
          municipalityId: otherMunicipalityId,
        }),
        400,
        /municipalityId is not for the secretariat/,
        ErrorCode.PlacementInvalid,
      ],
      [
        'a village with another municipality',
        () => ({
          email: newEmail(),
          name: 'A',
          role: Role.SteeringMember,
          villageId,
          municipalityId: otherMunicipalityId,
        }),
        400,
        /^The village is not in the municipality given/,
        ErrorCode.PlacementInvalid,
      ],
      [
        'an unknown municipality',
        () => ({ email: newEmail(), name: 'A', role: Role.Coordinator, municipalityId: missing }),
        404,
        /^There is no municipality with the id given in municipalityId\.$/,
        ErrorCode.UnknownReference,
      ],
      [
        'an unknown village',
        () => ({ email: newEmail(), name: 'A', role: Role.SteeringMember, villageId: missing }),
        404,
        /^There is no village with the id given in villageId\.$/,
        ErrorCode.UnknownReference,
      ],
    ])('answers %s with a readable error', async (_case, body, status, message, code) => {
      const res = await c.post<ErrorBody>('/api/invitations', body());
      expect(res.status).toBe(status);
      expect(res.body.message).toMatch(message);
      expect(res.body.code).toBe(code);
      expect(res.body.requestId).toBeTruthy();
    });

    it.each([
      ['a short password', { name: 'A', password: 'kort' }, /at least 8 characters/],
      [
        'an over-long name',
        { name: 'n'.repeat(121), password: CHOSEN_PASSWORD },
        /name can be at most 120 characters/,
      ],
      ['a missing name', { password: CHOSEN_PASSWORD }, /name must be text/],
    ])('refuses accepting with %s', async (_case, body, message) => {
      const res = await t
        .client()
        .post<ErrorBody>('/api/invitations/accept', { token: 'C'.repeat(43), ...body });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
    });
  });

  describe('sending an invitation again', () => {
    it('mails a fresh link; the earlier one stops working', async () => {
      const municipality = await t.factory.municipality();
      const coordinator = await t.factory.user({
        role: Role.Coordinator,
        municipality,
        name: 'Kirsten Koordinator',
      });
      const c = await signedIn(coordinator);
      const email = newEmail();
      const invited = await c.post<PersonDto>('/api/invitations', {
        email,
        name: 'Rune Friis',
        role: Role.Coordinator,
        municipalityId: municipality.id,
      });
      const first = await invitationToken(email, 1);

      const res = await c.post(`/api/people/${invited.body.id}/invitation`);
      expect(res.status).toBe(202);
      const second = await invitationToken(email, 2);
      expect(second).not.toBe(first);

      expect((await t.client().post('/api/invitations/inspect', { token: first })).status).toBe(
        410,
      );
      const info = await t
        .client()
        .post<InvitationInfo>('/api/invitations/inspect', { token: second });
      expect(info.body).toMatchObject({
        invitedByName: 'Kirsten Koordinator',
        municipalityName: municipality.name,
      });
      expect(
        (
          await t.client().post('/api/invitations/accept', {
            token: second,
            name: 'Rune Friis',
            password: CHOSEN_PASSWORD,
          })
        ).status,
      ).toBe(200);

      const again = await c.post<ErrorBody>(`/api/people/${invited.body.id}/invitation`);
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/has already accepted/);
      expect(again.body).toMatchObject({
        code: ErrorCode.InvitationAlreadyAccepted,
        params: { name: 'Rune Friis' },
      });
    });

    it('follows the rules for inviting: 404 for people out of sight, 403 for those seen but not invitable', async () => {
      const village = await t.factory.village();
      const invitee = await t.factory.user({ role: Role.SteeringMember, village, password: null });
      const stranger = await signedIn(await t.factory.user({ role: Role.Coordinator }));
      expect((await stranger.post(`/api/people/${invitee.id}/invitation`)).status).toBe(404);

      const neighbour = await signedIn(
        await t.factory.user({ role: Role.SteeringMember, village, password: TEST_PASSWORD }),
      );
      const res = await neighbour.post<ErrorBody>(`/api/people/${invitee.id}/invitation`);
      expect(res.status).toBe(403);

      const lead = await signedIn(
        await t.factory.user({ role: Role.SteeringMember, village, coordinationGroup: true }),
      );
      expect((await lead.post(`/api/people/${invitee.id}/invitation`)).status).toBe(202);
      expect(await invitationToken(invitee.email)).toBeTruthy();
    });

    it('answers a malformed or unknown person id with 400 or 404', async () => {
      const c = await signedIn(await t.factory.user({ role: Role.Secretariat }));
      const bad = await c.post<ErrorBody>('/api/people/not-an-id/invitation');
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/^That is not a valid person id/);
      expect(bad.body.code).toBe(ErrorCode.InvalidId);
      expect(
        (await c.post('/api/people/00000000-0000-4000-8000-000000000000/invitation')).status,
      ).toBe(404);
    });
  });
});
