import { spawnSync } from 'node:child_process';
import { startTestApp, TestApp } from './harness';
import { Role } from '@blup/contracts';
import { signInAs } from './sign-in';

interface Schema {
  $ref?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  nullable?: boolean;
}
interface Operation {
  operationId?: string;
  security?: unknown[];
  responses: Record<
    string,
    {
      $ref?: string;
      description?: string;
      content?: Record<string, { schema?: Schema }>;
      headers?: unknown;
    }
  >;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * swagger-parser's dependencies are ESM-only, which this jest setup cannot load: it runs in a
 * child node process, reading the document on stdin and printing what it finds wrong.
 */
function validate(doc: Document): string {
  const script = `
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', () =>
      import('@apidevtools/swagger-parser')
        .then(({ default: parser }) => parser.validate(JSON.parse(Buffer.concat(chunks).toString())))
        .then(() => console.log('valid'), (e) => console.log(e.message)));`;
  const out = spawnSync(process.execPath, ['-e', script], {
    input: JSON.stringify(doc),
    encoding: 'utf8',
  });
  return (out.stdout || out.stderr).trim();
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function operations(doc: Document): Array<{ name: string; op: Operation }> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({
      name: `${m.toUpperCase()} ${path}`,
      op: item[m],
    })),
  );
}

/** Follows $ref and allOf to the object schema a response claims. */
function resolve(doc: Document, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop() ?? '']);
  if (schema.allOf?.length === 1) return resolve(doc, schema.allOf[0]);
  return schema;
}

/** The fields a body lacks of those its declared schema requires, recursively (one level of items). */
function missingFields(doc: Document, schema: Schema, body: unknown, at = '$'): string[] {
  const s = resolve(doc, schema);
  if (body === null || body === undefined) return schema.nullable || s.nullable ? [] : [at];
  const items = s.items;
  if (s.type === 'array' && Array.isArray(body) && items) {
    return body.slice(0, 3).flatMap((item, i) => missingFields(doc, items, item, `${at}[${i}]`));
  }
  if (typeof body !== 'object' || !s.properties) return [];
  const record = body as Record<string, unknown>;
  return [
    ...(s.required ?? []).filter((k) => !(k in record)).map((k) => `${at}.${k}`),
    ...Object.entries(s.properties)
      .filter(([k]) => record[k] !== undefined && record[k] !== null)
      .flatMap(([k, p]) => missingFields(doc, p, record[k], `${at}.${k}`)),
  ];
}

function okSchema(doc: Document, path: string, method: string): Schema {
  const op = doc.paths[path][method];
  const ok = Object.entries(op.responses).find(([status]) => /^2/.test(status));
  const schema = ok?.[1].content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method} ${path} declares no JSON answer`);
  return schema;
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.client().get<Document>('/api/docs-json')).body;
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3.0 document', () => {
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(validate(doc)).toBe('valid');
  });

  it('declares a 2xx answer with a schema, or a non-JSON body, on every operation', () => {
    const lacking = operations(doc)
      .filter(({ op }) => {
        const ok = Object.entries(op.responses).filter(([status]) => /^[23]\d\d$/.test(status));
        if (ok.length === 0) return true;
        return !ok.some(
          ([status, r]) =>
            // No body at all: 204, and 202 for "we will see to it" (mail follows).
            ((status === '204' || status === '202') && !r.content) ||
            /^3/.test(status) ||
            (r.content && Object.values(r.content).every((m) => m.schema)),
        );
      })
      .map(({ name }) => name);
    expect(lacking).toEqual([]);
  });

  it('answers errors with the one ErrorBody, and leaves public routes without security', () => {
    const ops = operations(doc);
    const badErrors = ops
      .flatMap(({ name, op }) =>
        Object.entries(op.responses)
          .filter(([status]) => /^4/.test(status))
          .filter(([, r]) => {
            const schema = r.content?.['application/json']?.schema;
            return schema?.$ref !== '#/components/schemas/ErrorBody';
          })
          .map(([status]) => `${name} ${status}`),
      )
      .sort();
    expect(badErrors).toEqual([]);
    const errorBody = doc.components.schemas['ErrorBody'];
    expect(errorBody.required?.sort()).toEqual(['error', 'message', 'requestId', 'statusCode']);
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/api/auth/me'].get.security).toBeUndefined();
    expect(doc.paths['/api/auth/me'].get.responses['401']).toBeDefined();
    // Learners are refused the survey templates (403), not shown an empty list.
    expect(doc.paths['/api/survey-templates'].get.responses['403']).toBeDefined();
    // A public write still needs the CSRF header; the signed one-click unsubscribe does not.
    expect(doc.paths['/api/panel/preferences/erase'].post.responses['403'].description).toMatch(
      /CSRF/,
    );
    expect(doc.paths['/api/panel/preferences/erase'].post.responses['503']).toBeDefined();
    const unsubscribe = Object.keys(doc.paths).find((p) => p.startsWith('/api/unsubscribe/'));
    expect(unsubscribe && doc.paths[unsubscribe].post.responses['403']).toBeUndefined();
  });

  it('describes what the API really answers', async () => {
    const admin = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
    const health = await t.client().get('/api/health');
    expect(missingFields(doc, okSchema(doc, '/api/health', 'get'), health.body)).toEqual([]);
    const me = await admin.get('/api/auth/me');
    expect(missingFields(doc, okSchema(doc, '/api/auth/me', 'get'), me.body)).toEqual([]);
    const applications = await admin.get('/api/applications');
    expect(applications.status).toBe(200);
    expect(
      missingFields(doc, okSchema(doc, '/api/applications', 'get'), applications.body),
    ).toEqual([]);
    const startsAt = new Date(Date.now() + 7 * 86400_000);
    const created = await admin.post('/api/info-meetings', {
      title: 'Infomøde',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      url: 'https://meet.example.org/blup',
      capacity: 20,
    });
    expect(created.status).toBe(201);
    expect(missingFields(doc, okSchema(doc, '/api/info-meetings', 'post'), created.body)).toEqual(
      [],
    );
    const upcoming = await t.client().get<{ items: unknown[] }>('/api/info-meetings/upcoming');
    expect(upcoming.body.items.length).toBeGreaterThan(0);
    expect(
      missingFields(doc, okSchema(doc, '/api/info-meetings/upcoming', 'get'), upcoming.body),
    ).toEqual([]);
    // Every list and read without an id, as the secretariat (who may read them all).
    const reads = Object.entries(doc.paths)
      .filter(([path, item]) => item.get && !path.includes('{'))
      .filter(([, item]) => item.get.responses['200']?.content?.['application/json']);
    const wrong: string[] = [];
    for (const [path] of reads) {
      const res = await admin.get(path);
      if (res.status !== 200) continue;
      const missing = missingFields(doc, okSchema(doc, path, 'get'), res.body);
      if (missing.length) wrong.push(`${path}: ${missing.join(', ')}`);
    }
    expect(wrong).toEqual([]);
    const notFound = await admin.get('/api/villages/00000000-0000-4000-8000-000000000000');
    expect(notFound.status).toBe(404);
    expect(missingFields(doc, { $ref: '#/components/schemas/ErrorBody' }, notFound.body)).toEqual(
      [],
    );
  });
});
