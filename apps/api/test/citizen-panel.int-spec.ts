import {
  CONSENT_TEXT_VERSION,
  ErrorBody,
  ErrorCode,
  PanelConfirmResponse,
  PanelImportResult,
  PanelPreferencesDto,
  PanelSubscriberPage,
  PanelVillageDto,
  Role,
} from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import { hashToken } from '../src/app/auth/tokens';
import { unsubscribeToken } from '../src/app/citizen-panel/unsubscribe-link';
import type { Village } from '../src/app/database/entities';
import { deleteRedisKeys } from './global-teardown';
import { startTestApp, TestApp } from './harness';
import { linkIn, tokenFrom } from './smtp-sink';
import { TEST_REDIS_URL } from './test-env';

const CONFIRM_LINK = 'http://blup.test/panel/confirm?token=';

const newEmail = (label = 'borger'): string =>
  `${label}-${randomBytes(4).toString('hex')}@example.dk`;

/** The value, or a failed test saying it was missing. */
function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('Expected a row, found none');
  return value;
}

interface SubscriberState {
  id: string;
  status: string;
  confirmed_at: Date | null;
  unsubscribed_at: Date | null;
}

describe('citizen panel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function subscriber(village: Village, email: string): Promise<SubscriberState | undefined> {
    const rows = (await t.dataSource.query(
      `SELECT id, status, confirmed_at, unsubscribed_at FROM panel_subscribers
        WHERE village_id = $1 AND email = $2`,
      [village.id, email],
    )) as SubscriberState[];
    return rows[0];
  }

  async function consents(subscriberId: string): Promise<{ action: string; ip: string | null }[]> {
    return t.dataSource.query(
      `SELECT action, ip, consent_text_version, actor_id FROM panel_consents
        WHERE subscriber_id = $1 ORDER BY at, action`,
      [subscriberId],
    );
  }

  /** Signs up through the public form and returns the confirmation token from the mail. */
  async function signUp(village: Village, email: string, ip = '198.51.100.7'): Promise<string> {
    const before = t.smtp.to(email).length;
    const res = await t.client(ip).post(`/api/panel/villages/${village.id}/sign-up`, {
      email,
      name: 'Karen Holm',
      consent: true,
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'check_mail' });
    return tokenFrom(linkIn(await t.smtp.waitFor(email, before + 1), CONFIRM_LINK));
  }

  describe('double opt-in', () => {
    it('a citizen signs up, gets one mail, confirms, and the consent log says when, from where and which text', async () => {
      const village = await t.factory.village(
        undefined,
        `Glumsø ${randomBytes(3).toString('hex')}`,
      );
      const page = await t.client().get<PanelVillageDto>(`/api/panel/villages/${village.id}`);
      expect(page.status).toBe(200);
      expect(page.body.villageName).toBe(village.name);
      expect(page.body.consentTextVersion).toBe(CONSENT_TEXT_VERSION);
      expect(page.body.consentText.da).toContain(village.name);

      const email = newEmail();
      const token = await signUp(
        village,
        email.toUpperCase().replace('@EXAMPLE.DK', '@example.dk'),
      );
      const mail = t.smtp.to(email)[0];
      expect(mail.subject).toBe(`Bekræft, at du vil være med i borgerpanelet for ${village.name}`);
      expect(mail.html).toContain(`/panel/confirm?token=${token}`);

      const pending = await subscriber(village, email);
      expect(pending?.status).toBe('pending');
      expect(pending?.confirmed_at).toBeNull();

      const confirmed = await t
        .client('198.51.100.8')
        .post<PanelConfirmResponse>('/api/panel/confirm', { token });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toEqual({
        villageId: village.id,
        villageName: village.name,
        email,
        status: 'subscribed',
        preferencesToken: unsubscribeToken(t.config.signingSecret, {
          kind: 'subscriber',
          id: must(await subscriber(village, email)).id,
        }),
      });
      const after = await subscriber(village, email);
      expect(after?.status).toBe('subscribed');
      expect(after?.confirmed_at).not.toBeNull();
      expect(await consents(must(after).id)).toEqual([
        expect.objectContaining({
          action: 'requested',
          ip: '198.51.100.7',
          consent_text_version: CONSENT_TEXT_VERSION,
        }),
        expect.objectContaining({
          action: 'confirmed',
          ip: '198.51.100.8',
          consent_text_version: CONSENT_TEXT_VERSION,
        }),
      ]);
    });

    it('answers the same for someone already on the list, and sends nothing nor changes anything', async () => {
      const village = await t.factory.village();
      const email = newEmail();
      await t.client().post('/api/panel/confirm', { token: await signUp(village, email) });
      const before = await subscriber(village, email);
      const consentCount = (await consents(must(before).id)).length;

      const again = await t
        .client()
        .post(`/api/panel/villages/${village.id}/sign-up`, { email, consent: true });
      expect(again.status).toBe(202);
      expect(again.body).toEqual({ status: 'check_mail' });
      await new Promise((r) => setTimeout(r, 500));
      expect(t.smtp.to(email)).toHaveLength(1);
      expect(await subscriber(village, email)).toEqual(before);
      expect(await consents(must(before).id)).toHaveLength(consentCount);
    });

    it('sends one confirmation mail per address and village every 10 minutes, answering the same', async () => {
      const village = await t.factory.village();
      const other = await t.factory.village();
      const email = newEmail();
      const first = await signUp(village, email);
      const state = must(await subscriber(village, email));

      // Asked again from other networks: the same neutral answer, no mail, nothing recorded.
      for (const ip of ['203.0.113.10', '203.0.113.11', '203.0.113.12']) {
        const again = await t
          .client(ip)
          .post(`/api/panel/villages/${village.id}/sign-up`, { email, name: 'X', consent: true });
        expect(again.status).toBe(202);
        expect(again.body).toEqual({ status: 'check_mail' });
      }
      // Another village's panel is another list: its own mail.
      await signUp(other, email);
      await new Promise((r) => setTimeout(r, 500));
      expect(t.smtp.to(email)).toHaveLength(2);
      expect((await consents(state.id)).map((c) => c.action)).toEqual(['requested']);
      const tokens = () =>
        t.dataSource.query<{ created_at: Date }[]>(
          `SELECT created_at FROM panel_tokens WHERE subscriber_id = $1`,
          [state.id],
        );
      expect(await tokens()).toHaveLength(1);

      // Ten minutes later, a new link may go out; the first one still works too.
      await t.dataSource.query(
        `UPDATE panel_tokens SET created_at = created_at - interval '11 minutes' WHERE subscriber_id = $1`,
        [state.id],
      );
      const second = await signUp(village, email, '203.0.113.13');
      expect(second).not.toBe(first);
      expect(await tokens()).toHaveLength(2);
      expect((await t.client().post('/api/panel/confirm', { token: first })).status).toBe(200);
      expect((await subscriber(village, email))?.status).toBe('subscribed');
    });

    it('a reused confirmation link answers 410 panel_confirm_link_used and changes nothing', async () => {
      const village = await t.factory.village();
      const email = newEmail();
      const token = await signUp(village, email);
      expect((await t.client().post('/api/panel/confirm', { token })).status).toBe(200);
      const confirmed = await subscriber(village, email);
      const reused = await t.client().post<ErrorBody>('/api/panel/confirm', { token });
      expect(reused.status).toBe(410);
      expect(reused.body.code).toBe(ErrorCode.PanelConfirmLinkUsed);
      expect(await subscriber(village, email)).toEqual(confirmed);
      expect((await consents(must(confirmed).id)).map((c) => c.action)).toEqual([
        'requested',
        'confirmed',
      ]);
    });

    it('an expired confirmation link answers 410 panel_confirm_link_expired and leaves the person pending', async () => {
      const village = await t.factory.village();
      const email = newEmail();
      const token = await signUp(village, email);
      await t.dataSource.query(
        `UPDATE panel_tokens SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`,
        [hashToken(token)],
      );
      const expired = await t.client().post<ErrorBody>('/api/panel/confirm', { token });
      expect(expired.status).toBe(410);
      expect(expired.body.code).toBe(ErrorCode.PanelConfirmLinkExpired);
      expect(expired.body.params).toEqual({ days: 7 });
      const state = await subscriber(village, email);
      expect(state?.status).toBe('pending');
      expect(state?.confirmed_at).toBeNull();
      const [row] = await t.dataSource.query(
        `SELECT used_at FROM panel_tokens WHERE token_hash = $1`,
        [hashToken(token)],
      );
      expect(row.used_at).toBeNull();
    });

    it('refuses unknown and malformed links, sign-ups without consent and malformed emails', async () => {
      const village = await t.factory.village();
      const unknown = await t
        .client()
        .post<ErrorBody>('/api/panel/confirm', { token: 'A'.repeat(43) });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe(ErrorCode.PanelConfirmLinkInvalid);
      const malformed = await t.client().post<ErrorBody>('/api/panel/confirm', { token: 'abc' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.details?.['token']?.[0]).toMatch(/not a complete link token/);

      const email = newEmail();
      const noConsent = await t
        .client()
        .post<ErrorBody>(`/api/panel/villages/${village.id}/sign-up`, { email, consent: false });
      expect(noConsent.status).toBe(400);
      expect(noConsent.body.code).toBe(ErrorCode.PanelConsentRequired);
      const badEmail = await t
        .client()
        .post<ErrorBody>(`/api/panel/villages/${village.id}/sign-up`, {
          email: 'anna@@example',
          consent: true,
        });
      expect(badEmail.status).toBe(400);
      expect(badEmail.body.details?.['email']?.[0]).toMatch(/must be an email address/);
      expect(await subscriber(village, email)).toBeUndefined();

      const noVillage = await t
        .client()
        .post<ErrorBody>(
          `/api/panel/villages/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/sign-up`,
          {
            email,
            consent: true,
          },
        );
      expect(noVillage.status).toBe(404);
    });
  });

  describe('leaving and coming back', () => {
    it('RFC 8058 one-click POST unsubscribes without cookies or CSRF; again is 200 with no change; preferences resubscribe', async () => {
      const village = await t.factory.village();
      const email = newEmail();
      await t.client().post('/api/panel/confirm', { token: await signUp(village, email) });
      const { id } = must(await subscriber(village, email));
      const token = unsubscribeToken(t.config.signingSecret, { kind: 'subscriber', id });

      const oneClick = await fetch(`${t.url}/api/unsubscribe/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(oneClick.status).toBe(200);
      expect(await oneClick.json()).toEqual({ unsubscribed: true });
      const left = await subscriber(village, email);
      expect(left?.status).toBe('unsubscribed');
      expect(left?.unsubscribed_at).not.toBeNull();

      const twice = await fetch(`${t.url}/api/unsubscribe/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(twice.status).toBe(200);
      expect(await subscriber(village, email)).toEqual(left);
      expect((await consents(id)).filter((c) => c.action === 'unsubscribed')).toHaveLength(1);

      const opened = await fetch(`${t.url}/api/unsubscribe/${token}`, { redirect: 'manual' });
      expect(opened.status).toBe(303);
      expect(opened.headers.get('location')).toBe(
        `http://blup.test/panel/preferences?token=${encodeURIComponent(token)}`,
      );

      const c = t.client('203.0.113.5');
      const prefs = await c.get<PanelPreferencesDto>(`/api/panel/preferences?token=${token}`);
      expect(prefs.status).toBe(200);
      expect(prefs.body).toEqual({
        kind: 'subscriber',
        email,
        name: 'Karen Holm',
        villageName: village.name,
        subscribed: false,
      });
      const back = await c.post<PanelPreferencesDto>('/api/panel/preferences', {
        token,
        subscribed: true,
      });
      expect(back.status).toBe(200);
      expect(back.body.subscribed).toBe(true);
      const resubscribed = await subscriber(village, email);
      expect(resubscribed?.status).toBe('subscribed');
      expect(resubscribed?.unsubscribed_at).toBeNull();
      expect((await consents(id)).map((x) => x.action)).toEqual([
        'requested',
        'confirmed',
        'unsubscribed',
        'resubscribed',
      ]);
      expect((await consents(id)).at(-1)?.ip).toBe('203.0.113.5');
    });

    it('a circle member leaves the newsletters (not the platform) with the one-click link, and comes back', async () => {
      const member = await t.factory.user({ role: Role.SteeringMember });
      const token = unsubscribeToken(t.config.signingSecret, { kind: 'user', id: member.id });
      const res = await fetch(`${t.url}/api/unsubscribe/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(res.status).toBe(200);
      const [row] = await t.dataSource.query(
        `SELECT newsletters_opted_out_at, disabled_at FROM users WHERE id = $1`,
        [member.id],
      );
      expect(row.newsletters_opted_out_at).not.toBeNull();
      expect(row.disabled_at).toBeNull();
      const prefs = await t
        .client()
        .get<PanelPreferencesDto>(`/api/panel/preferences?token=${token}`);
      expect(prefs.body).toMatchObject({ kind: 'user', email: member.email, subscribed: false });
      const back = await t
        .client()
        .post<PanelPreferencesDto>('/api/panel/preferences', { token, subscribed: true });
      expect(back.body.subscribed).toBe(true);
      const [after] = await t.dataSource.query(
        `SELECT newsletters_opted_out_at FROM users WHERE id = $1`,
        [member.id],
      );
      expect(after.newsletters_opted_out_at).toBeNull();
    });

    it('a forged or tampered unsubscribe link is refused and changes nothing', async () => {
      const village = await t.factory.village();
      const email = newEmail();
      await t.client().post('/api/panel/confirm', { token: await signUp(village, email) });
      const { id } = must(await subscriber(village, email));
      const forged = unsubscribeToken('not-our-secret', { kind: 'subscriber', id });
      const res = await fetch(`${t.url}/api/unsubscribe/${forged}`, { method: 'POST' });
      expect(res.status).toBe(404);
      expect(((await res.json()) as ErrorBody).code).toBe(ErrorCode.PanelUnsubscribeLinkInvalid);
      const prefs = await t
        .client()
        .post<ErrorBody>('/api/panel/preferences', { token: forged, subscribed: false });
      expect(prefs.status).toBe(404);
      expect((await subscriber(village, email))?.status).toBe('subscribed');
    });
  });

  describe('the subscriber list and CSV import', () => {
    it('imports with bad rows, duplicates and earlier leavers, all accounted for', async () => {
      const municipality = await t.factory.municipality();
      const village = await t.factory.village(municipality);
      const lead = await t.factory.user({
        role: Role.SteeringMember,
        village,
        coordinationGroup: true,
      });
      const c = t.client();
      expect(
        (await c.post('/api/auth/login', { email: lead.email, password: lead.password })).status,
      ).toBe(200);

      // Someone already confirmed, someone waiting, someone who left.
      const known = newEmail('kendt');
      await t.client().post('/api/panel/confirm', { token: await signUp(village, known) });
      const waiting = newEmail('venter');
      await signUp(village, waiting);
      const leaver = newEmail('gaaet');
      await t.client().post('/api/panel/confirm', { token: await signUp(village, leaver) });
      const leaverId = must(await subscriber(village, leaver)).id;
      await fetch(
        `${t.url}/api/unsubscribe/${unsubscribeToken(t.config.signingSecret, { kind: 'subscriber', id: leaverId })}`,
        {
          method: 'POST',
          body: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
      );

      const a = newEmail('ny');
      const b = newEmail('ny');
      const csv = [
        '\uFEFFNavn;E-mail',
        `Anne Ny;${a}`,
        'Ikke en mail;anne.at.example.dk',
        `Bo Ny;${b.toUpperCase()}`,
        `Anne igen;${a}`,
        `Kendt;${known}`,
        `Venter;${waiting}`,
        `Gået;${leaver}`,
        '',
        ';',
      ].join('\r\n');

      const noAttest = await c.post<ErrorBody>(`/api/panel/villages/${village.id}/import`, {
        csv,
        attestation: false,
      });
      expect(noAttest.status).toBe(400);
      expect(noAttest.body.code).toBe(ErrorCode.PanelAttestationRequired);

      const res = await c.post<PanelImportResult>(`/api/panel/villages/${village.id}/import`, {
        csv,
        attestation: true,
        attestationText: 'Alle har sagt ja på borgermødet 12. november.',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ added: 2, merged: 3, invalid: 2, skipped: 1 });
      expect(res.body.report).toEqual([
        { row: 3, value: 'Ikke en mail;anne.at.example.dk', reason: 'invalid_email' },
        { row: 8, value: leaver, reason: 'skipped_unsubscribed' },
        { row: 10, value: ';', reason: 'invalid_email' },
      ]);

      expect((await subscriber(village, a))?.status).toBe('subscribed');
      expect((await subscriber(village, b))?.status).toBe('subscribed');
      expect((await subscriber(village, waiting))?.status).toBe('subscribed');
      expect((await subscriber(village, leaver))?.status).toBe('unsubscribed');
      const imported = await consents(must(await subscriber(village, a)).id);
      expect(imported).toEqual([
        // The importer's network address, as for every other consent record.
        expect.objectContaining({ action: 'imported', actor_id: lead.id, ip: expect.any(String) }),
      ]);
      const [stored] = await t.dataSource.query(
        `SELECT created_by_id, attestation, added, merged, invalid, jsonb_array_length(report) AS n
           FROM panel_imports WHERE id = $1`,
        [res.body.id],
      );
      expect(stored).toEqual({
        created_by_id: lead.id,
        attestation: 'Alle har sagt ja på borgermødet 12. november.',
        added: 2,
        merged: 3,
        invalid: 2,
        n: 3,
      });

      const list = await c.get<PanelSubscriberPage>(
        `/api/panel/villages/${village.id}/subscribers?status=subscribed&pageSize=2`,
      );
      expect(list.status).toBe(200);
      expect(list.body.counts).toEqual({ pending: 0, subscribed: 4, unsubscribed: 1 });
      expect(list.body.total).toBe(4);
      expect(list.body.items).toHaveLength(2);
      expect(list.body.pageSize).toBe(2);
      const search = await c.get<PanelSubscriberPage>(
        `/api/panel/villages/${village.id}/subscribers?q=${encodeURIComponent('Bo Ny')}`,
      );
      expect(search.body.items.map((s) => s.email)).toEqual([b]);

      // A multipart upload works the same way.
      const form = new FormData();
      form.append('attestation', 'true');
      form.append(
        'file',
        new Blob([`email,name\n${newEmail('fil')},Fil\nnope,Nej\n`]),
        'liste.csv',
      );
      const upload = await fetch(`${t.url}/api/panel/villages/${village.id}/import`, {
        method: 'POST',
        body: form,
        headers: {
          cookie: `${c['cookieHeader']()}`,
          'x-xsrf-token': c.cookie('XSRF-TOKEN') ?? '',
        },
      });
      expect(upload.status).toBe(200);
      expect(await upload.json()).toMatchObject({ added: 1, invalid: 1, merged: 0 });

      // Excel's encodings: "Unicode text" (UTF-16 with a byte-order mark) had every row refused,
      // a Danish CSV (Windows-1252) lost æ, ø and å to replacement characters.
      const sendFile = async (bytes: Buffer) => {
        const f = new FormData();
        f.append('attestation', 'true');
        f.append('file', new Blob([new Uint8Array(bytes)]), 'liste.csv');
        const r = await fetch(`${t.url}/api/panel/villages/${village.id}/import`, {
          method: 'POST',
          body: f,
          headers: {
            cookie: `${c['cookieHeader']()}`,
            'x-xsrf-token': c.cookie('XSRF-TOKEN') ?? '',
          },
        });
        return { status: r.status, body: (await r.json()) as PanelImportResult };
      };
      const utf16 = newEmail('utf16');
      const wide = await sendFile(
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(`email;navn\r\n${utf16};Søren Å\r\nikke-en-mail;X\r\n`, 'utf16le'),
        ]),
      );
      expect(wide.status).toBe(200);
      expect(wide.body).toMatchObject({ added: 1, invalid: 1 });
      expect(wide.body.report).toEqual([
        { row: 3, value: 'ikke-en-mail;X', reason: 'invalid_email' },
      ]);
      const nameOf = async (email: string): Promise<string | undefined> =>
        (
          (await t.dataSource.query(
            `SELECT name FROM panel_subscribers WHERE village_id = $1 AND email = $2`,
            [village.id, email],
          )) as { name: string }[]
        )[0]?.name;
      expect(await nameOf(utf16)).toBe('Søren Å');
      const latin = newEmail('latin1');
      const danish = await sendFile(
        Buffer.from(`E-mail;Navn\r\n${latin};Æble Ødegård\r\n`, 'latin1'),
      );
      expect(danish.status).toBe(200);
      expect(danish.body).toMatchObject({ added: 1, invalid: 0 });
      expect(await nameOf(latin)).toBe('Æble Ødegård');

      // A NUL in a bad row went into the stored jsonb report: PostgreSQL refused it (a 500).
      const nul = await c.post<PanelImportResult>(`/api/panel/villages/${village.id}/import`, {
        csv: `${newEmail('nul')}\nikke\u0000en-mail\n`,
        attestation: true,
      });
      expect(nul.status).toBe(200);
      expect(nul.body.report).toEqual([{ row: 2, value: 'ikke?en-mail', reason: 'invalid_email' }]);

      const removed = await c.delete(`/api/panel/villages/${village.id}/subscribers/${leaverId}`);
      expect(removed.status).toBe(204);
      expect(await subscriber(village, leaver)).toBeUndefined();
      expect(await consents(leaverId)).toEqual([]);
    });

    it('who may see, import and remove: 404 outside scope, 403 for plain members', async () => {
      const municipality = await t.factory.municipality();
      const village = await t.factory.village(municipality);
      const body = { csv: `${newEmail()}`, attestation: true };
      const as = async (spec: Parameters<TestApp['factory']['user']>[0]) => {
        const user = await t.factory.user(spec);
        const c = t.client();
        await c.post('/api/auth/login', { email: user.email, password: user.password });
        return c;
      };
      const member = await as({ role: Role.SteeringMember, village });
      const otherLead = await as({ role: Role.SteeringMember, coordinationGroup: true });
      const coordinator = await as({ role: Role.Coordinator, municipality });
      const otherCoordinator = await as({ role: Role.Coordinator });
      const secretariat = await as({ role: Role.Secretariat });
      const learner = await as({ role: Role.Learner, municipality });

      const list = `/api/panel/villages/${village.id}/subscribers`;
      const imp = `/api/panel/villages/${village.id}/import`;
      expect((await member.get(list)).status).toBe(403);
      expect((await member.post(imp, body)).status).toBe(403);
      expect((await otherLead.get(list)).status).toBe(404);
      expect((await otherCoordinator.post(imp, body)).status).toBe(404);
      expect((await learner.get(list)).status).toBe(404);
      expect((await coordinator.get(list)).status).toBe(200);
      expect((await coordinator.post(imp, body)).status).toBe(200);
      expect((await secretariat.get(list)).status).toBe(200);
      expect((await t.client().get(list)).status).toBe(401);
      const someone = (await t.dataSource.query(
        `SELECT id FROM panel_subscribers WHERE village_id = $1`,
        [village.id],
      )) as { id: string }[];
      expect((await member.delete(`${list}/${someone[0].id}`)).status).toBe(403);
      expect((await otherLead.delete(`${list}/${someone[0].id}`)).status).toBe(404);
    });
  });
});

/** Its own app and Redis prefix with a low limit, so no other suite meets this counter. */
describe('citizen panel sign-up rate limit', () => {
  let t: TestApp;
  const prefix = `${process.env['REDIS_PREFIX']}_panel_rl`;
  beforeAll(async () => {
    t = await startTestApp({ REDIS_PREFIX: prefix, SIGNIN_LIMIT_PER_IP: '2' });
  });
  afterAll(async () => {
    await t.close();
    await deleteRedisKeys(TEST_REDIS_URL, `${prefix}:`);
  });

  it('answers 429 with Retry-After once one network has signed up too often, and records nothing', async () => {
    const village = await t.factory.village();
    const c = t.client('198.51.100.200');
    for (let i = 0; i < 2; i++) {
      const ok = await c.post(`/api/panel/villages/${village.id}/sign-up`, {
        email: newEmail(),
        consent: true,
      });
      expect(ok.status).toBe(202);
    }
    const email = newEmail();
    const limited = await c.post<ErrorBody>(`/api/panel/villages/${village.id}/sign-up`, {
      email,
      consent: true,
    });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe(ErrorCode.PanelSignUpRateLimited);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const rows = await t.dataSource.query(
      `SELECT 1 FROM panel_subscribers WHERE village_id = $1 AND email = $2`,
      [village.id, email],
    );
    expect(rows).toEqual([]);
    // Another network is not affected.
    const other = await t
      .client('198.51.100.201')
      .post(`/api/panel/villages/${village.id}/sign-up`, { email, consent: true });
    expect(other.status).toBe(202);
  });
});
