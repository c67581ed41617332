import {
  ApplicationStatus,
  CSRF_COOKIE,
  CSRF_HEADER,
  ErrorCode,
  FundingStatus,
  RequirementKey,
  RequirementState,
  Role,
  type ApplicationDetailDto,
  type ApplicationListResponse,
  type ApplicationReceiptDto,
  type CreateApplicationRequest,
  type ErrorBody,
  type InfoMeetingDto,
  type InfoMeetingSignupCancelDto,
  type Page,
  type PublicInfoMeetingDto,
} from '@blup/contracts';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { randomBytes } from 'node:crypto';
import {
  INFO_MEETINGS_QUEUE,
  infoMeetingJobId,
} from '../src/app/gatherings/info-meetings.constants';
import type { Municipality, User } from '../src/app/database/entities';
import { InfoMeetingReminderProducer } from '../src/app/gatherings/info-meeting-reminders.producer';
import { InfoMeetingRemindersProcessor } from '../src/app/gatherings/info-meeting-reminders.processor';
import { startTestApp, type TestApp } from './harness';
import type { TestClient, TestResponse } from './http-client';
import { signInAs } from './sign-in';
import { sessionCookieName } from '../src/app/auth/cookies';
import { deleteRedisKeys } from './global-teardown';
import { linkIn, tokenFrom } from './smtp-sink';
import { TEST_REDIS_URL } from './test-env';

/**
 * Applications and info meetings through the real endpoints, on the real PostgreSQL and Redis,
 * with mail to a real SMTP server. Approval goes through enrolment's real placeVillage.
 */
let t: TestApp;
let secretariat: User;
let sec: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  secretariat = await t.factory.user({ role: Role.Secretariat });
  sec = await signInAs(t, secretariat);
});
afterAll(() => t.close());

const unique = (): string => `${Date.now()}-${randomBytes(3).toString('hex')}`;
const DAY = 24 * 3_600_000;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A published cohort offering (and its cohort), written as enrolment's tables hold them. */
async function cohortOffering(
  opts: { capacity?: number; startsOn?: string; closed?: boolean } = {},
): Promise<{ id: string; cohortId: string; name: string }> {
  const name = `Hold ${unique()}`;
  const startsOn = opts.startsOn ?? new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10);
  const [cohort] = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO cohorts (name, start_date) VALUES ($1, $2) RETURNING id`,
    [name, startsOn],
  );
  const [offering] = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO offerings (kind, name, starts_on, capacity, price_dkk, approval, cohort_id,
                            published_at, closed_at)
     VALUES ('cohort', $1, $2, $3, 48000, 'secretariat', $4, now(), $5) RETURNING id`,
    [name, startsOn, opts.capacity ?? 10, cohort.id, opts.closed ? new Date() : null],
  );
  return { id: offering.id, cohortId: cohort.id, name };
}

function form(
  offeringId: string,
  municipality: Municipality,
  overrides: Partial<CreateApplicationRequest> = {},
): CreateApplicationRequest {
  const u = unique();
  return {
    offeringId,
    municipalityId: municipality.id,
    villageName: `Nyby ${u}`,
    contactName: 'Karen Kommune',
    contactEmail: `kontakt-${u}@kommune.dk`,
    fundingStatus: FundingStatus.Agreed,
    cooperationText: 'Borgerforeningen og idrætsforeningen laver sommerfest sammen hvert år.',
    people: [
      { name: 'Anne Lokal', email: `anne-${u}@example.dk`, position: 'formand' },
      { name: 'Bo Lokal', email: `bo-${u}@example.dk` },
    ],
    applicantName: 'Anne Lokal',
    applicantEmail: `anne-${u}@example.dk`,
    ...overrides,
  };
}

/** A multipart request as the browser sends it: JSON in `application`, the file in `agreement`. */
async function multipart<T>(
  client: TestClient,
  method: string,
  path: string,
  parts: { application?: unknown; file?: { name: string; content: Buffer; type: string } },
): Promise<TestResponse<T>> {
  if (!client.cookie(CSRF_COOKIE)) await client.raw('GET', '/api/auth/csrf');
  const body = new FormData();
  if (parts.application !== undefined) body.set('application', JSON.stringify(parts.application));
  if (parts.file) {
    body.set(
      'agreement',
      new Blob([new Uint8Array(parts.file.content)], { type: parts.file.type }),
      parts.file.name,
    );
  }
  const cookies = [CSRF_COOKIE, sessionCookieName(t.config)]
    .map((n) => [n, client.cookie(n)] as const)
    .filter(([, v]) => v)
    .map(([n, v]) => `${n}=${v}`);
  const res = await fetch(client.baseUrl + path, {
    method,
    body,
    headers: { cookie: cookies.join('; '), [CSRF_HEADER]: client.cookie(CSRF_COOKIE) ?? '' },
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

const state = (checklist: ApplicationReceiptDto['checklist'], key: RequirementKey) =>
  checklist.items.find((i) => i.key === key)?.state;

describe('applying and deciding', () => {
  it('takes a public application with the agreement, approves it and does the three things', async () => {
    const municipality = await t.factory.municipality();
    const offering = await cohortOffering();
    const body = form(offering.id, municipality, { fundingStatus: FundingStatus.Signed });
    const anonymous = t.client();

    const created = await multipart<ApplicationReceiptDto>(anonymous, 'POST', '/api/applications', {
      application: body,
      file: { name: 'Aftale med kommunen.pdf', content: PDF, type: 'application/pdf' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: ApplicationStatus.Submitted,
      villageName: body.villageName,
      hasAgreement: true,
    });
    expect(state(created.body.checklist, RequirementKey.Municipality)).toBe(RequirementState.Met);
    expect(state(created.body.checklist, RequirementKey.Locals)).toBe(RequirementState.Met);
    expect(state(created.body.checklist, RequirementKey.Cooperation)).toBe(
      RequirementState.ToAssess,
    );
    const receipt = await t.smtp.waitFor(body.applicantEmail as string);
    expect(receipt.subject).toContain(body.villageName as string);
    const id = created.body.id;

    // The pipeline shows it, with the counts under the same municipality filter.
    const list = await sec.get<ApplicationListResponse>(
      `/api/applications?municipalityId=${municipality.id}&status=submitted`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((a) => a.id)).toEqual([id]);
    expect(list.body.counts).toEqual({ submitted: 1, approved: 0, rejected: 0, withdrawn: 0 });
    expect(list.body.items[0].checklist.allMet).toBe(false);

    // The municipality's coordinator sees it, may not decide; another municipality's does not see it.
    const coordinator = await signInAs(
      t,
      await t.factory.user({ role: Role.Coordinator, municipality }),
    );
    expect(
      (await coordinator.get<ApplicationDetailDto>(`/api/applications/${id}`)).body,
    ).toMatchObject({
      id,
      canDecide: false,
    });
    expect((await coordinator.post(`/api/applications/${id}/approve`, {})).status).toBe(403);
    const stranger = await signInAs(t, await t.factory.user({ role: Role.Coordinator }));
    expect((await stranger.get(`/api/applications/${id}`)).status).toBe(404);
    const strangerList = await stranger.get<ApplicationListResponse>(
      `/api/applications?municipalityId=${municipality.id}`,
    );
    expect(strangerList.body.total).toBe(0);

    // The agreement downloads for the secretariat.
    const file = await sec.raw('GET', `/api/applications/${id}/agreement`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');

    // Cooperation not yet confirmed: no approval without an override reason.
    const refused = await sec.post<ErrorBody>(`/api/applications/${id}/approve`, {});
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: ErrorCode.RequirementsNotMet,
      params: { missing: 'cooperation' },
    });
    const blank = await sec.post<ErrorBody>(`/api/applications/${id}/approve`, {
      overrideReason: '   ',
    });
    expect(blank.status).toBe(400);
    expect(blank.body.code).toBe(ErrorCode.OverrideReasonRequired);

    const confirmed = await sec.post<ApplicationDetailDto>(`/api/applications/${id}/cooperation`, {
      confirmed: true,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.checklist.allMet).toBe(true);
    expect(confirmed.body.cooperationConfirmedBy?.id).toBe(secretariat.id);

    const approved = await sec.post<ApplicationDetailDto>(`/api/applications/${id}/approve`, {
      note: 'Velkommen',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: ApplicationStatus.Approved,
      overrideReason: null,
      decisionNote: 'Velkommen',
      canDecide: false,
    });
    const villageId = approved.body.villageId as string;
    expect(villageId).toBeTruthy();

    // 1. Placed: the new village is in the cohort, enrolled and paid by the municipality.
    const [village] = await t.dataSource.query<{ cohort_id: string; municipality_id: string }[]>(
      `SELECT cohort_id, municipality_id FROM villages WHERE id = $1`,
      [villageId],
    );
    expect(village).toEqual({ cohort_id: offering.cohortId, municipality_id: municipality.id });
    const enrolments = await t.dataSource.query<
      { status: string; payer: string; amount_dkk: number }[]
    >(
      `SELECT status, payer, amount_dkk FROM enrolments WHERE offering_id = $1 AND village_id = $2`,
      [offering.id, villageId],
    );
    expect(enrolments).toEqual([{ status: 'enrolled', payer: 'municipality', amount_dkk: 48000 }]);
    const circles = await t.dataSource.query<unknown[]>(
      `SELECT 1 FROM circles WHERE kind = 'village' AND village_id = $1 AND cohort_id = $2`,
      [villageId, offering.cohortId],
    );
    expect(circles).toHaveLength(1);

    // 2. The coordination group: steering members of the village, invited by mail.
    for (const person of body.people) {
      const [user] = await t.dataSource.query<
        { role: string; village_id: string; coordination_group: boolean }[]
      >(`SELECT role, village_id, coordination_group FROM users WHERE email = $1`, [person.email]);
      expect(user).toEqual({
        role: Role.SteeringMember,
        village_id: villageId,
        coordination_group: true,
      });
      // The applicant (Anne) got the receipt first; the invitation is her last mail.
      const mails = person.email === body.applicantEmail ? 2 : 1;
      const invitation = await t.smtp.waitFor(person.email, mails);
      expect(invitation.subject).toBe('Du er inviteret til BLUP Akademiet');
      const link = linkIn(invitation, 'http://blup.test/invitation?token=');
      const inspected = await t
        .client()
        .post<{ villageName: string }>('/api/invitations/inspect', { token: tokenFrom(link) });
      expect(inspected.status).toBe(200);
      expect(inspected.body.villageName).toBe(body.villageName);
    }

    // 3. The municipal contact is told.
    const notice = await t.smtp.waitFor(body.contactEmail);
    expect(notice.subject).toContain(body.villageName as string);
    expect(notice.text).toContain(offering.name);
    expect(notice.text).toContain('Anne Lokal');

    const again = await sec.post<ErrorBody>(`/api/applications/${id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe(ErrorCode.ApplicationDecided);
  });

  it('approves a missing requirement only with a recorded override reason', async () => {
    const municipality = await t.factory.municipality();
    const offering = await cohortOffering();
    const village = await t.factory.village(municipality);
    const body = form(offering.id, municipality, {
      villageName: null,
      villageId: village.id,
      fundingStatus: FundingStatus.Requested,
      cooperationText: '',
    });
    const created = await t.client().post<ApplicationReceiptDto>('/api/applications', body);
    expect(created.status).toBe(201);
    expect(created.body.checklist.items.map((i) => i.state)).toEqual([
      RequirementState.Missing,
      RequirementState.Met,
      RequirementState.Missing,
    ]);
    const refused = await sec.post<ErrorBody>(`/api/applications/${created.body.id}/approve`, {});
    expect(refused.body.params).toEqual({ missing: 'municipality, cooperation' });

    const reason = 'Kommunalbestyrelsen behandler bevillingen i næste uge; landsbyen er kendt.';
    const approved = await sec.post<ApplicationDetailDto>(
      `/api/applications/${created.body.id}/approve`,
      { overrideReason: reason },
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: ApplicationStatus.Approved,
      villageId: village.id,
      overrideReason: reason,
      decidedBy: { id: secretariat.id },
    });
    const [placed] = await t.dataSource.query<{ cohort_id: string }[]>(
      `SELECT cohort_id FROM villages WHERE id = $1`,
      [village.id],
    );
    expect(placed.cohort_id).toBe(offering.cohortId);
  });

  it('rejects with a note that is mailed to the applicant', async () => {
    const municipality = await t.factory.municipality();
    const offering = await cohortOffering();
    const body = form(offering.id, municipality);
    const created = await t.client().post<ApplicationReceiptDto>('/api/applications', body);
    const rejected = await sec.post<ApplicationDetailDto>(
      `/api/applications/${created.body.id}/reject`,
      { note: 'Holdet er fuldt med landsbyer fra jeres egn. Søg gerne næste hold.' },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe(ApplicationStatus.Rejected);
    const mail = await t.smtp.waitFor(body.applicantEmail as string, 2);
    expect(mail.text).toContain('Søg gerne næste hold.');
    const list = await sec.get<ApplicationListResponse>(
      `/api/applications?municipalityId=${municipality.id}`,
    );
    expect(list.body.counts.rejected).toBe(1);
    expect(
      (await sec.post(`/api/applications/${created.body.id}/approve`, { overrideReason: 'x' }))
        .status,
    ).toBe(409);
  });

  it('lets the applicant withdraw with the receipt link, once', async () => {
    const municipality = await t.factory.municipality();
    const offering = await cohortOffering();
    const created = await t
      .client()
      .post<ApplicationReceiptDto>('/api/applications', form(offering.id, municipality));
    const path = `/api/applications/${created.body.id}/withdraw`;
    expect((await t.client().post(`${path}?token=wrong`, {})).status).toBe(404);
    const withdrawn = await t
      .client()
      .post<{ status: string }>(`${path}?token=${created.body.uploadToken}`, {
        note: 'Vi venter et år.',
      });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe(ApplicationStatus.Withdrawn);
    const again = await sec.post<ErrorBody>(path, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe(ErrorCode.ApplicationDecided);
    const list = await sec.get<ApplicationListResponse>(
      `/api/applications?municipalityId=${municipality.id}&status=withdrawn`,
    );
    expect(list.body.items.map((a) => a.id)).toEqual([created.body.id]);
  });

  it('answers strangers 404 on withdraw and agreement upload, before telling any state', async () => {
    const municipality = await t.factory.municipality();
    const offering = await cohortOffering();
    const created = await t
      .client()
      .post<ApplicationReceiptDto>('/api/applications', form(offering.id, municipality));
    const id = created.body.id;
    const outsider = await signInAs(t, await t.factory.user({ role: Role.Learner }));
    const attempts = (appId: string): Promise<TestResponse<ErrorBody>>[] => [
      t.client().post<ErrorBody>(`/api/applications/${appId}/withdraw`, {}),
      t.client().post<ErrorBody>(`/api/applications/${appId}/withdraw?token=wrong`, {}),
      outsider.post<ErrorBody>(`/api/applications/${appId}/withdraw`, {}),
      multipart<ErrorBody>(t.client(), 'PUT', `/api/applications/${appId}/agreement`, {
        file: { name: 'aftale.pdf', content: PDF, type: 'application/pdf' },
      }),
      multipart<ErrorBody>(t.client(), 'PUT', `/api/applications/${appId}/agreement?token=nope`, {
        file: { name: 'aftale.pdf', content: PDF, type: 'application/pdf' },
      }),
    ];
    const nowhere = await Promise.all(attempts('00000000-0000-4000-8000-000000000000'));
    const expectLikeNowhere = (responses: TestResponse<ErrorBody>[]): void => {
      responses.forEach((res, i) => {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe(ErrorCode.NotFound);
        expect(res.body.message).toBe(nowhere[i].body.message);
      });
    };
    expect(nowhere.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);

    expectLikeNowhere(await Promise.all(attempts(id)));
    expect(
      (
        await t
          .client()
          .post(`/api/applications/${id}/withdraw?token=${created.body.uploadToken}`, {})
      ).status,
    ).toBe(200);
    // Decided now: still nothing to learn about it without the right to see it.
    expectLikeNowhere(await Promise.all(attempts(id)));
  });

  it('keeps the application submitted when the cohort is full', async () => {
    const municipality = await t.factory.municipality();
    const offering = await cohortOffering({ capacity: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const created = await t
        .client()
        .post<ApplicationReceiptDto>('/api/applications', form(offering.id, municipality));
      ids.push(created.body.id);
    }
    const first = await sec.post(`/api/applications/${ids[0]}/approve`, { overrideReason: 'Test' });
    expect(first.status).toBe(200);
    const second = await sec.post<ErrorBody>(`/api/applications/${ids[1]}/approve`, {
      overrideReason: 'Test',
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe(ErrorCode.OfferingFull);
    const detail = await sec.get<ApplicationDetailDto>(`/api/applications/${ids[1]}`);
    expect(detail.body.status).toBe(ApplicationStatus.Submitted);
    // Nothing of the failed approval stays: no village, no accounts.
    const people = await t.dataSource.query<unknown[]>(
      `SELECT 1 FROM users WHERE email = ANY($1::text[])`,
      [detail.body.people.map((p) => p.email)],
    );
    expect(people).toEqual([]);
  });

  it('answers bad input with a clear 400 (per row for people)', async () => {
    const municipality = await t.factory.municipality();
    const offering = await cohortOffering();
    const client = t.client();

    const onePerson = form(offering.id, municipality);
    onePerson.people = onePerson.people.slice(0, 1);
    const few = await client.post<ErrorBody>('/api/applications', onePerson);
    expect(few.status).toBe(400);
    expect(few.body.details?.['people']).toBeDefined();

    const dupes = form(offering.id, municipality);
    dupes.people[1].email = dupes.people[0].email.toUpperCase();
    const dupe = await client.post<ErrorBody>('/api/applications', dupes);
    expect(dupe.status).toBe(400);
    expect(Object.keys(dupe.body.details ?? {})).toEqual(['people.1.email']);

    const elsewhere = await t.factory.user({ role: Role.SteeringMember });
    const taken = form(offering.id, municipality);
    taken.people[1].email = elsewhere.email;
    const other = await client.post<ErrorBody>('/api/applications', taken);
    expect(other.status).toBe(400);
    expect(other.body.code).toBe(ErrorCode.PersonInOtherVillage);
    expect(Object.keys(other.body.details ?? {})).toEqual(['people.1.email']);

    const both = await client.post<ErrorBody>(
      '/api/applications',
      form(offering.id, municipality, { villageId: (await t.factory.village(municipality)).id }),
    );
    expect(both.status).toBe(400);

    const bogus = await multipart<ErrorBody>(client, 'POST', '/api/applications', {
      application: form(offering.id, municipality),
      file: { name: 'aftale.pdf', content: Buffer.from('MZ not a pdf'), type: 'application/pdf' },
    });
    expect(bogus.status).toBe(415);
    expect(bogus.body.code).toBe(ErrorCode.AgreementFileInvalid);

    const closed = await cohortOffering({ closed: true });
    const late = await client.post<ErrorBody>('/api/applications', form(closed.id, municipality));
    expect(late.status).toBe(400);
    expect(late.body.code).toBe(ErrorCode.OfferingClosed);

    const nameTaken = await client.post<ErrorBody>(
      '/api/applications',
      form(offering.id, municipality, {
        villageName: (await t.factory.village(municipality)).name.toUpperCase(),
      }),
    );
    expect(nameTaken.status).toBe(409);
    expect(nameTaken.body.code).toBe(ErrorCode.VillageNameTaken);

    const noApplicant = await client.post<ErrorBody>(
      '/api/applications',
      form(offering.id, municipality, { applicantName: null, applicantEmail: null }),
    );
    expect(noApplicant.status).toBe(400);
    expect(Object.keys(noApplicant.body.details ?? {})).toEqual([
      'applicantName',
      'applicantEmail',
    ]);
  });

  it('answers a broken multipart form (cut short, bad part header) with 400, not 500', async () => {
    const client = t.client();
    await client.raw('GET', '/api/auth/csrf');
    const csrf = client.cookie(CSRF_COOKIE) ?? '';
    const send = async (body: string): Promise<TestResponse<ErrorBody>> => {
      const res = await fetch(`${client.baseUrl}/api/applications`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'multipart/form-data; boundary=XBOUNDARY',
          cookie: `${CSRF_COOKIE}=${csrf}`,
          [CSRF_HEADER]: csrf,
        },
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as ErrorBody };
    };
    const cutShort = await send(
      '--XBOUNDARY\r\nContent-Disposition: form-data; name="application"\r\n\r\n{"a":1}',
    );
    expect(cutShort.status).toBe(400);
    expect(cutShort.body.code).toBe(ErrorCode.BadRequest);
    const badHeader = await send('--XBOUNDARY\r\nbogus\r\n\r\nx\r\n--XBOUNDARY--\r\n');
    expect(badHeader.status).toBe(400);
    expect(badHeader.body.code).toBe(ErrorCode.BadRequest);
  });

  it('lets a steering member apply for their own village only, and upload the agreement later', async () => {
    const municipality = await t.factory.municipality();
    const offering = await cohortOffering();
    const own = await t.factory.village(municipality);
    const member = await t.factory.user({ role: Role.SteeringMember, village: own });
    const client = await signInAs(t, member);
    const other = await t.factory.village(municipality);
    const refused = await client.post<ErrorBody>(
      '/api/applications',
      form(offering.id, municipality, { villageName: null, villageId: other.id }),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe(ErrorCode.ApplicationNotAllowed);

    const body = form(offering.id, municipality, {
      villageName: null,
      villageId: own.id,
      fundingStatus: FundingStatus.Signed,
      applicantName: null,
      applicantEmail: null,
    });
    body.people[0].email = member.email;
    const created = await client.post<ApplicationReceiptDto>('/api/applications', body);
    expect(created.status).toBe(201);
    expect(created.body.checklist.items[0].problems).toEqual(['agreement_missing']);
    const detail = await client.get<ApplicationDetailDto>(`/api/applications/${created.body.id}`);
    expect(detail.body.applicantEmail).toBe(member.email);

    const wrongToken = await multipart<ErrorBody>(
      t.client(),
      'PUT',
      `/api/applications/${created.body.id}/agreement?token=nope`,
      { file: { name: 'aftale.pdf', content: PDF, type: 'application/pdf' } },
    );
    expect(wrongToken.status).toBe(404);
    const uploaded = await multipart<ApplicationReceiptDto>(
      t.client(),
      'PUT',
      `/api/applications/${created.body.id}/agreement?token=${created.body.uploadToken}`,
      { file: { name: 'aftale.pdf', content: PDF, type: 'application/pdf' } },
    );
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.checklist.items[0].state).toBe(RequirementState.Met);

    // The existing member is flagged, not invited again.
    await sec.post(`/api/applications/${created.body.id}/cooperation`, { confirmed: true });
    const approved = await sec.post<ApplicationDetailDto>(
      `/api/applications/${created.body.id}/approve`,
      {},
    );
    expect(approved.status).toBe(200);
    const [flagged] = await t.dataSource.query<{ coordination_group: boolean }[]>(
      `SELECT coordination_group FROM users WHERE id = $1`,
      [member.id],
    );
    expect(flagged.coordination_group).toBe(true);
    await t.smtp.waitFor(body.people[1].email);
    expect(t.smtp.to(member.email).map((m) => m.subject)).not.toContain(
      'Du er inviteret til BLUP Akademiet',
    );
  });
});

describe('info meetings', () => {
  const createMeeting = async (capacity: number, startsInMs = 3 * DAY): Promise<InfoMeetingDto> => {
    const startsAt = new Date(Date.now() + startsInMs);
    const res = await sec.post<InfoMeetingDto>('/api/info-meetings', {
      title: `Infomøde ${unique()}`,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      url: 'https://meet.jit.si/blup-info',
      capacity,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const signup = (meetingId: string, email: string) =>
    t.client().post<ErrorBody>(`/api/info-meetings/${meetingId}/signups`, {
      name: 'Lis Lokal',
      email,
      villageName: 'Nyby',
    });

  it('signs up within capacity, refuses duplicates and a full meeting, and cancels by link', async () => {
    const meeting = await createMeeting(2);
    const upcoming = await t
      .client()
      .get<Page<PublicInfoMeetingDto>>('/api/info-meetings/upcoming?pageSize=100');
    expect(upcoming.status).toBe(200);
    const listed = upcoming.body.items.find((m) => m.id === meeting.id);
    expect(listed).toMatchObject({ placesLeft: 2, full: false });
    expect(listed).not.toHaveProperty('url');

    const [a, b, c] = ['a', 'b', 'c'].map((x) => `${x}-${unique()}@example.dk`);
    expect((await signup(meeting.id, a)).status).toBe(201);
    const dupe = await signup(meeting.id, a.toUpperCase());
    expect(dupe.status).toBe(409);
    expect(dupe.body.code).toBe(ErrorCode.AlreadySignedUp);
    expect((await signup(meeting.id, b)).status).toBe(201);
    const full = await signup(meeting.id, c);
    expect(full.status).toBe(409);
    expect(full.body.code).toBe(ErrorCode.InfoMeetingFull);

    const confirmation = await t.smtp.waitFor(a);
    expect(confirmation.text).toContain('https://meet.jit.si/blup-info');
    const cancelLink = linkIn(
      confirmation,
      'http://blup.test/enrolment/info-meetings/cancel?token=',
    );
    const token = tokenFrom(cancelLink);
    const preview = await t
      .client()
      .get<InfoMeetingSignupCancelDto>(`/api/info-meetings/signups/cancel?token=${token}`);
    expect(preview.body).toMatchObject({ meetingTitle: meeting.title, cancelled: false });
    const cancelled = await t
      .client()
      .post<InfoMeetingSignupCancelDto>('/api/info-meetings/signups/cancel', { token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancelled).toBe(true);
    const gone = await t.client().post<ErrorBody>('/api/info-meetings/signups/cancel', { token });
    expect(gone.status).toBe(410);
    expect((await signup(meeting.id, c)).status).toBe(201);

    const signups = await sec.get<Page<{ email: string }>>(
      `/api/info-meetings/${meeting.id}/signups`,
    );
    expect(signups.body.items.map((s) => s.email).sort()).toEqual([b, c].sort());
  });

  it('never over-fills under concurrent sign-ups', async () => {
    const meeting = await createMeeting(3);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signup(meeting.id, `race-${i}-${unique()}@example.dk`)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(
      results
        .filter((r) => r.status === 409)
        .every((r) => r.body.code === ErrorCode.InfoMeetingFull),
    ).toBe(true);
    const detail = await sec.get<InfoMeetingDto>(`/api/info-meetings/${meeting.id}`);
    expect(detail.body).toMatchObject({ signupCount: 3, placesLeft: 0 });
  });

  it('refuses a meeting that has started or is cancelled with offering_closed', async () => {
    const [past] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO gatherings (title, starts_at, ends_at, url, capacity)
       VALUES ('Forbi', now() - interval '2 hours', now() - interval '1 hour', 'https://x.test/m', 5)
       RETURNING id`,
    );
    const late = await signup(past.id, `late-${unique()}@example.dk`);
    expect(late.status).toBe(400);
    expect(late.body.code).toBe(ErrorCode.OfferingClosed);

    const meeting = await createMeeting(5);
    const email = `told-${unique()}@example.dk`;
    await signup(meeting.id, email);
    expect((await sec.delete(`/api/info-meetings/${meeting.id}`)).status).toBe(200);
    const cancelMail = await t.smtp.waitFor(email, 2);
    expect(cancelMail.subject).toContain('Aflyst');
    expect((await signup(meeting.id, `after-${unique()}@example.dk`)).body.code).toBe(
      ErrorCode.OfferingClosed,
    );
  });

  it('checks who may plan meetings and what they hold', async () => {
    const learner = await signInAs(t, await t.factory.user({ role: Role.Learner }));
    expect((await learner.get('/api/info-meetings')).status).toBe(403);
    const bad = await sec.post<ErrorBody>('/api/info-meetings', {
      title: 'Forkert',
      startsAt: new Date(Date.now() + DAY).toISOString(),
      endsAt: new Date(Date.now() + DAY + 3_600_000).toISOString(),
      url: 'http://not-https.test',
      capacity: 10,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(ErrorCode.UrlNotHttps);
  });

  it('moves a meeting: a new reminder job for the new time, and everyone is reminded again', async () => {
    const meeting = await createMeeting(5, 3 * DAY);
    const email = `moved-${unique()}@example.dk`;
    await signup(meeting.id, email);
    await t.dataSource.query(
      `UPDATE gathering_registrations SET reminded_at = now() WHERE gathering_id = $1`,
      [meeting.id],
    );
    const newStart = new Date(Date.parse(meeting.startsAt) + DAY);
    const moved = await sec.patch<InfoMeetingDto>(`/api/info-meetings/${meeting.id}`, {
      startsAt: newStart.toISOString(),
      endsAt: new Date(newStart.getTime() + 3_600_000).toISOString(),
    });
    expect(moved.status).toBe(200);
    const queue = t.app.get<Queue>(getQueueToken(INFO_MEETINGS_QUEUE));
    expect(await queue.getJob(infoMeetingJobId(meeting.id, new Date(meeting.startsAt)))).toBeNull();
    expect(await (await queue.getJob(infoMeetingJobId(meeting.id, newStart)))?.getState()).toBe(
      'delayed',
    );
    const [row] = await t.dataSource.query<{ reminded_at: Date | null }[]>(
      `SELECT reminded_at FROM gathering_registrations WHERE gathering_id = $1`,
      [meeting.id],
    );
    expect(row.reminded_at).toBeNull();
    const backwards = await sec.patch<ErrorBody>(`/api/info-meetings/${meeting.id}`, {
      endsAt: new Date(newStart.getTime() - 60_000).toISOString(),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.code).toBe(ErrorCode.SessionEndsBeforeStart);
  });

  it('sends the reminder once, 24 hours before, through the Bull queue', async () => {
    const meeting = await createMeeting(5, 3 * DAY);
    const email = `remind-${unique()}@example.dk`;
    expect((await signup(meeting.id, email)).status).toBe(201);
    await t.smtp.waitFor(email); // the confirmation

    // One delayed job, due 24 hours before the start; promoted as if that time had come.
    const startsAt = new Date(meeting.startsAt);
    const producer = t.app.get(InfoMeetingReminderProducer);
    const queue = t.app.get<Queue>(getQueueToken(INFO_MEETINGS_QUEUE));
    const job = await queue.getJob(infoMeetingJobId(meeting.id, startsAt));
    expect(await job?.getState()).toBe('delayed');
    const dueAt = (job?.timestamp ?? 0) + (job?.opts.delay ?? 0);
    expect(Math.abs(dueAt - (startsAt.getTime() - DAY))).toBeLessThan(5000);
    await job?.promote();
    const reminder = await t.smtp.waitFor(email, 2);
    expect(reminder.subject).toContain('Påmindelse');
    expect(reminder.text).toContain('https://meet.jit.si/blup-info');

    // Again, directly and through the queue: nothing more is sent.
    const processor = t.app.get(InfoMeetingRemindersProcessor);
    expect(await processor.remind({ meetingId: meeting.id, startsAt: meeting.startsAt })).toEqual({
      sent: 0,
    });
    await producer.schedule(meeting.id, startsAt, new Date(startsAt.getTime() - DAY));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(t.smtp.to(email)).toHaveLength(2);
    const [row] = await t.dataSource.query<{ reminded_at: Date | null }[]>(
      `SELECT reminded_at FROM gathering_registrations WHERE email = $1`,
      [email],
    );
    expect(row.reminded_at).not.toBeNull();
  });
});

describe('form options: villages page by page', () => {
  it('lists a municipality’s villages in pages, searched by name, with the cohort flag', async () => {
    const m = await t.factory.municipality();
    const tag = unique();
    const names = ['Alby', 'Borup', 'Dalby', 'Egeby', 'Fjelde'].map((n) => `${n} ${tag}`);
    for (const n of names) await t.factory.village(m, n);
    const offering = await cohortOffering();
    await t.dataSource.query(`UPDATE villages SET cohort_id = $1 WHERE name = $2`, [
      offering.cohortId,
      names[1],
    ]);
    const other = await t.factory.municipality();
    await t.factory.village(other, `Andetsted ${tag}`);

    const options = await t
      .client()
      .get<{ municipalities: { id: string; name: string }[] }>('/api/applications/form-options');
    expect(options.status).toBe(200);
    expect(options.body.municipalities.length).toBeLessThanOrEqual(100);
    expect(options.body.municipalities[0]).not.toHaveProperty('villages');

    const page1 = await t
      .client()
      .get<Page<{ id: string; name: string; inCohort: boolean }>>(
        `/api/applications/form-options/villages?municipalityId=${m.id}&pageSize=2`,
      );
    expect(page1.status).toBe(200);
    expect(page1.body.total).toBe(5);
    expect(page1.body.items.map((v) => v.name)).toEqual(names.slice(0, 2));
    expect(page1.body.items.map((v) => v.inCohort)).toEqual([false, true]);
    const page3 = await t
      .client()
      .get<Page<{ name: string }>>(
        `/api/applications/form-options/villages?municipalityId=${m.id}&pageSize=2&page=3`,
      );
    expect(page3.body.items.map((v) => v.name)).toEqual([names[4]]);

    const searched = await t
      .client()
      .get<Page<{ name: string }>>(
        `/api/applications/form-options/villages?municipalityId=${m.id}&q=${encodeURIComponent('eGe')}`,
      );
    expect(searched.body.items.map((v) => v.name)).toEqual([names[3]]);

    const missing = await t
      .client()
      .get<ErrorBody>('/api/applications/form-options/villages?pageSize=500');
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toMatch(/municipalityId/);
  });
});

/** Its own app and Redis prefix with a low limit, so no other suite meets these counters. */
describe('rate limit on the public forms', () => {
  let rl: TestApp;
  const prefix = `${process.env['REDIS_PREFIX']}_apply_rl`;
  beforeAll(async () => {
    rl = await startTestApp({ REDIS_PREFIX: prefix, SIGNIN_LIMIT_PER_IP: '2' });
  });
  afterAll(async () => {
    await rl.close();
    await deleteRedisKeys(TEST_REDIS_URL, `${prefix}:`);
  });

  it('answers 429 with Retry-After to a network that applies too often, and stores nothing', async () => {
    const offering = await cohortOffering();
    const m = await t.factory.municipality();
    const c = rl.client('198.51.100.210');
    for (let i = 0; i < 2; i++) {
      const ok = await c.post<ApplicationReceiptDto>('/api/applications', form(offering.id, m));
      expect(ok.status).toBe(201);
    }
    const third = form(offering.id, m);
    const limited = await c.post<ErrorBody>('/api/applications', third);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe(ErrorCode.ApplicationRateLimited);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const rows = await rl.dataSource.query(`SELECT 1 FROM applications WHERE village_name = $1`, [
      third.villageName,
    ]);
    expect(rows).toEqual([]);
    // Another network still gets through.
    const other = await rl.client('198.51.100.211').post('/api/applications', third);
    expect(other.status).toBe(201);
  });

  it('answers 429 with Retry-After to a network that signs up for info meetings too often', async () => {
    const startsAt = new Date(Date.now() + 5 * DAY);
    const [meeting] = await rl.dataSource.query<{ id: string }[]>(
      `INSERT INTO gatherings (title, starts_at, ends_at, url, capacity)
       VALUES ($1, $2, $3, 'https://meet.jit.si/blup-rl', 50) RETURNING id`,
      [`Infomøde ${unique()}`, startsAt, new Date(startsAt.getTime() + 3_600_000)],
    );
    const c = rl.client('198.51.100.212');
    const signUp = (email: string) =>
      c.post<ErrorBody>(`/api/info-meetings/${meeting.id}/signups`, { name: 'Lis Lokal', email });
    for (let i = 0; i < 2; i++) {
      expect((await signUp(`rl-${i}-${unique()}@example.dk`)).status).toBe(201);
    }
    const email = `rl-3-${unique()}@example.dk`;
    const limited = await signUp(email);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe(ErrorCode.InfoMeetingSignUpRateLimited);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const rows = await rl.dataSource.query(
      `SELECT 1 FROM gathering_registrations WHERE gathering_id = $1 AND email = $2`,
      [meeting.id, email],
    );
    expect(rows).toEqual([]);
  });
});
