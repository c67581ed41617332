import { ErrorCode, Role, type ErrorBody } from '@blup/contracts';
import { startTestApp, TestApp } from './harness';
import type { TestClient } from './http-client';
import { signInAs } from './sign-in';

/** About 4 KB of JSON nested 2,000 levels deep. */
const DEEP_JSON = '['.repeat(1000) + '{"a":'.repeat(500) + '1' + '}'.repeat(500) + ']'.repeat(1000);

let t: TestApp;
let secretariat: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  secretariat = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
});

afterAll(() => t.close());

/** Sends `body` as JSON with the CSRF token, whatever it holds. */
async function sendRaw(c: TestClient, method: string, path: string, body: string) {
  if (!c.cookie('XSRF-TOKEN')) await c.get('/api/auth/csrf');
  return c.raw(method, path, {
    headers: { 'content-type': 'application/json', 'x-xsrf-token': c.cookie('XSRF-TOKEN') ?? '' },
    body,
  });
}

describe('deeply nested JSON', () => {
  it.each([
    ['anonymous', 'POST', '/api/auth/login'],
    ['secretariat', 'POST', '/api/newsletters'],
    ['secretariat', 'PATCH', '/api/people/00000000-0000-4000-8000-000000000000'],
  ])('is a 400 json_too_deep (%s %s %s)', async (who, method, path) => {
    const c = who === 'anonymous' ? t.client() : secretariat;
    const res = await sendRaw(c, method, path, DEEP_JSON);
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).code).toBe(ErrorCode.JsonTooDeep);
    expect((res.body as ErrorBody).message).toMatch(/nested too deeply/);
  });

  it('is a 400 json_too_deep in the application form field too', async () => {
    const c = t.client();
    await c.get('/api/auth/csrf');
    const form = new FormData();
    form.append('application', DEEP_JSON);
    const res = await fetch(`${t.url}/api/applications`, {
      method: 'POST',
      body: form,
      headers: {
        cookie: `XSRF-TOKEN=${c.cookie('XSRF-TOKEN')}`,
        'x-xsrf-token': c.cookie('XSRF-TOKEN') ?? '',
      },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).code).toBe(ErrorCode.JsonTooDeep);
  });
});

describe('ids in the address', () => {
  it('answers a video upload id holding a NUL byte with 400 invalid_id', async () => {
    await secretariat.get('/api/auth/csrf');
    const res = await secretariat.raw('PUT', '/api/video-uploads/abc%00def', {
      headers: {
        'x-xsrf-token': secretariat.cookie('XSRF-TOKEN') ?? '',
        'content-range': 'bytes 0-0/1',
      },
      body: 'x',
    });
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).code).toBe(ErrorCode.InvalidId);
    expect((res.body as ErrorBody).message).toMatch(/upload id/);
  });

  it.each([
    ['/api/media/videos/abc%00', /lesson id/],
    ['/api/courses/abc%00', /course id/],
  ])('answers %s with 400 invalid_id', async (path, message) => {
    const res = await secretariat.get<ErrorBody>(path);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.InvalidId);
    expect(res.body.message).toMatch(message);
  });
});
