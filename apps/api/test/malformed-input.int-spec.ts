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

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
}
interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const BAD_IDS = ['%00', 'x'.repeat(2000)];
const BAD_QUERY_VALUES = ['%00', '-1', 'x'.repeat(2000)];
/** Endpoints the walk would change its own client with. */
const SKIP = new Set(['POST /api/auth/logout']);

/** Each field of the body's schema with a value of the wrong type (and a NUL in strings). */
function wrongTypedBodies(doc: OpenApiDoc, schema: Schema | undefined): unknown[] {
  const resolve = (s: Schema | undefined): Schema | undefined =>
    s?.$ref ? doc.components?.schemas?.[s.$ref.split('/').pop() ?? ''] : s;
  const body = resolve(schema);
  const props = { ...body?.properties };
  for (const part of body?.allOf ?? []) Object.assign(props, resolve(part)?.properties);
  const wrong = (s: Schema | undefined): unknown[] => {
    const r = resolve(s);
    switch (r?.type) {
      case 'string':
        return [123, 'a\u0000b'];
      case 'integer':
      case 'number':
        return ['x', -1];
      case 'boolean':
        return ['yes'];
      case 'array':
        return [[null]];
      default:
        return ['x'];
    }
  };
  return Object.entries(props).flatMap(([name, s]) => wrong(s).map((v) => ({ [name]: v })));
}

/**
 * Walks every operation of the OpenAPI document, signed out and as the secretariat, with ids
 * that are not ids, query values out of range, deep JSON and bodies of the wrong shape: none may
 * answer 5xx (599 here: no answer within 5 s).
 */
describe('every operation in the OpenAPI document', () => {
  it('answers bad ids, bad query values and bad bodies with less than 500', async () => {
    const doc = (await t.client().get<OpenApiDoc>('/api/docs-json')).body;
    const anonymous = t.client();
    await anonymous.get('/api/auth/csrf');
    await secretariat.get('/api/auth/csrf');
    const failures: string[] = [];
    const requests: (() => Promise<void>)[] = [];
    const send = async (c: TestClient, method: string, path: string, body?: string) => {
      const started = Date.now();
      const res = await Promise.race([
        c.raw(method, path, {
          headers: {
            'x-xsrf-token': c.cookie('XSRF-TOKEN') ?? '',
            ...(body !== undefined && { 'content-type': 'application/json' }),
          },
          body,
        }),
        new Promise<{ status: number }>((r) => setTimeout(() => r({ status: 599 }), 5000).unref()),
      ]);
      if (res.status >= 500)
        failures.push(
          `${method} ${path.slice(0, 120)} ${body?.slice(0, 80) ?? ''} -> ${res.status} in ${Date.now() - started} ms`,
        );
    };
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [verb, op] of Object.entries(ops)) {
        const method = verb.toUpperCase();
        if (SKIP.has(`${method} ${template}`)) continue;
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
        const query = (op.parameters ?? []).filter((p) => p.in === 'query');
        const withIds = (id: string) => template.replace(/\{[^}]+\}/g, id);
        const validPath = withIds('00000000-0000-4000-8000-000000000000');
        const paths = pathParams.length ? BAD_IDS.map(withIds) : [];
        const queries = query.flatMap((q) =>
          BAD_QUERY_VALUES.map((v) => `${validPath}?${encodeURIComponent(q.name)}=${v}`),
        );
        const bodies =
          method === 'GET'
            ? []
            : [
                DEEP_JSON,
                '[1,2]',
                ...wrongTypedBodies(doc, op.requestBody?.content?.['application/json']?.schema).map(
                  (b) => JSON.stringify(b),
                ),
              ];
        for (const c of [anonymous, secretariat]) {
          for (const p of [...paths, ...queries]) requests.push(() => send(c, method, p));
          // Signed out, a protected route stops at the guard: only the deep-JSON body matters.
          for (const b of c === anonymous ? bodies.slice(0, 1) : bodies)
            requests.push(() => send(c, method, validPath, b));
        }
      }
    }
    // A few at a time: fast enough, and no more than a busy browser would open.
    const workers = Array.from({ length: 8 }, async () => {
      for (let next = requests.shift(); next; next = requests.shift()) await next();
    });
    await Promise.all(workers);
    expect(failures).toEqual([]);
  }, 60_000);
});
