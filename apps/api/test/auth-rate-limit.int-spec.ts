import { ErrorCode, type ErrorBody, type SessionUser } from '@blup/contracts';
import { TEST_PASSWORD } from './factory';
import { deleteRedisKeys } from './global-teardown';
import { startTestApp, TestApp } from './harness';
import { linkIn, tokenFrom } from './smtp-sink';
import { TEST_REDIS_URL } from './test-env';

const PER_ACCOUNT = 3;
const PER_IP = 5;
const WINDOW_SECONDS = 600;

/** Addresses from the documentation range, unique per call so tests do not share counters. */
let lastOctet = 0;
const nextIp = (): string => `198.51.100.${++lastOctet}`;

/** Its own app and Redis prefix, with low limits, so the other suites never meet these counters. */
describe('sign-in rate limits', () => {
  let t: TestApp;
  const prefix = `${process.env['REDIS_PREFIX']}_rl`;
  beforeAll(async () => {
    t = await startTestApp({
      REDIS_PREFIX: prefix,
      SIGNIN_LIMIT_PER_ACCOUNT: String(PER_ACCOUNT),
      SIGNIN_LIMIT_PER_IP: String(PER_IP),
      SIGNIN_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    });
  });
  afterAll(async () => {
    await t.close();
    await deleteRedisKeys(TEST_REDIS_URL, `${prefix}:`);
  });

  function expectRetryAfter(res: { headers: Headers }): void {
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
  }

  describe('per account', () => {
    it('locks the account after the failed attempts, whichever address they come from, even for the right password', async () => {
      const user = await t.factory.user();
      for (let i = 0; i < PER_ACCOUNT; i++) {
        const res = await t
          .client(nextIp())
          .post('/api/auth/login', { email: user.email, password: `wrong-${i}-password` });
        expect(res.status).toBe(401);
      }
      const c = t.client(nextIp());
      const res = await c.post<ErrorBody>('/api/auth/login', {
        email: user.email,
        password: TEST_PASSWORD,
      });
      expect(res.status).toBe(429);
      expect(res.body.message).toBe(
        'Too many failed sign-ins for this account. Try again in 10 minutes, or ask for a sign-in link by email instead.',
      );
      expect(res.body.code).toBe(ErrorCode.SignInRateLimited);
      expect(res.body.params).toEqual({ minutes: 10 });
      expectRetryAfter(res);
      expect(c.cookie('blup_session')).toBeUndefined();
    });

    it('leaves other accounts alone', async () => {
      const locked = await t.factory.user();
      const other = await t.factory.user();
      for (let i = 0; i <= PER_ACCOUNT; i++)
        await t
          .client(nextIp())
          .post('/api/auth/login', { email: locked.email, password: 'wrong one!' });
      const res = await t
        .client(nextIp())
        .post('/api/auth/login', { email: other.email, password: TEST_PASSWORD });
      expect(res.status).toBe(200);
    });

    it('counts unknown emails like known ones, so the answer reveals nothing', async () => {
      const email = `nobody-${Date.now()}@example.dk`;
      for (let i = 0; i < PER_ACCOUNT; i++) {
        expect(
          (await t.client(nextIp()).post('/api/auth/login', { email, password: 'whatever!' }))
            .status,
        ).toBe(401);
      }
      expect(
        (await t.client(nextIp()).post('/api/auth/login', { email, password: 'whatever!' })).status,
      ).toBe(429);
    });

    it('starts afresh after a successful sign-in', async () => {
      const user = await t.factory.user();
      const fail = (): Promise<unknown> =>
        t
          .client(nextIp())
          .post('/api/auth/login', { email: user.email, password: 'not it at all' });
      for (let i = 0; i < PER_ACCOUNT - 1; i++) await fail();
      expect(
        (
          await t
            .client(nextIp())
            .post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })
        ).status,
      ).toBe(200);
      for (let i = 0; i < PER_ACCOUNT - 1; i++) await fail();
      expect(
        (
          await t
            .client(nextIp())
            .post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })
        ).status,
      ).toBe(200);
    });

    it('lets a locked-out person in with a sign-in link, which also lifts the lock', async () => {
      const user = await t.factory.user();
      for (let i = 0; i < PER_ACCOUNT; i++)
        await t
          .client(nextIp())
          .post('/api/auth/login', { email: user.email, password: 'wrong again' });
      expect(
        (
          await t
            .client(nextIp())
            .post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })
        ).status,
      ).toBe(429);

      const c = t.client(nextIp());
      expect((await c.post('/api/auth/link', { email: user.email })).status).toBe(202);
      const token = tokenFrom(
        linkIn(await t.smtp.waitFor(user.email), 'http://blup.test/auth/link?token='),
      );
      const res = await c.post<SessionUser>('/api/auth/link/consume', { token });
      expect(res.status).toBe(200);
      expect(
        (
          await t
            .client(nextIp())
            .post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })
        ).status,
      ).toBe(200);
    });

    it('counts wrong current passwords when changing the password', async () => {
      const user = await t.factory.user();
      const c = t.client(nextIp());
      expect(
        (await c.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).status,
      ).toBe(200);
      for (let i = 0; i < PER_ACCOUNT; i++) {
        const res = await c.post('/api/auth/password', {
          currentPassword: 'guessing wrong',
          newPassword: 'Glumsø om foråret 12',
        });
        expect(res.status).toBe(400);
      }
      const res = await c.post('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'Glumsø om foråret 12',
      });
      expect(res.status).toBe(429);
      expectRetryAfter(res);
    });
  });

  describe('per address', () => {
    it('limits sign-in attempts from one address, whatever the accounts, and suggests a sign-in link', async () => {
      const ip = nextIp();
      for (let i = 0; i < PER_IP; i++) {
        const res = await t.client(ip).post('/api/auth/login', {
          email: `someone-${i}-${Date.now()}@example.dk`,
          password: 'whatever!',
        });
        expect(res.status).toBe(401);
      }
      const user = await t.factory.user();
      const res = await t
        .client(ip)
        .post<ErrorBody>('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
      expect(res.status).toBe(429);
      expect(res.body.message).toMatch(
        /^Too many sign-in attempts from your network\. Try again in 10 minutes, or ask for a sign-in link/,
      );
      expect(res.body).toMatchObject({
        code: ErrorCode.SignInRateLimited,
        params: { minutes: 10 },
      });
      expectRetryAfter(res);

      // Another address, and a sign-in link from this one, still work.
      expect(
        (
          await t
            .client(nextIp())
            .post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })
        ).status,
      ).toBe(200);
      expect((await t.client(ip).post('/api/auth/link', { email: user.email })).status).toBe(202);
    });

    it('never locks out an address for people who sign in correctly (a village hall), only for failures', async () => {
      const ip = nextIp();
      const hall = await Promise.all([1, 2, 3].map(() => t.factory.user()));
      for (let i = 0; i < 30; i++) {
        const res = await t
          .client(ip)
          .post('/api/auth/login', { email: hall[i % hall.length].email, password: TEST_PASSWORD });
        expect(res.status).toBe(200);
      }
      // The failures alone count: one short of the limit still lets people in, the limit does not.
      const fail = (i: number): Promise<{ status: number }> =>
        t.client(ip).post('/api/auth/login', {
          email: `typo-${i}-${Date.now()}@example.dk`,
          password: 'whatever!',
        });
      for (let i = 0; i < PER_IP - 1; i++) expect((await fail(i)).status).toBe(401);
      expect(
        (
          await t
            .client(ip)
            .post('/api/auth/login', { email: hall[0].email, password: TEST_PASSWORD })
        ).status,
      ).toBe(200);
      expect((await fail(PER_IP)).status).toBe(401);
      expect(
        (
          await t
            .client(ip)
            .post('/api/auth/login', { email: hall[1].email, password: TEST_PASSWORD })
        ).status,
      ).toBe(429);
    }, 120_000);

    it.each([
      [
        '/api/auth/link',
        /^Too many sign-in links were asked for from your network\. Try again in 10 minutes\.$/,
        ErrorCode.SignInLinkRateLimited,
      ],
      [
        '/api/auth/password-reset',
        /^Too many password resets were asked for from your network\. Try again in 10 minutes\.$/,
        ErrorCode.PasswordResetRateLimited,
      ],
    ])('limits %s per address', async (path, message, code) => {
      const ip = nextIp();
      for (let i = 0; i < PER_IP; i++) {
        expect((await t.client(ip).post(path, { email: `someone-${i}@example.dk` })).status).toBe(
          202,
        );
      }
      const res = await t.client(ip).post<ErrorBody>(path, { email: 'someone-else@example.dk' });
      expect(res.status).toBe(429);
      expect(res.body.message).toMatch(message);
      expect(res.body).toMatchObject({ code, params: { minutes: 10 } });
      expect(res.body.requestId).toBeTruthy();
      expectRetryAfter(res);
      expect(
        (await t.client(nextIp()).post(path, { email: 'someone-else@example.dk' })).status,
      ).toBe(202);
    });
  });
});
