import { addDays, DEFAULT_COHORT_PRICE_DKK } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { Cohort, User, Village } from '../database/entities';
import { PROCESS_DAYS, type DemoCalendar } from './demo-calendar';
import { BLUP_COURSE_TITLE } from './demo-courses';

export interface DemoEnrolmentCounts {
  offerings: number;
  enrolments: number;
  infoMeetings: number;
  applications: number;
}

const DAY = 86_400_000;

/** A date `days` from `now` (YYYY-MM-DD, UTC). */
const dateIn = (now: Date, days: number): string =>
  new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

/** 19:00–20:30 Danish winter time, `days` from `now`. */
function eveningIn(now: Date, days: number): { startsAt: Date; endsAt: Date } {
  const day = new Date(now.getTime() + days * DAY);
  const startsAt = new Date(
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 18, 0, 0),
  );
  return { startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000) };
}

/**
 * Issue 6's demo, on the demo calendar: the running cohort's offering (its ten villages
 * enrolled and paid by their municipalities; started, so closed to applications) and the next
 * cohort, open and empty, with applications; a mini-BLUP offering of the Kortlægning module, left empty so that the demo
 * village outside any cohort (Ferritslev) can enrol in it from the browser; two
 * academy-course offerings (one free and self-paced, one priced with secretariat approval); two
 * info meetings; three applications: one ready to approve, one missing the funding, one rejected.
 */
export async function writeDemoEnrolment(
  em: EntityManager,
  calendar: DemoCalendar,
  cohorts: Cohort[],
  villages: Village[],
  people: User[],
): Promise<DemoEnrolmentCounts> {
  const now = new Date();
  const secretariat = people.find((p) => p.email === 'sekretariat@blup.test') ?? null;
  const by = secretariat?.id ?? null;
  const spring = cohorts.find((c) => c.name === calendar.running.name);
  if (!spring) throw new Error(`The demo data has no cohort "${calendar.running.name}".`);
  const insertOffering = async (values: Record<string, unknown>): Promise<string> => {
    const columns = Object.keys(values);
    const [row] = await em.query<{ id: string }[]>(
      `INSERT INTO offerings (${columns.join(', ')}, published_at, created_by_id)
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}, now(), $${columns.length + 1})
       RETURNING id`,
      [...Object.values(values), by],
    );
    return row.id;
  };
  const enrol = async (
    offeringId: string,
    party: { villageId?: string; userId?: string },
    status: 'enrolled' | 'pending' | 'waitlisted',
    payer: string,
    amount: number,
  ): Promise<void> => {
    await em.query(
      `INSERT INTO enrolments (offering_id, village_id, user_id, status, payer, amount_dkk,
                               created_by_id, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        offeringId,
        party.villageId ?? null,
        party.userId ?? null,
        status,
        payer,
        amount,
        by,
        status === 'enrolled' ? now : null,
      ],
    );
  };

  let enrolments = 0;
  const springId = await insertOffering({
    kind: 'cohort',
    name: spring.name,
    description:
      'Et forløb på ca. ni måneder for ti landsbyer: opstart, fire moduler og studiekredse. Kommunen betaler pr. landsby.',
    starts_on: spring.startDate,
    ends_on: addDays(spring.startDate, PROCESS_DAYS),
    capacity: 12,
    price_dkk: DEFAULT_COHORT_PRICE_DKK,
    approval: 'secretariat',
    cohort_id: spring.id,
  });
  for (const v of villages.filter((x) => x.cohortId === spring.id)) {
    await enrol(
      springId,
      { villageId: v.id },
      'enrolled',
      'municipality',
      DEFAULT_COHORT_PRICE_DKK,
    );
    enrolments++;
  }
  const [autumn] = await em.query<{ id: string; start_date: string }[]>(
    `INSERT INTO cohorts (name, start_date) VALUES ($1, $2)
     RETURNING id, to_char(start_date, 'YYYY-MM-DD') AS start_date`,
    [calendar.next.name, calendar.next.startDate],
  );
  await insertOffering({
    kind: 'cohort',
    name: calendar.next.name,
    description:
      'Næste hold: et forløb på ca. ni måneder med opstart, fire moduler og studiekredse. Ansøg nu: der er ti pladser.',
    starts_on: autumn.start_date,
    ends_on: addDays(autumn.start_date, PROCESS_DAYS),
    capacity: 10,
    price_dkk: DEFAULT_COHORT_PRICE_DKK,
    approval: 'secretariat',
    cohort_id: autumn.id,
  });

  const [mapping] = await em.query<{ id: string; course_id: string }[]>(
    `SELECT m.id, m.course_id FROM course_modules m JOIN courses c ON c.id = m.course_id
      WHERE c.title = $1 AND m.phase = 'mapping' ORDER BY m.position LIMIT 1`,
    [BLUP_COURSE_TITLE],
  );
  let miniBlup: string | null = null;
  if (mapping) {
    miniBlup = await insertOffering({
      kind: 'mini_blup',
      name: 'Mini-BLUP: Kortlægning',
      description:
        'Kun kortlægningsfasen: landsbyens ressourcer, ønsker og muligheder. Modulet online (videoer, tekster og skabeloner) åbner straks ved tilmelding. Derefter aftaler sekretariatet tre aftener med landsbyen: datoer, sted og mødelink.',
      starts_on: dateIn(now, 75),
      ends_on: dateIn(now, 135),
      capacity: 8,
      price_dkk: 12_000,
      approval: 'automatic',
      module_id: mapping.id,
      course_id: mapping.course_id,
    });
  }

  const academy = await em.query<{ id: string; title: string }[]>(
    `SELECT id, title FROM courses WHERE audience = 'academy' ORDER BY position, title`,
  );
  const politician = people.find((p) => p.email === 'politiker.kerteminde@blup.test');
  for (const [i, course] of academy.entries()) {
    const free = i === 0;
    const id = await insertOffering({
      kind: 'academy_course',
      name: course.title,
      description: free
        ? 'Gratis og i dit eget tempo. For lokalråd, kommunale medarbejdere og politikere.'
        : 'Fire uger med en opgave hver uge. Sekretariatet godkender tilmeldingen.',
      starts_on: free ? null : dateIn(now, 45),
      ends_on: free ? null : dateIn(now, 73),
      capacity: free ? null : 15,
      price_dkk: free ? 0 : 1_500,
      approval: free ? 'automatic' : 'secretariat',
      audience: free ? 'everyone' : 'local_council',
      course_id: course.id,
    });
    if (!free && politician) {
      await enrol(id, { userId: politician.id }, 'pending', 'municipality', 1_500);
      enrolments++;
    }
  }
  const offerings = 2 + (miniBlup ? 1 : 0) + academy.length;

  // Info meetings: online, in the evening, two weeks and five weeks ahead.
  const meetings = [
    { days: 14, title: 'Infomøde: Hvad er BLUP?' },
    { days: 35, title: 'Infomøde for kommuner: BLUP-forløb i jeres landsbyer' },
  ];
  for (const m of meetings) {
    const { startsAt, endsAt } = eveningIn(now, m.days);
    await em.query(
      `INSERT INTO gatherings (title, starts_at, ends_at, url, capacity, description)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        m.title,
        startsAt,
        endsAt,
        'https://meet.jit.si/blup-infomoede',
        40,
        'Hør om forløbet, de tre krav og økonomien, og stil spørgsmål. Mødet foregår online.',
      ],
    );
  }

  // Applications for the next cohort: new villages, so placing them never clashes with the demo.
  const [municipality] = await em.query<{ id: string; name: string }[]>(
    `SELECT id, name FROM municipalities WHERE name = 'Kerteminde'`,
  );
  const applications = municipality
    ? [
        {
          village: 'Mesinge',
          funding: 'agreed',
          text: 'Vi har et aktivt lokalråd, en forsamlingshusforening og en fælles årlig sommerfest, som alle foreninger står for sammen.',
          people: [
            ['Karen Holm', 'karen.holm@mesinge.blup.test'],
            ['Peter Lund', 'peter.lund@mesinge.blup.test'],
          ],
          status: 'submitted',
          confirmed: true,
        },
        {
          village: 'Viby Fyn Nord',
          funding: 'requested',
          text: 'Vi er ved at samle foreningerne og mødes en gang om måneden.',
          people: [
            ['Anders Bech', 'anders.bech@viby.blup.test'],
            ['Sofie Dahl', 'sofie.dahl@viby.blup.test'],
          ],
          status: 'submitted',
          confirmed: false,
        },
        {
          village: 'Hundslev',
          funding: 'requested',
          text: '',
          people: [['Bo Krag', 'bo.krag@hundslev.blup.test']],
          status: 'rejected',
          confirmed: false,
        },
      ]
    : [];
  for (const a of applications) {
    const [row] = await em.query<{ id: string }[]>(
      `INSERT INTO applications (offering_id, village_name, new_village, municipality_id,
          contact_name, contact_email, funding_status, cooperation_text,
          cooperation_confirmed_by_id, cooperation_confirmed_at, status, decided_by_id,
          decided_at, decision_note, applicant_name, applicant_email)
       SELECT o.id, $1, true, $2, 'Lene Kommunal', 'landdistrikter@kerteminde.blup.test', $3, $4,
              $5, $6, $7, $8, $9, $10, $11, $12
         FROM offerings o WHERE o.name = $13 AND o.kind = 'cohort'
       RETURNING id`,
      [
        a.village,
        municipality?.id,
        a.funding,
        a.text,
        a.confirmed ? by : null,
        a.confirmed ? now : null,
        a.status,
        a.status === 'rejected' ? by : null,
        a.status === 'rejected' ? now : null,
        a.status === 'rejected'
          ? 'Der mangler en tovholder mere og en aftale med kommunen. I er velkomne til at søge igen.'
          : null,
        a.people[0][0],
        a.people[0][1],
        calendar.next.name,
      ],
    );
    for (const [i, [name, email]] of a.people.entries()) {
      await em.query(
        `INSERT INTO application_people (application_id, name, email, position, sort)
         VALUES ($1, $2, $3, $4, $5)`,
        [row.id, name, email, i === 0 ? 'Formand for lokalrådet' : 'Tovholder', i],
      );
    }
  }

  return {
    offerings,
    enrolments,
    infoMeetings: meetings.length,
    applications: applications.length,
  };
}
