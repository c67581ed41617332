import {
  ErrorCode,
  GatheringAudience,
  GatheringKind,
  GatheringMode,
  GatheringQuestionKind,
  RegistrationStatus,
  Role,
  type CheckInResultDto,
  type ErrorBody,
  type GatheringDto,
  type GuestRegistrationDto,
  type MyRegistrationDto,
  type Page,
  type RegistrationDto,
} from '@blup/contracts';
import ICAL from 'ical.js';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Village } from '../src/app/database/entities';
import { InfoMeetingRemindersProcessor } from '../src/app/gatherings/info-meeting-reminders.processor';
import { startTestApp, type TestApp } from './harness';
import type { TestClient } from './http-client';
import { signInAs } from './sign-in';
import { linkIn, tokenFrom } from './smtp-sink';
import { villageWorld, type VillagePerson } from './village-world';

/**
 * Gatherings (issue 16) through the real endpoints: who may do what on every route, the race
 * for the last places, duplicates and closed gatherings, the guest's confirmation by mail, the
 * reminder sent once, the calendar file through ical.js, the caterer's CSV and check-in.
 */
const suffix = randomBytes(3).toString('hex');
const DAY = 86_400_000;
let t: TestApp;
let glumso: Village;
let as: Record<VillagePerson | 'anonymous', TestClient>;

const unique = () => randomBytes(4).toString('hex');

beforeAll(async () => {
  t = await startTestApp();
  const world = await villageWorld(t, suffix, ['glumso']);
  glumso = world.glumso;
  as = { ...world.as, anonymous: t.client() };
});

afterAll(() => t.close());

const QUESTIONS = [
  {
    id: 'antal',
    kind: GatheringQuestionKind.Number,
    label: 'Hvor mange kommer I?',
    required: true,
    countsPeople: true,
  },
  { id: 'kost', kind: GatheringQuestionKind.Text, label: 'Særlig kost?', required: false },
];

function gatheringBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const start = Date.now() + 5 * DAY;
  return {
    kind: GatheringKind.FutureWorkshop,
    title: `Fremtidsværksted ${unique()}`,
    description: 'Kom og vær med til at forme landsbyens fremtid.',
    mode: GatheringMode.InPerson,
    address: 'Glumsø Forsamlingshus, Storegade 1, 4171 Glumsø',
    audience: GatheringAudience.VillagePanel,
    villageId: glumso.id,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3 * 3_600_000).toISOString(),
    capacity: 30,
    questions: QUESTIONS,
    ...overrides,
  };
}

async function create(
  by: TestClient,
  overrides: Record<string, unknown> = {},
): Promise<GatheringDto> {
  const res = await by.post<GatheringDto>('/api/gatherings', gatheringBody(overrides));
  expect(res.status).toBe(201);
  return res.body;
}

describe('access matrix', () => {
  type Who = VillagePerson | 'anonymous';
  const WHO: Who[] = [
    'secretariat',
    'coordinator',
    'otherCoordinator',
    'member',
    'otherMember',
    'learner',
    'anonymous',
  ];

  async function statuses(call: (c: TestClient) => Promise<{ status: number }>) {
    const out: Partial<Record<Who, number>> = {};
    for (const who of WHO) out[who] = (await call(as[who])).status;
    return out;
  }

  it('a village gathering: the village, its municipality and the secretariat; organisers act', async () => {
    const g = await create(as.member);
    const base = `/api/gatherings/${g.id}`;
    // Readers
    const read = {
      secretariat: 200,
      coordinator: 200,
      otherCoordinator: 404,
      member: 200,
      otherMember: 404,
      learner: 404,
      anonymous: 401,
    };
    expect(await statuses((c) => c.get(base))).toEqual(read);
    expect(await statuses((c) => c.get(`${base}/event.ics`))).toEqual(read);
    // Organisers (the coordinator of the village's municipality, its steering group, the secretariat)
    const organise = { ...read };
    expect(await statuses((c) => c.get(`${base}/registrations`))).toEqual(organise);
    expect(await statuses((c) => c.get(`${base}/registrations.csv`))).toEqual(organise);
    expect(
      await statuses((c) =>
        c.put(`${base}/minutes`, { minutes: 'Referat', goalIds: [], initiativeIds: [] }),
      ),
    ).toEqual(organise);
    expect(await statuses((c) => c.patch(base, { version: 999, title: 'Ny titel' }))).toEqual({
      ...read,
      secretariat: 409,
      coordinator: 409,
      member: 409,
    });
    expect(await statuses((c) => c.post(`${base}/check-ins`, { code: 'ZZZZZZZZ' }))).toEqual({
      ...read,
      secretariat: 404,
      coordinator: 404,
      member: 404,
    });
    expect(await statuses((c) => c.delete(`${base}/check-ins/${randomUUID()}`))).toEqual({
      ...read,
      secretariat: 404,
      coordinator: 404,
      member: 404,
    });
    expect(await statuses((c) => c.delete(`${base}/registrations/mine`))).toEqual({
      ...read,
      secretariat: 404,
      coordinator: 404,
      member: 404,
    });
    // Registering: the village panel is for anyone who sees it (guests use the public page).
    expect(
      await statuses((c) => c.post(`${base}/registrations`, { answers: { antal: 1 } })),
    ).toEqual({
      ...read,
      secretariat: 201,
      coordinator: 201,
      member: 201,
    });
    // The public page exists for guest audiences.
    expect((await as.anonymous.get(`/api/public/gatherings/${g.id}`)).status).toBe(200);
    // Cancel: the organisers only; once.
    for (const who of ['otherCoordinator', 'otherMember', 'learner'] as const) {
      expect((await as[who].post(`${base}/cancel`, {})).status).toBe(404);
    }
    expect((await as.anonymous.post(`${base}/cancel`, {})).status).toBe(401);
    expect((await as.member.post(`${base}/cancel`, {})).status).toBe(200);
    const twice = await as.secretariat.post<ErrorBody>(`${base}/cancel`, {});
    expect(twice.status).toBe(400);
    expect(twice.body.code).toBe(ErrorCode.GatheringOver);
  });

  it('a steering-group gathering: only the village’s steering members register; readers cannot organise', async () => {
    const g = await create(as.member, { audience: GatheringAudience.SteeringGroup, questions: [] });
    const reg = await statuses((c) => c.post(`/api/gatherings/${g.id}/registrations`, {}));
    expect(reg).toEqual({
      secretariat: 403,
      coordinator: 403,
      otherCoordinator: 404,
      member: 201,
      otherMember: 404,
      learner: 404,
      anonymous: 401,
    });
    expect((await as.anonymous.get(`/api/public/gatherings/${g.id}`)).status).toBe(404);
  });

  it('a conference for anyone: everyone reads and registers, only the secretariat organises', async () => {
    const g = await create(as.secretariat, {
      kind: GatheringKind.Conference,
      audience: GatheringAudience.Anyone,
      villageId: null,
      questions: [],
    });
    const base = `/api/gatherings/${g.id}`;
    expect(await statuses((c) => c.get(base))).toEqual({
      secretariat: 200,
      coordinator: 200,
      otherCoordinator: 200,
      member: 200,
      otherMember: 200,
      learner: 200,
      anonymous: 401,
    });
    expect(await statuses((c) => c.get(`${base}/registrations`))).toEqual({
      secretariat: 200,
      coordinator: 403,
      otherCoordinator: 403,
      member: 403,
      otherMember: 403,
      learner: 403,
      anonymous: 401,
    });
    expect(await statuses((c) => c.post(`${base}/registrations`, {}))).toEqual({
      secretariat: 201,
      coordinator: 201,
      otherCoordinator: 201,
      member: 201,
      otherMember: 201,
      learner: 201,
      anonymous: 401,
    });
  });

  it('creating: each role only where they may organise', async () => {
    const post = (c: TestClient, o: Record<string, unknown>) =>
      c.post('/api/gatherings', gatheringBody(o));
    expect((await post(as.otherMember, {})).status).toBe(403);
    expect((await post(as.otherCoordinator, {})).status).toBe(403);
    expect((await post(as.learner, {})).status).toBe(403);
    expect((await post(as.coordinator, {})).status).toBe(201);
    expect((await post(as.member, { audience: GatheringAudience.Anyone })).status).toBe(403);
    expect((await post(as.anonymous, {})).status).toBe(401);
    const bad = await post(as.member, { mode: GatheringMode.Online, url: null });
    expect(bad.status).toBe(400);
  });

  it('lists what each person may see', async () => {
    const g = await create(as.member);
    const ids = async (c: TestClient) =>
      (await c.get<Page<GatheringDto>>('/api/gatherings?pageSize=100')).body.items.map((i) => i.id);
    expect(await ids(as.secretariat)).toContain(g.id);
    expect(await ids(as.coordinator)).toContain(g.id);
    expect(await ids(as.member)).toContain(g.id);
    expect(await ids(as.otherCoordinator)).not.toContain(g.id);
    expect(await ids(as.otherMember)).not.toContain(g.id);
    expect(await ids(as.learner)).not.toContain(g.id);
  });
});

describe('places', () => {
  it('never over-fills under 40 concurrent sign-ups for 10 places; a cancel promotes one', async () => {
    const g = await create(as.secretariat, {
      kind: GatheringKind.Conference,
      audience: GatheringAudience.Anyone,
      villageId: null,
      capacity: 10,
      questions: [],
    });
    const people = await Promise.all(
      Array.from({ length: 40 }, async () =>
        signInAs(t, await t.factory.user({ role: Role.Learner })),
      ),
    );
    const results = await Promise.all(
      people.map((c) => c.post<MyRegistrationDto>(`/api/gatherings/${g.id}/registrations`, {})),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const confirmed = results.filter((r) => r.body.status === RegistrationStatus.Confirmed);
    const waitlisted = results.filter((r) => r.body.status === RegistrationStatus.Waitlisted);
    expect(confirmed).toHaveLength(10);
    expect(waitlisted).toHaveLength(30);
    const detail = (await as.secretariat.get<GatheringDto>(`/api/gatherings/${g.id}`)).body;
    expect(detail).toMatchObject({ placesTaken: 10, placesLeft: 0, waitlistCount: 30 });

    const first = people[results.indexOf(confirmed[0])];
    expect((await first.delete(`/api/gatherings/${g.id}/registrations/mine`)).status).toBe(204);
    const after = (await as.secretariat.get<GatheringDto>(`/api/gatherings/${g.id}`)).body;
    expect(after).toMatchObject({ placesTaken: 10, waitlistCount: 29 });
    const head = waitlisted.find((r) => r.body.waitlistPosition === 1);
    const promoted = people[results.indexOf(head as (typeof results)[number])];
    const mine = (await promoted.get<GatheringDto>(`/api/gatherings/${g.id}`)).body.myRegistration;
    expect(mine?.status).toBe(RegistrationStatus.Confirmed);
  });

  it('refuses duplicates (409), past and cancelled gatherings (400) and bad answers (400)', async () => {
    const g = await create(as.member);
    const url = `/api/gatherings/${g.id}/registrations`;
    expect((await as.member.post(url, { answers: { antal: 2, kost: 'Vegetar' } })).status).toBe(
      201,
    );
    const again = await as.member.post<ErrorBody>(url, { answers: { antal: 1 } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe(ErrorCode.AlreadyRegistered);
    const bad = await as.coordinator.post<ErrorBody>(url, { answers: { antal: 99 } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(ErrorCode.RegistrationAnswerInvalid);
    const missing = await as.coordinator.post<ErrorBody>(url, { answers: {} });
    expect(missing.body.code).toBe(ErrorCode.RegistrationAnswerInvalid);

    const [past] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO gatherings (kind, title, mode, address, audience, village_id, municipality_id,
         starts_at, ends_at, capacity)
       SELECT 'course', 'Forbi', 'in_person', 'Hallen', 'village_panel', id, municipality_id,
              now() - interval '3 hours', now() - interval '1 hour', 10 FROM villages WHERE id = $1
       RETURNING id`,
      [glumso.id],
    );
    const late = await as.member.post<ErrorBody>(`/api/gatherings/${past.id}/registrations`, {});
    expect(late.status).toBe(400);
    expect(late.body.code).toBe(ErrorCode.GatheringClosed);

    expect(
      (await as.member.post(`/api/gatherings/${g.id}/cancel`, { reason: 'Sygdom' })).status,
    ).toBe(200);
    const cancelled = await as.coordinator.post<ErrorBody>(url, { answers: { antal: 1 } });
    expect(cancelled.status).toBe(400);
    expect(cancelled.body.code).toBe(ErrorCode.GatheringClosed);
  });

  it('refuses a save from an older version with 409 version_conflict, and capacity below the taken places', async () => {
    const g = await create(as.member, { capacity: 5 });
    const ok = await as.member.patch<GatheringDto>(`/api/gatherings/${g.id}`, {
      version: g.version,
      title: 'Ny titel',
    });
    expect(ok.status).toBe(200);
    const stale = await as.coordinator.patch<ErrorBody>(`/api/gatherings/${g.id}`, {
      version: g.version,
      title: 'Min titel',
    });
    const member = (await as.member.get<{ name: string }>('/api/auth/me')).body;
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: ErrorCode.VersionConflict,
      params: { name: member.name, version: ok.body.version },
    });
    expect(stale.body.message).toContain(`${member.name} changed the gathering`);
    const huge = await as.member.patch<ErrorBody>(`/api/gatherings/${g.id}`, {
      version: 1e15,
      title: 'Min titel',
    });
    expect(huge.status).toBe(400);
    await as.member.post(`/api/gatherings/${g.id}/registrations`, { answers: { antal: 4 } });
    const low = await as.member.patch<ErrorBody>(`/api/gatherings/${g.id}`, {
      version: ok.body.version,
      capacity: 3,
    });
    expect(low.status).toBe(400);
    expect(low.body.code).toBe(ErrorCode.CapacityBelowTaken);
  });
});

describe('questions', () => {
  it('refuses a choice question with an empty or a repeated option', async () => {
    const choice = (options: string[]) => [
      { id: 'mad', kind: GatheringQuestionKind.Choice, label: 'Mad?', required: false, options },
    ];
    for (const options of [
      ['Kød', ' '],
      ['Kød', 'Fisk', 'Kød '],
    ]) {
      const res = await as.member.post<ErrorBody>(
        '/api/gatherings',
        gatheringBody({ questions: choice(options) }),
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(ErrorCode.ValidationFailed);
    }
  });
});

describe('minutes', () => {
  it('links only the village’s own goals and initiatives', async () => {
    const g = await create(as.member);
    const goal = await as.member.post<{ id: string }>(`/api/villages/${glumso.id}/goals`, {
      title: `Stier ${unique()}`,
      sdgs: [11],
    });
    expect(goal.status).toBe(201);
    const saved = await as.member.put<GatheringDto>(`/api/gatherings/${g.id}/minutes`, {
      minutes: 'Vi aftalte tre nye stier.',
      goalIds: [goal.body.id],
      initiativeIds: [],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.minutesGoalIds).toEqual([goal.body.id]);
    const stranger = await as.member.put<ErrorBody>(`/api/gatherings/${g.id}/minutes`, {
      minutes: 'x',
      goalIds: [],
      initiativeIds: [randomUUID()],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.code).toBe(ErrorCode.UnknownReference);
  });
});

describe('a guest, by mail', () => {
  it('registers, confirms by the link in the mail, gets the calendar file and QR code, and checks in once', async () => {
    const g = await create(as.member, { capacity: 3 });
    const email = `gaest-${unique()}@example.dk`;
    const guest = t.client();
    const reg = await guest.post<GuestRegistrationDto>(
      `/api/public/gatherings/${g.id}/registrations`,
      {
        name: 'Grethe Gæst',
        email,
        answers: { antal: 2, kost: '=HYPERLINK("x")' },
      },
    );
    expect(reg.status).toBe(202);
    expect(reg.body.status).toBe(RegistrationStatus.Pending);
    // Pending holds no place.
    expect((await as.member.get<GatheringDto>(`/api/gatherings/${g.id}`)).body.placesTaken).toBe(0);

    const mail = await t.smtp.waitFor(email);
    const token = tokenFrom(linkIn(mail, `${t.config.publicUrl}/moede/bekraeft?token=`));
    const confirmed = await guest.post<GuestRegistrationDto>(
      '/api/public/gatherings/registrations/confirm',
      { token },
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe(RegistrationStatus.Confirmed);
    expect(confirmed.body.places).toBe(2);
    // Idempotent.
    expect(
      (
        await guest.post<GuestRegistrationDto>('/api/public/gatherings/registrations/confirm', {
          token,
        })
      ).body.status,
    ).toBe(RegistrationStatus.Confirmed);

    const placeMail = await t.smtp.waitFor(email, 2);
    const ics = placeMail.attachments.find((a) => a.filename?.endsWith('.ics'));
    const qr = placeMail.attachments.find((a) => a.contentType === 'image/png');
    expect(qr).toBeDefined();
    expect(placeMail.html).toContain('alt="QR-kode til indtjekning');
    const calendar = new ICAL.Component(
      ICAL.parse((ics?.content ?? Buffer.from('')).toString('utf8')),
    );
    const event = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
    expect(event.getFirstPropertyValue('location')).toBe(
      'Glumsø Forsamlingshus, Storegade 1, 4171 Glumsø',
    );
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');

    // Registering again with the same address: 409.
    const again = await t.client().post<ErrorBody>(`/api/public/gatherings/${g.id}/registrations`, {
      name: 'Grethe',
      email,
      answers: { antal: 1 },
    });
    expect(again.status).toBe(409);

    // The organiser finds them by search and checks them in by the code; twice is a 409.
    const list = await as.member.get<Page<RegistrationDto>>(
      `/api/gatherings/${g.id}/registrations?q=grethe`,
    );
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ guest: true, places: 2 });
    const code = confirmed.body.checkInCode as string;
    const first = await as.member.post<CheckInResultDto>(`/api/gatherings/${g.id}/check-ins`, {
      code: code.toLowerCase(),
    });
    expect(first.status).toBe(200);
    expect(first.body.checkedInCount).toBe(2);
    const twice = await as.member.post<ErrorBody>(`/api/gatherings/${g.id}/check-ins`, { code });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe(ErrorCode.AlreadyCheckedIn);
    const undo = await as.member.delete<CheckInResultDto>(
      `/api/gatherings/${g.id}/check-ins/${list.body.items[0].id}`,
    );
    expect(undo.body.checkedInCount).toBe(0);

    // The caterer's list: `;`, CRLF, and the formula guarded (the BOM: registrations-csv.spec.ts;
    // fetch's text() drops it).
    const csv = await as.member.get<string>(`/api/gatherings/${g.id}/registrations.csv`);
    expect(csv.status).toBe(200);
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .startsWith('Navn;Pladser;Hvor mange kommer I?;Særlig kost?;Status'),
    ).toBe(true);
    expect(csv.body).toContain('\r\nGrethe Gæst;2;2;"\'=HYPERLINK(""x"")";Tilmeldt;\r\n');

    // The cancel link: preview, cancel; the calendar file then says CANCELLED once the gathering is.
    const cancelToken = tokenFrom(linkIn(placeMail, `${t.config.publicUrl}/moede/afmeld?token=`));
    const preview = await guest.get<GuestRegistrationDto>(
      `/api/public/gatherings/registrations/cancel?token=${cancelToken}`,
    );
    expect(preview.body.status).toBe(RegistrationStatus.Confirmed);
    const gone = await guest.post<GuestRegistrationDto>(
      '/api/public/gatherings/registrations/cancel',
      { token: cancelToken },
    );
    expect(gone.body.status).toBe(RegistrationStatus.Cancelled);
    await as.member.post(`/api/gatherings/${g.id}/cancel`, {});
    const cancelledIcs = await as.member.get<string>(`/api/gatherings/${g.id}/event.ics`);
    expect(cancelledIcs.body).toContain('STATUS:CANCELLED');
  });

  it('answers 410 to a forged link', async () => {
    const res = await t
      .client()
      .post<ErrorBody>('/api/public/gatherings/registrations/confirm', { token: 'x'.repeat(43) });
    expect(res.status).toBe(410);
    expect(res.body.code).toBe(ErrorCode.RegistrationLinkGone);
  });

  it('refuses an address with a quoted local part, which no mail would reach', async () => {
    const g = await create(as.member);
    const res = await t.client().post<ErrorBody>(`/api/public/gatherings/${g.id}/registrations`, {
      name: 'Grethe Gæst',
      email: '"grethe,anden@example.dk"@example.dk',
      answers: { antal: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.ValidationFailed);
  });
});

describe('reminders', () => {
  it('reminds each confirmed registration once, however often the job runs', async () => {
    const g = await create(as.member, { questions: [] });
    const person = await t.factory.user({ role: Role.SteeringMember, village: glumso });
    const email = person.email;
    const client = await signInAs(t, person);
    expect((await client.post(`/api/gatherings/${g.id}/registrations`, {})).status).toBe(201);
    await t.smtp.waitFor(email);
    const before = 1;
    const processor = t.app.get(InfoMeetingRemindersProcessor);
    const first = await processor.remind({ meetingId: g.id, startsAt: g.startsAt });
    expect(first.sent).toBe(1);
    const second = await processor.remind({ meetingId: g.id, startsAt: g.startsAt });
    expect(second.sent).toBe(0);
    const reminder = await t.smtp.waitFor(email, before + 1);
    expect(reminder.subject).toContain('Påmindelse');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(t.smtp.to(email)).toHaveLength(before + 1);
  });
});
