import {
  CourseAudience,
  CSRF_COOKIE,
  CSRF_HEADER,
  LessonKind,
  Role,
  type CourseDto,
  type CourseModuleDto,
  type CourseSummaryDto,
  type LessonDto,
  type Page,
} from '@blup/contracts';
import { CourseFixtures, put, upload } from './courses-fixtures';
import { startTestApp, TestApp } from './harness';
import { signInAs } from './sign-in';

let t: TestApp;
let fx: CourseFixtures;
beforeAll(async () => {
  t = await startTestApp({ MAX_RESOURCE_MB: '1' });
  fx = new CourseFixtures(t.dataSource);
});
afterAll(() => t.close());

const ids = (page: Page<CourseSummaryDto>): string[] => page.items.map((c) => c.id);

async function steeringInCohort() {
  const village = await t.factory.village();
  await t.factory.cohort([village]);
  return t.factory.user({ role: Role.SteeringMember, village });
}

describe('who sees which course', () => {
  it('opens the BLUP course to steering members of villages in a cohort and to coordinators', async () => {
    const { course, lesson } = await fx.courseWithLesson();
    const inCohort = await signInAs(t, await steeringInCohort());
    const outside = await signInAs(t, await t.factory.user({ role: Role.SteeringMember }));
    const coordinator = await signInAs(t, await t.factory.user({ role: Role.Coordinator }));
    const learner = await signInAs(t, await t.factory.user({ role: Role.Learner }));

    for (const client of [inCohort, coordinator]) {
      expect(
        ids((await client.get<Page<CourseSummaryDto>>('/api/courses?pageSize=100')).body),
      ).toContain(course.id);
      expect((await client.get(`/api/courses/${course.id}`)).status).toBe(200);
      expect((await client.get(`/api/lessons/${lesson.id}`)).status).toBe(200);
    }
    for (const client of [outside, learner]) {
      expect(
        ids((await client.get<Page<CourseSummaryDto>>('/api/courses?pageSize=100')).body),
      ).not.toContain(course.id);
      expect((await client.get(`/api/courses/${course.id}`)).status).toBe(404);
      const res = await client.get<{ message: string }>(`/api/lessons/${lesson.id}`);
      expect(res.status).toBe(404);
      expect(res.body.message).toBe('Lesson not found');
    }
  });

  it('shows a learner only the academy courses they are invited to', async () => {
    const invitedTo = await fx.course({ audience: CourseAudience.Academy });
    const other = await fx.course({ audience: CourseAudience.Academy });
    const me = await t.factory.user({ role: Role.Learner });
    await fx.invite(invitedTo, me);
    const client = await signInAs(t, me);
    const page = (await client.get<Page<CourseSummaryDto>>('/api/courses?pageSize=100')).body;
    expect(ids(page)).toContain(invitedTo.id);
    expect(ids(page)).not.toContain(other.id);
    expect((await client.get(`/api/courses/${other.id}`)).status).toBe(404);
    // An academy course is not opened to steering members by their cohort.
    const steering = await signInAs(t, await steeringInCohort());
    expect((await steering.get(`/api/courses/${invitedTo.id}`)).status).toBe(404);
  });

  it('never serves unpublished courses, modules or lessons to learners, and shows the secretariat drafts', async () => {
    const me = await t.factory.user({ role: Role.Learner });
    const draft = await fx.courseWithLesson({ audience: CourseAudience.Academy, published: false });
    const draftModule = await fx.courseWithLesson(
      { audience: CourseAudience.Academy },
      { modulePublished: false },
    );
    const draftLesson = await fx.courseWithLesson(
      { audience: CourseAudience.Academy },
      { published: false },
    );
    for (const c of [draft, draftModule, draftLesson]) await fx.invite(c.course, me);
    const client = await signInAs(t, me);

    expect((await client.get(`/api/courses/${draft.course.id}`)).status).toBe(404);
    expect(
      ids((await client.get<Page<CourseSummaryDto>>('/api/courses?pageSize=100')).body),
    ).not.toContain(draft.course.id);
    const withDraftModule = (await client.get<CourseDto>(`/api/courses/${draftModule.course.id}`))
      .body;
    expect(withDraftModule.modules).toEqual([]);
    const withDraftLesson = (await client.get<CourseDto>(`/api/courses/${draftLesson.course.id}`))
      .body;
    expect(withDraftLesson.modules[0].lessons).toEqual([]);
    for (const c of [draft, draftModule, draftLesson]) {
      expect((await client.get(`/api/lessons/${c.lesson.id}`)).status).toBe(404);
    }

    const secretariat = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
    const seen = (await secretariat.get<CourseDto>(`/api/courses/${draft.course.id}`)).body;
    expect(seen.published).toBe(false);
    expect(seen.modules[0].lessons[0].id).toBe(draft.lesson.id);
    expect((await secretariat.get(`/api/lessons/${draftLesson.lesson.id}`)).status).toBe(200);
  });

  it('gives module and course percent from completed lessons', async () => {
    const me = await t.factory.user({ role: Role.Learner });
    const course = await fx.course({ audience: CourseAudience.Academy });
    const module = await fx.module(course);
    const a = await fx.lesson(module, { kind: LessonKind.Text });
    await fx.lesson(module, { kind: LessonKind.Text });
    await fx.lesson(module, { kind: LessonKind.Text });
    await fx.invite(course, me);
    const client = await signInAs(t, me);
    expect((await client.post(`/api/lessons/${a.id}/complete`)).status).toBe(200);
    const dto = (await client.get<CourseDto>(`/api/courses/${course.id}`)).body;
    expect(dto.modules[0].percent).toBe(33);
    expect(dto.percent).toBe(33);
    expect(dto.lessonCount).toBe(3);
    expect(dto.modules[0].lessons[0].progress.completed).toBe(true);
  });
});

describe('authoring', () => {
  it('is the secretariat’s alone', async () => {
    const coordinator = await signInAs(t, await t.factory.user({ role: Role.Coordinator }));
    const res = await coordinator.post('/api/courses', {
      title: 'Nyt kursus',
      audience: CourseAudience.Academy,
    });
    expect(res.status).toBe(403);
    const { lesson } = await fx.courseWithLesson();
    expect((await coordinator.patch(`/api/lessons/${lesson.id}`, { title: 'x' })).status).toBe(403);
  });

  it('creates, reorders (every id exactly once), publishes and deletes with dense positions', async () => {
    const client = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
    const created = await client.post<CourseDto>('/api/courses', {
      title: '  Nyt kursus  ',
      audience: CourseAudience.Academy,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Nyt kursus', published: false, language: 'da' });
    const courseId = created.body.id;
    const modules: CourseModuleDto[] = [];
    for (const title of ['A', 'B', 'C']) {
      const res = await client.post<CourseModuleDto>(`/api/courses/${courseId}/modules`, { title });
      expect(res.status).toBe(201);
      modules.push(res.body);
    }
    expect(modules.map((m) => m.position)).toEqual([0, 1, 2]);
    const [a, b, c] = modules.map((m) => m.id);

    expect(
      (await put(client, `/api/courses/${courseId}/modules/order`, { ids: [c, a] })).status,
    ).toBe(400);
    expect(
      (await put(client, `/api/courses/${courseId}/modules/order`, { ids: [c, a, a] })).status,
    ).toBe(400);
    const other = await fx.course();
    const foreign = await fx.module(other);
    expect(
      (await put(client, `/api/courses/${courseId}/modules/order`, { ids: [c, a, foreign.id] }))
        .status,
    ).toBe(400);
    const reordered = await put<CourseDto>(client, `/api/courses/${courseId}/modules/order`, {
      ids: [c, a, b],
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.modules.map((m) => [m.title, m.position])).toEqual([
      ['C', 0],
      ['A', 1],
      ['B', 2],
    ]);

    const lessons: LessonDto[] = [];
    for (const title of ['L1', 'L2', 'L3']) {
      const res = await client.post<LessonDto>(`/api/modules/${a}/lessons`, {
        title,
        kind: LessonKind.Text,
        body: '<p>Hej</p>',
      });
      expect(res.status).toBe(201);
      lessons.push(res.body);
    }
    const order = await put<CourseModuleDto>(client, `/api/modules/${a}/lessons/order`, {
      ids: [lessons[2].id, lessons[0].id, lessons[1].id],
    });
    expect(order.body.lessons.map((l) => l.title)).toEqual(['L3', 'L1', 'L2']);
    expect((await client.delete(`/api/lessons/${lessons[0].id}`)).status).toBe(204);
    const after = (await client.get<CourseDto>(`/api/courses/${courseId}`)).body;
    expect(after.modules[1].lessons.map((l) => [l.title, l.position])).toEqual([
      ['L3', 0],
      ['L2', 1],
    ]);
    expect((await client.delete(`/api/modules/${c}`)).status).toBe(204);
    const afterModule = (await client.get<CourseDto>(`/api/courses/${courseId}`)).body;
    expect(afterModule.modules.map((m) => [m.title, m.position])).toEqual([
      ['A', 0],
      ['B', 1],
    ]);

    // Publishing: a learner invited sees the course only once course, module and lesson are published.
    const learner = await t.factory.user({ role: Role.Learner });
    expect(
      (await client.post(`/api/courses/${courseId}/access`, { userIds: [learner.id] })).status,
    ).toBe(204);
    const learnerClient = await signInAs(t, learner);
    expect((await learnerClient.get(`/api/courses/${courseId}`)).status).toBe(404);
    expect((await client.patch(`/api/courses/${courseId}`, { published: true })).status).toBe(200);
    expect((await client.patch(`/api/modules/${a}`, { published: true })).status).toBe(200);
    expect((await client.patch(`/api/lessons/${lessons[2].id}`, { published: true })).status).toBe(
      200,
    );
    const seen = (await learnerClient.get<CourseDto>(`/api/courses/${courseId}`)).body;
    expect(seen.modules.map((m) => m.title)).toEqual(['A']);
    expect(seen.modules[0].lessons.map((l) => l.title)).toEqual(['L3']);
    expect((await client.delete(`/api/courses/${courseId}/access/${learner.id}`)).status).toBe(204);
    expect((await learnerClient.get(`/api/courses/${courseId}`)).status).toBe(404);
  });

  it('sanitises text lesson bodies', async () => {
    const client = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
    const course = await fx.course();
    const module = await fx.module(course);
    const res = await client.post<LessonDto>(`/api/modules/${module.id}/lessons`, {
      title: 'Farlig',
      kind: LessonKind.Text,
      body: '<h2 style="color:red">Overskrift</h2><script>alert(1)</script><p onclick="x()">Tekst <a href="https://blup.dk">link</a></p><img src=x onerror="alert(1)"><style>p{}</style>',
    });
    expect(res.status).toBe(201);
    expect(res.body.body).toBe(
      '<h2>Overskrift</h2><p>Tekst <a href="https://blup.dk" rel="noopener">link</a></p>',
    );
    const patched = await client.patch<LessonDto>(`/api/lessons/${res.body.id}`, {
      body: '<p>Ny</p><iframe src="https://evil"></iframe>',
    });
    expect(patched.body.body).toBe('<p>Ny</p>');
  });
});

describe('resource files', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1000, 0x20)]);

  it('stores a PDF under a random key and serves it as an attachment to people who may see it', async () => {
    const secretariat = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
    const { lesson } = await fx.courseWithLesson({}, { kind: LessonKind.Resource });
    const res = await upload(
      secretariat,
      `/api/lessons/${lesson.id}/resource`,
      '../../Forretningsorden æ.pdf',
      pdf,
    );
    expect(res.status).toBe(200);
    const dto = res.body as LessonDto;
    expect(dto.resource).toMatchObject({
      fileName: 'Forretningsorden æ.pdf',
      mimeType: 'application/pdf',
      sizeBytes: pdf.length,
      url: `/api/lessons/${lesson.id}/resource`,
    });
    const [{ resource_file_key: key }] = await t.dataSource.query<{ resource_file_key: string }[]>(
      `SELECT resource_file_key FROM lessons WHERE id = $1`,
      [lesson.id],
    );
    expect(key).toMatch(/^resources\/[0-9a-f-]{36}\.pdf$/);

    const member = await steeringInCohort();
    const memberClient = await signInAs(t, member);
    const download = await memberClient.raw('GET', `/api/lessons/${lesson.id}/resource`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename=".*"; filename\*=UTF-8''Forretningsorden%20%C3%A6\.pdf$/,
    );
    const after = (await memberClient.get<LessonDto>(`/api/lessons/${lesson.id}`)).body;
    expect(after.progress.completed).toBe(true);

    const outsider = await signInAs(t, await t.factory.user({ role: Role.SteeringMember }));
    expect((await outsider.raw('GET', `/api/lessons/${lesson.id}/resource`)).status).toBe(404);
  });

  it('refuses other types with 415 and oversized files with 413, clearly', async () => {
    const secretariat = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
    const { lesson } = await fx.courseWithLesson({}, { kind: LessonKind.Resource });
    const path = `/api/lessons/${lesson.id}/resource`;
    const exe = await upload(secretariat, path, 'virus.exe', Buffer.from('MZ...'));
    expect(exe.status).toBe(415);
    expect((exe.body as { message: string }).message).toMatch(/PDF, DOCX or XLSX/);
    const fakePdf = await upload(secretariat, path, 'fake.pdf', Buffer.from('<html></html>'));
    expect(fakePdf.status).toBe(415);
    const big = await upload(
      secretariat,
      path,
      'big.pdf',
      Buffer.concat([pdf, Buffer.alloc(1024 * 1024)]),
    );
    expect(big.status).toBe(413);
    expect((big.body as { message: string }).message).toMatch(/at most 1 MB/);
    const unchanged = (await secretariat.get<LessonDto>(`/api/lessons/${lesson.id}`)).body;
    expect(unchanged.resource).toBeNull();
  });

  it('answers a broken multipart form (cut short, bad part header) with 400, not 500', async () => {
    const secretariat = await signInAs(t, await t.factory.user({ role: Role.Secretariat }));
    const { lesson } = await fx.courseWithLesson({}, { kind: LessonKind.Resource });
    if (!secretariat.cookie(CSRF_COOKIE)) await secretariat.raw('GET', '/api/auth/csrf');
    const cookie = ['blup_session', CSRF_COOKIE]
      .map((n) => `${n}=${secretariat.cookie(n) ?? ''}`)
      .join('; ');
    const send = async (body: string): Promise<number> => {
      const res = await fetch(`${secretariat.baseUrl}/api/lessons/${lesson.id}/resource`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'multipart/form-data; boundary=XBOUNDARY',
          cookie,
          [CSRF_HEADER]: secretariat.cookie(CSRF_COOKIE) ?? '',
        },
      });
      return res.status;
    };
    expect(
      await send(
        '--XBOUNDARY\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF',
      ),
    ).toBe(400);
    expect(await send('--XBOUNDARY\r\nbogus\r\n\r\nx\r\n--XBOUNDARY--\r\n')).toBe(400);
    const unchanged = (await secretariat.get<LessonDto>(`/api/lessons/${lesson.id}`)).body;
    expect(unchanged.resource).toBeNull();
  });
});
