import {
  CircleKind,
  daysBeforeSendAt,
  ErrorCode,
  NewsletterStatus,
  Role,
  SessionStatus,
  type ErrorBody,
  type NewsletterArchiveItemDto,
  type NewsletterCardOption,
  type NewsletterDto,
  type NewsletterPreviewDto,
  type NewsletterProgressDto,
  type NewsletterSummaryDto,
  type NewsletterTargetOption,
  type NewsletterVillageCardOption,
  type NewsletterWebVersionDto,
  type Page,
} from '@blup/contracts';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import type { ParsedMail } from 'mailparser';
import { SessionEvents } from '../src/app/circles/session-events';
import { readUnsubscribeToken } from '../src/app/citizen-panel/unsubscribe-link';
import { CircleSession, User } from '../src/app/database/entities';
import { NEWSLETTERS_QUEUE } from '../src/app/newsletter-delivery/newsletter-delivery.constants';
import { signedVillage } from '../src/app/newsletters/newsletter-link';
import { NewsletterAudience } from '../src/app/newsletters/newsletter-ports';
import { CircleFixtures, inDays, type CircleWorld } from './circles-fixtures';
import { CourseFixtures } from './courses-fixtures';
import { startTestApp, type TestApp } from './harness';
import type { TestClient } from './http-client';
import { signInAs } from './sign-in';

/**
 * Newsletters through the whole API: writing and its rules, the audience, preview, a test send
 * and a real send through the delivery module to a real SMTP server read back with mailparser
 * (headers, both parts, personalisation, links), progress, the archive and the web version.
 */
let t: TestApp;
let circles: CircleFixtures;
let courses: CourseFixtures;
beforeAll(async () => {
  t = await startTestApp({ NEWSLETTER_RATE_PER_SECOND: '1000' });
  circles = new CircleFixtures(t.dataSource, t.factory);
  courses = new CourseFixtures(t.dataSource);
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface World extends CircleWorld {
  planId: string;
  sessionA: CircleSession;
  sessionB: CircleSession;
  optedOut: User;
  admin: TestClient;
  panelA: string;
  panelB: string;
}

/** A subscriber row as the citizen panel writes it (N3's table). */
async function subscriber(
  villageId: string,
  email: string,
  status: string,
  name = '',
): Promise<string> {
  const [row] = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO panel_subscribers (village_id, email, name, locale, status, source, confirmed_at)
     VALUES ($1, $2, $3, 'da', $4::varchar, 'import', CASE WHEN $4::varchar = 'subscribed' THEN now() END) RETURNING id`,
    [villageId, email.toLowerCase(), name, status],
  );
  return row.id;
}

/**
 * A cohort plan slot with village A's session on day 10 at the circle room and village B's on
 * day 11 with its own link; an opted-out member in A; confirmed, pending and unsubscribed panel
 * subscribers, one of them with a member's address.
 */
async function world(): Promise<World> {
  const w = await circles.world();
  const plan = await circles.plan(w.cohort, CircleKind.Village, inDays(10));
  const sessionA = await circles.session(w.circleA, {
    planId: plan.id,
    startsAt: inDays(10),
    title: 'Kortlægning',
  });
  const sessionB = await circles.session(w.circleB, {
    planId: plan.id,
    startsAt: inDays(11),
    title: 'Kortlægning',
    meetingUrl: 'https://meet.example.dk/bøl-eget-rum',
  });
  const optedOut = await t.factory.user({ village: w.villageA });
  await t.dataSource.query(`UPDATE users SET newsletters_opted_out_at = now() WHERE id = $1`, [
    optedOut.id,
  ]);
  const stamp = Date.now();
  const panelA = await subscriber(
    w.villageA.id,
    `borger-a-${stamp}@example.dk`,
    'subscribed',
    'Birte Borger',
  );
  const panelB = await subscriber(w.villageB.id, `borger-b-${stamp}@example.dk`, 'subscribed');
  await subscriber(w.villageA.id, `ventende-${stamp}@example.dk`, 'pending');
  await subscriber(w.villageA.id, `afmeldt-${stamp}@example.dk`, 'unsubscribed');
  await subscriber(w.villageB.id, w.memberA.email, 'subscribed');
  return {
    ...w,
    planId: plan.id,
    sessionA,
    sessionB,
    optedOut,
    admin: await signInAs(t, w.secretariat),
    panelA,
    panelB,
  };
}

async function draft(w: World, extra: Record<string, unknown> = {}): Promise<NewsletterDto> {
  const res = await w.admin.post<NewsletterDto>('/api/newsletters', {
    target: { kind: 'plan', id: w.planId },
    subject: `Klar til {{landsby}}, {{navn}}? ${Date.now()}`,
    preheader: 'Det sker i næste uge',
    blocks: [
      {
        type: 'text',
        html: '<h2>Hej {{navn}}</h2><p>Vi ses i {{landsby}}.</p><script>alert(1)</script>',
      },
      { type: 'next_steps', items: ['Tag naboen med'] },
      { type: 'session' },
    ],
    includePanel: true,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body;
}

const code = (res: { body: unknown }) => (res.body as ErrorBody).code;

const header = (mail: ParsedMail, name: string): string => {
  const value = mail.headers.get(name.toLowerCase());
  if (typeof value === 'string') return value;
  // mailparser parses List-* headers into objects; the raw line is in headerLines.
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase());
  return line ? line.line.slice(line.line.indexOf(':') + 1).trim() : '';
};

describe('writing newsletters', () => {
  it('lets only the secretariat write, and hides drafts from everyone else', async () => {
    const w = await world();
    const n = await draft(w);
    expect(n.status).toBe(NewsletterStatus.Draft);
    expect(n.canEdit).toBe(true);
    expect(n.target).toMatchObject({
      kind: 'plan',
      id: w.planId,
      cohortId: w.cohort.id,
      circleKind: 'village',
    });
    expect(n.villages.map((v) => v.id).sort()).toEqual([w.villageA.id, w.villageB.id].sort());
    expect(n.webUrl).toBe(`http://blup.test/newsletters/web/${n.webToken}`);
    expect(n.webToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const member = await signInAs(t, w.memberA);
    const coordinator = await signInAs(t, w.coordinator1);
    expect((await member.get(`/api/newsletters/${n.id}`)).status).toBe(404);
    expect((await coordinator.get(`/api/newsletters/${n.id}`)).status).toBe(404);
    expect((await member.get('/api/newsletters')).status).toBe(403);
    const created = await coordinator.post('/api/newsletters', {
      target: { kind: 'village', id: w.villageA.id },
      subject: 'x',
    });
    expect(created.status).toBe(403);
    expect((await member.patch(`/api/newsletters/${n.id}`, { subject: 'Hacked' })).status).toBe(
      404,
    );
    expect((await member.post(`/api/newsletters/${n.id}/schedule`, { mode: 'now' })).status).toBe(
      404,
    );
  });

  it('stores text sanitised and lists drafts by status and search', async () => {
    const w = await world();
    const n = await draft(w);
    expect(n.blocks[0]).toEqual({
      type: 'text',
      html: '<h2>Hej {{navn}}</h2><p>Vi ses i {{landsby}}.</p>',
    });
    const patched = await w.admin.patch<NewsletterDto>(`/api/newsletters/${n.id}`, {
      blocks: [
        {
          type: 'text',
          html: '<p onmouseover="x()">Ny <a href="javascript:alert(1)">tekst</a><img src="http://x.dk/a.png" alt="a"></p>',
        },
      ],
      subject: `Ændret ${n.id}`,
    });
    expect(patched.status).toBe(200);
    expect(patched.body.blocks).toEqual([{ type: 'text', html: '<p>Ny <a>tekst</a></p>' }]);
    const list = await w.admin.get<Page<NewsletterSummaryDto>>(
      `/api/newsletters?status=draft&q=${encodeURIComponent(n.id)}`,
    );
    expect(list.body.items.map((i) => i.id)).toEqual([n.id]);
    expect(list.body.items[0].target.title).toBe('Studiekreds');
  });

  it('refuses bad input with a clear 400', async () => {
    const w = await world();
    const post = (body: unknown) => w.admin.post('/api/newsletters', body);
    const unknown = await post({
      target: { kind: 'plan', id: '3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b' },
      subject: 'x',
    });
    expect(unknown.status).toBe(400);
    expect(code(unknown)).toBe(ErrorCode.UnknownReference);

    const badBlock = await post({
      target: { kind: 'plan', id: w.planId },
      subject: 'x',
      blocks: [{ type: 'next_steps', items: [''] }],
    });
    expect(badBlock.status).toBe(400);
    expect((badBlock.body as ErrorBody).details).toHaveProperty(['blocks[0].items[0]']);

    const sessionBox = await post({
      target: { kind: 'cohort', id: w.cohort.id },
      subject: 'x',
      blocks: [{ type: 'session' }],
    });
    expect(sessionBox.status).toBe(400);
    expect(code(sessionBox)).toBe(ErrorCode.NewsletterNeedsSession);

    const { lesson } = await courses.courseWithLesson({}, { published: false });
    const hidden = await post({
      target: { kind: 'plan', id: w.planId },
      subject: 'x',
      blocks: [{ type: 'video', lessonId: lesson.id }],
    });
    expect(hidden.status).toBe(400);
    expect(code(hidden)).toBe(ErrorCode.NewsletterLessonUnknown);

    const noSubject = await post({ target: { kind: 'plan', id: w.planId }, subject: '   ' });
    expect(noSubject.status).toBe(400);
    const extra = await post({ target: { kind: 'plan', id: w.planId }, subject: 'x', html: '<p>' });
    expect(extra.status).toBe(400);

    // Pasted text may carry control characters; PostgreSQL refuses a NUL in jsonb (was a 500).
    const pasted = await post({
      target: { kind: 'plan', id: w.planId },
      subject: 'x',
      blocks: [{ type: 'text', html: '<p>Hej\u0000 med\u0007 dig</p>' }],
    });
    expect(pasted.status).toBe(201);
    expect((pasted.body as NewsletterDto).blocks).toEqual([
      { type: 'text', html: '<p>Hej med dig</p>' },
    ]);
  });

  it('refuses a merge field that does not exist when saving, editing, test-sending and scheduling', async () => {
    const w = await world();
    const refused = (res: { status: number; body: unknown }, field: string, where: string) => {
      expect(res.status).toBe(400);
      const body = res.body as ErrorBody;
      expect(body.code).toBe(ErrorCode.NewsletterMergeFieldUnknown);
      expect(body.params).toEqual({ field, known: '{{navn}}, {{landsby}}' });
      expect(body.details).toHaveProperty([where]);
      expect(body.message).toContain(field);
    };
    refused(
      await w.admin.post('/api/newsletters', {
        target: { kind: 'plan', id: w.planId },
        subject: 'Hej {{name}}',
      }),
      '{{name}}',
      'subject',
    );
    const n = await draft(w);
    refused(
      await w.admin.patch(`/api/newsletters/${n.id}`, {
        blocks: [{ type: 'text', html: '<p>Kære {{ fornavn }}</p>' }],
      }),
      '{{ fornavn }}',
      'blocks[0].html',
    );
    refused(
      await w.admin.patch(`/api/newsletters/${n.id}`, {
        blocks: [{ type: 'next_steps', items: ['Ring til {{Navn}}'] }],
      }),
      '{{Navn}}',
      'blocks[0].items[0]',
    );
    // A draft stored before the check (or edited around it) is refused when it would go out.
    await t.dataSource.query(`UPDATE newsletters SET preheader = 'Til {{by}}' WHERE id = $1`, [
      n.id,
    ]);
    refused(await w.admin.post(`/api/newsletters/${n.id}/test`, {}), '{{by}}', 'preheader');
    refused(
      await w.admin.post(`/api/newsletters/${n.id}/schedule`, { mode: 'now' }),
      '{{by}}',
      'preheader',
    );
    expect(t.smtp.to(w.secretariat.email)).toHaveLength(0);
    const stored = await w.admin.get<NewsletterDto>(`/api/newsletters/${n.id}`);
    expect(stored.body.status).toBe(NewsletterStatus.Draft);
  });

  it('refuses a send time in the past, days-before without a session, and an empty audience', async () => {
    const w = await world();
    const n = await draft(w);
    const past = await w.admin.post(`/api/newsletters/${n.id}/schedule`, {
      mode: 'at',
      sendAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(code(past)).toBe(ErrorCode.NewsletterSendTimePast);
    const tooEarly = await w.admin.post(`/api/newsletters/${n.id}/schedule`, {
      mode: 'days_before',
      daysBefore: 30,
    });
    expect(tooEarly.status).toBe(400);
    expect(code(tooEarly)).toBe(ErrorCode.NewsletterSendTimePast);
    expect((tooEarly.body as ErrorBody).message).toContain('fewer days');
    const badDays = await w.admin.post(`/api/newsletters/${n.id}/schedule`, {
      mode: 'days_before',
      daysBefore: 61,
    });
    expect(badDays.status).toBe(400);

    const cohortWide = await draft(w, { target: { kind: 'cohort', id: w.cohort.id }, blocks: [] });
    const daysBefore = await w.admin.post(`/api/newsletters/${cohortWide.id}/schedule`, {
      mode: 'days_before',
    });
    expect(code(daysBefore)).toBe(ErrorCode.NewsletterNeedsSession);

    const empty = await t.factory.village();
    const lonely = await draft(w, {
      target: { kind: 'village', id: empty.id },
      blocks: [],
      includePanel: true,
    });
    const none = await w.admin.post(`/api/newsletters/${lonely.id}/schedule`, { mode: 'now' });
    expect(none.status).toBe(400);
    expect(code(none)).toBe(ErrorCode.NewsletterNoAudience);
    const after = await w.admin.get<NewsletterDto>(`/api/newsletters/${lonely.id}`);
    expect(after.body.status).toBe(NewsletterStatus.Draft);
  });
});

describe('audience', () => {
  it('is the circles’ members and the confirmed panel, without guests, opted-out people or duplicates', async () => {
    const w = await world();
    const n = await draft(w);
    const audience = await t.app.get(NewsletterAudience).resolve(n.id);
    const emails = audience.map((r) => r.email).sort();
    expect(emails).toEqual(
      [w.leadA.email, w.memberA.email, w.memberB.email, ...(await emailsOf([w.panelA, w.panelB]))]
        .map((e) => e.toLowerCase())
        .sort(),
    );
    const memberA = audience.find((r) => r.email === w.memberA.email.toLowerCase());
    expect(memberA).toMatchObject({
      userId: w.memberA.id,
      subscriberId: null,
      villageId: w.villageA.id,
      sessionId: w.sessionA.id,
    });
    const panelB = audience.find((r) => r.subscriberId === w.panelB);
    expect(panelB).toMatchObject({
      userId: null,
      villageId: w.villageB.id,
      sessionId: w.sessionB.id,
    });

    await w.admin.patch(`/api/newsletters/${n.id}`, { includePanel: false });
    const members = await t.app.get(NewsletterAudience).resolve(n.id);
    expect(members.map((r) => r.email).sort()).toEqual(
      [w.leadA.email, w.memberA.email, w.memberB.email].map((e) => e.toLowerCase()).sort(),
    );

    const coordinatorPlan = await circles.plan(w.cohort, CircleKind.Coordinator, inDays(12));
    await circles.session(w.coordinatorCircle, {
      planId: coordinatorPlan.id,
      startsAt: inDays(12),
    });
    const forCoordinators = await draft(w, { target: { kind: 'plan', id: coordinatorPlan.id } });
    const coordinators = await t.app.get(NewsletterAudience).resolve(forCoordinators.id);
    expect(coordinators.map((r) => r.email).sort()).toEqual(
      [w.coordinator1.email, w.coordinator2.email].map((e) => e.toLowerCase()).sort(),
    );
  });
});

async function emailsOf(subscriberIds: string[]): Promise<string[]> {
  const rows = await t.dataSource.query<{ email: string }[]>(
    `SELECT email FROM panel_subscribers WHERE id = ANY($1::uuid[])`,
    [subscriberIds],
  );
  return rows.map((r) => r.email);
}

describe('preview and test send', () => {
  it("previews a village's copy with its own session and link, and refuses a village out of scope", async () => {
    const w = await world();
    const n = await draft(w);
    const b = await w.admin.post<NewsletterPreviewDto>(`/api/newsletters/${n.id}/preview`, {
      villageId: w.villageB.id,
    });
    expect(b.status).toBe(200);
    expect(b.body.subject).toContain(`Klar til ${w.villageB.name}, ${w.secretariat.name}?`);
    expect(b.body.html).toContain('href="https://meet.example.dk/bøl-eget-rum"');
    expect(b.body.html).not.toContain('<script');
    expect(b.body.text).toContain(`Vi ses i ${w.villageB.name}.`);
    expect(b.body.text).toContain(
      `calendar.ics?v=${signedVillage(t.config.signingSecret, n.webToken, w.villageB.id)}`,
    );
    const a = await w.admin.post<NewsletterPreviewDto>(`/api/newsletters/${n.id}/preview`, {});
    expect(a.body.html).toContain(`href="${w.circleA.roomUrl}"`);
    const outside = await w.admin.post(`/api/newsletters/${n.id}/preview`, {
      villageId: (await t.factory.village()).id,
    });
    expect(outside.status).toBe(400);
  });

  it('leaves out the card of a lesson unpublished after the newsletter was written', async () => {
    const w = await world();
    const { lesson } = await courses.courseWithLesson({}, { title: `Lektionskort ${Date.now()}` });
    const n = await draft(w, { blocks: [{ type: 'lesson', lessonId: lesson.id }] });
    const before = await w.admin.post<NewsletterPreviewDto>(`/api/newsletters/${n.id}/preview`, {});
    expect(before.body.html).toContain(`/lessons/${lesson.id}`);
    await t.dataSource.query(`UPDATE lessons SET published_at = NULL WHERE id = $1`, [lesson.id]);
    const after = await w.admin.post<NewsletterPreviewDto>(`/api/newsletters/${n.id}/preview`, {});
    expect(after.status).toBe(200);
    expect(after.body.html).not.toContain(`/lessons/${lesson.id}`);
    expect(after.body.html).not.toContain(lesson.title);
    const web = await t.client().get<{ html: string }>(`/api/newsletters/web/${n.webToken}`);
    expect(web.body.html).not.toContain(lesson.title);
  });

  it('sends a test copy to the secretary only, with both parts and the unsubscribe headers', async () => {
    const w = await world();
    const n = await draft(w);
    const res = await w.admin.post<{ email: string }>(`/api/newsletters/${n.id}/test`, {});
    expect(res.status).toBe(200);
    expect(res.body.email).toBe(w.secretariat.email.toLowerCase());
    const mail = await t.smtp.waitFor(w.secretariat.email);
    expect(mail.subject).toContain(`Klar til ${w.villageA.name}`);
    expect(mail.html).toContain('max-width:600px');
    expect(mail.text).toContain(`Vi ses i ${w.villageA.name}.`);
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(t.smtp.to(w.memberA.email)).toHaveLength(0);
    const deliveries = await t.dataSource.query(
      `SELECT 1 FROM newsletter_deliveries WHERE newsletter_id = $1`,
      [n.id],
    );
    expect(deliveries).toHaveLength(0);
  });
});

describe('village goal and initiative cards', () => {
  /** A goal on SDGs 11 and 13 and an initiative (with a contact and members) in village A. */
  async function villageWork(w: World): Promise<{ goalId: string; initiativeId: string }> {
    const goal = await w.admin.post<{ id: string }>(`/api/villages/${w.villageA.id}/goals`, {
      title: 'Flere faste samkørselsruter',
      sdgs: [11, 13],
      indicator: 'Faste ruter',
      baseline: 1,
      targetValue: 6,
    });
    expect(goal.status).toBe(201);
    // A progress update as the goal's timeline would record it.
    await t.dataSource.query(`UPDATE village_goals SET current_value = 3 WHERE id = $1`, [
      goal.body.id,
    ]);
    const area = await w.admin.post<{ id: string }>(`/api/villages/${w.villageA.id}/focus-areas`, {
      name: 'Mobilitet',
    });
    expect(area.status).toBe(201);
    const initiative = await w.admin.post<{ id: string }>(
      `/api/villages/${w.villageA.id}/initiatives`,
      {
        focusAreaId: area.body.id,
        title: 'Samkørselsbænke ved Brugsen',
        goalIds: [goal.body.id],
        contact: { name: 'Karin Kontakt', phone: '+45 20 30 40 50', email: 'karin@example.dk' },
        members: [{ name: 'Ole Medlem', email: 'ole@example.dk' }],
        milestone: { what: 'Første bænk op', date: '2027-05-01' },
        status: 'in_progress',
        progress: 40,
      },
    );
    expect(initiative.status).toBe(201);
    return { goalId: goal.body.id, initiativeId: initiative.body.id };
  }

  async function publishPlan(w: World): Promise<string> {
    const path = `/api/villages/${w.villageA.id}/documents/plan`;
    const empty = await w.admin.get<{ revision: number }>(path);
    const saved = await w.admin.request<{ revision: number }>('PUT', `${path}/draft`, {
      content: { sections: [{ id: 's1', title: 'Trafik', text: 'Samkørsel til byen.' }] },
      revision: empty.body.revision,
    });
    expect(saved.status).toBe(200);
    const published = await w.admin.post<{ publicPath: string }>(`${path}/publish`, {
      revision: saved.body.revision,
    });
    expect(published.status).toBe(200);
    return published.body.publicPath;
  }

  it('refuses a card of a village whose plan is not published, with a 400 that says so', async () => {
    const w = await world();
    const { goalId, initiativeId } = await villageWork(w);
    for (const block of [
      { type: 'village_card', kind: 'goal', id: goalId },
      { type: 'village_card', kind: 'initiative', id: initiativeId },
    ]) {
      const res = await w.admin.post<ErrorBody>('/api/newsletters', {
        target: { kind: 'plan', id: w.planId },
        subject: 'Landsbyernes mål',
        blocks: [block],
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(ErrorCode.NewsletterCardNotPublic);
      expect(res.body.message).toContain(
        `${w.villageA.name} has not published its development plan`,
      );
      expect(res.body.details?.['blocks[0].id']).toBeDefined();
    }
    // Nor does the picker offer it.
    const options = await w.admin.get<Page<NewsletterVillageCardOption>>(
      `/api/newsletters/village-card-options?q=${encodeURIComponent(w.villageA.name)}`,
    );
    expect(options.status).toBe(200);
    expect(options.body.items.map((o) => o.id)).not.toContain(goalId);
  });

  it('refuses an unknown goal, a goal given as an initiative, and a malformed card', async () => {
    const w = await world();
    const { goalId } = await villageWork(w);
    await publishPlan(w);
    const send = (block: Record<string, unknown>) =>
      w.admin.post<ErrorBody>('/api/newsletters', {
        target: { kind: 'plan', id: w.planId },
        subject: 'Kort',
        blocks: [block],
      });
    const unknown = await send({
      type: 'village_card',
      kind: 'goal',
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe(ErrorCode.UnknownReference);
    expect((await send({ type: 'village_card', kind: 'initiative', id: goalId })).status).toBe(400);
    const badKind = await send({ type: 'village_card', kind: 'person', id: goalId });
    expect(badKind.status).toBe(400);
    expect(badKind.body.details?.['blocks[0].kind']).toBeDefined();
    const extra = await send({ type: 'village_card', kind: 'goal', id: goalId, phone: '1' });
    expect(extra.status).toBe(400);
    expect((await send({ type: 'village_card', kind: 'goal', id: 'x' })).status).toBe(400);
  });

  it('carries a goal and an initiative card of a published village into the mail, read back with mailparser', async () => {
    const w = await world();
    const { goalId, initiativeId } = await villageWork(w);
    const publicPath = await publishPlan(w);

    const options = await w.admin.get<Page<NewsletterVillageCardOption>>(
      `/api/newsletters/village-card-options?q=${encodeURIComponent(w.villageA.name)}`,
    );
    expect(options.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'goal', id: goalId, villageName: w.villageA.name }),
        expect.objectContaining({ kind: 'initiative', id: initiativeId }),
      ]),
    );
    const member = await signInAs(t, w.memberA);
    expect((await member.get('/api/newsletters/village-card-options')).status).toBe(403);

    const n = await draft(w, {
      blocks: [
        { type: 'village_card', kind: 'goal', id: goalId },
        { type: 'village_card', kind: 'initiative', id: initiativeId },
      ],
    });
    expect(n.blocks).toEqual([
      { type: 'village_card', kind: 'goal', id: goalId },
      { type: 'village_card', kind: 'initiative', id: initiativeId },
    ]);
    const res = await w.admin.post(`/api/newsletters/${n.id}/test`, {});
    expect(res.status).toBe(200);
    const mail = await t.smtp.waitFor(w.secretariat.email);
    const html = String(mail.html);
    const pageUrl = `http://blup.test${publicPath}`;
    expect(html).toContain('Flere faste samkørselsruter');
    // SDG 11 and 13 in their UN colours, with ink that reads on them.
    expect(html).toMatch(/background:#FD9D24;color:#000000">11</);
    expect(html).toMatch(/background:#3F7E44;color:#ffffff">13</);
    expect(html).toContain('Samkørselsbænke ved Brugsen');
    expect(html).toContain(`href="${pageUrl}"`);
    const text = String(mail.text);
    expect(text).toContain(`Landsbymål i ${w.villageA.name}: Flere faste samkørselsruter`);
    expect(text).toContain('Verdensmål: 11, 13');
    expect(text).toContain('Det er en idé. Faste ruter: nu 3 af 6 (fra 1).');
    expect(text).toContain(`Initiativ i ${w.villageA.name}: Samkørselsbænke ved Brugsen`);
    expect(text).toContain(
      'Arbejdet er i gang. 40 procent færdigt. Næste skridt: Første bænk op, senest',
    );
    expect(text).toContain(`Læs ${w.villageA.name}s udviklingsplan: ${pageUrl}`);
    for (const personal of ['Karin', 'Ole Medlem', 'example.dk', '+45 20']) {
      expect(html).not.toContain(personal);
      expect(text).not.toContain(personal);
    }

    // Taken down since: the card is left out of the copy, not sent as a secret.
    const down = await w.admin.post(`/api/villages/${w.villageA.id}/documents/plan/unpublish`, {});
    expect(down.status).toBe(200);
    const after = await w.admin.post<NewsletterPreviewDto>(`/api/newsletters/${n.id}/preview`, {});
    expect(after.status).toBe(200);
    expect(after.body.html).not.toContain('Flere faste samkørselsruter');
  });
});

describe('paragraphs', () => {
  it('keeps paragraphs typed with Enter apart in the mail, its text part, the preview and the web version, also as stored before', async () => {
    const w = await world();
    const typed = 'Hej {{navn}}!<div>Andet afsnit her.</div><ul><li>Et punkt</li></ul>';
    const n = await draft(w, { blocks: [{ type: 'text', html: typed }] });
    expect(n.blocks[0]).toEqual({
      type: 'text',
      html: '<p>Hej {{navn}}!</p><p>Andet afsnit her.</p><ul><li>Et punkt</li></ul>',
    });
    const paragraphs = (html: string) =>
      [...html.matchAll(/<p style="([^"]*)">(Hej [^<]*!|Andet afsnit her\.)<\/p>/g)].map(
        (m) => m[1],
      );
    const font = 'font-family:Arial,Helvetica,sans-serif';

    expect((await w.admin.post(`/api/newsletters/${n.id}/test`, {})).status).toBe(200);
    const mail = await t.smtp.waitFor(w.secretariat.email);
    const html = String(mail.html);
    expect(paragraphs(html)).toHaveLength(2);
    for (const style of paragraphs(html)) expect(style).toContain(font);
    expect(html).toMatch(new RegExp(`<li style="[^"]*${font}[^"]*">Et punkt</li>`));
    expect(mail.text).toContain(`Hej ${w.secretariat.name}!\n\nAndet afsnit her.\n\n- Et punkt`);

    // Content stored by the editor before (a div per line) renders the same way.
    await t.dataSource.query(`UPDATE newsletters SET blocks = $2::jsonb WHERE id = $1`, [
      n.id,
      JSON.stringify([{ type: 'text', html: typed }]),
    ]);
    const preview = await w.admin.post<NewsletterPreviewDto>(
      `/api/newsletters/${n.id}/preview`,
      {},
    );
    expect(paragraphs(preview.body.html)).toHaveLength(2);
    expect(preview.body.text).toContain('!\n\nAndet afsnit her.');
    const web = await t.client().get<NewsletterWebVersionDto>(`/api/newsletters/web/${n.webToken}`);
    expect(paragraphs(web.body.html)).toHaveLength(2);
  });
});

describe('sending, progress, archive and web version', () => {
  async function waitFinal(w: World, id: string, ms = 20_000): Promise<NewsletterProgressDto> {
    const deadline = Date.now() + ms;
    for (;;) {
      const p = await w.admin.get<NewsletterProgressDto>(`/api/newsletters/${id}/progress`);
      expect(p.status).toBe(200);
      if (
        p.body.status === NewsletterStatus.Sent ||
        p.body.status === NewsletterStatus.PartlyFailed
      )
        return p.body;
      if (Date.now() > deadline)
        throw new Error(`Not sent within ${ms} ms: ${JSON.stringify(p.body)}`);
      await sleep(200);
    }
  }

  it("gives each village's copy the next steps its circle recorded at its last held session", async () => {
    const w = await world();
    const held = async (
      circle: typeof w.circleA,
      days: number,
      title: string,
      steps: object[],
    ): Promise<void> => {
      const s = await circles.session(circle, {
        startsAt: inDays(days),
        title,
        status: SessionStatus.Held,
      });
      await t.dataSource.query(`UPDATE circle_sessions SET next_steps = $2::jsonb WHERE id = $1`, [
        s.id,
        JSON.stringify(steps),
      ]);
    };
    const step = (text: string, ownerName: string, dueDate: string | null, done: boolean) => ({
      text,
      ownerId: null,
      ownerName,
      dueDate,
      done,
    });
    await held(w.circleA, -30, 'Gammelt møde', [step('Gammelt skridt', 'Ingen', null, false)]);
    await held(w.circleA, -7, 'Mobilisering A', [
      step('Lav en plakat til hallen', 'Grete Hansen', '2030-01-15', false),
      step('Book forsamlingshuset', 'Ole Bager', null, true),
    ]);
    await held(w.circleB, -5, 'Mobilisering B', [
      step('Skriv til lokalavisen', 'Arbejdsgruppe for mad', '2030-02-01', false),
    ]);
    const n = await draft(w, {
      blocks: [{ type: 'next_steps', fromLastSession: true, items: ['Læs dagsordenen'] }],
    });
    const preview = await w.admin.post<NewsletterPreviewDto>(`/api/newsletters/${n.id}/preview`, {
      villageId: w.villageB.id,
    });
    expect(preview.body.text).toContain('Skriv til lokalavisen');
    expect((await w.admin.post(`/api/newsletters/${n.id}/schedule`, { mode: 'now' })).status).toBe(
      200,
    );
    await waitFinal(w, n.id);

    const mailA = await t.smtp.waitFor(w.memberA.email);
    expect(mailA.text).toContain('Aftalt på mødet »Mobilisering A«');
    expect(mailA.text).toContain(
      '1. Lav en plakat til hallen (Grete Hansen · senest tirsdag den 15. januar 2030 · Ikke klaret endnu)',
    );
    expect(mailA.text).toContain('2. Book forsamlingshuset (Ole Bager · Klaret)');
    expect(mailA.html).toContain('Grete Hansen');
    for (const other of ['Skriv til lokalavisen', 'Gammelt skridt', 'Læs dagsordenen']) {
      expect(mailA.text).not.toContain(other);
    }
    const mailB = await t.smtp.waitFor(w.memberB.email);
    expect(mailB.text).toContain(
      'Skriv til lokalavisen (Arbejdsgruppe for mad · senest fredag den 1. februar 2030 · Ikke klaret endnu)',
    );
    expect(mailB.text).not.toContain('Lav en plakat');
    expect(mailB.html).not.toContain('Grete Hansen');

    // A newsletter that does not lead into a session has no last session to take them from.
    const cohortWide = await w.admin.post('/api/newsletters', {
      target: { kind: 'cohort', id: w.cohort.id },
      subject: 'x',
      blocks: [{ type: 'next_steps', fromLastSession: true, items: [] }],
    });
    expect(cohortWide.status).toBe(400);
    expect(code(cohortWide)).toBe(ErrorCode.NewsletterNeedsSession);
  });

  it('sends each recipient their personalised copy once, and shows it in the archive', async () => {
    const w = await world();
    const { lesson } = await courses.courseWithLesson({}, { title: `Inspiration ${Date.now()}` });
    const n = await draft(w, {
      blocks: [
        { type: 'text', html: '<p>Kære {{navn}} i {{landsby}}</p>' },
        { type: 'video', lessonId: lesson.id },
        { type: 'session' },
      ],
    });
    const scheduled = await w.admin.post<NewsletterDto>(`/api/newsletters/${n.id}/schedule`, {
      mode: 'now',
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.status).toBe(NewsletterStatus.Scheduled);
    expect((await w.admin.patch(`/api/newsletters/${n.id}`, { subject: 'for sent' })).status).toBe(
      409,
    );

    const progress = await waitFinal(w, n.id);
    expect(progress).toMatchObject({
      status: NewsletterStatus.Sent,
      total: 5,
      sent: 5,
      failed: 0,
      bounced: 0,
      pending: 0,
      failures: [],
    });

    // Member of village A: their name, village, room, calendar link, and a user unsubscribe token.
    const mailA = await t.smtp.waitFor(w.memberA.email);
    expect(t.smtp.to(w.memberA.email)).toHaveLength(1);
    expect(mailA.subject).toBe(
      n.subject.replace('{{landsby}}', w.villageA.name).replace('{{navn}}', w.memberA.name),
    );
    expect(mailA.text).toContain(`Kære ${w.memberA.name} i ${w.villageA.name}`);
    expect(mailA.html).toContain(`Kære ${w.memberA.name} i ${w.villageA.name}`);
    expect(mailA.text).toContain(`Gå til mødet: ${w.circleA.roomUrl}`);
    expect(mailA.text).toContain(`http://blup.test/lessons/${lesson.id}`);
    // The links in the mail carry the village signed, so only they open village A's copy.
    const vA = signedVillage(t.config.signingSecret, n.webToken, w.villageA.id);
    const vB = signedVillage(t.config.signingSecret, n.webToken, w.villageB.id);
    expect(mailA.text).toContain(`http://blup.test/newsletters/web/${n.webToken}?v=${vA}`);
    expect(mailA.text).toContain(`/api/newsletters/web/${n.webToken}/calendar.ics?v=${vA}`);
    const unsubscribe = /^<http:\/\/blup\.test\/api\/unsubscribe\/([^>]+)>$/.exec(
      header(mailA, 'List-Unsubscribe'),
    );
    expect(unsubscribe).not.toBeNull();
    expect(
      readUnsubscribeToken(t.config.signingSecret, (unsubscribe as RegExpExecArray)[1]),
    ).toEqual({ kind: 'user', id: w.memberA.id });
    expect(header(mailA, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(mailA.text).toContain(
      `http://blup.test/panel/preferences?token=${(unsubscribe as RegExpExecArray)[1]}`,
    );

    // Village B's member gets B's own time and link.
    const mailB = await t.smtp.waitFor(w.memberB.email);
    expect(mailB.text).toContain('Gå til mødet: https://meet.example.dk/bøl-eget-rum');
    expect(mailB.text).toContain(`Kære ${w.memberB.name} i ${w.villageB.name}`);

    // A panel subscriber: a subscriber token, no session page.
    const [panelEmail] = await emailsOf([w.panelA]);
    const mailPanel = await t.smtp.waitFor(panelEmail);
    const panelToken =
      /unsubscribe\/([^>]+)>/.exec(header(mailPanel, 'List-Unsubscribe'))?.[1] ?? '';
    expect(readUnsubscribeToken(t.config.signingSecret, panelToken)).toEqual({
      kind: 'subscriber',
      id: w.panelA,
    });
    expect(mailPanel.text).toContain('Kære Birte Borger');
    expect(mailPanel.text).not.toContain('/sessions/');

    // The one-click links in the headers work (RFC 8058 POST, no session, no CSRF token), and
    // whoever used one is left out of the next newsletter.
    for (const link of [header(mailA, 'List-Unsubscribe'), header(mailPanel, 'List-Unsubscribe')]) {
      const res = await t.client().raw('POST', new URL(link.slice(1, -1)).pathname, {
        body: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.status).toBe(200);
    }
    const next = await t.app.get(NewsletterAudience).resolve(n.id);
    expect(next.map((r) => r.email)).not.toContain(w.memberA.email.toLowerCase());
    expect(next.map((r) => r.email)).not.toContain(panelEmail);
    // memberA's address is also village B's panel subscriber: an opt-out wins over that too.
    expect(next.find((r) => r.email === w.memberA.email.toLowerCase())).toBeUndefined();

    expect(t.smtp.to(w.optedOut.email)).toHaveLength(0);
    expect(t.smtp.to(w.coordinator1.email)).toHaveLength(0);

    // The archive: village A's members, the coordinators of both municipalities; not the outsider.
    for (const reader of [w.memberA, w.leadA, w.coordinator1, w.coordinator2, w.memberB]) {
      const client = await signInAs(t, reader);
      const archive = await client.get<Page<NewsletterArchiveItemDto>>(
        '/api/newsletters/archive?pageSize=100',
      );
      expect(archive.status).toBe(200);
      expect(archive.body.items.map((i) => i.id)).toContain(n.id);
    }
    const outsider = await signInAs(t, w.outsider);
    const none = await outsider.get<Page<NewsletterArchiveItemDto>>(
      '/api/newsletters/archive?pageSize=100',
    );
    expect(none.body.items.map((i) => i.id)).not.toContain(n.id);
    expect((await outsider.get(`/api/newsletters/${n.id}/read`)).status).toBe(404);

    const memberA = await signInAs(t, w.memberA);
    const mine = await memberA.get<Page<NewsletterArchiveItemDto>>(
      `/api/newsletters/archive?villageId=${w.villageA.id}&pageSize=100`,
    );
    const item = mine.body.items.find((i) => i.id === n.id);
    expect(item).toMatchObject({
      villageId: w.villageA.id,
      webUrl: `http://blup.test/newsletters/web/${n.webToken}?v=${vA}`,
    });
    const read = await memberA.get<NewsletterWebVersionDto>(`/api/newsletters/${n.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.villageName).toBe(w.villageA.name);
    expect(read.body.html).toContain(w.circleA.roomUrl as string);
    expect(read.body.html).not.toContain(w.memberA.name);
    expect(read.body.html).not.toContain('unsubscribe');

    // Each reads only their own village's copy (its room, its calendar): not village B's, though
    // the newsletter went to B too. The coordinators: their municipality's villages.
    for (const [reader, status] of [
      [w.memberA, 404],
      [w.coordinator1, 404],
      [w.coordinator2, 200],
      [w.memberB, 200],
    ] as const) {
      const client = reader === w.memberA ? memberA : await signInAs(t, reader);
      const other = await client.get<NewsletterWebVersionDto>(
        `/api/newsletters/${n.id}/read?villageId=${w.villageB.id}`,
      );
      expect(other.status).toBe(status);
      if (status === 404) expect(JSON.stringify(other.body)).not.toContain('bøl-eget-rum');
    }
    expect(
      (await memberA.get(`/api/newsletters/archive?villageId=${w.villageB.id}&pageSize=100`))
        .status,
    ).toBe(404);
    const asAdmin = await w.admin.get<NewsletterWebVersionDto>(
      `/api/newsletters/${n.id}/read?villageId=${w.villageB.id}`,
    );
    expect(asAdmin.body.html).toContain('https://meet.example.dk/bøl-eget-rum');

    // The public web version: no sign-in, per village, not indexed, never a person's name.
    const anonymous = t.client();
    const web = await anonymous.get<NewsletterWebVersionDto>(
      `/api/newsletters/web/${n.webToken}?v=${vB}`,
    );
    expect(web.status).toBe(200);
    expect(web.headers.get('x-robots-tag')).toContain('noindex');
    expect(web.headers.get('cache-control')).toContain('private');
    expect(web.body.subject).toContain(w.villageB.name);
    expect(web.body.html).toContain('https://meet.example.dk/bøl-eget-rum');
    expect(web.body.html).not.toContain(w.memberB.name);
    const ics = await anonymous.get<string>(
      `/api/newsletters/web/${n.webToken}/calendar.ics?v=${vB}`,
    );
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(String(ics.body)).toContain(`UID:${w.sessionB.id}@blup-akademiet`);
    expect((await anonymous.get(`/api/newsletters/web/${'x'.repeat(43)}`)).status).toBe(404);
    // A village id added by hand, or A's signature with B's id, opens no village's copy.
    const [, sigA] = vA.split('.');
    for (const v of [w.villageB.id, `${w.villageB.id}.${sigA}`, `${w.villageB.id}.`]) {
      for (const path of [
        `/api/newsletters/web/${n.webToken}`,
        `/api/newsletters/web/${n.webToken}/calendar.ics`,
      ]) {
        const forged = await anonymous.get(`${path}?v=${encodeURIComponent(v)}`);
        expect(forged.status).toBe(404);
        expect(JSON.stringify(forged.body)).not.toContain('bøl-eget-rum');
      }
    }

    // Sent: not editable, not deletable, not schedulable again.
    expect((await w.admin.delete(`/api/newsletters/${n.id}`)).status).toBe(409);
    expect(code(await w.admin.post(`/api/newsletters/${n.id}/schedule`, { mode: 'now' }))).toBe(
      ErrorCode.NewsletterNotEditable,
    );
  }, 60_000);
});

describe('schedule, unschedule and moving sessions', () => {
  it('schedules N days before at 09:00, follows a moved session, and goes back to draft', async () => {
    const w = await world();
    const n = await draft(w);
    const res = await w.admin.post<NewsletterDto>(`/api/newsletters/${n.id}/schedule`, {
      mode: 'days_before',
      daysBefore: 3,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: NewsletterStatus.Scheduled,
      sendMode: 'days_before',
      daysBefore: 3,
    });
    expect(res.body.sendAt).toBe(daysBeforeSendAt(w.sessionA.startsAt, 3).toISOString());

    // Village A's session moves two days later: B's (day 11) is now the earliest.
    const moved = inDays(12);
    await t.dataSource
      .getRepository(CircleSession)
      .update(w.sessionA.id, { startsAt: moved, endsAt: new Date(moved.getTime() + 90 * 60_000) });
    await t.app.get(SessionEvents).emit({ kind: 'scheduled', sessionIds: [w.sessionA.id] });
    const after = await w.admin.get<NewsletterDto>(`/api/newsletters/${n.id}`);
    expect(after.body.sendAt).toBe(daysBeforeSendAt(w.sessionB.startsAt, 3).toISOString());

    expect(code(await w.admin.patch(`/api/newsletters/${n.id}`, { subject: 'x' }))).toBe(
      ErrorCode.NewsletterNotEditable,
    );
    const back = await w.admin.post<NewsletterDto>(`/api/newsletters/${n.id}/unschedule`);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      status: NewsletterStatus.Draft,
      sendAt: null,
      sendMode: null,
    });
    const again = await w.admin.post(`/api/newsletters/${n.id}/unschedule`);
    expect(again.status).toBe(409);
    expect(code(again)).toBe(ErrorCode.NewsletterNotScheduled);
    expect((await w.admin.delete(`/api/newsletters/${n.id}`)).status).toBe(204);
    expect((await w.admin.get(`/api/newsletters/${n.id}`)).status).toBe(404);
  });

  it('keeps following the sessions while one is left, and goes back to draft when all are cancelled', async () => {
    const w = await world();
    const byDays = await draft(w);
    expect(
      (
        await w.admin.post(`/api/newsletters/${byDays.id}/schedule`, {
          mode: 'days_before',
          daysBefore: 3,
        })
      ).status,
    ).toBe(200);
    const sendAt = inDays(5).toISOString();
    const atTime = await draft(w);
    expect(
      (await w.admin.post(`/api/newsletters/${atTime.id}/schedule`, { mode: 'at', sendAt })).status,
    ).toBe(200);

    // Village A's session is cancelled: B's session remains, so both stay scheduled and the
    // days-before one follows B's session.
    expect((await w.admin.post(`/api/sessions/${w.sessionA.id}/cancel`)).status).toBe(200);
    const one = await w.admin.get<NewsletterDto>(`/api/newsletters/${byDays.id}`);
    expect(one.body).toMatchObject({ status: NewsletterStatus.Scheduled, daysBefore: 3 });
    expect(one.body.sendAt).toBe(daysBeforeSendAt(w.sessionB.startsAt, 3).toISOString());
    expect((await w.admin.get<NewsletterDto>(`/api/newsletters/${atTime.id}`)).body).toMatchObject({
      status: NewsletterStatus.Scheduled,
      sendAt,
    });

    // The last one is cancelled too: neither may go out for a meeting that will not be held.
    expect((await w.admin.post(`/api/sessions/${w.sessionB.id}/cancel`)).status).toBe(200);
    for (const id of [byDays.id, atTime.id]) {
      const back = await w.admin.get<NewsletterDto>(`/api/newsletters/${id}`);
      expect(back.body).toMatchObject({
        status: NewsletterStatus.Draft,
        sendMode: null,
        sendAt: null,
      });
      const list = await w.admin.get<Page<NewsletterSummaryDto>>(
        `/api/newsletters?status=draft&q=${encodeURIComponent(back.body.subject)}`,
      );
      expect(list.body.items.map((i) => i.id)).toContain(id);
    }
    // Off the queue as well: no start job waits for them.
    const jobs = await t.app
      .get<Queue>(getQueueToken(NEWSLETTERS_QUEUE))
      .getJobs(['delayed', 'waiting']);
    expect(
      jobs.filter((j) =>
        [byDays.id, atTime.id].includes((j.data as { newsletterId: string }).newsletterId),
      ),
    ).toEqual([]);
    // And it stays editable as the draft it now is.
    expect(
      (await w.admin.patch(`/api/newsletters/${atTime.id}`, { preheader: 'Aflyst' })).status,
    ).toBe(200);
  });
});

describe('API description', () => {
  it('documents the newsletter routes with their answers', async () => {
    const res = await t
      .client()
      .get<{ paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>(
        '/api/docs-json',
      );
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/newsletters',
        '/api/newsletters/{id}/schedule',
        '/api/newsletters/web/{token}',
      ]),
    );
    expect(res.body.components.schemas).toHaveProperty('NewsletterProgressResponse');
  });
});

describe('editor helpers', () => {
  it('lists upcoming targets with their villages, and published lessons for cards', async () => {
    const w = await world();
    const option = await w.admin.get<NewsletterTargetOption>(
      `/api/newsletters/for-session/${w.planId}`,
    );
    expect(option.status).toBe(200);
    expect(option.body).toMatchObject({ kind: 'plan', id: w.planId, cohortId: w.cohort.id });
    expect(option.body.villages.map((v) => v.villageId).sort()).toEqual(
      [w.villageA.id, w.villageB.id].sort(),
    );
    const targets = await w.admin.get<Page<NewsletterTargetOption>>(
      `/api/newsletters/targets?cohortId=${w.cohort.id}`,
    );
    expect(targets.body.items.map((i) => i.id)).toContain(w.planId);

    const title = `Kortvideo ${Date.now()}`;
    const { lesson } = await courses.courseWithLesson({}, { title });
    await t.dataSource.query(`UPDATE lessons SET inspiration = true WHERE id = $1`, [lesson.id]);
    await courses.courseWithLesson({}, { title: `${title} skjult`, published: false });
    const cards = await w.admin.get<Page<NewsletterCardOption>>(
      `/api/newsletters/card-options?q=${encodeURIComponent(title)}&inspiration=true`,
    );
    expect(cards.body.items.map((c) => c.lessonId)).toEqual([lesson.id]);
    const member = await signInAs(t, w.memberA);
    expect((await member.get('/api/newsletters/card-options')).status).toBe(403);
    const learner = await t.factory.user({ role: Role.Learner });
    expect((await (await signInAs(t, learner)).get('/api/newsletters/targets')).status).toBe(403);
  });
});
