import { getQueueToken } from '@nestjs/bull';
import { Role } from '@blup/contracts';
import type { Queue } from 'bull';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Municipality, User, Village } from '../src/app/database/entities';
import { FileStore } from '../src/app/files/file-store';
import { RETENTION_QUEUE } from '../src/app/retention/retention.constants';
import { RetentionService, type RetentionResult } from '../src/app/retention/retention.service';
import { startTestApp, type TestApp } from './harness';

/**
 * Retention (issue 17) on the real database: for each purpose, rows just past their period and
 * rows just within it (and of other villages and statuses), one run that changes exactly the
 * due ones and keeps the counts the statistics need, and a second run that changes nothing.
 *
 * The run's `now` lies in January 2001: everything other spec files in this database wrote
 * (timed by the clock, years later) is within its period, so only this file's rows are due; a
 * winter `now` keeps every cutoff in winter time, so "a minute either side" holds in any zone.
 */
const suffix = randomBytes(3).toString('hex');
const NOW = new Date('2001-01-15T12:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;

let t: TestApp;
let retention: RetentionService;
let days: TestApp['config']['privacy']['retentionDays'];
let naestved: Municipality;
let glumso: Village;
let tybjerg: Village;
let first: RetentionResult;
let second: RetentionResult;

/** Just past the period (due) and just within it (kept), counted back from NOW. */
const due = (period: number) => new Date(NOW.getTime() - period * DAY - MINUTE);
const kept = (period: number) => new Date(NOW.getTime() - period * DAY + MINUTE);

const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
  t.dataSource.query(sql, params);
const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  (await q<T>(sql, params))[0];

// ---- fixtures (what each purpose starts with) ---------------------------------------------------

const panel: Record<string, string> = {};
const gathering = { ended: '', recent: '' };
const registration: Record<string, string> = {};
const application: Record<string, string> = {};
const files: Record<string, string> = {};
const survey = { closed: '', recent: '', open: '' };
const response: Record<string, string> = {};
const hotline: Record<string, string> = {};
const delivery: Record<string, string> = {};
const account: Record<string, User> = {};
let newsletterId = '';

async function subscriber(
  name: string,
  village: Village,
  status: string,
  createdAt: Date,
  updatedAt = createdAt,
): Promise<void> {
  const { id } = await one<{ id: string }>(
    `INSERT INTO panel_subscribers
       (village_id, email, name, status, source, confirmed_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'signup', $5, $6, $7) RETURNING id`,
    [
      village.id,
      `${name.toLowerCase()}-${suffix}@example.dk`,
      name,
      status,
      status === 'pending' ? null : createdAt,
      createdAt,
      updatedAt,
    ],
  );
  await q(
    `INSERT INTO panel_consents (subscriber_id, action, consent_text_version, ip, at)
     VALUES ($1, 'requested', 'v1', '10.0.0.1', $2)`,
    [id, createdAt],
  );
  await q(
    `INSERT INTO panel_tokens (subscriber_id, kind, token_hash, expires_at, created_at)
     VALUES ($1, 'confirm', $2, $3, $3)`,
    [id, randomBytes(32).toString('hex'), createdAt],
  );
  panel[name] = id;
}

async function panelFixtures(): Promise<void> {
  const period = days.unconfirmedPanelSignup;
  await subscriber('due', glumso, 'pending', due(period));
  await subscriber('dueElsewhere', tybjerg, 'pending', due(period));
  await subscriber('recent', glumso, 'pending', kept(period));
  // Signed up long ago, then again lately (a new link): the last sign-up counts.
  await subscriber('signedUpAgain', glumso, 'pending', due(period), kept(period));
  await subscriber('subscribed', glumso, 'subscribed', due(period));
  await subscriber('unsubscribed', glumso, 'unsubscribed', due(period));
}

async function newGathering(title: string, endsAt: Date, village: Village): Promise<string> {
  const { id } = await one<{ id: string }>(
    `INSERT INTO gatherings (title, starts_at, ends_at, capacity, kind, mode, audience, village_id)
     VALUES ($1, $2, $3, 40, 'workshop', 'in_person', 'anyone', $4) RETURNING id`,
    [`${title} ${suffix}`, new Date(endsAt.getTime() - 2 * 3_600_000), endsAt, village.id],
  );
  return id;
}

async function register(
  key: string,
  gatheringId: string,
  r: { status: string; places: number; checkedIn?: boolean; userId?: string | null },
): Promise<void> {
  const { id } = await one<{ id: string }>(
    `INSERT INTO gathering_registrations
       (gathering_id, name, email, village_name, municipality_name, cancel_token_hash,
        confirm_token_hash, status, places, answers, checked_in_at, user_id)
     VALUES ($1, $2, $3, 'Glumsø', 'Næstved', $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      gatheringId,
      `Deltager ${key}`,
      `${key}-${suffix}@example.dk`,
      randomBytes(32).toString('hex'),
      r.status === 'pending' ? randomBytes(32).toString('hex') : null,
      r.status,
      r.places,
      JSON.stringify({ allergi: 'nødder', telefon: '12345678' }),
      r.checkedIn ? NOW : null,
      r.userId ?? null,
    ],
  );
  registration[key] = id;
}

async function gatheringFixtures(): Promise<void> {
  const period = days.gatheringRegistration;
  gathering.ended = await newGathering('Fremtidsværksted', due(period), glumso);
  gathering.recent = await newGathering('Sommermøde', kept(period), tybjerg);
  const member = await t.factory.user({ role: Role.SteeringMember, village: glumso });
  await register('confirmed', gathering.ended, {
    status: 'confirmed',
    places: 2,
    checkedIn: true,
    userId: member.id,
  });
  await register('waitlisted', gathering.ended, { status: 'waitlisted', places: 1 });
  await register('cancelled', gathering.ended, { status: 'cancelled', places: 3 });
  await register('pending', gathering.ended, { status: 'pending', places: 1 });
  await register('recent', gathering.recent, { status: 'confirmed', places: 1, checkedIn: true });
}

async function newApplication(
  key: string,
  status: string,
  decidedAt: Date | null,
  withFile: boolean,
  ip: string | null,
  offeringId: string,
): Promise<void> {
  const fileKey = withFile ? `agreements/${randomUUID()}.pdf` : null;
  if (fileKey) {
    await t.app.get(FileStore).put(fileKey, Buffer.from('%PDF-1.4 aftale'), 'application/pdf');
    files[key] = fileKey;
  }
  const { id } = await one<{ id: string }>(
    `INSERT INTO applications
       (offering_id, village_name, new_village, municipality_id, contact_name, contact_email,
        funding_status, agreement_key, agreement_name, agreement_mime, agreement_size, status,
        decided_at, applicant_name, applicant_email, ip, created_at)
     VALUES ($1, 'Glumsø', false, $2, 'Kontakt', 'kontakt@example.dk', 'signed', $3, $4, $5, $6,
             $7, $8, 'Ansøger', 'ansoger@example.dk', $9, $10) RETURNING id`,
    [
      offeringId,
      naestved.id,
      fileKey,
      fileKey ? 'aftale.pdf' : null,
      fileKey ? 'application/pdf' : null,
      fileKey ? 15 : null,
      status,
      decidedAt,
      ip,
      new Date(NOW.getTime() - 800 * DAY),
    ],
  );
  application[key] = id;
}

async function applicationFixtures(): Promise<void> {
  const period = days.applicationFiles;
  const cohort = await t.factory.cohort([], `Hold ${suffix}`);
  const { id: offeringId } = await one<{ id: string }>(
    `INSERT INTO offerings (kind, name, cohort_id) VALUES ('cohort', $1, $2) RETURNING id`,
    [`Forløb ${suffix}`, cohort.id],
  );
  await newApplication('approved', 'approved', due(period), true, '10.0.0.2', offeringId);
  await newApplication('rejectedIpOnly', 'rejected', due(period), false, '10.0.0.3', offeringId);
  await newApplication('withdrawnRecent', 'withdrawn', kept(period), true, '10.0.0.4', offeringId);
  await newApplication('submitted', 'submitted', null, true, '10.0.0.5', offeringId);
}

const PAGES = [
  {
    id: 'p1',
    title: 'Om dig',
    questions: [
      { id: 'navn', kind: 'short_text', personalData: true, consentText: 'Vi ringer til dig.' },
      { id: 'mail', kind: 'short_text', personalData: true, consentText: 'Vi skriver til dig.' },
      { id: 'antal', kind: 'number', personalData: false, consentText: null },
      { id: 'ide', kind: 'long_text', personalData: false, consentText: null },
    ],
  },
];

async function newSurvey(status: string, updatedAt: Date): Promise<string> {
  const { id } = await one<{ id: string }>(
    `INSERT INTO surveys (owner_kind, village_id, purpose, title, status, public_token, pages,
                          updated_at)
     VALUES ('village', $1, 'other', $2, $3, $4, $5, $6) RETURNING id`,
    [glumso.id, `Spørgeskema ${suffix}`, status, randomUUID(), JSON.stringify(PAGES), updatedAt],
  );
  return id;
}

async function respond(key: string, surveyId: string, answers: Record<string, unknown>) {
  const id = randomUUID();
  await q(
    `INSERT INTO survey_responses (id, survey_id, device_hash, answers, submitted_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [id, surveyId, randomBytes(16).toString('hex'), JSON.stringify(answers), NOW],
  );
  for (const [question, value] of Object.entries(answers)) {
    await q(
      `INSERT INTO survey_answers (response_id, survey_id, question_id, number, text)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        id,
        surveyId,
        question,
        typeof value === 'number' ? value : null,
        typeof value === 'string' ? value : null,
      ],
    );
  }
  response[key] = id;
}

async function surveyFixtures(): Promise<void> {
  const period = t.config.privacy.retentionDays.surveyContact;
  survey.closed = await newSurvey('closed', due(period));
  survey.recent = await newSurvey('closed', kept(period));
  survey.open = await newSurvey('open', due(period));
  const full = { navn: 'Bo Hansen', mail: 'bo@example.dk', antal: 3, ide: 'En bænk ved søen' };
  await respond('closedFull', survey.closed, full);
  await respond('closedNameOnly', survey.closed, { navn: 'Ida', antal: 1 });
  await respond('closedNoPersonal', survey.closed, { antal: 2, ide: 'Flere stier' });
  await respond('open', survey.open, full);
  await respond('closedRecently', survey.recent, full);
}

async function hotlineRequest(
  key: string,
  asker: User,
  state: string,
  closedAt: Date | null,
): Promise<void> {
  const created = new Date(NOW.getTime() - 900 * DAY);
  const { id } = await one<{ id: string }>(
    `INSERT INTO hotline_requests
       (asker_id, village_id, municipality_id, page_path, subject, state, created_at,
        last_message_at, first_response_at, closed_at)
     VALUES ($1, $2, $3, '/landsby/plan', $4, $5, $6, $6, $7, $8) RETURNING id`,
    [
      asker.id,
      glumso.id,
      naestved.id,
      `Spørgsmål fra Bo ${key}`,
      state,
      created,
      new Date(created.getTime() + 3_600_000),
      closedAt,
    ],
  );
  await q(
    `INSERT INTO hotline_messages (request_id, author_id, from_secretariat, body, via, mail_message_id, created_at)
     VALUES ($1, $2, false, 'Hej, jeg hedder Bo og bor på Søvej 3', 'mail', $3, $4),
            ($1, NULL, true, 'Hej Bo, prøv sådan her', 'app', NULL, $4)`,
    [id, asker.id, `<${key}-${suffix}@mail.example.dk>`, created],
  );
  hotline[key] = id;
}

async function hotlineFixtures(): Promise<void> {
  const period = days.hotline;
  const asker = await t.factory.user({ role: Role.SteeringMember, village: glumso });
  await hotlineRequest('closedDue', asker, 'closed', due(period));
  await hotlineRequest('closedRecent', asker, 'closed', kept(period));
  await hotlineRequest('open', asker, 'open', null);
}

async function deliveryFixtures(): Promise<void> {
  const period = days.newsletterRecipient;
  ({ id: newsletterId } = await one<{ id: string }>(
    `INSERT INTO newsletters (village_id, subject, status, web_token)
     VALUES ($1, $2, 'sent', $3) RETURNING id`,
    [glumso.id, `Nyhedsbrev ${suffix}`, randomUUID()],
  ));
  const rows: [string, string, Date | null, Date, string | null][] = [
    ['sentDue', 'sent', due(period), due(period), null],
    ['failedDue', 'failed', null, due(period), '550 mailbox bo@example.dk unknown'],
    ['bouncedRecent', 'bounced', kept(period), kept(period), 'bounced'],
    ['sentRecent', 'sent', kept(period), kept(period), null],
    ['pendingOld', 'pending', null, due(period), null],
  ];
  for (const [key, status, sentAt, updatedAt, lastError] of rows) {
    const { id } = await one<{ id: string }>(
      `INSERT INTO newsletter_deliveries
         (newsletter_id, email, name, status, sent_at, updated_at, last_error, message_id)
       VALUES ($1, $2, 'Bo Hansen', $3, $4, $5, $6, $7) RETURNING id`,
      [
        newsletterId,
        `${key.toLowerCase()}-${suffix}@example.dk`,
        status,
        sentAt,
        updatedAt,
        lastError,
        `<${randomUUID()}@blup.test>`,
      ],
    );
    delivery[key] = id;
  }
}

async function accountFixtures(): Promise<void> {
  const period = days.disabledAccount;
  for (const [key, at] of [
    ['due', due(period)],
    ['recent', kept(period)],
    ['active', null],
  ] as const) {
    account[key] = await t.factory.user({ role: Role.SteeringMember, village: tybjerg });
    await q(`UPDATE users SET disabled_at = $2 WHERE id = $1`, [account[key].id, at]);
  }
}

// ---- what the statistics count, before and after ------------------------------------------------

async function counts(): Promise<Record<string, unknown>> {
  return {
    attendance: await q(
      `SELECT gathering_id, status, sum(places)::int AS places, count(checked_in_at)::int AS checked_in
         FROM gathering_registrations WHERE gathering_id = ANY($1) GROUP BY 1, 2 ORDER BY 1, 2`,
      [[gathering.ended, gathering.recent]],
    ),
    hotline: await q(
      `SELECT id, state, created_at, first_response_at, closed_at, village_id, municipality_id,
              (SELECT count(*)::int FROM hotline_messages m WHERE m.request_id = r.id) AS messages
         FROM hotline_requests r WHERE id = ANY($1) ORDER BY id`,
      [Object.values(hotline)],
    ),
    deliveries: await q(
      `SELECT status, count(*)::int AS n FROM newsletter_deliveries
        WHERE newsletter_id = $1 GROUP BY status ORDER BY status`,
      [newsletterId],
    ),
    surveyNumbers: await q(
      `SELECT question_id, sum(number)::int AS total, count(*)::int AS n FROM survey_answers
        WHERE survey_id = $1 AND question_id IN ('antal', 'ide') GROUP BY 1 ORDER BY 1`,
      [survey.closed],
    ),
  };
}

let before: Record<string, unknown>;

beforeAll(async () => {
  t = await startTestApp();
  retention = t.app.get(RetentionService);
  days = t.config.privacy.retentionDays;
  naestved = await t.factory.municipality(`Næstved ${suffix}`);
  glumso = await t.factory.village(naestved, 'Glumsø');
  tybjerg = await t.factory.village(naestved, 'Tybjerg');
  await panelFixtures();
  await gatheringFixtures();
  await applicationFixtures();
  await surveyFixtures();
  await hotlineFixtures();
  await deliveryFixtures();
  await accountFixtures();
  before = await counts();
  first = await retention.runAll(NOW);
  second = await retention.runAll(NOW);
});

afterAll(() => t.close());

describe('a run', () => {
  it('reports the rows each purpose changed, and a second run changes none', () => {
    expect(first).toEqual({
      unconfirmedPanelSignups: 2,
      gatheringRegistrations: 4,
      applicationFiles: 2,
      surveyPersonalAnswers: 2,
      hotlineRequests: 1,
      newsletterRecipients: 2,
      disabledAccounts: 1,
    });
    expect(second).toEqual({
      unconfirmedPanelSignups: 0,
      gatheringRegistrations: 0,
      applicationFiles: 0,
      surveyPersonalAnswers: 0,
      hotlineRequests: 0,
      newsletterRecipients: 0,
      disabledAccounts: 0,
    });
  });

  it('keeps every count the statistics show', async () => {
    expect(await counts()).toEqual(before);
  });

  it('is one repeatable nightly job on the retention queue', async () => {
    const queue = t.app.get<Queue>(getQueueToken(RETENTION_QUEUE));
    const jobs = await queue.getRepeatableJobs();
    expect(jobs).toEqual([
      expect.objectContaining({ id: 'retention-nightly', cron: '40 2 * * *' }),
    ]);
  });
});

describe('each purpose', () => {
  it('deletes panel sign-ups never confirmed, with their consents and links', async () => {
    const left = await q<{ name: string }>(
      `SELECT name FROM panel_subscribers WHERE id = ANY($1) ORDER BY name`,
      [Object.values(panel)],
    );
    expect(left.map((r) => r.name)).toEqual([
      'recent',
      'signedUpAgain',
      'subscribed',
      'unsubscribed',
    ]);
    const gone = [panel['due'], panel['dueElsewhere']];
    const orphans = await one<{ n: number }>(
      `SELECT (SELECT count(*) FROM panel_consents WHERE subscriber_id = ANY($1))
            + (SELECT count(*) FROM panel_tokens WHERE subscriber_id = ANY($1)) AS n`,
      [gone],
    );
    expect(Number(orphans.n)).toBe(0);
  });

  it('anonymises every registration of a gathering that ended, and no other', async () => {
    const rows = await q<Record<string, unknown>>(
      `SELECT id, name, email, answers, user_id, confirm_token_hash, cancel_token_hash,
              village_name, municipality_name, status, places, check_in_code, checked_in_at
         FROM gathering_registrations WHERE id = ANY($1)`,
      [Object.values(registration)],
    );
    for (const row of rows) {
      if (row['id'] === registration['recent']) {
        expect(row).toMatchObject({ name: 'Deltager recent', answers: { allergi: 'nødder' } });
        continue;
      }
      expect(row).toMatchObject({
        name: '[slettet]',
        email: `slettet-${row['id']}@slettet.invalid`,
        answers: {},
        user_id: null,
        confirm_token_hash: null,
        cancel_token_hash: `slettet-${row['id']}`,
        village_name: 'Glumsø',
        municipality_name: 'Næstved',
      });
    }
    expect(rows).toHaveLength(5);
  });

  it('deletes the agreement files and IP addresses of applications decided long ago', async () => {
    const rows = await q<Record<string, unknown>>(
      `SELECT id, agreement_key, agreement_name, agreement_mime, agreement_size, ip, status,
              applicant_name FROM applications WHERE id = ANY($1)`,
      [Object.values(application)],
    );
    const byId = new Map(rows.map((r) => [r['id'], r]));
    for (const key of ['approved', 'rejectedIpOnly']) {
      expect(byId.get(application[key])).toMatchObject({
        agreement_key: null,
        agreement_name: null,
        agreement_mime: null,
        agreement_size: null,
        ip: null,
        applicant_name: 'Ansøger',
      });
    }
    for (const key of ['withdrawnRecent', 'submitted']) {
      expect(byId.get(application[key])).toMatchObject({
        agreement_name: 'aftale.pdf',
        ip: expect.stringMatching(/^10\.0\.0\./),
      });
    }
    const stored = (key: string) => t.app.get(FileStore).stat(files[key]);
    expect(await stored('approved')).toBeNull();
    expect(await stored('withdrawnRecent')).not.toBeNull();
    expect(await stored('submitted')).not.toBeNull();
  });

  it('removes the answers to personal-data questions of surveys closed long enough', async () => {
    const rows = await q<{ id: string; answers: Record<string, unknown>; questions: string[] }>(
      `SELECT r.id, r.answers,
              coalesce((SELECT array_agg(a.question_id ORDER BY a.question_id)
                          FROM survey_answers a WHERE a.response_id = r.id), '{}') AS questions
         FROM survey_responses r WHERE r.id = ANY($1)`,
      [Object.values(response)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(response['closedFull'])).toMatchObject({
      answers: { antal: 3, ide: 'En bænk ved søen' },
      questions: ['antal', 'ide'],
    });
    expect(byId.get(response['closedNameOnly'])).toMatchObject({
      answers: { antal: 1 },
      questions: ['antal'],
    });
    expect(byId.get(response['closedNoPersonal'])).toMatchObject({
      answers: { antal: 2, ide: 'Flere stier' },
      questions: ['antal', 'ide'],
    });
    expect(byId.get(response['closedRecently'])).toMatchObject({
      answers: { navn: 'Bo Hansen', mail: 'bo@example.dk' },
      questions: ['antal', 'ide', 'mail', 'navn'],
    });
    expect(byId.get(response['open'])).toMatchObject({
      answers: { navn: 'Bo Hansen', mail: 'bo@example.dk' },
      questions: ['antal', 'ide', 'mail', 'navn'],
    });
  });

  it('anonymises hotline questions closed long ago and their messages', async () => {
    const rows = await q<{ id: string; subject: string; page_path: string; bodies: string[] }>(
      `SELECT r.id, r.subject, r.page_path,
              array_agg(m.body ORDER BY m.from_secretariat) AS bodies,
              count(m.mail_message_id)::int AS mail_ids
         FROM hotline_requests r JOIN hotline_messages m ON m.request_id = r.id
        WHERE r.id = ANY($1) GROUP BY r.id`,
      [Object.values(hotline)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(hotline['closedDue'])).toEqual({
      id: hotline['closedDue'],
      subject: '[slettet]',
      page_path: '',
      bodies: ['[slettet]', '[slettet]'],
      mail_ids: 0,
    });
    for (const key of ['closedRecent', 'open']) {
      expect(byId.get(hotline[key])).toMatchObject({
        subject: `Spørgsmål fra Bo ${key}`,
        page_path: '/landsby/plan',
        mail_ids: 1,
      });
    }
  });

  it('removes the addresses and names of deliveries finished long ago', async () => {
    const rows = await q<{ id: string; email: string; name: string; last_error: string | null }>(
      `SELECT id, email, name, last_error FROM newsletter_deliveries WHERE newsletter_id = $1`,
      [newsletterId],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const key of ['sentDue', 'failedDue']) {
      const id = delivery[key];
      expect(byId.get(id)).toEqual({
        id,
        email: `slettet-${id}@slettet.invalid`,
        name: '',
        last_error: null,
      });
    }
    for (const key of ['bouncedRecent', 'sentRecent', 'pendingOld']) {
      expect(byId.get(delivery[key])).toMatchObject({
        email: `${key.toLowerCase()}-${suffix}@example.dk`,
        name: 'Bo Hansen',
      });
    }
  });

  it('erases the accounts disabled long enough, and no other', async () => {
    const requests = await q<{ user_id: string; state: string; requested_by_id: string | null }>(
      `SELECT user_id, state, requested_by_id FROM erasure_requests WHERE user_id = ANY($1)`,
      [Object.values(account).map((a) => a.id)],
    );
    expect(requests).toEqual([
      { user_id: account['due'].id, state: expect.any(String), requested_by_id: null },
    ]);
    // The worker in this process runs the approved request; it is no longer due once asked for.
    expect(await retention.disabledAccountsDue(NOW, 100)).toEqual([]);
    let erased: { name: string }[] = [];
    for (let i = 0; i < 100 && erased.length === 0; i++) {
      erased = await q<{ name: string }>(
        `SELECT u.name FROM users u JOIN erasure_requests r ON r.user_id = u.id
          WHERE u.id = $1 AND r.state = 'done'`,
        [account['due'].id],
      );
      if (erased.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(erased).toEqual([{ name: 'Slettet person' }]);
    const kept = Object.entries(account).filter(([key]) => key !== 'due');
    const rows = await q<{ name: string; email: string }>(
      `SELECT name, email FROM users WHERE id = ANY($1)`,
      [kept.map(([, a]) => a.id)],
    );
    const people = (list: { name: string; email: string }[]) =>
      list.map((p) => `${p.name} <${p.email}>`).sort();
    expect(people(rows)).toEqual(people(kept.map(([, a]) => a)));
  });
});
