import {
  ErrorCode,
  PRIVACY_LIMITS,
  PrivacyExportStatus,
  type ErrorBody,
  type Page,
  type PrivacyExportDto,
} from '@blup/contracts';
import { unzipSync } from 'fflate';
import { randomBytes } from 'node:crypto';
import type { User } from '../src/app/database/entities';
import { FileStore } from '../src/app/files/file-store';
import { ExportBuilder } from '../src/app/privacy/export-builder';
import { exportDownloadPath } from '../src/app/privacy/export-link';
import { PERSONAL_DATA } from '../src/app/privacy/personal-data-registry';
import { startTestApp, type TestApp } from './harness';
import type { TestClient } from './http-client';
import { villageWorld, type VillagePerson, type VillageWorld } from './village-world';

/**
 * Exports of personal data over the real API, with the worker in the process: Anna (a steering
 * member) and Bent (another) are seeded into as many registry tables as practical, side by side
 * (Bent is even the applicant on the application Anna is the contact of, and edited the
 * initiative Anna made); Anna's zip holds her row of every seeded table and nothing of Bent's.
 * Then who may start and read exports, the signed link, the daily limit, the secretariat's
 * export for a panel member without an account, and the hourly expiry.
 */
const suffix = randomBytes(3).toString('hex');
let t: TestApp;
let world: VillageWorld;
let as: Record<VillagePerson, TestClient>;
let anna: User;
let bent: User;

interface Person {
  id: string;
  email: string;
  name: string;
  /** Table → the id of the row seeded for this person (tables keyed by id). */
  rows: Record<string, string>;
  secrets: string[];
}
let A: Person;
let B: Person;
const panelOnly = { email: `carl-${suffix}@example.dk`, name: `Carl Carlsen ${suffix}` };
let annaExport: PrivacyExportDto;
let annaZip: Record<string, string>;

const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
  t.dataSource.query(text, params);
const one = async (text: string, params: unknown[] = []): Promise<string> =>
  (await sql<{ id: string }>(text, params))[0].id;

async function until(client: TestClient, id: string): Promise<PrivacyExportDto> {
  for (let i = 0; i < 150; i++) {
    const res = await client.get<PrivacyExportDto>(`/api/privacy/exports/${id}`);
    expect(res.status).toBe(200);
    if (res.body.status !== 'queued' && res.body.status !== 'running') return res.body;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`export ${id} did not finish`);
}

async function download(path: string): Promise<Response> {
  return fetch(t.url + path);
}

async function unzip(path: string): Promise<Record<string, string>> {
  const res = await download(path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('content-disposition')).toMatch(
    /^attachment; filename="blup-data-\d{4}-\d{2}-\d{2}\.zip"/,
  );
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  // Buffer keeps a byte-order mark (TextDecoder would drop it).
  return Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [name, Buffer.from(bytes).toString('utf8')]),
  );
}

/** An independent CSV reader: `;` between cells, `"` quotes with `""` inside, CRLF lines. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let cell = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      record.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || record.length) records.push([...record, cell]);
  return records;
}

/** Seeds one person into the registry's tables; `shared` rows (a gathering …) are made once. */
async function seed(
  user: User,
  client: TestClient,
  shared: Record<string, string>,
): Promise<Person> {
  const first = user.id === anna.id ? 'anna' : 'bent';
  const email = `${first}-${suffix}@example.dk`;
  const name = `${first === 'anna' ? 'Anna Andersen' : 'Bent Bentsen'} ${suffix}`;
  await sql(`UPDATE users SET email = $2, name = $3 WHERE id = $1`, [user.id, email, name]);
  const rows: Record<string, string> = {};
  const calendarToken = randomBytes(16).toString('hex');
  await sql(`INSERT INTO calendar_feeds (user_id, token) VALUES ($1, $2)`, [
    user.id,
    calendarToken,
  ]);
  // A guest registration by email only (no user_id): found through the account's email.
  rows['gathering_registrations'] = await one(
    `INSERT INTO gathering_registrations (gathering_id, name, email, cancel_token_hash, status)
     VALUES ($1, $2, $3, $4, 'confirmed') RETURNING id`,
    [shared.gathering, name, email, randomBytes(32).toString('hex')],
  );
  rows['panel_subscribers'] = await one(
    `INSERT INTO panel_subscribers (village_id, email, name, source, status)
     VALUES ($1, $2, $3, 'signup', 'subscribed') RETURNING id`,
    [world.glumso.id, email, name],
  );
  rows['initiative_people'] = await one(
    `INSERT INTO initiative_people (initiative_id, kind, position, user_id, name, email, phone)
     VALUES ($1, 'member', $2, $3, $4, $5, $6) RETURNING id`,
    [
      shared.initiative,
      first === 'anna' ? 1 : 2,
      user.id,
      name,
      email,
      first === 'anna' ? '+45 20 30 40 50' : '+45 60 70 80 90',
    ],
  );
  rows['idea_helpers'] = await one(
    `INSERT INTO idea_helpers (list_id, idea_id, voter_hash, name, email, consent_version)
     VALUES ($1, $2, $3, $4, $5, 'v1') RETURNING id`,
    [shared.ideaList, shared.idea, randomBytes(32).toString('hex'), name, email],
  );
  rows['enrolments'] = await one(
    `INSERT INTO enrolments (offering_id, user_id, status, payer)
     VALUES ($1, $2, 'enrolled', 'self') RETURNING id`,
    [shared.offering, user.id],
  );
  rows['application_people'] = await one(
    `INSERT INTO application_people (application_id, name, email, position, user_id, sort)
     VALUES ($1, $2, $3, 'Formand', $4, $5) RETURNING id`,
    [shared.application, name, email, user.id, first === 'anna' ? 1 : 2],
  );
  const asked = await client.post<{ id: string }>('/api/hotline/requests', {
    subject: `Spørgsmål fra ${first}`,
    body: `Hej, det er ${name}.`,
    pagePath: '/profil',
  });
  expect(asked.status).toBe(201);
  rows['hotline_requests'] = asked.body.id;
  return { id: user.id, email, name, rows, secrets: [calendarToken] };
}

beforeAll(async () => {
  t = await startTestApp();
  world = await villageWorld(t, suffix, ['glumso']);
  ({ as } = world);
  ({ member: anna, otherMember: bent } = world.users);

  const shared: Record<string, string> = {};
  shared.gathering = await one(
    `INSERT INTO gatherings (title, starts_at, ends_at, capacity, url)
     VALUES ('Fremtidsværksted', now() + interval '7 days', now() + interval '7 days 2 hours', 50,
             'https://møde.example.dk/fremtid') RETURNING id`,
  );
  const focus = await one(
    `INSERT INTO focus_areas (village_id, name, position) VALUES ($1, 'Natur', 1) RETURNING id`,
    [world.glumso.id],
  );
  // Anna made the initiative, Bent changed it last: Anna sees her authorship, not Bent's id.
  shared.initiative = await one(
    `INSERT INTO initiatives (village_id, focus_area_id, title, created_by, updated_by)
     VALUES ($1, $2, 'Shelterplads', $3, $4) RETURNING id`,
    [world.glumso.id, focus, anna.id, bent.id],
  );
  shared.ideaList = await one(
    `INSERT INTO idea_lists (village_id, title, public_token) VALUES ($1, 'Idéer', $2) RETURNING id`,
    [world.glumso.id, randomBytes(12).toString('hex')],
  );
  shared.idea = await one(
    `INSERT INTO ideas (list_id, title, position) VALUES ($1, 'Bålplads', 1) RETURNING id`,
    [shared.ideaList],
  );
  shared.offering = await one(
    `INSERT INTO offerings (kind, name, cohort_id, price_dkk) VALUES ('cohort', 'Forløb', $1, 0)
     RETURNING id`,
    [world.cohort.id],
  );
  const annaEmail = `anna-${suffix}@example.dk`;
  const bentEmail = `bent-${suffix}@example.dk`;
  // Bent applied; Anna is the application's contact: her export must not show Bent's name.
  shared.application = await one(
    `INSERT INTO applications (offering_id, village_id, village_name, new_village, municipality_id,
                               contact_name, contact_email, funding_status, applicant_name,
                               applicant_email, applicant_user_id, ip)
     VALUES ($1, $2, 'Glumsø', false, $3, $4, $5, 'requested', $6, $7, $8, '10.9.8.7')
     RETURNING id`,
    [
      shared.offering,
      world.glumso.id,
      world.naestved.id,
      `Anna Andersen ${suffix}`,
      annaEmail,
      `Bent Bentsen ${suffix}`,
      bentEmail,
      bent.id,
    ],
  );
  A = await seed(anna, as.member, shared);
  B = await seed(bent, as.otherMember, shared);
  A.rows['applications'] = shared.application;
  A.rows['initiatives'] = shared.initiative;

  // Carl: a citizen-panel member and a guest, without an account.
  await sql(
    `INSERT INTO panel_subscribers (village_id, email, name, source, status)
     VALUES ($1, $2, $3, 'import', 'subscribed')`,
    [world.glumso.id, panelOnly.email, panelOnly.name],
  );

  const started = await as.member.post<PrivacyExportDto>('/api/me/privacy/exports');
  expect(started.status).toBe(202);
  expect(started.body).toMatchObject({
    subjectKind: 'user',
    requestedById: anna.id,
    downloadUrl: null,
  });
  expect(['queued', 'running', 'ready']).toContain(started.body.status);
  annaExport = await until(as.member, started.body.id);
  expect(annaExport.status).toBe(PrivacyExportStatus.Ready);
  annaZip = await unzip(annaExport.downloadUrl as string);
}, 60_000);

afterAll(() => t.close());

/** The first mail to `address` with `subject` (earlier tests may have sent it others). */
function mailWith(address: string, subject: string) {
  return t.smtp.waitForSubject(address, (s) => s === subject);
}

describe('the export', () => {
  it('is told to the person by mail once ready, with the way to it but not the link', async () => {
    const told = await mailWith(A.email, 'Din kopi af dine oplysninger er klar');
    expect(told.text).toContain(`Hej ${A.name}`);
    expect(told.text).toContain('Hent den på din profil');
    expect(told.html).toContain('href="http://blup.test/profile"');
    for (const part of [told.text, told.html]) {
      expect(part).not.toContain(annaExport.id);
      expect(part).not.toContain('/download');
    }
  });

  it('is ready with a size, a link until finished + the configured hours, and 100 %', () => {
    expect(annaExport.progress).toBe(100);
    expect(annaExport.sizeBytes).toBeGreaterThan(100);
    expect(annaExport.subjectLabel).toBe(A.name);
    const hours =
      (Date.parse(annaExport.expiresAt as string) - Date.parse(annaExport.finishedAt as string)) /
      3_600_000;
    expect(hours).toBeCloseTo(t.config.privacy.exportLinkHours, 3);
    expect(annaExport.downloadUrl).toMatch(
      new RegExp(`^/api/privacy/exports/${annaExport.id}/download\\?expires=\\d+&sig=[\\w-]+$`),
    );
  });

  it('has a README in both languages, person.json, and a JSON and a CSV for every table', () => {
    const names = Object.keys(annaZip);
    for (const { table } of PERSONAL_DATA) {
      expect(names).toContain(`data/${table}.json`);
      expect(names).toContain(`csv/${table}.csv`);
    }
    expect(annaZip['README.txt']).toContain('alt, hvad BLUP Akademiet har gemt om dig');
    expect(annaZip['README.txt']).toContain('everything BLUP Akademiet keeps about you');
    expect(annaZip['README.txt']).toContain(PERSONAL_DATA[0].purpose.da);
    const person = JSON.parse(annaZip['person.json']);
    expect(person.subject).toEqual({ kind: 'user', userId: A.id, email: A.email, name: A.name });
    expect(person.tables).toHaveLength(PERSONAL_DATA.length);
  });

  it('holds the person’s row of every table they were seeded into', () => {
    const data = (table: string): Record<string, unknown>[] =>
      JSON.parse(annaZip[`data/${table}.json`]);
    expect(data('users')).toEqual([expect.objectContaining({ id: A.id, email: A.email })]);
    expect(data('sessions').length).toBeGreaterThanOrEqual(1);
    expect(data('sessions').every((row) => row.user_id === A.id)).toBe(true);
    expect(data('calendar_feeds')).toEqual([expect.objectContaining({ user_id: A.id })]);
    expect(data('privacy_exports').map((row) => row.id)).toContain(annaExport.id);
    for (const [table, id] of Object.entries(A.rows)) {
      expect([table, data(table).map((row) => row.id)]).toEqual([table, [id]]);
    }
    expect(data('hotline_messages')).toEqual([
      expect.objectContaining({ request_id: A.rows['hotline_requests'] }),
    ]);
    // Found through the account's email: the guest registration and the panel subscription.
    expect(data('gathering_registrations')[0]).toMatchObject({ email: A.email, name: A.name });
    // As the application's contact: the contact's columns, none of the applicant's.
    const application = data('applications')[0];
    expect(application).toMatchObject({ contact_email: A.email, contact_name: A.name });
    for (const column of ['applicant_name', 'applicant_email', 'applicant_user_id', 'ip']) {
      expect(application).not.toHaveProperty(column);
    }
    // As the initiative's author: its key, her link and its times, not the rest of the row.
    expect(Object.keys(data('initiatives')[0]).sort()).toEqual(
      ['created_at', 'created_by', 'id', 'updated_at'].sort(),
    );
  });

  it('holds nothing of anyone else’s, and no secrets', () => {
    const theirs = [B.id, B.email, B.name, ...Object.values(B.rows), ...B.secrets];
    const secrets = [...A.secrets];
    for (const [file, text] of Object.entries(annaZip)) {
      for (const value of [...theirs, ...secrets]) {
        expect([file, text.includes(value)]).toEqual([file, false]);
      }
      expect([file, /password_hash|token_hash/.test(text)]).toEqual([file, false]);
    }
  });

  it('writes CSVs a spreadsheet reads: BOM, a header, as many cells on every line', () => {
    for (const [file, text] of Object.entries(annaZip).filter(([f]) => f.endsWith('.csv'))) {
      expect(text.startsWith('\uFEFF')).toBe(true);
      const records = csvRecords(text.slice(1));
      const table = file.slice('csv/'.length, -'.csv'.length);
      const rows = JSON.parse(annaZip[`data/${table}.json`]) as unknown[];
      expect([file, records.length]).toEqual([file, rows.length + 1]);
      for (const record of records) {
        expect([file, record.length]).toEqual([file, records[0].length]);
      }
    }
    const users = csvRecords(annaZip['csv/users.csv'].slice(1));
    expect(users[1][users[0].indexOf('email')]).toBe(A.email);
  });
});

describe('who may', () => {
  const others: VillagePerson[] = ['otherMember', 'coordinator', 'otherCoordinator', 'learner'];

  it('shows an export to its person and the secretariat only (others 404)', async () => {
    const path = `/api/privacy/exports/${annaExport.id}`;
    expect((await as.secretariat.get(path)).status).toBe(200);
    for (const who of others) {
      expect([who, (await as[who].get(path)).status]).toEqual([who, 404]);
      const mine = await as[who].get<Page<PrivacyExportDto>>('/api/me/privacy/exports');
      expect(mine.body.items.map((e) => e.id)).not.toContain(annaExport.id);
    }
    const own = await as.member.get<Page<PrivacyExportDto>>('/api/me/privacy/exports');
    expect(own.body.items.map((e) => e.id)).toContain(annaExport.id);
    const all = await as.secretariat.get<Page<PrivacyExportDto>>('/api/privacy/exports');
    expect(all.body.items.map((e) => e.id)).toContain(annaExport.id);
  });

  it('keeps the list and exports for others to the secretariat (403)', async () => {
    for (const who of ['member', ...others] as VillagePerson[]) {
      expect([who, (await as[who].get('/api/privacy/exports')).status]).toEqual([who, 403]);
      const made = await as[who].post('/api/privacy/exports', { userId: anna.id });
      expect([who, made.status]).toEqual([who, 403]);
    }
  });

  it('refuses a tampered, an expired or an unsigned link with 410', async () => {
    const url = annaExport.downloadUrl as string;
    const tampered = url.replace(/sig=(.)/, (_, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    const past = exportDownloadPath(
      t.config.signingSecret,
      annaExport.id,
      new Date(Date.now() - 1000),
    );
    const unsigned = `/api/privacy/exports/${annaExport.id}/download`;
    for (const path of [tampered, past, unsigned]) {
      const res = await download(path);
      expect(res.status).toBe(410);
      const body = (await res.json()) as ErrorBody;
      expect(body.code).toBe(ErrorCode.ExportLinkGone);
      expect(body.message).toContain('Make a new export on your profile');
    }
  });

  it('allows a few exports a day, then 429 with Retry-After', async () => {
    const made = await as.member.get<Page<PrivacyExportDto>>('/api/me/privacy/exports');
    for (let i = made.body.total; i < PRIVACY_LIMITS.exportsPerDay; i++) {
      expect((await as.member.post('/api/me/privacy/exports')).status).toBe(202);
    }
    const refused = await as.member.post<ErrorBody>('/api/me/privacy/exports');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe(ErrorCode.ExportRateLimited);
    expect(refused.body.params).toMatchObject({ perDay: PRIVACY_LIMITS.exportsPerDay });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(23 * 3600);
    // Somebody else's limit is their own.
    expect((await as.otherMember.post('/api/me/privacy/exports')).status).toBe(202);
  });
});

describe('the secretariat', () => {
  it('exports a panel member without an account by email, until it expires', async () => {
    const res = await as.secretariat.post<PrivacyExportDto>('/api/privacy/exports', {
      email: panelOnly.email.toUpperCase(),
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ subjectKind: 'email', subjectLabel: panelOnly.email });
    const done = await until(as.secretariat, res.body.id);
    expect(done.status).toBe(PrivacyExportStatus.Ready);
    const secretariat = (await as.secretariat.get<{ email: string }>('/api/auth/me')).body;
    const told = await mailWith(
      secretariat.email,
      `Kopien af oplysningerne om ${panelOnly.email} er klar`,
    );
    expect(told.html).toContain('href="http://blup.test/persondata"');
    const zip = await unzip(done.downloadUrl as string);
    expect(JSON.parse(zip['data/panel_subscribers.json'])).toEqual([
      expect.objectContaining({ email: panelOnly.email, name: panelOnly.name }),
    ]);
    expect(JSON.parse(zip['data/users.json'])).toEqual([]);
    for (const text of Object.values(zip)) {
      for (const value of [A.email, B.email, A.name, B.name]) expect(text).not.toContain(value);
    }

    // The hourly housekeeping: past its time the export expires, its file and email go.
    await sql(`UPDATE privacy_exports SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      done.id,
    ]);
    const file = `privacy-exports/${done.id}.zip`;
    expect(await t.app.get(FileStore).stat(file)).toMatchObject({ contentType: 'application/zip' });
    expect(await t.app.get(ExportBuilder).expire()).toBeGreaterThanOrEqual(1);
    expect(await t.app.get(FileStore).stat(file)).toBeNull();
    const expired = await as.secretariat.get<PrivacyExportDto>(`/api/privacy/exports/${done.id}`);
    expect(expired.body).toMatchObject({
      status: 'expired',
      subjectLabel: null,
      downloadUrl: null,
    });
    expect((await download(done.downloadUrl as string)).status).toBe(410);
  });

  it('exports a person by account', async () => {
    const res = await as.secretariat.post<PrivacyExportDto>('/api/privacy/exports', {
      userId: bent.id,
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ subjectKind: 'user', subjectLabel: B.name });
    expect((await as.otherMember.get(`/api/privacy/exports/${res.body.id}`)).status).toBe(200);
    expect((await as.member.get(`/api/privacy/exports/${res.body.id}`)).status).toBe(404);
    // The list's search (q) looks in the name or address.
    const ids = async (q: string) =>
      (
        await as.secretariat.get<Page<PrivacyExportDto>>(
          `/api/privacy/exports?pageSize=100&q=${encodeURIComponent(q)}`,
        )
      ).body.items.map((e) => e.id);
    expect(await ids(B.name.toUpperCase())).toContain(res.body.id);
    expect(await ids(`${B.name} ikke`)).toEqual([]);
  });

  it('refuses malformed requests with 400', async () => {
    expect((await as.secretariat.get('/api/privacy/exports/not-an-id')).status).toBe(400);
    for (const body of [
      {},
      { userId: anna.id, email: A.email },
      { userId: anna.id, extra: 1 },
      { email: 'not an address' },
      { userId: 'nope' },
    ]) {
      const res = await as.secretariat.post<ErrorBody>('/api/privacy/exports', body);
      expect([body, res.status]).toEqual([body, 400]);
      expect(res.body.message.length).toBeGreaterThan(10);
    }
    const unknown = await as.secretariat.post<ErrorBody>('/api/privacy/exports', {
      userId: '3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe(ErrorCode.UnknownReference);
  });
});
