import {
  ErrorCode,
  HotlineState,
  type ErrorBody,
  type HotlineFaqDto,
  type HotlineRequestDto,
  type HotlineStateCounts,
  type HotlineStatsDto,
  type HotlineThreadDto,
  type Page,
} from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { Municipality, User, Village } from '../src/app/database/entities';
import { HotlineInboundListener } from '../src/app/hotline/hotline-inbound';
import { startTestApp, type TestApp } from './harness';
import type { TestClient, TestResponse } from './http-client';
import { villageWorld, type VillagePerson } from './village-world';

/**
 * The hotline over the real API: who may ask, read and answer (other askers' questions are 404,
 * only the secretariat answers), the states and the first response time, the FAQ, the yearly
 * counts, the rate limit, and replies by mail through real SMTP: the answer mail reaches the
 * sink with a signed Reply-To, and a reply sent to the worker's listener lands on the question,
 * while a forged token or an unknown sender does not.
 */
const suffix = randomBytes(3).toString('hex');
const DOMAIN = 'svar.blup.test';
let t: TestApp;
let as: Record<VillagePerson, TestClient>;
let member: User;
let glumso: Village;
let naestved: Municipality;
let asked: HotlineThreadDto;

const put = <T>(c: TestClient, path: string, body: unknown): Promise<TestResponse<T>> =>
  c.request<T>('PUT', path, body);

beforeAll(async () => {
  t = await startTestApp({ HOTLINE_SMTP_PORT: '0', HOTLINE_MAIL_DOMAIN: DOMAIN });
  let users: { member: User };
  ({ as, glumso, naestved, users } = await villageWorld(t, suffix, ['glumso']));
  member = users.member;
  const res = await as.member.post<HotlineThreadDto>('/api/hotline/requests', {
    subject: `Borgerpanelet ${suffix}`,
    body: 'Hvordan inviterer vi borgerpanelet til fremtidsværkstedet?',
    pagePath: '/landsby/plan',
  });
  expect(res.status).toBe(201);
  asked = res.body;
});

afterAll(() => t.close());

describe('asking', () => {
  it('keeps the page, the asker’s village and municipality, and starts as new', () => {
    expect(asked).toMatchObject({
      askerId: member.id,
      villageId: glumso.id,
      municipalityId: naestved.id,
      pagePath: '/landsby/plan',
      state: HotlineState.New,
      firstResponseAt: null,
      messageCount: 1,
    });
    expect(asked.messages[0]).toMatchObject({ fromSecretariat: false, via: 'app' });
  });

  it('refuses bad input, and the secretariat asking', async () => {
    const bad = await as.member.post<ErrorBody>('/api/hotline/requests', {
      subject: '',
      body: 'x',
      pagePath: 'https://evil.test',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details ?? {}).sort()).toEqual(['pagePath', 'subject']);
    // '//evil.test' is another site to a browser, not a path in the app (as the ask form says).
    const otherSite = await as.member.post<ErrorBody>('/api/hotline/requests', {
      subject: 'Hej',
      body: 'x',
      pagePath: '//evil.test/side',
    });
    expect(otherSite.status).toBe(400);
    const secretariat = await as.secretariat.post('/api/hotline/requests', {
      subject: 'Hej',
      body: 'Hej',
      pagePath: '/',
    });
    expect(secretariat.status).toBe(403);
  });
});

describe('access', () => {
  const others: VillagePerson[] = ['otherMember', 'coordinator', 'otherCoordinator', 'learner'];

  it('shows a question to its asker and the secretariat only (others get 404)', async () => {
    const path = `/api/hotline/requests/${asked.id}`;
    expect((await as.member.get(path)).status).toBe(200);
    expect((await as.secretariat.get(path)).status).toBe(200);
    for (const who of others) {
      expect([who, (await as[who].get(path)).status]).toEqual([who, 404]);
      const msg = await as[who].post(`${path}/messages`, { body: 'Hej' });
      expect([who, msg.status]).toEqual([who, 404]);
      const state = await put(as[who], `${path}/state`, { state: 'closed' });
      expect([who, state.status]).toEqual([who, 404]);
    }
    const mine = await as.otherMember.get<Page<HotlineRequestDto>>('/api/hotline/requests/mine');
    expect(mine.body.items.map((r) => r.id)).not.toContain(asked.id);
    const own = await as.member.get<Page<HotlineRequestDto>>('/api/hotline/requests/mine');
    expect(own.body.items.map((r) => r.id)).toEqual([asked.id]);
  });

  it('keeps the queue, counts, stats and FAQ writing for the secretariat (403)', async () => {
    for (const who of ['member', ...others] as VillagePerson[]) {
      for (const path of [
        '/api/hotline/requests',
        '/api/hotline/counts',
        `/api/hotline/stats?year=2026`,
      ]) {
        expect([who, path, (await as[who].get(path)).status]).toEqual([who, path, 403]);
      }
      const faq = await as[who].post('/api/hotline/faq', { question: 'Q', answer: 'A' });
      expect([who, faq.status]).toEqual([who, 403]);
    }
    const fromRequest = await as.member.post(`/api/hotline/requests/${asked.id}/faq`, {
      messageId: asked.messages[0].id,
      question: 'Q',
    });
    expect(fromRequest.status).toBe(403);
  });

  it('lets the asker close, not otherwise change, the state', async () => {
    const res = await put(as.member, `/api/hotline/requests/${asked.id}/state`, {
      state: 'waiting',
    });
    expect(res.status).toBe(403);
  });
});

describe('the queue, answers and states', () => {
  it('lists new questions first, filters by state and searches', async () => {
    const queue = await as.secretariat.get<Page<HotlineRequestDto>>(
      `/api/hotline/requests?state=new&q=${encodeURIComponent(`panelet ${suffix}`.slice(6))}`,
    );
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((r) => r.id)).toEqual([asked.id]);
    const counts = await as.secretariat.get<HotlineStateCounts>('/api/hotline/counts');
    expect(counts.body.new).toBeGreaterThanOrEqual(1);
    const bad = await as.secretariat.get('/api/hotline/requests?state=nyt');
    expect(bad.status).toBe(400);
  });

  it('answers: first response time, waiting, and a mail with a signed Reply-To', async () => {
    const res = await as.secretariat.post<HotlineThreadDto>(
      `/api/hotline/requests/${asked.id}/messages`,
      { body: 'Send dem en invitation fra borgerpanel-siden.\n\nVenlig hilsen Sekretariatet' },
    );
    expect(res.status).toBe(201);
    expect(res.body.state).toBe(HotlineState.Waiting);
    expect(res.body.firstResponseAt).not.toBeNull();
    expect(res.body.firstResponseMinutes).toBe(0);
    expect(res.body.messages.at(-1)).toMatchObject({ fromSecretariat: true, via: 'app' });

    const mail = await t.smtp.waitFor(member.email);
    expect(mail.text).toContain('Send dem en invitation');
    const replyTo = mail.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(new RegExp(`^hotline\\+[0-9a-f]{32}\\.[0-9a-f]{20}@${DOMAIN}$`));
    expect(mail.messageId).toContain(asked.id);
    expect(mail.inReplyTo).toBe(`<hotline.${asked.id}@${DOMAIN}>`);
  });

  it('opens on the asker’s reply, keeps the first response time, closes and reopens', async () => {
    const path = `/api/hotline/requests/${asked.id}`;
    const first = (await as.member.get<HotlineThreadDto>(path)).body.firstResponseAt;
    const reply = await as.member.post<HotlineThreadDto>(`${path}/messages`, { body: 'Tak!' });
    expect(reply.body.state).toBe(HotlineState.Open);
    const again = await as.secretariat.post<HotlineThreadDto>(`${path}/messages`, {
      body: 'Det var så lidt.',
    });
    expect(again.body.firstResponseAt).toBe(first);

    const closed = await put<HotlineThreadDto>(as.member, `${path}/state`, { state: 'closed' });
    expect(closed.body).toMatchObject({ state: HotlineState.Closed });
    expect(closed.body.closedAt).not.toBeNull();
    const late = await as.member.post<ErrorBody>(`${path}/messages`, { body: 'En ting mere' });
    expect(late.status).toBe(400);
    expect(late.body.code).toBe(ErrorCode.HotlineRequestClosed);
    const reopened = await put<HotlineThreadDto>(as.secretariat, `${path}/state`, {
      state: 'open',
    });
    expect(reopened.body).toMatchObject({ state: HotlineState.Open, closedAt: null });
  });
});

describe('FAQ', () => {
  it('saves an answer as a draft, publishes it, and finds it from the ask form', async () => {
    const thread = (await as.secretariat.get<HotlineThreadDto>(`/api/hotline/requests/${asked.id}`))
      .body;
    const answer = thread.messages.find((m) => m.fromSecretariat);
    const notAnswer = await as.secretariat.post<ErrorBody>(
      `/api/hotline/requests/${asked.id}/faq`,
      { messageId: thread.messages[0].id, question: 'Q' },
    );
    expect(notAnswer.status).toBe(400);
    const saved = await as.secretariat.post<HotlineFaqDto>(
      `/api/hotline/requests/${asked.id}/faq`,
      { messageId: answer?.id, question: `Hvordan inviterer vi borgerpanelet? ${suffix}` },
    );
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ published: false, sourceRequestId: asked.id });
    expect(saved.body.answer).toContain('Send dem en invitation');

    const draft = await as.member.get(`/api/hotline/faq/${saved.body.id}`);
    expect(draft.status).toBe(404);
    const patch = await as.member.patch(`/api/hotline/faq/${saved.body.id}`, { published: true });
    expect(patch.status).toBe(403);
    const published = await as.secretariat.patch<HotlineFaqDto>(
      `/api/hotline/faq/${saved.body.id}`,
      { published: true },
    );
    expect(published.body.published).toBe(true);

    // "Before you ask": the words of a new question find the entry (Danish stems, any word).
    const found = await as.learner.get<Page<HotlineFaqDto>>(
      `/api/hotline/faq?q=${encodeURIComponent('invitere borgerpanel')}`,
    );
    expect(found.body.items.map((f) => f.id)).toContain(saved.body.id);
    expect((await as.learner.get(`/api/hotline/faq/${saved.body.id}`)).status).toBe(200);

    const created = await as.secretariat.post<HotlineFaqDto>('/api/hotline/faq', {
      question: 'Hvornår er sekretariatet åbent?',
      answer: 'Altid: skriv, så svarer vi hurtigst muligt.',
    });
    expect(created.status).toBe(201);
    const list = await as.member.get<Page<HotlineFaqDto>>('/api/hotline/faq');
    expect(list.body.items.map((f) => f.id)).not.toContain(created.body.id);
    expect((await as.member.delete(`/api/hotline/faq/${created.body.id}`)).status).toBe(403);
    expect((await as.secretariat.delete(`/api/hotline/faq/${created.body.id}`)).status).toBe(204);
    expect((await as.secretariat.get(`/api/hotline/faq/${created.body.id}`)).status).toBe(404);
  });
});

describe('stats', () => {
  it('counts per municipality for a year, with the median first response', async () => {
    const year = new Date().getFullYear();
    const res = await as.secretariat.get<HotlineStatsDto>(`/api/hotline/stats?year=${year}`);
    expect(res.status).toBe(200);
    expect(res.body.municipalities.find((m) => m.municipalityId === naestved.id)).toMatchObject({
      count: 1,
      answered: 1,
      medianFirstResponseMinutes: 0,
    });
    expect((await as.secretariat.get('/api/hotline/stats?year=1999')).status).toBe(400);
    expect((await as.secretariat.get('/api/hotline/stats')).status).toBe(400);
  });
});

describe('replies by mail through SMTP', () => {
  let replyTo: string;
  const smtp = () =>
    createTransport({
      host: '127.0.0.1',
      port: t.app.get(HotlineInboundListener).port ?? 0,
      secure: false,
      ignoreTLS: true,
    });

  beforeAll(async () => {
    const mail = await t.smtp.waitFor(member.email);
    replyTo = mail.replyTo?.value[0]?.address ?? '';
  });

  it('lands a reply on the same question without its quoted part, and opens it', async () => {
    await put(as.secretariat, `/api/hotline/requests/${asked.id}/state`, { state: 'closed' });
    await smtp().sendMail({
      from: member.email,
      to: replyTo,
      subject: 'Re: Svar på dit spørgsmål',
      inReplyTo: `<hotline.${asked.id}@${DOMAIN}>`,
      messageId: `<reply-${suffix}@example.dk>`,
      text: 'Det virkede, tak!\n\nDen 7. dec. 2026 kl. 12.00 skrev BLUP Akademiet:\n> Send dem en invitation',
    });
    const thread = (await as.member.get<HotlineThreadDto>(`/api/hotline/requests/${asked.id}`))
      .body;
    expect(thread.state).toBe(HotlineState.Open);
    expect(thread.messages.at(-1)).toMatchObject({
      body: 'Det virkede, tak!',
      via: 'mail',
      fromSecretariat: false,
      authorName: member.name,
    });
  });

  it('keeps the same mail delivered twice once', async () => {
    const before = (await as.member.get<HotlineThreadDto>(`/api/hotline/requests/${asked.id}`)).body
      .messageCount;
    await smtp().sendMail({
      from: member.email,
      to: replyTo,
      subject: 'Re: Svar',
      messageId: `<reply-${suffix}@example.dk>`,
      text: 'Det virkede, tak!',
    });
    const after = (await as.member.get<HotlineThreadDto>(`/api/hotline/requests/${asked.id}`)).body
      .messageCount;
    expect(after).toBe(before);
  });

  it('refuses a forged token, an unknown sender and a too large mail, attaching nothing', async () => {
    const before = (await as.member.get<HotlineThreadDto>(`/api/hotline/requests/${asked.id}`)).body
      .messageCount;
    const [local] = replyTo.split('@');
    const forged = `${local.slice(0, -1)}${local.endsWith('0') ? '1' : '0'}@${DOMAIN}`;
    await expect(
      smtp().sendMail({ from: member.email, to: forged, subject: 'x', text: 'Forfalsket' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      smtp().sendMail({ from: 'fremmed@example.dk', to: replyTo, subject: 'x', text: 'Hej' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      smtp().sendMail({
        from: member.email,
        to: replyTo,
        subject: 'x',
        text: 'x'.repeat(1_100_000),
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    const after = (await as.member.get<HotlineThreadDto>(`/api/hotline/requests/${asked.id}`)).body;
    expect(after.messageCount).toBe(before);
  });
});

describe('rate limit', () => {
  it('answers 429 hotline_rate_limited with Retry-After after many questions', async () => {
    let res: TestResponse<ErrorBody> | null = null;
    for (let i = 0; i < 12; i++) {
      res = await as.learner.post<ErrorBody>('/api/hotline/requests', {
        subject: `Spørgsmål ${i}`,
        body: 'Hej',
        pagePath: '/kurser',
      });
      if (res.status === 429) break;
      expect(res.status).toBe(201);
    }
    expect(res?.status).toBe(429);
    expect(res?.body.code).toBe(ErrorCode.HotlineRateLimited);
    expect(Number(res?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
