import { ErrorBody, ErrorCode, Role, SessionUser } from '@blup/contracts';
import { hashToken } from '../src/app/auth/tokens';
import { User } from '../src/app/database/entities';
import { TEST_PASSWORD } from './factory';
import { deleteRedisKeys } from './global-teardown';
import { startTestApp, TestApp } from './harness';
import { TestClient, TestResponse } from './http-client';
import { linkIn, tokenFrom } from './smtp-sink';
import { TEST_REDIS_URL } from './test-env';

const COOKIE = 'blup_session';
const NEW_PASSWORD = 'Tappernøje i tusmørke 7';

/** The Set-Cookie line for one cookie, split into its attributes. */
function setCookie(
  res: TestResponse,
  name: string,
): { value: string; attributes: string[] } | null {
  const line = res.headers.getSetCookie().find((l) => l.startsWith(`${name}=`));
  if (!line) return null;
  const [pair, ...attributes] = line.split(';').map((p) => p.trim());
  return {
    value: decodeURIComponent(pair.slice(name.length + 1)),
    attributes: attributes.map((a) => a.toLowerCase()),
  };
}

function sessionOf(client: TestClient): string {
  const value = client.cookie(COOKIE);
  if (!value) throw new Error('The client has no session cookie');
  return value;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function signedIn(
    user: { email: string; password: string },
    client = t.client(),
  ): Promise<TestClient> {
    const res = await client.post<SessionUser>('/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(res.status).toBe(200);
    return client;
  }

  async function userRow(id: string): Promise<User> {
    return t.dataSource.getRepository(User).findOneByOrFail({ id });
  }

  describe('signing in with a password', () => {
    it('starts a session behind an HttpOnly, SameSite=Lax cookie and answers the SessionUser', async () => {
      const village = await t.factory.village();
      const user = await t.factory.user({
        role: Role.SteeringMember,
        village,
        coordinationGroup: true,
      });
      const c = t.client();
      const res = await c.post<SessionUser>('/api/auth/login', {
        email: user.email.toUpperCase(),
        password: TEST_PASSWORD,
      });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: user.id,
        email: user.email,
        name: user.name,
        role: Role.SteeringMember,
        locale: 'da',
        municipalityId: village.municipalityId,
        municipalityName: expect.any(String),
        villageId: village.id,
        villageName: village.name,
        coordinationGroup: true,
        learnerKind: null,
      });
      const cookie = setCookie(res, COOKIE);
      expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(cookie?.attributes).toEqual(
        expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']),
      );
      expect(cookie?.attributes).not.toContain('secure');

      const me = await c.get<SessionUser>('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(user.id);
    });

    it('marks a person active the first time they sign in', async () => {
      const user = await t.factory.user({ role: Role.Learner, activated: false });
      expect((await userRow(user.id)).activatedAt).toBeNull();
      await signedIn(user);
      expect((await userRow(user.id)).activatedAt).toBeInstanceOf(Date);
    });

    it('gives a new session id at every sign-in, and ends the one the browser had', async () => {
      const user = await t.factory.user({ role: Role.Coordinator });
      const c = await signedIn(user);
      const first = sessionOf(c);
      await signedIn(user, c);
      const second = sessionOf(c);
      expect(second).not.toBe(first);

      const old = t.client();
      old.setCookie(COOKIE, first);
      expect((await old.get('/api/auth/me')).status).toBe(401);
      expect((await c.get('/api/auth/me')).status).toBe(200);
    });

    it.each([
      [
        'a wrong password',
        async (t: TestApp) => ({
          email: (await t.factory.user()).email,
          password: 'not the right one',
        }),
      ],
      [
        'an unknown email',
        async () => ({ email: `nobody-${Date.now()}@example.dk`, password: TEST_PASSWORD }),
      ],
      [
        'an account without a password',
        async (t: TestApp) => ({
          email: (await t.factory.user({ password: null })).email,
          password: TEST_PASSWORD,
        }),
      ],
      [
        'a disabled account',
        async (t: TestApp) => {
          const u = await t.factory.user();
          await t.dataSource.getRepository(User).update(u.id, { disabledAt: new Date() });
          return { email: u.email, password: TEST_PASSWORD };
        },
      ],
    ])('answers %s with the same 401', async (_case, credentials) => {
      const c = t.client();
      const res = await c.post<ErrorBody>('/api/auth/login', await credentials(t));
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('Wrong email or password.');
      expect(res.body.code).toBe(ErrorCode.WrongCredentials);
      expect(c.cookie(COOKIE)).toBeUndefined();
    });

    it('takes about as long for an unknown email as for a wrong password', async () => {
      const user = await t.factory.user();
      const time = async (email: string): Promise<number> => {
        const started = performance.now();
        const res = await t
          .client()
          .post('/api/auth/login', { email, password: 'definitely wrong' });
        expect(res.status).toBe(401);
        return performance.now() - started;
      };
      const wrong: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 3; i++) {
        wrong.push(await time(user.email));
        unknown.push(await time(`ghost-${i}-${Date.now()}@example.dk`));
      }
      // Without the throwaway hash an unknown email answers in a millisecond or two; argon2 takes ~100 ms.
      expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
    });

    it.each([
      [{ email: 'a@example.dk' }, /password must be text/],
      [{ email: 'not-an-email', password: 'whatever1' }, /email must be an email address/],
      [{ email: 42, password: 'whatever1' }, /email/],
      [{ email: 'a@example.dk', password: 12345678 }, /password must be text/],
      [
        { email: 'a@example.dk', password: 'whatever1', remember: true },
        /remember is not a field this request accepts/,
      ],
    ])('refuses bad input %j with a readable 400', async (body, message) => {
      const res = await t.client().post<ErrorBody>('/api/auth/login', body);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
      expect(res.body.code).toBe(ErrorCode.ValidationFailed);
      expect(Object.keys(res.body.details ?? {})).not.toHaveLength(0);
    });
  });

  describe('secure cookies', () => {
    let secure: TestApp;
    const prefix = `${process.env['REDIS_PREFIX']}_sec`;
    beforeAll(async () => {
      secure = await startTestApp({ SECURE_COOKIES: 'true', REDIS_PREFIX: prefix });
    });
    afterAll(async () => {
      await secure.close();
      await deleteRedisKeys(TEST_REDIS_URL, `${prefix}:`);
    });

    it('issues __Host-blup_session with Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain', async () => {
      const user = await secure.factory.user();
      const c = secure.client();
      const res = await c.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      expect(setCookie(res, COOKIE)).toBeNull();
      const cookie = setCookie(res, '__Host-blup_session');
      expect(cookie?.attributes).toEqual(
        expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']),
      );
      expect(cookie?.attributes.some((a) => a.startsWith('domain='))).toBe(false);
      expect((await c.get('/api/auth/me')).status).toBe(200);
    });
  });

  describe('sessions', () => {
    it('answers 401 once the session has expired', async () => {
      const user = await t.factory.user();
      const c = await signedIn(user);
      await t.dataSource.query(
        `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [user.id],
      );
      const res = await c.get<ErrorBody>('/api/auth/me');
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('Please sign in.');
    });

    it('signs out: 204, the cookie is cleared and its value no longer works', async () => {
      const user = await t.factory.user();
      const c = await signedIn(user);
      const value = sessionOf(c);
      const res = await c.post('/api/auth/logout');
      expect(res.status).toBe(204);
      expect(c.cookie(COOKIE)).toBeUndefined();
      const replay = t.client();
      replay.setCookie(COOKIE, value);
      expect((await replay.get('/api/auth/me')).status).toBe(401);
      const rows = await t.dataSource.query(`SELECT 1 FROM sessions WHERE user_id = $1`, [user.id]);
      expect(rows).toHaveLength(0);
    });

    it('answers logout without a session with 204 too', async () => {
      expect((await t.client().post('/api/auth/logout')).status).toBe(204);
    });

    it('ends the sessions of a disabled person at once', async () => {
      const user = await t.factory.user();
      const c = await signedIn(user);
      await t.dataSource.getRepository(User).update(user.id, { disabledAt: new Date() });
      expect((await c.get('/api/auth/me')).status).toBe(401);
    });

    it('sets the CSRF cookie with GET /api/auth/csrf', async () => {
      const c = t.client();
      const res = await c.get('/api/auth/csrf');
      expect(res.status).toBe(204);
      expect(c.cookie('XSRF-TOKEN')).toBeTruthy();
    });
  });

  describe('profile', () => {
    it('answers 401 to GET /api/auth/me when signed out', async () => {
      expect((await t.client().get('/api/auth/me')).status).toBe(401);
    });

    it('changes name and language', async () => {
      const user = await t.factory.user({ role: Role.Secretariat });
      const c = await signedIn(user);
      const res = await c.patch<SessionUser>('/api/auth/me', {
        name: '  Karen Holm  ',
        locale: 'en',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Karen Holm', locale: 'en', role: Role.Secretariat });
      expect((await c.get<SessionUser>('/api/auth/me')).body.name).toBe('Karen Holm');
    });

    it.each([
      [
        'a name over 120 characters',
        { name: 'x'.repeat(121) },
        'name can be at most 120 characters',
      ],
      ['a blank name', { name: '   ' }, 'name cannot be empty'],
      ['an unknown language', { locale: 'de' }, 'locale must be one of da, en'],
      ['a role', { role: 'secretariat' }, 'role is not a field this request accepts'],
      ['a null name', { name: null }, 'name must be text'],
      ['a null language', { locale: null }, 'locale must be one of da, en'],
    ])('refuses %s', async (_case, body, message) => {
      const c = await signedIn(await t.factory.user());
      const res = await c.patch<ErrorBody>('/api/auth/me', body);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(message);
    });
  });

  describe('sign-in links', () => {
    it('mails a link in the person’s language; the link signs them in once', async () => {
      const user = await t.factory.user({
        role: Role.Coordinator,
        activated: false,
        password: null,
      });
      await t.dataSource.getRepository(User).update(user.id, { locale: 'en' });
      const c = t.client();
      expect(
        (await c.post('/api/auth/link', { email: ` ${user.email.toUpperCase()} ` })).status,
      ).toBe(202);

      const mail = await t.smtp.waitFor(user.email);
      expect(mail.subject).toBe('Your sign-in link for BLUP Akademiet');
      const link = linkIn(mail, 'http://blup.test/auth/link?token=');
      const token = tokenFrom(link);
      const stored = await t.dataSource.query(
        `SELECT token_hash FROM one_time_tokens WHERE user_id = $1`,
        [user.id],
      );
      expect(stored[0].token_hash).toBe(hashToken(token));

      const res = await c.post<SessionUser>('/api/auth/link/consume', { token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: user.id, role: Role.Coordinator, locale: 'en' });
      expect(setCookie(res, COOKIE)?.attributes).toContain('httponly');
      expect((await c.get('/api/auth/me')).status).toBe(200);
      expect((await userRow(user.id)).activatedAt).toBeInstanceOf(Date);

      const again = await t.client().post<ErrorBody>('/api/auth/link/consume', { token });
      expect(again.status).toBe(410);
      expect(again.body.message).toMatch(/Ask for a new one/);
      expect(again.body.code).toBe(ErrorCode.SignInLinkGone);
    });

    it('lets exactly one of two simultaneous uses of a link win', async () => {
      const user = await t.factory.user();
      await t.client().post('/api/auth/link', { email: user.email });
      const token = tokenFrom(
        linkIn(await t.smtp.waitFor(user.email), 'http://blup.test/auth/link?token='),
      );
      const results = await Promise.all(
        [1, 2, 3].map(() => t.client().post('/api/auth/link/consume', { token })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 410, 410]);
    });

    it('answers 410 for an expired link', async () => {
      const user = await t.factory.user();
      await t.client().post('/api/auth/link', { email: user.email });
      const token = tokenFrom(
        linkIn(await t.smtp.waitFor(user.email), 'http://blup.test/auth/link?token='),
      );
      await t.dataSource.query(
        `UPDATE one_time_tokens SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`,
        [hashToken(token)],
      );
      const res = await t.client().post<ErrorBody>('/api/auth/link/consume', { token });
      expect(res.status).toBe(410);
    });

    it('answers 202 for unknown and disabled emails too, and sends nothing', async () => {
      const disabled = await t.factory.user();
      await t.dataSource.getRepository(User).update(disabled.id, { disabledAt: new Date() });
      const unknown = `nobody-${Date.now()}@example.dk`;
      expect((await t.client().post('/api/auth/link', { email: unknown })).status).toBe(202);
      expect((await t.client().post('/api/auth/link', { email: disabled.email })).status).toBe(202);
      // A known address sent after them arrives; by then the others would have too.
      const known = await t.factory.user();
      await t.client().post('/api/auth/link', { email: known.email });
      await t.smtp.waitFor(known.email);
      expect(t.smtp.to(unknown)).toHaveLength(0);
      expect(t.smtp.to(disabled.email)).toHaveLength(0);
    });

    it.each([[{ token: 'abc' }], [{ token: 42 }], [{}]])(
      'answers a malformed token %j with 400',
      async (body) => {
        const res = await t.client().post<ErrorBody>('/api/auth/link/consume', body);
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/token/);
      },
    );

    it('answers 410 for a well-formed token that was never issued', async () => {
      const res = await t.client().post('/api/auth/link/consume', { token: 'A'.repeat(43) });
      expect(res.status).toBe(410);
    });
  });

  describe('password reset', () => {
    it('sets a new password from the mailed link, ends every session and signs in afresh', async () => {
      const user = await t.factory.user();
      const elsewhere = await signedIn(user);
      const c = t.client();
      expect((await c.post('/api/auth/password-reset', { email: user.email })).status).toBe(202);
      const mail = await t.smtp.waitFor(user.email);
      expect(mail.subject).toBe('Vælg en ny adgangskode til BLUP Akademiet');
      const token = tokenFrom(linkIn(mail, 'http://blup.test/auth/reset?token='));

      const common = await c.post<ErrorBody>('/api/auth/password-reset/complete', {
        token,
        password: 'Sommer2024',
      });
      expect(common.status).toBe(400);
      expect(common.body.message).toMatch(/^This password is too common/);
      expect(common.body.code).toBe(ErrorCode.PasswordTooCommon);

      const res = await c.post<SessionUser>('/api/auth/password-reset/complete', {
        token,
        password: NEW_PASSWORD,
      });
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(user.id);
      expect((await c.get('/api/auth/me')).status).toBe(200);
      expect((await elsewhere.get('/api/auth/me')).status).toBe(401);

      expect(
        (await t.client().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD }))
          .status,
      ).toBe(401);
      expect(
        (await t.client().post('/api/auth/login', { email: user.email, password: NEW_PASSWORD }))
          .status,
      ).toBe(200);

      const reuse = await t.client().post<ErrorBody>('/api/auth/password-reset/complete', {
        token,
        password: 'Et helt andet kodeord 9',
      });
      expect(reuse.status).toBe(410);
      expect(reuse.body.message).toMatch(/Forgot your password/);
      expect(reuse.body.code).toBe(ErrorCode.PasswordResetLinkGone);
    });

    it('stores the new password as argon2id', async () => {
      const user = await t.factory.user();
      await t.client().post('/api/auth/password-reset', { email: user.email });
      const token = tokenFrom(
        linkIn(await t.smtp.waitFor(user.email), 'http://blup.test/auth/reset?token='),
      );
      await t.client().post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD });
      const [row] = await t.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [
        user.id,
      ]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });

    it('does not take a sign-in link as a reset token', async () => {
      const user = await t.factory.user();
      await t.client().post('/api/auth/link', { email: user.email });
      const token = tokenFrom(
        linkIn(await t.smtp.waitFor(user.email), 'http://blup.test/auth/link?token='),
      );
      const res = await t
        .client()
        .post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD });
      expect(res.status).toBe(410);
    });

    it.each([
      [
        'a common one',
        'kodeord1',
        /^This password is too common/,
        ErrorCode.PasswordTooCommon,
        undefined,
      ],
      ['a short one', 'short', /at least 8 characters/, ErrorCode.PasswordTooShort, { min: 8 }],
      [
        'one over 256 characters',
        'x'.repeat(257),
        /at most 256 characters/,
        ErrorCode.PasswordTooLong,
        { max: 256 },
      ],
    ])(
      'refuses %s as the new password with 400',
      async (_case, password, message, code, params) => {
        const res = await t.client().post<ErrorBody>('/api/auth/password-reset/complete', {
          token: 'B'.repeat(43),
          password,
        });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(message);
        expect(res.body.code).toBe(code);
        expect(res.body.params).toEqual(params);
        expect(res.body.details?.['password']).toHaveLength(1);
      },
    );
  });

  describe('changing the password', () => {
    it('checks the current password, ends every other session and renews this one', async () => {
      const user = await t.factory.user();
      const other = await signedIn(user);
      const c = await signedIn(user);
      const before = sessionOf(c);

      const wrong = await c.post<ErrorBody>('/api/auth/password', {
        currentPassword: 'nope nope',
        newPassword: NEW_PASSWORD,
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.message).toBe('Your current password is not right.');
      expect(wrong.body.code).toBe(ErrorCode.CurrentPasswordWrong);
      expect(wrong.body.details).toEqual({
        currentPassword: ['Your current password is not right.'],
      });

      const common = await c.post<ErrorBody>('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'adgangskode',
      });
      expect(common.status).toBe(400);
      expect(common.body.message).toMatch(/^This password is too common/);

      const res = await c.post('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(res.status).toBe(204);
      expect(c.cookie(COOKIE)).not.toBe(before);
      expect((await c.get('/api/auth/me')).status).toBe(200);
      expect((await other.get('/api/auth/me')).status).toBe(401);
      const replay = t.client();
      replay.setCookie(COOKIE, before);
      expect((await replay.get('/api/auth/me')).status).toBe(401);

      expect(
        (await t.client().post('/api/auth/login', { email: user.email, password: NEW_PASSWORD }))
          .status,
      ).toBe(200);
    });

    it('tells someone without a password to use the reset instead', async () => {
      const user = await t.factory.user({ password: null });
      const c = t.client();
      await c.post('/api/auth/link', { email: user.email });
      const token = tokenFrom(
        linkIn(await t.smtp.waitFor(user.email), 'http://blup.test/auth/link?token='),
      );
      await c.post('/api/auth/link/consume', { token });
      const res = await c.post<ErrorBody>('/api/auth/password', {
        currentPassword: 'anything',
        newPassword: NEW_PASSWORD,
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/Forgot your password/);
    });

    it('needs a session', async () => {
      const res = await t
        .client()
        .post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      expect(res.status).toBe(401);
    });
  });
});
