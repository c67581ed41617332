import {
  ErasureState,
  ErrorCode,
  Role,
  type CalendarFeedDto,
  type ErasureAuditEntryDto,
  type ErasureRequestDto,
  type ErrorBody,
  type HotlineThreadDto,
  type MyErasureDto,
  type Page,
} from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import { unsubscribeToken } from '../src/app/citizen-panel/unsubscribe-link';
import type { User, Village } from '../src/app/database/entities';
import { FileStore } from '../src/app/files/file-store';
import { ErasureRunner } from '../src/app/privacy/erasure-runner.service';
import { startTestApp, type TestApp } from './harness';
import type { TestClient } from './http-client';
import { signInAs } from './sign-in';
import { villageWorld, type VillagePerson } from './village-world';

/**
 * Erasure over the real API and worker: a person seeded into every corner of the database is
 * erased (after a run that fails part-way and is re-run), and afterwards no text column anywhere
 * holds their name or address, the counts stay, their work stays, their cookie and calendar feed
 * are dead; the cool-off scan picks only what is due; only the secretariat handles others'
 * requests; a panel member erases themselves from the preferences link.
 */
const suffix = randomBytes(3).toString('hex');
const NAME = `Anne Bøgh Kjærsgaard${suffix}`;
const EMAIL = `anne.kjaer.${suffix}@example.dk`;

let t: TestApp;
let as: Record<VillagePerson, TestClient>;
let glumso: Village;
let person: User;
let personClient: TestClient;
let feedPath: string;
let exportFile: string;
const ids: Record<string, string> = {};

const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
  t.dataSource.query(sql, params);

/** Every text-like column of every table (as the test reads it, not as the code does). */
async function textColumns(): Promise<{ table: string; column: string }[]> {
  return q(`
    SELECT c.table_name AS table, c.column_name AS column
      FROM information_schema.columns c
      JOIN information_schema.tables tb
        ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
     WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
       AND (c.data_type IN ('text', 'character varying', 'jsonb', 'ARRAY', 'character'))`);
}

/** "table.column" of every column holding one of the texts (case-insensitively). */
async function columnsHolding(texts: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const { table, column } of await textColumns()) {
    const conditions = texts.map((_, i) => `"${column}"::text ILIKE $${i + 1}`).join(' OR ');
    const rows = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE ${conditions}`,
      texts.map((text) => `%${text}%`),
    );
    if (rows[0].n > 0) found.push(`${table}.${column}`);
  }
  return found.sort();
}

async function waitForState(id: string, states: ErasureState[]): Promise<ErasureRequestDto> {
  for (let i = 0; i < 200; i += 1) {
    const res = await as.secretariat.get<Page<ErasureRequestDto>>(
      '/api/privacy/erasure-requests?pageSize=100',
    );
    const found = res.body.items.find((r) => r.id === id);
    if (found && states.includes(found.state)) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`erasure ${id} never reached ${states.join('/')}`);
}

async function aggregates(): Promise<unknown> {
  const [attendance] = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM session_attendance WHERE session_id = $1`,
    [ids.session],
  );
  const deliveries = await q(
    `SELECT status, count(*)::int AS n FROM newsletter_deliveries WHERE newsletter_id = $1
      GROUP BY status ORDER BY status`,
    [ids.newsletter],
  );
  const places = await q(
    `SELECT gathering_id, sum(places)::int AS places, count(*)::int AS n
       FROM gathering_registrations WHERE gathering_id = ANY($1)
      GROUP BY gathering_id ORDER BY gathering_id`,
    [[ids.gathering, ids.guestGathering]],
  );
  const [enrolments] = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM enrolments WHERE offering_id = $1`,
    [ids.offering],
  );
  return { attendance: attendance.n, deliveries, places, enrolments: enrolments.n };
}

beforeAll(async () => {
  t = await startTestApp();
  const world = await villageWorld(t, suffix, ['glumso']);
  ({ as, glumso } = world);
  const f = t.factory;
  person = await f.user({ role: Role.SteeringMember, village: glumso, name: NAME, email: EMAIL });
  personClient = await signInAs(t, person);
  await signInAs(t, person); // a second session, on another device
  const other = world.users.member;

  // The calendar feed.
  const feed = await personClient.get<CalendarFeedDto>('/api/me/calendar-feed');
  expect(feed.status).toBe(200);
  feedPath = new URL(feed.body.url).pathname;
  expect((await t.client().get(feedPath)).status).toBe(200);

  // A hotline question, and the secretariat's answer that names them.
  const asked = await personClient.post<HotlineThreadDto>('/api/hotline/requests', {
    subject: `Spørgsmål fra ${NAME}`,
    body: `Skriv til mig på ${EMAIL.toUpperCase()}. Hilsen ${NAME}`,
    pagePath: '/landsby',
  });
  expect(asked.status).toBe(201);
  ids.hotline = asked.body.id;
  const answer = await as.secretariat.post(`/api/hotline/requests/${asked.body.id}/messages`, {
    body: `Hej ${NAME}, tak for dit spørgsmål.`,
  });
  expect(answer.status).toBe(201);

  // Gatherings: registered as the account, and as a guest by email; others too.
  const [gathering] = await q<{ id: string }>(
    `INSERT INTO gatherings (title, starts_at, ends_at, capacity, minutes)
     VALUES ('Fremtidsværksted', now() + interval '10 days', now() + interval '10 days 2 hours', 50,
             $1) RETURNING id`,
    [`Referat: ${NAME} fortalte om hallen (skriv til ${EMAIL}).`],
  );
  const [guestGathering] = await q<{ id: string }>(
    `INSERT INTO gatherings (title, starts_at, ends_at, capacity)
     VALUES ('Infomøde', now() + interval '20 days', now() + interval '20 days 1 hour', 50)
     RETURNING id`,
  );
  ids.gathering = gathering.id;
  ids.guestGathering = guestGathering.id;
  await q(
    `INSERT INTO gathering_registrations (gathering_id, user_id, name, email, cancel_token_hash,
       places, answers, status)
     VALUES ($1, $2, $3, $4, $5, 2, $6, 'confirmed'),
            ($1, NULL, 'Bo Hansen', $7, $8, 1, '{}', 'confirmed')`,
    [
      gathering.id,
      person.id,
      NAME,
      EMAIL,
      `c-${suffix}-1`,
      JSON.stringify({ diet: `Vegetar (${NAME})` }),
      `bo.${suffix}@example.dk`,
      `c-${suffix}-2`,
    ],
  );
  await q(
    `INSERT INTO gathering_registrations (gathering_id, name, email, cancel_token_hash, places,
       status)
     VALUES ($1, $2, $3, $4, 3, 'confirmed')`,
    [guestGathering.id, NAME, EMAIL, `c-${suffix}-3`],
  );

  // The citizen panel and a newsletter delivered to them (as subscriber and as member).
  const [subscriber] = await q<{ id: string }>(
    `INSERT INTO panel_subscribers (village_id, email, name, source, status)
     VALUES ($1, $2, $3, 'signup', 'subscribed') RETURNING id`,
    [glumso.id, EMAIL, NAME],
  );
  const [newsletter] = await q<{ id: string }>(
    `INSERT INTO newsletters (subject, web_token, village_id, blocks, created_by_id)
     VALUES ('Nyt fra Glumsø', $1, $2, $3, $4) RETURNING id`,
    [
      `web-${suffix}`,
      glumso.id,
      JSON.stringify([{ kind: 'text', text: `Tak til "${NAME}" for kagen!` }]),
      other.id,
    ],
  );
  ids.newsletter = newsletter.id;
  await q(
    `INSERT INTO newsletter_deliveries (newsletter_id, subscriber_id, email, name, message_id, status)
     VALUES ($1, $2, $3, $4, $5, 'sent')`,
    [newsletter.id, subscriber.id, EMAIL, NAME, `m1-${suffix}`],
  );
  await q(
    `INSERT INTO newsletter_deliveries (newsletter_id, email, name, message_id, status)
     VALUES ($1, $2, 'Bo Hansen', $3, 'bounced')`,
    [newsletter.id, `bo.${suffix}@example.dk`, `m2-${suffix}`],
  );
  await q(
    `INSERT INTO panel_imports (village_id, created_by_id, attestation, consent_text_version, report)
     VALUES ($1, $2, 'De har sagt ja', 'v1', $3)`,
    [glumso.id, other.id, JSON.stringify([{ line: 2, email: EMAIL, problem: 'dublet' }])],
  );

  // An initiative they lead (named in its partners too), an idea they help with.
  const [area] = await q<{ id: string }>(
    `INSERT INTO focus_areas (village_id, name, position) VALUES ($1, 'Hallen', 1) RETURNING id`,
    [glumso.id],
  );
  const [initiative] = await q<{ id: string }>(
    `INSERT INTO initiatives (village_id, focus_area_id, title, partners)
     VALUES ($1, $2, 'Ny hal', $3) RETURNING id`,
    [glumso.id, area.id, ['Idrætsforeningen', `${NAME} (frivillig)`]],
  );
  await q(
    `INSERT INTO initiative_people (initiative_id, kind, position, name, email, phone, user_id)
     VALUES ($1, 'contact', 1, $2, $3, '+45 12 34 56 78', $4)`,
    [initiative.id, NAME, EMAIL, person.id],
  );
  const [list] = await q<{ id: string }>(
    `INSERT INTO idea_lists (village_id, title, public_token) VALUES ($1, 'Idéer', $2) RETURNING id`,
    [glumso.id, `list-${suffix}`],
  );
  ids.list = list.id;
  ids.initiative = initiative.id;
  const [idea] = await q<{ id: string }>(
    `INSERT INTO ideas (list_id, title, position) VALUES ($1, 'Bålplads', 1) RETURNING id`,
    [list.id],
  );
  await q(
    `INSERT INTO idea_helpers (list_id, idea_id, voter_hash, name, email, phone, consent_version)
     VALUES ($1, $2, $3, $4, $5, '22334455', 'v1')`,
    [list.id, idea.id, 'h'.repeat(64), NAME, EMAIL],
  );

  // An application naming them as contact; an enrolment; attendance at a session.
  const [offering] = await q<{ id: string }>(
    `INSERT INTO offerings (kind, name, cohort_id) VALUES ('cohort', $1, $2) RETURNING id`,
    [`Forløb ${suffix}`, world.cohort.id],
  );
  ids.offering = offering.id;
  await q(
    `INSERT INTO applications (offering_id, village_name, new_village, municipality_id,
       contact_name, contact_email, funding_status, applicant_name, applicant_email)
     VALUES ($1, 'Glumsø', false, $2, $3, $4, 'requested', 'Bo Hansen', $5)`,
    [offering.id, world.naestved.id, NAME, EMAIL, `bo.${suffix}@example.dk`],
  );
  await q(
    `INSERT INTO enrolments (offering_id, status, payer, user_id, cancel_reason)
     VALUES ($1, 'enrolled', 'municipality', $2, NULL), ($1, 'enrolled', 'municipality', $3, NULL)`,
    [offering.id, person.id, other.id],
  );
  const [circle] = await q<{ id: string }>(
    `INSERT INTO circles (cohort_id, kind, village_id) VALUES ($1, 'village', $2) RETURNING id`,
    [world.cohort.id, glumso.id],
  );
  const [session] = await q<{ id: string }>(
    `INSERT INTO circle_sessions (circle_id, title, phase, starts_at, ends_at, next_steps)
     VALUES ($1, 'Kickoff', 'kickoff', now() - interval '2 days', now() - interval '2 days' + interval '2 hours', $2)
     RETURNING id`,
    [circle.id, JSON.stringify([{ text: `${NAME} spørger kommunen`, owner: NAME }])],
  );
  ids.session = session.id;
  await q(
    `INSERT INTO session_attendance (session_id, user_id, status) VALUES ($1, $2, 'present'),
       ($1, $3, 'present')`,
    [session.id, person.id, other.id],
  );

  // An export of their data, ready to download: the zip goes with them.
  exportFile = `privacy-exports/${suffix}.zip`;
  await t.app.get(FileStore).put(exportFile, Buffer.from(`zip of ${NAME}`), 'application/zip');
  await q(
    `INSERT INTO privacy_exports (subject_kind, user_id, requested_by_id, status, file_key)
     VALUES ('user', $1, $1, 'ready', $2)`,
    [person.id, `privacy-exports/${suffix}.zip`],
  );

  // A goal they wrote: the village's, it stays.
  const [goal] = await q<{ id: string }>(
    `INSERT INTO village_goals (village_id, title, sdgs, created_by, owner)
     VALUES ($1, 'Flere frivillige', '{3}', $2, $3) RETURNING id`,
    [glumso.id, person.id, NAME],
  );
  ids.goal = goal.id;
}, 60_000);

afterAll(() => t.close());

describe('asking, undoing and the access matrix', () => {
  it('lets a person ask once, see it, and undo it during the cool-off', async () => {
    const none = await personClient.get<MyErasureDto>('/api/me/privacy/erasure');
    expect(none.body).toEqual({ request: null, coolOffDays: 14 });
    const asked = await personClient.post<ErasureRequestDto>('/api/me/privacy/erasure', {
      reason: 'Jeg flytter',
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      state: ErasureState.CoolingOff,
      userId: person.id,
      subjectKind: 'user',
    });
    const days = (Date.parse(asked.body.eraseAfter) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    const again = await personClient.post<ErrorBody>('/api/me/privacy/erasure', {});
    expect([again.status, again.body.code]).toEqual([409, ErrorCode.ErasurePending]);
    const mine = await personClient.get<MyErasureDto>('/api/me/privacy/erasure');
    expect(mine.body.request?.id).toBe(asked.body.id);
    // The person hears of it by mail, with the day and the way back.
    const told = await t.smtp.waitForSubject(person.email, (s) => s.startsWith('Dine oplysninger'));
    expect(told.subject).toMatch(/^Dine oplysninger slettes den \d{1,2}\. \w+ \d{4}$/);
    expect(told.text).toContain('fortryd det på din profil');
    expect(told.html).toContain('href="http://blup.test/profile"');

    // Nobody but the secretariat handles someone else's request.
    for (const who of ['member', 'otherMember', 'coordinator', 'learner'] as VillagePerson[]) {
      for (const action of ['approve', 'cancel', 'retry']) {
        const res = await as[who].post(`/api/privacy/erasure-requests/${asked.body.id}/${action}`);
        expect([who, action, res.status]).toEqual([who, action, 403]);
      }
      for (const path of [
        '/api/privacy/erasure-requests',
        `/api/privacy/erasure-requests/${asked.body.id}/audit`,
      ]) {
        expect([who, path, (await as[who].get(path)).status]).toEqual([who, path, 403]);
      }
      const create = await as[who].post('/api/privacy/erasure-requests', { userId: person.id });
      expect([who, create.status]).toEqual([who, 403]);
      // Their own "mine" is not the person's request.
      const theirs = await as[who].get<MyErasureDto>('/api/me/privacy/erasure');
      expect(theirs.body.request).toBeNull();
      expect((await as[who].delete('/api/me/privacy/erasure')).status).toBe(404);
    }

    const undone = await personClient.delete<ErasureRequestDto>('/api/me/privacy/erasure');
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ state: ErasureState.Cancelled, subjectLabel: null });
    const twice = await personClient.delete<ErrorBody>('/api/me/privacy/erasure');
    expect([twice.status, twice.body.code, twice.body.params]).toEqual([
      409,
      ErrorCode.ErasureNotOpen,
      { state: 'cancelled' },
    ]);
  });

  it('lets the secretariat open, list, cancel and read the log of anyone’s request', async () => {
    const someone = await t.factory.user();
    const opened = await as.secretariat.post<ErasureRequestDto>('/api/privacy/erasure-requests', {
      userId: someone.id,
      reason: 'Ringede',
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      state: ErasureState.CoolingOff,
      subjectLabel: someone.name,
      reason: 'Ringede',
    });
    const twice = await as.secretariat.post<ErrorBody>('/api/privacy/erasure-requests', {
      email: someone.email,
    });
    expect([twice.status, twice.body.code]).toEqual([409, ErrorCode.ErasurePending]);
    const cooling = await as.secretariat.get<Page<ErasureRequestDto>>(
      '/api/privacy/erasure-requests?state=cooling_off',
    );
    expect(cooling.body.items.map((r) => r.id)).toContain(opened.body.id);
    expect(cooling.body.items.every((r) => r.state === ErasureState.CoolingOff)).toBe(true);
    const search = async (q: string) =>
      (
        await as.secretariat.get<Page<ErasureRequestDto>>(
          `/api/privacy/erasure-requests?pageSize=100&q=${encodeURIComponent(q)}`,
        )
      ).body.items.map((r) => r.id);
    expect(await search(someone.name.toUpperCase())).toEqual([opened.body.id]);
    expect(await search(someone.email)).toEqual([opened.body.id]);
    expect(await search(`${someone.name}%`)).toEqual([]);
    const cancelled = await as.secretariat.post<ErasureRequestDto>(
      `/api/privacy/erasure-requests/${opened.body.id}/cancel`,
    );
    expect(cancelled.body).toMatchObject({ state: ErasureState.Cancelled, subjectLabel: null });
    const retry = await as.secretariat.post<ErrorBody>(
      `/api/privacy/erasure-requests/${opened.body.id}/retry`,
    );
    expect([retry.status, retry.body.params]).toEqual([409, { state: 'cancelled' }]);
    const log = await as.secretariat.get<Page<ErasureAuditEntryDto>>(
      `/api/privacy/erasure-requests/${opened.body.id}/audit`,
    );
    expect(log.body.items.map((e) => e.event)).toEqual(['requested', 'cancelled']);
    const missing = await as.secretariat.get(
      '/api/privacy/erasure-requests/3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b/audit',
    );
    expect(missing.status).toBe(404);
  });

  it('keeps the last secretariat member', async () => {
    // Other specs of the run share the database: for a moment ours is the only active one.
    const me = (await as.secretariat.get<{ id: string }>('/api/auth/me')).body.id;
    const others = await q<{ id: string }>(
      `UPDATE users SET disabled_at = now()
        WHERE role = 'secretariat' AND disabled_at IS NULL AND id <> $1 RETURNING id`,
      [me],
    );
    try {
      const self = await as.secretariat.post<ErrorBody>('/api/me/privacy/erasure', {});
      expect([self.status, self.body.code]).toEqual([409, ErrorCode.ErasureLastSecretariat]);
      const forMe = await as.secretariat.post<ErrorBody>('/api/privacy/erasure-requests', {
        userId: me,
      });
      expect([forMe.status, forMe.body.code]).toEqual([409, ErrorCode.ErasureLastSecretariat]);
    } finally {
      await q(`UPDATE users SET disabled_at = NULL WHERE id = ANY($1)`, [others.map((o) => o.id)]);
    }
  });

  it('takes an address pasted with an invisible character as the address it shows', async () => {
    // A zero-width space or soft hyphen copied along from a mail or web page: unseen, and an
    // erasure of that "other" address would end done with nothing erased.
    const someone = await t.factory.user();
    const opened = await as.secretariat.post<ErasureRequestDto>('/api/privacy/erasure-requests', {
      email: `\u200b${someone.email.replace('@', '\u00ad@')}\u2060`,
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ subjectKind: 'user', userId: someone.id });
    const cancelled = await as.secretariat.post(
      `/api/privacy/erasure-requests/${opened.body.id}/cancel`,
    );
    expect(cancelled.status).toBe(200);
  });

  it('refuses malformed input with a 400', async () => {
    const badId = await as.secretariat.post<ErrorBody>(
      '/api/privacy/erasure-requests/not-an-id/approve',
    );
    expect([badId.status, badId.body.code]).toEqual([400, ErrorCode.InvalidId]);
    const both = await as.secretariat.post<ErrorBody>('/api/privacy/erasure-requests', {
      userId: person.id,
      email: EMAIL,
    });
    expect(both.status).toBe(400);
    expect(both.body.message).toMatch(/not both/);
    const neither = await as.secretariat.post('/api/privacy/erasure-requests', {});
    expect(neither.status).toBe(400);
    const unknown = await as.secretariat.post('/api/privacy/erasure-requests', {
      email: 'x@example.dk',
      admin: true,
    });
    expect(unknown.status).toBe(400);
    const badEmail = await as.secretariat.post('/api/privacy/erasure-requests', {
      email: 'not an address',
    });
    expect(badEmail.status).toBe(400);
    const badState = await as.secretariat.get('/api/privacy/erasure-requests?state=gone');
    expect(badState.status).toBe(400);
    const reason = await personClient.post('/api/me/privacy/erasure', { reason: 5 });
    expect(reason.status).toBe(400);
    const token = await t.client().post('/api/panel/preferences/erase', { token: 'nope' });
    expect(token.status).toBe(400);
  });
});

describe('the erasure', () => {
  let request: ErasureRequestDto;
  let before: unknown;

  it('stops part-way on a failing step, and a re-run finishes what it left', async () => {
    before = await aggregates();
    const opened = await as.secretariat.post<ErasureRequestDto>('/api/privacy/erasure-requests', {
      email: EMAIL.toUpperCase(), // the address of an account: that account's erasure
      reason: 'Bad om sletning pr. telefon',
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ subjectKind: 'user', userId: person.id });
    // A step that fails the first time: initiative_people refuses deletes for a while.
    await q(`CREATE FUNCTION refuse_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the disk is full'; END $$`);
    await q(`CREATE TRIGGER refuse_erasure BEFORE DELETE ON initiative_people
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_erasure()`);
    const approved = await as.secretariat.post<ErasureRequestDto>(
      `/api/privacy/erasure-requests/${opened.body.id}/approve`,
    );
    expect([approved.status, approved.body.state]).toEqual([200, ErasureState.Approved]);
    const failed = await waitForState(opened.body.id, [ErasureState.Failed]);
    expect(failed.lastError).toContain('table:initiative_people');
    expect(failed.lastError).toContain('the disk is full');
    expect(failed.stepsDone).toBeGreaterThan(2);
    expect(failed.stepsDone).toBeLessThan(failed.stepsTotal);
    // Sessions went first: the person is out already.
    expect((await personClient.get('/api/me/privacy/erasure')).status).toBe(401);
    // Only a failed request is re-run; a done step is not done again.
    await q(`DROP TRIGGER refuse_erasure ON initiative_people`);
    await q(`DROP FUNCTION refuse_erasure()`);
    const retried = await as.secretariat.post<ErasureRequestDto>(
      `/api/privacy/erasure-requests/${opened.body.id}/retry`,
    );
    expect([retried.status, retried.body.state]).toEqual([200, ErasureState.Approved]);
    request = await waitForState(opened.body.id, [ErasureState.Done, ErasureState.Failed]);
    expect(request).toMatchObject({
      state: ErasureState.Done,
      userId: null,
      subjectLabel: null,
      reason: null,
      lastError: null,
    });
    expect(request.stepsDone).toBe(request.stepsTotal);
    const again = await as.secretariat.post<ErrorBody>(
      `/api/privacy/erasure-requests/${request.id}/retry`,
    );
    expect([again.status, again.body.code, again.body.params]).toEqual([
      409,
      ErrorCode.ErasureNotOpen,
      { state: 'done' },
    ]);
  });

  it('logged each step once, and never the erased data', async () => {
    const [row] = await q<{ steps_done: string[]; attempts: number }>(
      `SELECT steps_done, attempts FROM erasure_requests WHERE id = $1`,
      [request.id],
    );
    expect(new Set(row.steps_done).size).toBe(row.steps_done.length);
    expect(row.steps_done[0]).toBe('sessions');
    expect(row.steps_done.at(-1)).toBe('finish');
    expect(row.steps_done.indexOf('table:newsletter_deliveries')).toBeLessThan(
      row.steps_done.indexOf('table:panel_subscribers'),
    );
    expect(row.attempts).toBe(1);
    const audit = await as.secretariat.get<Page<ErasureAuditEntryDto>>(
      `/api/privacy/erasure-requests/${request.id}/audit?pageSize=100`,
    );
    expect(audit.status).toBe(200);
    const events = audit.body.items.map((e) => e.event);
    const steps = events.filter((e) => e.startsWith('step:'));
    expect(steps).toEqual(row.steps_done.map((s) => `step:${s}`));
    expect(events).toEqual(
      expect.arrayContaining(['requested', 'approved', 'failed', 'retried', 'done']),
    );
    // Oldest first, as it happened: events of one transaction each have their own time.
    expect([events[0], events.at(-2), events.at(-1)]).toEqual(['requested', 'step:finish', 'done']);
    const [times] = await q<{ n: number; distinct: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT at)::int AS distinct FROM erasure_audit
        WHERE request_id = $1`,
      [request.id],
    );
    expect(times.distinct).toBe(times.n);
    const scrub = audit.body.items.find((e) => e.event === 'step:scrub');
    expect(scrub?.rows).toBeGreaterThan(3);
    const text = JSON.stringify(audit.body.items).toLowerCase();
    expect(text).not.toContain(EMAIL.toLowerCase());
    expect(text).not.toContain(NAME.toLowerCase());
  });

  it('left the name and address in no text column of any table', async () => {
    const [first, last] = [NAME.split(' ')[0], NAME.split(' ').at(-1) as string];
    expect(await columnsHolding([EMAIL, NAME, last, `${first} Bøgh`])).toEqual([]);
  });

  it('kept the counts and the village’s work', async () => {
    expect(await aggregates()).toEqual(before);
    const [goal] = await q<{ created_by: string; owner: string }>(
      `SELECT created_by, owner FROM village_goals WHERE id = $1`,
      [ids.goal],
    );
    expect(goal).toEqual({ created_by: person.id, owner: '[slettet]' });
    const [account] = await q<{ name: string; email: string; password_hash: string | null }>(
      `SELECT name, email, password_hash, disabled_at FROM users WHERE id = $1`,
      [person.id],
    );
    expect(account).toMatchObject({ name: 'Slettet person', password_hash: null });
    expect(account.email).toMatch(/^slettet-[0-9a-f-]{36}@slettet\.invalid$/);
    const [counts] = await q<{ subs: number; helpers: number; people: number }>(
      `SELECT (SELECT count(*)::int FROM panel_subscribers WHERE village_id = $1) AS subs,
              (SELECT count(*)::int FROM idea_helpers WHERE list_id = $2) AS helpers,
              (SELECT count(*)::int FROM initiative_people WHERE initiative_id = $3) AS people`,
      [glumso.id, ids.list, ids.initiative],
    );
    expect(counts).toEqual({ subs: 0, helpers: 0, people: 0 });
    expect(await t.app.get(FileStore).stat(exportFile)).toBeNull();
    const [exports] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM privacy_exports WHERE user_id = $1`,
      [person.id],
    );
    expect(exports.n).toBe(0);
    const [hotline] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM hotline_messages WHERE request_id = $1`,
      [ids.hotline],
    );
    expect(hotline.n).toBe(2);
  });

  it('ended their sessions and calendar feed', async () => {
    expect((await personClient.get('/api/me/privacy/erasure')).status).toBe(401);
    expect((await t.client().get(feedPath)).status).toBe(404);
    const [left] = await q<{ n: number }>(
      `SELECT (SELECT count(*) FROM sessions WHERE user_id = $1)
            + (SELECT count(*) FROM calendar_feeds WHERE user_id = $1)
            + (SELECT count(*) FROM one_time_tokens WHERE user_id = $1) AS n`,
      [person.id],
    );
    expect(Number(left.n)).toBe(0);
  });
});

describe('the cool-off', () => {
  it('runs what is due, not what is cooling off or undone', async () => {
    const f = t.factory;
    const [due, cooling, undone] = [await f.user(), await f.user(), await f.user()];
    const ask = async (user: User): Promise<{ c: TestClient; id: string }> => {
      const c = await signInAs(t, user);
      const res = await c.post<ErasureRequestDto>('/api/me/privacy/erasure', {});
      expect(res.status).toBe(201);
      return { c, id: res.body.id };
    };
    const dueReq = await ask(due);
    const coolingReq = await ask(cooling);
    const undoneReq = await ask(undone);
    expect((await undoneReq.c.delete('/api/me/privacy/erasure')).status).toBe(200);
    await q(
      `UPDATE erasure_requests SET erase_after = now() - interval '1 minute' WHERE id = ANY($1)`,
      [[dueReq.id, undoneReq.id]],
    );
    const runner = t.app.get(ErasureRunner);
    const picked = await runner.due(new Date());
    expect(picked).toContain(dueReq.id);
    expect(picked).not.toContain(coolingReq.id);
    expect(picked).not.toContain(undoneReq.id);
    const result = await runner.run(dueReq.id);
    // The worker's scan may have taken it first; either way it ends done.
    expect(['done', 'skipped']).toContain(result.state);
    await waitForState(dueReq.id, [ErasureState.Done]);
    expect((await runner.run(undoneReq.id)).state).toBe('skipped');
    expect((await runner.run(coolingReq.id)).state).toBe('skipped');
    const states = await q<{ id: string; state: string }>(
      `SELECT id, state FROM erasure_requests WHERE id = ANY($1) ORDER BY id`,
      [[coolingReq.id, undoneReq.id]],
    );
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({
      [coolingReq.id]: 'cooling_off',
      [undoneReq.id]: 'cancelled',
    });
    const [kept] = await q<{ name: string }>(`SELECT name FROM users WHERE id = $1`, [cooling.id]);
    expect(kept.name).toBe(cooling.name);
    expect((await dueReq.c.get('/api/me/privacy/erasure')).status).toBe(401);
  });

  it('does not erase the last secretariat member when their cool-off ends', async () => {
    // Two members, one asks (allowed: another is there), then the other leaves.
    const active = await q<{ id: string }>(
      `UPDATE users SET disabled_at = now()
        WHERE role = 'secretariat' AND disabled_at IS NULL RETURNING id`,
    );
    try {
      const leaving = await t.factory.user({ role: Role.Secretariat });
      const staying = await t.factory.user({ role: Role.Secretariat });
      const asked = await (
        await signInAs(t, leaving)
      ).post<ErasureRequestDto>('/api/me/privacy/erasure', {});
      expect(asked.status).toBe(201);
      await q(`UPDATE users SET disabled_at = now() WHERE id = $1`, [staying.id]);
      await q(
        `UPDATE erasure_requests SET erase_after = now() - interval '1 minute' WHERE id = $1`,
        [asked.body.id],
      );
      const runner = t.app.get(ErasureRunner);
      await runner.due(new Date());
      await runner.run(asked.body.id);
      // The worker's scan may run it too: wait until it has ended, either way.
      let ended: { state: string; last_error: string | null }[] = [];
      for (let i = 0; i < 100; i += 1) {
        ended = await q(`SELECT state, last_error FROM erasure_requests WHERE id = $1`, [
          asked.body.id,
        ]);
        if (['done', 'failed'].includes(ended[0].state)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(ended[0].state).toBe(ErasureState.Failed);
      expect(ended[0].last_error).toMatch(/last active secretariat/);
      const [still] = await q<{ disabled_at: Date | null; name: string }>(
        `SELECT disabled_at, name FROM users WHERE id = $1`,
        [leaving.id],
      );
      expect(still).toEqual({ disabled_at: null, name: leaving.name });
    } finally {
      await q(`UPDATE users SET disabled_at = NULL WHERE id = ANY($1)`, [active.map((a) => a.id)]);
    }
  });
});

describe('a panel member erasing themselves', () => {
  it('erases the subscriber at once from the preferences link', async () => {
    const email = `panel.${suffix}@example.dk`;
    const name = `Karen Panelsen${suffix}`;
    const [sub] = await q<{ id: string }>(
      `INSERT INTO panel_subscribers (village_id, email, name, source, status)
       VALUES ($1, $2, $3, 'signup', 'subscribed') RETURNING id`,
      [glumso.id, email, name],
    );
    await q(
      `INSERT INTO newsletter_deliveries (newsletter_id, subscriber_id, email, name, message_id, status)
       VALUES ($1, $2, $3, $4, $5, 'sent')`,
      [ids.newsletter, sub.id, email, name, `m3-${suffix}`],
    );
    const token = unsubscribeToken(t.config.signingSecret, { kind: 'subscriber', id: sub.id });
    const prefs = await t.client().get(`/api/panel/preferences?token=${token}`);
    expect(prefs.status).toBe(200);
    const res = await t.client().post('/api/panel/preferences/erase', { token });
    expect([res.status, res.body]).toEqual([200, { erased: true }]);
    expect(await columnsHolding([email, name])).toEqual([]);
    const [left] = await q<{ subs: number; deliveries: number }>(
      `SELECT (SELECT count(*)::int FROM panel_subscribers WHERE id = $1) AS subs,
              (SELECT count(*)::int FROM newsletter_deliveries WHERE message_id = $2) AS deliveries`,
      [sub.id, `m3-${suffix}`],
    );
    expect(left).toEqual({ subs: 0, deliveries: 1 });
    // The link is used up: the same answer as the preferences page gives.
    const again = await t.client().post<ErrorBody>('/api/panel/preferences/erase', { token });
    const page = await t.client().get<ErrorBody>(`/api/panel/preferences?token=${token}`);
    expect([again.status, again.body.code]).toEqual([page.status, page.body.code]);
    expect(again.status).toBe(404);
    const forged = await t.client().post<ErrorBody>('/api/panel/preferences/erase', {
      token: `s.${sub.id}.${'A'.repeat(43)}`,
    });
    expect([forged.status, forged.body.code]).toEqual([404, ErrorCode.PanelUnsubscribeLinkInvalid]);
  });

  it('sends a subscriber whose address is an account’s to the profile, erasing nothing', async () => {
    // The address is also an account's: erasing by address at once would take the account's
    // registrations and scrub its name everywhere, without the cool-off, and leave the account.
    const holder = await t.factory.user({ village: glumso, name: `Bo Kontosen ${suffix}` });
    const [sub] = await q<{ id: string }>(
      `INSERT INTO panel_subscribers (village_id, email, name, source, status)
       VALUES ($1, $2, $3, 'signup', 'subscribed') RETURNING id`,
      [glumso.id, holder.email, holder.name],
    );
    const [reg] = await q<{ id: string }>(
      `INSERT INTO gathering_registrations (gathering_id, user_id, name, email, cancel_token_hash,
         places, status)
       VALUES ($1, $2, $3, $4, $5, 1, 'confirmed') RETURNING id`,
      [ids.guestGathering, holder.id, holder.name, holder.email, `c-${suffix}-4`],
    );
    const token = unsubscribeToken(t.config.signingSecret, { kind: 'subscriber', id: sub.id });
    const res = await t.client().post<ErrorBody>('/api/panel/preferences/erase', { token });
    expect([res.status, res.body.code, res.body.params]).toEqual([
      409,
      ErrorCode.ErasureNotOpen,
      { state: 'account' },
    ]);
    const [left] = await q<{ subs: number; name: string; email: string }>(
      `SELECT (SELECT count(*)::int FROM panel_subscribers WHERE id = $1) AS subs, name, email
         FROM gathering_registrations WHERE id = $2`,
      [sub.id, reg.id],
    );
    expect(left).toEqual({ subs: 1, name: holder.name, email: holder.email });
  });
});
