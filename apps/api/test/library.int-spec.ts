import {
  CSRF_COOKIE,
  CSRF_HEADER,
  ErrorCode,
  LessonKind,
  Phase,
  Role,
  type ErrorBody,
  type LibraryDocumentDetailDto,
  type LibraryDocumentDto,
  type Page,
} from '@blup/contracts';
import { strToU8, zipSync } from 'fflate';
import { randomBytes } from 'node:crypto';
import { writeDocx, writeXlsx } from '../src/app/demo/ooxml-writer';
import { writePdf } from '../src/app/demo/pdf-writer';
import { CircleFixtures } from './circles-fixtures';
import { CourseFixtures } from './courses-fixtures';
import { startTestApp, type TestApp } from './harness';
import type { TestClient, TestResponse } from './http-client';
import { signInAs } from './sign-in';

let t: TestApp;
let secretariat: TestClient;
let coordinator: TestClient;
let steering: TestClient;
let learner: TestClient;
const suffix = randomBytes(3).toString('hex');

const pdf = (text: string) => writePdf({ title: text, sections: [{ paragraphs: [text] }] });
const docx = (text: string) => writeDocx({ title: text, sections: [{ paragraphs: [text] }] });

beforeAll(async () => {
  t = await startTestApp({ LIBRARY_MAX_MB: '1' });
  const village = await t.factory.village();
  secretariat = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
  coordinator = await signInAs(t, await t.factory.user({ role: Role.Coordinator }));
  steering = await signInAs(t, await t.factory.user({ role: Role.SteeringMember, village }));
  learner = await signInAs(t, await t.factory.user({ role: Role.Learner }));
});
afterAll(() => t.close());

/** Sends a multipart form with `file` (when given) and text fields. */
async function send(
  client: TestClient,
  path: string,
  fields: Record<string, string>,
  file?: { name: string; content: Buffer },
): Promise<TestResponse> {
  if (!client.cookie(CSRF_COOKIE)) await client.raw('GET', '/api/auth/csrf');
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file.content)]), file.name);
  const cookie = ['blup_session', '__Host-blup_session', CSRF_COOKIE]
    .map((n) => [n, client.cookie(n)] as const)
    .filter(([, v]) => v)
    .map(([n, v]) => `${n}=${v}`)
    .join('; ');
  const res = await fetch(client.baseUrl + path, {
    method: 'POST',
    body: form,
    headers: { cookie, [CSRF_HEADER]: client.cookie(CSRF_COOKIE) ?? '' },
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, body };
}

async function createDoc(
  title: string,
  file: { name: string; content: Buffer },
  fields: Record<string, string> = {},
): Promise<LibraryDocumentDetailDto> {
  const res = await send(
    secretariat,
    '/api/library/documents',
    {
      phase: Phase.Facilitation,
      kind: 'manual',
      title,
      description: 'Til styregruppen',
      ...fields,
    },
    file,
  );
  expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({
    status: 201,
    body: null,
  });
  return res.body as LibraryDocumentDetailDto;
}

describe('access to every endpoint', () => {
  it('lets everyone signed in read and download, and only the secretariat write', async () => {
    const doc = await createDoc(`Adgang ${suffix}`, { name: 'adgang.pdf', content: pdf('Adgang') });
    const { lesson } = await new CourseFixtures(t.dataSource).courseWithLesson(
      {},
      { kind: LessonKind.Text },
    );
    const file = `/api/library/documents/${doc.id}/versions/${doc.currentVersionId}/file`;
    const reads = ['/api/library/documents', `/api/library/documents/${doc.id}`, file];
    for (const path of reads) {
      expect((await t.client().get(path)).status).toBe(401);
      for (const c of [secretariat, coordinator, steering, learner]) {
        expect({ path, status: (await c.get(path)).status }).toEqual({ path, status: 200 });
      }
    }
    // What a lesson links to is read as the lesson is (see 'links' below).
    const linked = `/api/library/linked/lesson/${lesson.id}`;
    expect((await t.client().get(linked)).status).toBe(401);
    expect((await secretariat.get(linked)).status).toBe(200);
    const link = `/api/library/documents/${doc.id}/links/lesson/${lesson.id}`;
    for (const c of [coordinator, steering, learner]) {
      const writes: [string, () => Promise<TestResponse>][] = [
        [
          'create',
          () =>
            send(
              c,
              '/api/library/documents',
              { phase: 'mapping', kind: 'template', title: 'x' },
              { name: 'x.pdf', content: pdf('x') },
            ),
        ],
        [
          'version',
          () =>
            send(
              c,
              `/api/library/documents/${doc.id}/versions`,
              {},
              { name: 'x.pdf', content: pdf('x') },
            ),
        ],
        ['edit', () => c.patch(`/api/library/documents/${doc.id}`, { description: 'Nej' })],
        ['link', () => c.request('PUT', link)],
        ['unlink', () => c.delete(link)],
        ['delete', () => c.delete(`/api/library/documents/${doc.id}`)],
      ];
      for (const [what, write] of writes) {
        const res = await write();
        expect({ what, status: res.status }).toEqual({ what, status: 403 });
      }
    }
    expect((await secretariat.request('PUT', link)).status).toBe(200);
    expect(
      (await secretariat.patch(`/api/library/documents/${doc.id}`, { description: 'Ja' })).status,
    ).toBe(200);
    expect((await secretariat.delete(link)).status).toBe(204);
    expect((await secretariat.delete(`/api/library/documents/${doc.id}`)).status).toBe(204);
    expect((await steering.get(`/api/library/documents/${doc.id}`)).status).toBe(404);
    expect((await steering.get(file)).status).toBe(404);
  });
});

describe('uploads', () => {
  it.each([
    [
      'a program renamed .docx',
      'program.docx',
      Buffer.from('MZ\x90\x00\x03 This program cannot be run in DOS mode'),
    ],
    [
      'a zip that is not Office',
      'billeder.docx',
      Buffer.from(zipSync({ 'a.txt': strToU8('hej') })),
    ],
    ['a text file named .pdf', 'notat.pdf', Buffer.from('Dette er bare tekst')],
    ['an Excel file named .docx', 'ark.docx', writeXlsx('Ark', [['a']])],
    ['a PDF named .txt', 'guide.txt', pdf('guide')],
  ])('refuses %s with 400 library_file_invalid', async (_what, name, content) => {
    const res = await send(
      secretariat,
      '/api/library/documents',
      { phase: 'mapping', kind: 'template', title: `Afvist ${suffix}` },
      { name, content },
    );
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).code).toBe(ErrorCode.LibraryFileInvalid);
  });

  it('refuses a file over the limit with 413 library_file_too_large, and keeps nothing', async () => {
    const big = Buffer.concat([pdf('stor'), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const res = await send(
      secretariat,
      '/api/library/documents',
      { phase: 'mapping', kind: 'template', title: `For stor ${suffix}` },
      { name: 'stor.pdf', content: big },
    );
    expect(res.status).toBe(413);
    expect((res.body as ErrorBody).code).toBe(ErrorCode.LibraryFileTooLarge);
    expect((res.body as ErrorBody).params).toEqual({ maxMb: 1 });
    const found = await secretariat.get<Page<LibraryDocumentDto>>(
      `/api/library/documents?q=${encodeURIComponent(`For stor ${suffix}`)}`,
    );
    expect(found.body.items.filter((d) => d.title.includes(suffix))).toEqual([]);
  });

  it('asks for the file and valid fields with 400s', async () => {
    const noFile = await send(secretariat, '/api/library/documents', {
      phase: 'mapping',
      kind: 'template',
      title: 'Uden fil',
    });
    expect(noFile.status).toBe(400);
    const badPhase = await send(
      secretariat,
      '/api/library/documents',
      { phase: 'fase 9', kind: 'template', title: 'x' },
      { name: 'x.pdf', content: pdf('x') },
    );
    expect(badPhase.status).toBe(400);
    expect((badPhase.body as ErrorBody).message).toMatch(/phase must be one of/);
    const json = await secretariat.post('/api/library/documents', { title: 'x' });
    expect(json.status).toBe(400);
  });
});

describe('versions and downloads', () => {
  it('keeps every version downloadable with its type, name and nosniff', async () => {
    const doc = await createDoc(`Forretningsorden ${suffix}`, {
      name: 'Forretningsorden æ.docx',
      content: docx('Første udgave'),
    });
    expect(doc).toMatchObject({
      currentVersion: 1,
      fileName: 'Forretningsorden æ.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const v2 = await send(
      secretariat,
      `/api/library/documents/${doc.id}/versions`,
      { note: 'Nu som PDF' },
      { name: 'Forretningsorden.pdf', content: pdf('Anden udgave') },
    );
    expect(v2.status).toBe(201);
    const detail = v2.body as LibraryDocumentDetailDto;
    expect(detail.currentVersion).toBe(2);
    expect(detail.mediaType).toBe('application/pdf');
    expect(detail.versions.map((v) => [v.number, v.note])).toEqual([
      [2, 'Nu som PDF'],
      [1, ''],
    ]);
    expect(detail.versions[0].uploadedByName).toBeTruthy();

    const old = detail.versions[1];
    const res = await fetch(`${t.url}/api/library/documents/${doc.id}/versions/${old.id}/file`, {
      headers: { cookie: `blup_session=${learner.cookie('blup_session')}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Forretningsorden _.docx"; filename*=UTF-8''Forretningsorden%20%C3%A6.docx`,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBe(old.sizeBytes);

    const other = await createDoc(`Andet ${suffix}`, { name: 'a.pdf', content: pdf('a') });
    expect(
      (await learner.get(`/api/library/documents/${other.id}/versions/${old.id}/file`)).status,
    ).toBe(404);
    const edited = await secretariat.patch<LibraryDocumentDetailDto>(
      `/api/library/documents/${doc.id}`,
      { description: 'Vedtages på første møde' },
    );
    expect(edited.body).toMatchObject({
      description: 'Vedtages på første møde',
      currentVersion: 2,
    });
  });
});

describe('search', () => {
  it('finds Danish word forms, filters by phase and ranks the title first', async () => {
    const guide = await createDoc(`Guide til fremtidsværkstedet ${suffix}`, {
      name: 'guide.pdf',
      content: pdf('Guide'),
    });
    const mention = await createDoc(
      `Invitation ${suffix}`,
      { name: 'invitation.docx', content: docx('Invitation') },
      { description: 'Sådan inviterer I til fremtidsværkstederne', phase: Phase.Mobilisation },
    );
    const byFile = await createDoc(
      `Skema ${suffix}`,
      { name: 'forretningsorden_styregruppe.docx', content: docx('x') },
      { phase: Phase.Mobilisation },
    );
    const search = async (query: string) =>
      (await steering.get<Page<LibraryDocumentDto>>(`/api/library/documents?${query}`)).body;

    const found = await search('q=fremtidsv%C3%A6rksted&pageSize=100');
    const ids = found.items.map((d) => d.id);
    expect(ids).toContain(guide.id);
    expect(ids).toContain(mention.id);
    expect(ids.indexOf(guide.id)).toBeLessThan(ids.indexOf(mention.id));

    const inPhase = await search('q=fremtidsv%C3%A6rksted&phase=facilitation&pageSize=100');
    expect(inPhase.items.map((d) => d.id)).toContain(guide.id);
    expect(inPhase.items.map((d) => d.id)).not.toContain(mention.id);

    expect((await search('q=styregruppe')).items.map((d) => d.id)).toContain(byFile.id);
    // A word still being typed matches the title or description.
    expect((await search('q=fremtidsv%C3%A6rkst')).items.map((d) => d.id)).toContain(mention.id);
    const paged = await search('pageSize=1&page=2');
    expect(paged).toMatchObject({ page: 2, pageSize: 1 });
    expect(paged.total).toBeGreaterThanOrEqual(3);
    expect(paged.items).toHaveLength(1);
    expect((await steering.get('/api/library/documents?phase=nope')).status).toBe(400);
  });
});

describe('links', () => {
  it('links a document from a session, a lesson and a newsletter, and lists them there', async () => {
    const doc = await createDoc(`Linket ${suffix}`, { name: 'l.pdf', content: pdf('l') });
    const circles = new CircleFixtures(t.dataSource, t.factory);
    const world = await circles.world();
    const session = await circles.session(world.circleA);
    const { lesson } = await new CourseFixtures(t.dataSource).courseWithLesson();
    const [{ id: newsletterId }] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO newsletters (cohort_id, subject, web_token)
       VALUES ($1, 'Nyhedsbrev', md5(random()::text)) RETURNING id`,
      [world.cohort.id],
    );
    const targets = [
      ['session', session.id],
      ['lesson', lesson.id],
      ['newsletter', newsletterId],
    ] as const;
    for (const [target, id] of targets) {
      const path = `/api/library/documents/${doc.id}/links/${target}/${id}`;
      const res = await secretariat.request('PUT', path);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ documentId: doc.id, target, targetId: id });
      expect((await secretariat.request('PUT', path)).status).toBe(200);
      const linked = await secretariat.get<Page<LibraryDocumentDto>>(
        `/api/library/linked/${target}/${id}`,
      );
      expect(linked.body.items.map((d) => d.id)).toEqual([doc.id]);
    }
    // Someone who may not read the session (not in its circle), the lesson (a course not theirs)
    // or the newsletter (a draft) gets the 404 of one that does not exist.
    const outsider = await signInAs(t, world.memberB);
    const learnerElsewhere = await signInAs(t, await t.factory.user({ role: Role.Learner }));
    const refused = [
      ['session', session.id, 'member of another village', outsider],
      ['session', session.id, 'learner', learnerElsewhere],
      ['lesson', lesson.id, 'learner', learnerElsewhere],
      ['newsletter', newsletterId, 'member of another village', outsider],
      ['newsletter', newsletterId, 'learner', learnerElsewhere],
    ] as const;
    for (const [target, id, who, client] of refused) {
      const res = await client.get<ErrorBody>(`/api/library/linked/${target}/${id}`);
      expect({ target, who, status: res.status, code: res.body.code }).toEqual({
        target,
        who,
        status: 404,
        code: ErrorCode.NotFound,
      });
    }
    // A member of the session's circle reads what it links to; the lesson's course is open to
    // every village in a cohort.
    expect((await outsider.get(`/api/library/linked/lesson/${lesson.id}`)).status).toBe(200);
    const member = await signInAs(t, world.memberA);
    const own = await member.get<Page<LibraryDocumentDto>>(
      `/api/library/linked/session/${session.id}`,
    );
    expect(own.body.items.map((d) => d.id)).toEqual([doc.id]);
    const detail = await coordinator.get<LibraryDocumentDetailDto>(
      `/api/library/documents/${doc.id}`,
    );
    expect(detail.body.links).toHaveLength(3);

    const unknown = await secretariat.request(
      'PUT',
      `/api/library/documents/${doc.id}/links/session/${lesson.id}`,
    );
    expect(unknown.status).toBe(400);
    expect((unknown.body as ErrorBody).code).toBe(ErrorCode.UnknownReference);
    expect(
      (
        await secretariat.request(
          'PUT',
          `/api/library/documents/${doc.id}/links/village/${lesson.id}`,
        )
      ).status,
    ).toBe(400);

    expect(
      (await secretariat.delete(`/api/library/documents/${doc.id}/links/lesson/${lesson.id}`))
        .status,
    ).toBe(204);
    const after = await secretariat.get<Page<LibraryDocumentDto>>(
      `/api/library/linked/lesson/${lesson.id}`,
    );
    expect(after.body.items).toEqual([]);
  });
});
