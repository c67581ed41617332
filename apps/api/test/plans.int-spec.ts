import {
  CSRF_COOKIE,
  CSRF_HEADER,
  DocumentKind,
  ErrorCode,
  Role,
  type DocumentChangeDto,
  type DocumentConflict,
  type DocumentImageDto,
  type DocumentVersionDto,
  type ErrorBody,
  type Page,
  type PlanContent,
  type PublicVillagePageDto,
  type StoryContent,
  type VillageDocumentDto,
  type VillageDocumentsDto,
} from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { sessionCookieName } from '../src/app/auth/cookies';
import type { Municipality, Village } from '../src/app/database/entities';
import { pdfText } from '../src/app/plans/pdf-text';
import { startTestApp, type TestApp } from './harness';
import type { TestClient, TestResponse } from './http-client';
import { signInAs } from './sign-in';
import { villageWorld, type VillagePerson } from './village-world';

/**
 * A village's living documents (plan and story): who may read, write and publish them, the
 * versions and history, the 409 when two people save one draft, images checked by content, and
 * the public page and PDF that show only what was published.
 */
const suffix = randomBytes(3).toString('hex');
let t: TestApp;
let naestved: Municipality;
let glumso: Village;
let tybjerg: Village;
let kegnaes: Village;
let as: Record<VillagePerson | 'secondMember' | 'coordinationGroup' | 'otherGroup', TestClient>;
let memberName: string;

beforeAll(async () => {
  t = await startTestApp();
  const f = t.factory;
  const world = await villageWorld(t, suffix, []);
  ({ naestved, glumso, tybjerg, kegnaes } = world);
  memberName = world.users.member.name;
  // Beyond the world's people: a second steering member and the coordination groups, who publish.
  as = {
    ...world.as,
    secondMember: await signInAs(t, await f.user({ role: Role.SteeringMember, village: glumso })),
    coordinationGroup: await signInAs(
      t,
      await f.user({ role: Role.SteeringMember, village: glumso, coordinationGroup: true }),
    ),
    otherGroup: await signInAs(
      t,
      await f.user({ role: Role.SteeringMember, village: kegnaes, coordinationGroup: true }),
    ),
  };
});

afterAll(() => t.close());

const planPath = (village: Village, rest = '') =>
  `/api/villages/${village.id}/documents/plan${rest}`;
const storyPath = (village: Village, rest = '') =>
  `/api/villages/${village.id}/documents/story${rest}`;

const plan = (...sections: [string, string, string][]): PlanContent => ({
  sections: sections.map(([id, title, text]) => ({ id, title, text })),
});

async function saveDraft(
  client: TestClient,
  village: Village,
  content: PlanContent,
  revision: number,
): Promise<TestResponse<VillageDocumentDto<PlanContent>>> {
  return client.request('PUT', planPath(village, '/draft'), { content, revision });
}

/** Sends bytes (an image) as the browser's form does, in the field `image`. */
async function upload(
  client: TestClient,
  path: string,
  content: Buffer,
  type = 'image/jpeg',
  name = 'foto.jpg',
): Promise<TestResponse<DocumentImageDto & ErrorBody>> {
  if (!client.cookie(CSRF_COOKIE)) await client.raw('GET', '/api/auth/csrf');
  const body = new FormData();
  body.set('image', new Blob([new Uint8Array(content)], { type }), name);
  const cookies = [CSRF_COOKIE, sessionCookieName(t.config)]
    .map((n) => [n, client.cookie(n)] as const)
    .filter(([, v]) => v)
    .map(([n, v]) => `${n}=${v}`);
  const res = await fetch(client.baseUrl + path, {
    method: 'POST',
    body,
    headers: { cookie: cookies.join('; '), [CSRF_HEADER]: client.cookie(CSRF_COOKIE) ?? '' },
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** Fetches bytes (an image, a PDF) with the client's session, if it has one. */
async function bytes(
  client: TestClient,
  path: string,
): Promise<{ status: number; type: string | null; body: Buffer; cache: string | null }> {
  const session = client.cookie(sessionCookieName(t.config));
  const res = await fetch(client.baseUrl + path, {
    headers: session ? { cookie: `${sessionCookieName(t.config)}=${session}` } : {},
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer()),
    cache: res.headers.get('cache-control'),
  };
}

describe('the plan’s draft, history and the 409', () => {
  it('starts empty at revision 0, saves with a Danish history line, and refuses a stale save', async () => {
    const empty = await as.member.get<VillageDocumentDto<PlanContent>>(planPath(glumso));
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      kind: DocumentKind.Plan,
      content: { sections: [] },
      revision: 0,
      published: null,
      publicPath: null,
      canEdit: true,
      canPublish: false,
    });

    const first = await saveDraft(
      as.member,
      glumso,
      plan(['trafik', 'Trafik', 'Samkørsel til Næstved.'], ['natur', 'Natur', 'Skoven.']),
      0,
    );
    expect(first.status).toBe(200);
    expect(first.body.revision).toBe(1);
    expect(first.body.updatedBy?.name).toBe(memberName);

    // Two people opened revision 1; the second member saves first.
    const theirs = plan(['trafik', 'Trafik', 'Samkørsel og bus.'], ['natur', 'Natur', 'Skoven.']);
    const second = await saveDraft(as.secondMember, glumso, theirs, 1);
    expect(second.status).toBe(200);
    expect(second.body.revision).toBe(2);

    const stale = await as.member.request<ErrorBody>('PUT', planPath(glumso, '/draft'), {
      content: plan(['trafik', 'Trafik', 'Mine ord.']),
      revision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe(ErrorCode.DocumentChanged);
    expect(stale.body.params?.['revision']).toBe(2);
    expect(typeof stale.body.params?.['name']).toBe('string');
    expect(Date.parse(String(stale.body.params?.['at']))).not.toBeNaN();
    const current = stale.body.current as DocumentConflict<PlanContent>;
    expect(current.revision).toBe(2);
    expect(current.content).toEqual(theirs);
    expect(current.updatedBy?.name).toBe(stale.body.params?.['name']);

    // Nothing of the stale save was kept.
    const after = await as.member.get<VillageDocumentDto<PlanContent>>(planPath(glumso));
    expect(after.body.content).toEqual(theirs);

    const history = await as.coordinator.get<Page<DocumentChangeDto>>(
      planPath(glumso, '/history?pageSize=1'),
    );
    expect(history.status).toBe(200);
    expect(history.body.total).toBe(2);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0].summary).toBe('Afsnittet »Trafik« ændret');
    const page2 = await as.coordinator.get<Page<DocumentChangeDto>>(
      planPath(glumso, '/history?pageSize=1&page=2'),
    );
    expect(page2.body.items[0].summary).toBe(
      'Udviklingsplanen påbegyndt: Afsnittet »Trafik« tilføjet; Afsnittet »Natur« tilføjet',
    );
  });

  it('refuses content that does not fit the plan with a 400 naming the field', async () => {
    const doc = await as.member.get<VillageDocumentDto<PlanContent>>(planPath(glumso));
    const cases: [unknown, string][] = [
      [{ sections: [{ id: 'a', title: '', text: '' }] }, 'content.sections.0.title'],
      [{ sections: [{ id: 'a b', title: 'x', text: '' }] }, 'content.sections.0.id'],
      [{ sections: 'x' }, 'content.sections'],
      [{ sections: [{ id: 'a', title: 'x', text: 'a\u0000b' }] }, 'content.sections.0.text'],
    ];
    for (const [content, field] of cases) {
      const res = await as.member.request<ErrorBody>('PUT', planPath(glumso, '/draft'), {
        content,
        revision: doc.body.revision,
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(ErrorCode.DocumentContentInvalid);
      expect(Object.keys(res.body.details ?? {})).toContain(field);
    }
    const noRevision = await as.member.request<ErrorBody>('PUT', planPath(glumso, '/draft'), {
      content: plan(),
    });
    expect(noRevision.status).toBe(400);
    expect(noRevision.body.details?.['revision']).toBeDefined();
  });
});

describe('who may see and change the documents', () => {
  it('lets the coordinators of the municipality read, and hides them from everyone else', async () => {
    for (const client of [as.coordinator, as.secretariat]) {
      const res = await client.get<VillageDocumentDto<PlanContent>>(planPath(glumso));
      expect(res.status).toBe(200);
      expect(res.body.content.sections.length).toBeGreaterThan(0);
    }
    const coordinator = await as.coordinator.get<VillageDocumentDto>(planPath(glumso));
    expect(coordinator.body).toMatchObject({ canEdit: false, canPublish: false });

    for (const client of [as.otherMember, as.otherGroup, as.otherCoordinator, as.learner]) {
      for (const path of [
        planPath(glumso),
        planPath(glumso, '/versions'),
        planPath(glumso, '/history'),
        storyPath(glumso),
        `/api/villages/${glumso.id}/documents`,
      ]) {
        const res = await client.get<ErrorBody>(path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
      const write = await saveDraft(client, glumso, plan(), 2);
      expect(write.status).toBe(404);
    }
    const anonymous = await t.client().get<ErrorBody>(planPath(glumso));
    expect(anonymous.status).toBe(401);
  });

  it('lets only the steering group write and only the coordination group publish', async () => {
    const doc = await as.member.get<VillageDocumentDto>(planPath(glumso));
    const byCoordinator = await saveDraft(as.coordinator, glumso, plan(), doc.body.revision);
    expect(byCoordinator.status).toBe(403);
    const publishByMember = await as.member.post<ErrorBody>(planPath(glumso, '/publish'), {
      revision: doc.body.revision,
    });
    expect(publishByMember.status).toBe(403);
    const publishByCoordinator = await as.coordinator.post<ErrorBody>(
      planPath(glumso, '/publish'),
      { revision: doc.body.revision },
    );
    expect(publishByCoordinator.status).toBe(403);
    const group = await as.coordinationGroup.get<VillageDocumentDto>(planPath(glumso));
    expect(group.body).toMatchObject({ canEdit: true, canPublish: true });
  });

  it('answers unknown kinds, and a year on a kind that has none, readably', async () => {
    expect((await as.member.get(`/api/villages/${glumso.id}/documents/calendar`)).status).toBe(404);
    expect((await as.member.get(`/api/villages/${glumso.id}/documents/nope`)).status).toBe(404);
    const withYear = await as.member.get<ErrorBody>(planPath(glumso, '?year=2026'));
    expect(withYear.status).toBe(400);
    expect(withYear.body.details?.['year']).toBeDefined();
  });
});

describe('publishing and the public page', () => {
  let slug: string;

  it('has no public page before anything is published', async () => {
    const statuses = await as.member.get<VillageDocumentsDto>(
      `/api/villages/${glumso.id}/documents`,
    );
    expect(statuses.body.publicPath).toBeNull();
    const res = await t.client().get<ErrorBody>(`/api/public/villages/glumsoe-og-omegn-${suffix}`);
    expect(res.status).toBe(404);
  });

  it('publishes the draft as version 1, gives the village a stable address, and shows it signed out', async () => {
    const draft = await as.coordinationGroup.get<VillageDocumentDto<PlanContent>>(planPath(glumso));
    const stale = await as.coordinationGroup.post<ErrorBody>(planPath(glumso, '/publish'), {
      revision: draft.body.revision - 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe(ErrorCode.DocumentChanged);

    const published = await as.coordinationGroup.post<VillageDocumentDto<PlanContent>>(
      planPath(glumso, '/publish'),
      { revision: draft.body.revision },
    );
    expect(published.status).toBe(200);
    expect(published.body.published?.version).toBe(1);
    expect(published.body.changedSincePublished).toBe(false);
    expect(published.body.publicPath).toMatch(/^\/landsby\/glumsoe-og-omegn(-\d+)?$/);
    slug = String(published.body.publicPath).replace('/landsby/', '');

    // A goal of the village joins the public plan, always current.
    const goal = await as.member.post<{ id: string }>(`/api/villages/${glumso.id}/goals`, {
      title: 'Flere ruter i samkørslen',
      sdgs: [11, 13],
    });
    expect(goal.status).toBe(201);

    // So do its focus areas and initiatives: the roll-up, and no people.
    const area = await as.member.post<{ id: string }>(`/api/villages/${glumso.id}/focus-areas`, {
      name: 'Mobilitet',
      description: 'Fra fremtidsværkstedet',
    });
    expect(area.status).toBe(201);
    for (const [title, weight, progress, status] of [
      ['Samkørselsbænke', 3, 40, 'in_progress'],
      ['Cykelsti til stationen', 1, 100, 'done'],
    ] as const) {
      const made = await as.member.post(`/api/villages/${glumso.id}/initiatives`, {
        focusAreaId: area.body.id,
        title,
        goalIds: [goal.body.id],
        contact: { name: 'Karin Holm', phone: '+45 20 30 40 50', email: 'karin@example.dk' },
        members: [{ name: 'Ole Jensen', email: 'ole@example.dk', phone: '+45 11 22 33 44' }],
        partners: ['Glumsø Borgerforening'],
        milestone: { what: 'Første bænk ved Brugsen', date: '2027-05-01' },
        status,
        progress,
        weight,
      });
      expect(made.status).toBe(201);
      if (title === 'Samkørselsbænke') {
        // Its working group owns the goal; the public page names the group, never a person.
        const owned = await as.member.patch(`/api/goals/${goal.body.id}`, {
          version: 1,
          ownerInitiativeId: (made.body as { id: string }).id,
        });
        expect(owned.status).toBe(200);
      }
    }

    // The draft moves on; the public page keeps showing version 1.
    const moved = await saveDraft(
      as.member,
      glumso,
      plan(['trafik', 'Trafik', 'HEMMELIGT UDKAST']),
      published.body.revision,
    );
    expect(moved.body.changedSincePublished).toBe(true);

    const page = await t.client().get<PublicVillagePageDto>(`/api/public/villages/${slug}`);
    expect(page.status).toBe(200);
    expect(page.body.villageName).toBe('Glumsø og Omegn');
    expect(page.body.municipalityName).toBe(naestved.name);
    expect(page.body.plan?.version).toBe(1);
    expect(page.body.plan?.publishedBy).toBeNull();
    expect(page.body.plan?.content.sections.map((s) => s.text)).toEqual([
      'Samkørsel og bus.',
      'Skoven.',
    ]);
    expect(JSON.stringify(page.body)).not.toContain('HEMMELIGT');
    expect(page.body.goals.map((g) => g.title)).toEqual(['Flere ruter i samkørslen']);
    expect(page.body.goals[0].sdgs).toEqual([11, 13]);
    expect(page.body.goals[0].owner).toBe('Samkørselsbænke');
    expect(page.body.goalCount).toBe(1);
    // (3 × 40 + 1 × 100) / 4 = 55, the initiatives module's rule
    expect(page.body.focusAreas).toEqual([
      {
        id: area.body.id,
        name: 'Mobilitet',
        description: 'Fra fremtidsværkstedet',
        progress: 55,
        initiativeCount: 2,
        initiatives: [
          expect.objectContaining({
            title: 'Samkørselsbænke',
            status: 'in_progress',
            progress: 40,
            milestoneWhat: 'Første bænk ved Brugsen',
            milestoneDate: '2027-05-01',
            goals: [{ id: goal.body.id, title: 'Flere ruter i samkørslen' }],
          }),
          expect.objectContaining({ title: 'Cykelsti til stationen', status: 'done' }),
        ],
      },
    ]);
    const overview = await as.member.get<{ items: { id: string; progress: number | null }[] }>(
      `/api/focus-areas/${area.body.id}`,
    );
    expect(overview.body).toMatchObject({ progress: 55 });
    const json = JSON.stringify(page.body);
    for (const personal of ['Karin', 'Ole Jensen', 'example.dk', '+45', memberName]) {
      expect(json).not.toContain(personal);
    }
    expect(page.body.story).toBeNull();
    expect(page.body.pdfUrl).toBe(`/api/public/villages/${slug}/plan.pdf`);
  });

  it('serves the published plan as a PDF that holds its text and goals, never the draft', async () => {
    const pdf = await bytes(t.client(), `/api/public/villages/${slug}/plan.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf.body);
    expect(text).toContain('Glumsø og Omegn');
    expect(text).toContain('Samkørsel og bus.');
    expect(text).toContain('Flere ruter i samkørslen');
    expect(text).toContain('Mobilitet');
    expect(text).toContain('55 procent samlet fremdrift');
    expect(text).toContain('Samkørselsbænke');
    expect(text).toContain('Næste skridt: Første bænk ved Brugsen');
    for (const personal of ['Karin', 'Ole Jensen', 'example.dk', '+45', memberName]) {
      expect(text).not.toContain(personal);
    }
    expect(text).not.toContain('HEMMELIGT');
  });

  it('keeps versions immutable and lists them newest first', async () => {
    const draft = await as.member.get<VillageDocumentDto>(planPath(glumso));
    const second = await as.secretariat.post<VillageDocumentDto>(planPath(glumso, '/publish'), {
      revision: draft.body.revision,
    });
    expect(second.body.published?.version).toBe(2);
    const versions = await as.coordinator.get<Page<DocumentVersionDto<PlanContent>>>(
      planPath(glumso, '/versions'),
    );
    expect(versions.body.total).toBe(2);
    expect(versions.body.items.map((v) => v.version)).toEqual([2, 1]);
    const v1 = await as.coordinator.get<DocumentVersionDto<PlanContent>>(
      planPath(glumso, '/versions/1'),
    );
    expect(v1.body.content.sections[0].text).toBe('Samkørsel og bus.');
    expect((await as.coordinator.get(planPath(glumso, '/versions/9'))).status).toBe(404);
    expect((await as.coordinator.get(planPath(glumso, '/versions/99999999999'))).status).toBe(404);
    expect((await as.coordinator.get(planPath(glumso, '/versions/x'))).status).toBe(400);
    const yearOnPlan = await as.coordinator.get<ErrorBody>(planPath(glumso, '/history?year=2026'));
    expect(yearOnPlan.status).toBe(400);
    expect(yearOnPlan.body.details?.['year']).toBeDefined();
    expect((await as.otherCoordinator.get(planPath(glumso, '/versions/1'))).status).toBe(404);
  });

  it('takes the plan down: the public page says so, and the address stays when the village is renamed', async () => {
    const down = await as.coordinationGroup.post<VillageDocumentDto>(
      planPath(glumso, '/unpublish'),
      {},
    );
    expect(down.status).toBe(200);
    expect(down.body.published).toBeNull();
    expect((await t.client().get(`/api/public/villages/${slug}`)).status).toBe(404);
    expect((await bytes(t.client(), `/api/public/villages/${slug}/plan.pdf`)).status).toBe(404);

    const history = await as.member.get<Page<DocumentChangeDto>>(planPath(glumso, '/history'));
    expect(history.body.items[0].summary).toBe('Taget af den offentlige side (var version 2)');

    const renamed = await as.secretariat.patch(`/api/villages/${glumso.id}`, {
      name: `Glumsø ${suffix}`,
    });
    expect(renamed.status).toBe(200);
    const draft = await as.member.get<VillageDocumentDto>(planPath(glumso));
    const again = await as.coordinationGroup.post<VillageDocumentDto>(
      planPath(glumso, '/publish'),
      { revision: draft.body.revision },
    );
    expect(again.body.publicPath).toBe(`/landsby/${slug}`);
    const page = await t.client().get<PublicVillagePageDto>(`/api/public/villages/${slug}`);
    expect(page.status).toBe(200);
    expect(page.body.villageName).toBe(`Glumsø ${suffix}`);
  });

  it('shows another village’s unpublished plan to nobody on the public side', async () => {
    const draft = await saveDraft(as.otherMember, tybjerg, plan(['a', 'Udkast', 'Kun os']), 0);
    expect(draft.status).toBe(200);
    expect(draft.body.publicPath).toBeNull();
    const statuses = await as.otherMember.get<VillageDocumentsDto>(
      `/api/villages/${tybjerg.id}/documents`,
    );
    expect(statuses.body.documents.find((d) => d.kind === DocumentKind.Plan)).toMatchObject({
      revision: 1,
      published: null,
    });
    expect((await t.client().get('/api/public/villages/tybjerg')).status).toBe(404);
    expect((await as.member.get(planPath(tybjerg))).status).toBe(404);
  });
});

describe('the story and its images', () => {
  let imageId: string;

  it('takes a photo checked by content, resized to 1600 px, without its EXIF', async () => {
    const photo = await sharp({
      create: { width: 3000, height: 2000, channels: 3, background: '#2e6b3f' },
    })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'Hemmelig GPS', Make: 'Kamera' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    const res = await upload(as.member, storyPath(glumso, '/images'), photo);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ width: 1600, height: 1067 });
    imageId = res.body.id;
    expect(res.body.url).toBe(`/api/document-images/${imageId}`);

    const kept = await bytes(as.member, res.body.url);
    expect(kept.status).toBe(200);
    expect(kept.type).toBe('image/jpeg');
    const meta = await sharp(kept.body).metadata();
    expect(meta).toMatchObject({ width: 1600, height: 1067, format: 'jpeg' });
    expect(meta.exif).toBeUndefined();
    expect(kept.body.toString('latin1')).not.toContain('Hemmelig');
  });

  it('refuses what is not an image by its content, whatever its name, and what is too large', async () => {
    const fake = await upload(
      as.member,
      storyPath(glumso, '/images'),
      Buffer.from('<script>alert(1)</script>'),
      'image/jpeg',
      'foto.jpg',
    );
    expect(fake.status).toBe(400);
    expect(fake.body.code).toBe(ErrorCode.DocumentImageInvalid);
    // A JPEG's signature with nothing behind it: named right, but it does not decode.
    const broken = await upload(
      as.member,
      storyPath(glumso, '/images'),
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2000)]),
    );
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe(ErrorCode.DocumentImageInvalid);
    const huge = await upload(
      as.member,
      storyPath(glumso, '/images'),
      Buffer.alloc(11 * 1024 * 1024, 1),
    );
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe(ErrorCode.DocumentImageTooLarge);
    const byCoordinator = await upload(
      as.coordinator,
      storyPath(glumso, '/images'),
      await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
        .png()
        .toBuffer(),
    );
    expect(byCoordinator.status).toBe(403);
  });

  it('serves a draft’s image only to those who may read the draft, and everyone once published', async () => {
    const url = `/api/document-images/${imageId}`;
    expect((await bytes(t.client(), url)).status).toBe(404);
    expect((await bytes(as.otherMember, url)).status).toBe(404);
    expect((await bytes(as.coordinator, url)).status).toBe(200);

    const saved = await as.member.request<VillageDocumentDto<StoryContent>>(
      'PUT',
      storyPath(glumso, '/draft'),
      {
        content: {
          html: `<h2>Stationsbyen</h2><p>Engang kom toget <script>x()</script>hver time.</p><img src="${url}" alt="Stationen" onerror="x()">`,
        },
        revision: 0,
      },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.content.html).toBe(
      `<h2>Stationsbyen</h2><p>Engang kom toget hver time.</p><img src="${url}" alt="Stationen" />`,
    );
    const history = await as.member.get<Page<DocumentChangeDto>>(storyPath(glumso, '/history'));
    expect(history.body.items[0].summary).toBe(
      'Landsbyfortællingen påbegyndt: Fortællingen skrevet; Et billede tilføjet',
    );

    const published = await as.coordinationGroup.post<VillageDocumentDto>(
      storyPath(glumso, '/publish'),
      { revision: saved.body.revision },
    );
    expect(published.status).toBe(200);
    const open = await bytes(t.client(), url);
    expect(open.status).toBe(200);
    expect(open.cache).toContain('public');

    const page = await t
      .client()
      .get<PublicVillagePageDto>(
        `/api/public/villages/${String(published.body.publicPath).replace('/landsby/', '')}`,
      );
    expect(page.body.story?.content.html).toContain('Engang kom toget hver time.');
  });
});

describe('text pasted from other programs', () => {
  it('keeps half an emoji as a replacement character instead of failing in jsonb', async () => {
    const res = await saveDraft(
      as.otherGroup,
      kegnaes,
      plan(['faergen', 'Færgen \ud83d', 'Hele året \ude00 😀']),
      0,
    );
    expect(res.status).toBe(200);
    expect(res.body.content.sections[0]).toMatchObject({
      title: 'Færgen \ufffd',
      text: 'Hele året \ufffd 😀',
    });
    const story = await as.otherGroup.request<VillageDocumentDto<StoryContent>>(
      'PUT',
      storyPath(kegnaes, '/draft'),
      { content: { html: '<p>Sol \ud83c</p>' }, revision: 0 },
    );
    expect(story.status).toBe(200);
    expect(story.body.content.html).toBe('<p>Sol \ufffd</p>');
  });
});
