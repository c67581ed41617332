import { GatheringQuestionKind, Phase, type GatheringQuestion } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { hashToken, newToken } from '../auth/tokens';
import type { Cohort, Municipality, User, Village } from '../database/entities';
import { newCheckInCode } from '../gatherings/check-in-code';

/**
 * The demo's gatherings (issue 16): Glumsø og Omegn's future workshop for all its citizens (full,
 * with guests, diet answers and a waitlist), the BLUP conference, the running cohort's start
 * workshop and module-1 course, the online storytelling course, a past citizens' meeting with
 * minutes and check-ins, and Næstved's academy cooperation workshops. Times are relative to the
 * moment of seeding; every person and address is invented.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const PEOPLE_AND_DIET: GatheringQuestion[] = [
  {
    id: 'antal',
    kind: GatheringQuestionKind.Number,
    label: 'Hvor mange kommer I?',
    required: true,
    countsPeople: true,
  },
  {
    id: 'kost',
    kind: GatheringQuestionKind.Text,
    label: 'Særlig kost eller allergi?',
    required: false,
  },
];

/** An evening `days` ahead (or back), 18:00–21:00 Danish time, roughly. */
function evening(now: Date, days: number, hours = 3): { startsAt: Date; endsAt: Date } {
  const d = new Date(now.getTime() + days * DAY);
  d.setUTCHours(17, 0, 0, 0);
  return { startsAt: d, endsAt: new Date(d.getTime() + hours * HOUR) };
}

/** A daytime gathering (the conference, the five-hour course): from 08:00 UTC (9 or 10 o'clock). */
function daytime(now: Date, days: number, hours: number): { startsAt: Date; endsAt: Date } {
  const d = new Date(now.getTime() + days * DAY);
  d.setUTCHours(8, 0, 0, 0);
  return { startsAt: d, endsAt: new Date(d.getTime() + hours * HOUR) };
}

interface DemoGathering {
  kind: string;
  title: string;
  description: string;
  mode: 'in_person' | 'online' | 'hybrid';
  address: string | null;
  url: string | null;
  phase: Phase | null;
  audience: string;
  villageId: string | null;
  cohortId: string | null;
  municipalityId: string | null;
  when: { startsAt: Date; endsAt: Date };
  capacity: number;
  questions: GatheringQuestion[];
  createdBy: string | null;
}

interface DemoRegistration {
  user?: User;
  name?: string;
  email?: string;
  status: 'confirmed' | 'waitlisted' | 'pending';
  answers?: Record<string, string | number>;
  checkedIn?: boolean;
}

async function insertGathering(em: EntityManager, g: DemoGathering): Promise<string> {
  const [row] = await em.query<{ id: string }[]>(
    `INSERT INTO gatherings (kind, title, description, mode, address, url, phase, audience,
       village_id, cohort_id, municipality_id, starts_at, ends_at, capacity, questions, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16)
     RETURNING id`,
    [
      g.kind,
      g.title,
      g.description,
      g.mode,
      g.address,
      g.url,
      g.phase,
      g.audience,
      g.villageId,
      g.cohortId,
      g.municipalityId,
      g.when.startsAt,
      g.when.endsAt,
      g.capacity,
      JSON.stringify(g.questions),
      g.createdBy,
    ],
  );
  return row.id;
}

async function insertRegistrations(
  em: EntityManager,
  gatheringId: string,
  registrations: DemoRegistration[],
  checkedInAt: Date | null = null,
): Promise<void> {
  // A demo person missing from the people list is left out.
  for (const r of registrations.filter((x) => !('user' in x) || x.user)) {
    const answers = r.answers ?? {};
    const places = typeof answers['antal'] === 'number' ? Math.max(1, answers['antal']) : 1;
    await em.query(
      `INSERT INTO gathering_registrations (gathering_id, user_id, name, email, status, places,
         answers, cancel_token_hash, confirm_token_hash, check_in_code, checked_in_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11)`,
      [
        gatheringId,
        r.user?.id ?? null,
        r.user?.name ?? r.name,
        (r.user?.email ?? r.email ?? '').toLowerCase(),
        r.status,
        places,
        JSON.stringify(answers),
        hashToken(newToken()),
        r.status === 'pending' ? hashToken(newToken()) : null,
        newCheckInCode(),
        r.checkedIn ? checkedInAt : null,
      ],
    );
  }
}

export async function writeDemoGatherings(
  em: EntityManager,
  municipalities: Municipality[],
  cohorts: Cohort[],
  villages: Village[],
  people: User[],
): Promise<{ gatherings: number }> {
  const now = new Date();
  const village = (name: string) => villages.find((v) => v.name === name);
  const person = (email: string) => people.find((p) => p.email === email);
  const glumso = village('Glumsø og Omegn');
  const naestved = municipalities.find((m) => m.name === 'Næstved');
  const secretariat = person('sekretariat@blup.test') ?? null;
  if (!glumso || !naestved) return { gatherings: 0 };
  const running = cohorts.find((c) => c.id === glumso.cohortId) ?? null;
  let count = 0;
  const add = async (
    g: DemoGathering,
    registrations: DemoRegistration[] = [],
    checkedIn?: Date,
  ) => {
    const id = await insertGathering(em, g);
    await insertRegistrations(em, id, registrations, checkedIn ?? null);
    count++;
    return id;
  };
  const base = {
    url: null,
    cohortId: null,
    municipalityId: null,
    villageId: null,
    questions: [] as GatheringQuestion[],
    createdBy: secretariat?.id ?? null,
  };

  // Glumsø's future workshop for all citizens: full, with a waitlist.
  const styregruppe = person('styregruppe.glumsoe@blup.test');
  const medlem = person('medlem.glumsoe@blup.test');
  const medlem2 = person('medlem2.glumsoe@blup.test');
  await add(
    {
      ...base,
      kind: 'future_workshop',
      title: 'Fremtidsværksted i Glumsø',
      description:
        'Alle i Glumsø og omegn er inviteret. Vi finder sammen de vigtigste ønsker for landsbyens fremtid og laver de første arbejdsgrupper. Der er kaffe, kage og aftensmad.',
      mode: 'in_person',
      address: 'Glumsø Hallen, Parkvej 9, 4171 Glumsø',
      phase: Phase.Facilitation,
      audience: 'village_panel',
      villageId: glumso.id,
      municipalityId: glumso.municipalityId,
      when: evening(now, 21),
      capacity: 16,
      questions: PEOPLE_AND_DIET,
      createdBy: styregruppe?.id ?? base.createdBy,
    },
    [
      { user: styregruppe, status: 'confirmed', answers: { antal: 1 } },
      { user: medlem, status: 'confirmed', answers: { antal: 2, kost: 'Vegetar' } },
      { user: medlem2, status: 'confirmed', answers: { antal: 1, kost: 'Glutenfri' } },
      {
        name: 'Birthe Holm',
        email: 'birthe.holm@example.dk',
        status: 'confirmed',
        answers: { antal: 2 },
      },
      {
        name: 'Kasper Dahl',
        email: 'kasper.dahl@example.dk',
        status: 'confirmed',
        answers: { antal: 4, kost: 'To børn, ingen nødder' },
      },
      {
        name: 'Ulla Berg',
        email: 'ulla.berg@example.dk',
        status: 'confirmed',
        answers: { antal: 1, kost: 'Laktosefri' },
      },
      {
        name: 'Henrik Lund',
        email: 'henrik.lund@example.dk',
        status: 'confirmed',
        answers: { antal: 2 },
      },
      {
        name: 'Mette Friis',
        email: 'mette.friis@example.dk',
        status: 'confirmed',
        answers: { antal: 3 },
      },
      {
        name: 'Poul Søgaard',
        email: 'poul.soegaard@example.dk',
        status: 'waitlisted',
        answers: { antal: 1 },
      },
      {
        name: 'Anne Kirk',
        email: 'anne.kirk@example.dk',
        status: 'waitlisted',
        answers: { antal: 2, kost: 'Vegansk' },
      },
      {
        name: 'Jonas Vang',
        email: 'jonas.vang@example.dk',
        status: 'pending',
        answers: { antal: 1 },
      },
    ],
  );

  // The BLUP conference: everyone, inside and outside the BLUP villages.
  await add(
    {
      ...base,
      kind: 'conference',
      title: 'BLUP-konferencen 2027',
      description:
        'Afslutningen på forløbet: landsbyerne fortæller, hvad de har skabt, og vi ser frem. Alle er velkomne, også fra landsbyer uden for BLUP.',
      mode: 'hybrid',
      address: 'Næstved Kulturcenter, Teatergade 5, 4700 Næstved',
      url: 'https://meet.jit.si/blup-konference-2027',
      phase: Phase.Organisation,
      audience: 'anyone',
      when: daytime(now, 120, 6),
      capacity: 200,
      questions: PEOPLE_AND_DIET,
    },
    [
      { user: styregruppe, status: 'confirmed', answers: { antal: 2 } },
      { user: person('lokalraad.naestved@blup.test'), status: 'confirmed', answers: { antal: 1 } },
      {
        name: 'Lars Bech',
        email: 'lars.bech@example.dk',
        status: 'confirmed',
        answers: { antal: 1, kost: 'Fisk, ikke kød' },
      },
    ],
  );

  // The running cohort: Glumsø's start workshop and the module-1 course for every steering group.
  await add(
    {
      ...base,
      kind: 'start_workshop',
      title: 'Opstartsværksted for styregruppen i Glumsø',
      description:
        'Vi lærer hinanden at kende, gennemgår forløbet og lægger planen for det første halve år.',
      mode: 'in_person',
      address: 'Glumsø Bibliotek, Møllevej 2, 4171 Glumsø',
      phase: Phase.KickOff,
      audience: 'steering_group',
      villageId: glumso.id,
      municipalityId: glumso.municipalityId,
      when: evening(now, 7),
      capacity: 12,
    },
    [
      { user: styregruppe, status: 'confirmed' },
      { user: medlem, status: 'confirmed' },
    ],
  );
  if (running) {
    await add(
      {
        ...base,
        kind: 'course',
        title: 'Modul 1: Kursus for alle styregrupper',
        description:
          'Fem timer om at samle landsbyen: borgerpanel, spørgeskema og kommunikation. Ta’ madpakke med, vi sørger for kaffe.',
        mode: 'in_person',
        address: 'Herlufsholm Idrætscenter, Herlufsholm Allé 190, 4700 Næstved',
        phase: Phase.Mobilisation,
        audience: 'cohort',
        cohortId: running.id,
        when: daytime(now, 14, 5),
        capacity: 40,
        questions: [PEOPLE_AND_DIET[1]],
      },
      [{ user: medlem2, status: 'confirmed', answers: { kost: 'Glutenfri' } }],
    );
    await add({
      ...base,
      kind: 'storytelling_course',
      title: 'Modul 4: Fortællekursus online',
      description:
        'Sådan fortæller I landsbyens historie, så andre får lyst til at være med. Online, to aftener.',
      mode: 'online',
      address: null,
      url: 'https://meet.jit.si/blup-fortaellekursus',
      phase: Phase.Organisation,
      audience: 'cohort',
      cohortId: running.id,
      when: evening(now, 60, 2),
      capacity: 60,
    });
  }

  // A past citizens' meeting in Glumsø, with minutes tied to a goal and an initiative.
  const [goal] = await em.query<{ id: string }[]>(
    `SELECT id FROM village_goals WHERE village_id = $1 ORDER BY created_at LIMIT 1`,
    [glumso.id],
  );
  const [initiative] = await em.query<{ id: string }[]>(
    `SELECT id FROM initiatives WHERE village_id = $1 ORDER BY created_at LIMIT 1`,
    [glumso.id],
  );
  const past = evening(now, -30, 2);
  const pastId = await add(
    {
      ...base,
      kind: 'other',
      title: 'Borgermøde om samkørsel og stier',
      description:
        'Vi samlede idéer til samkørsel og nye stier mellem Glumsø og omegnens landsbyer.',
      mode: 'in_person',
      address: 'Glumsø Forsamlingshus, Storegade 12, 4171 Glumsø',
      phase: Phase.Mapping,
      audience: 'village_panel',
      villageId: glumso.id,
      municipalityId: glumso.municipalityId,
      when: past,
      capacity: 40,
      questions: PEOPLE_AND_DIET,
    },
    [
      { user: styregruppe, status: 'confirmed', answers: { antal: 1 }, checkedIn: true },
      { user: medlem, status: 'confirmed', answers: { antal: 1 }, checkedIn: true },
      {
        name: 'Birthe Holm',
        email: 'birthe.holm@example.dk',
        status: 'confirmed',
        answers: { antal: 2 },
        checkedIn: true,
      },
      {
        name: 'Erik Nørgaard',
        email: 'erik.noergaard@example.dk',
        status: 'confirmed',
        answers: { antal: 1 },
      },
    ],
    new Date(past.startsAt.getTime() + 10 * 60_000),
  );
  await em.query(
    `UPDATE gatherings SET minutes = $2, minutes_goal_ids = $3::uuid[], minutes_initiative_ids = $4::uuid[]
      WHERE id = $1`,
    [
      pastId,
      'Referat\n\n23 deltog. Der var stor opbakning til faste samkørselsruter med tre opsamlingssteder.\nArbejdsgruppen for samkørsel mødes igen om en måned og tager kontakt til kommunen om skilte.\nNæste skridt: kortlæg ønsker til stier mod Næsby og Skelby.',
      goal ? [goal.id] : [],
      initiative ? [initiative.id] : [],
    ],
  );

  // The academy: cooperation workshops for Næstved's local council and staff.
  const learner = person('lokalraad.naestved@blup.test');
  for (const [days, title] of [
    [10, 'Samarbejdsværksted 1: Landsbyerne og kommunen'],
    [45, 'Samarbejdsværksted 2: Fra plan til handling'],
  ] as const) {
    await add(
      {
        ...base,
        kind: 'cooperation_workshop',
        title: `${title} (Næstved)`,
        description:
          'For lokalråd, politikere og medarbejdere i Næstved Kommune. Vi arbejder med konkrete sager fra landsbyerne.',
        mode: 'in_person',
        address: 'Næstved Rådhus, Rådmandshaven 20, 4700 Næstved',
        phase: null,
        audience: 'municipality_academy',
        municipalityId: naestved.id,
        when: evening(now, days),
        capacity: 30,
        questions: [PEOPLE_AND_DIET[1]],
      },
      learner ? [{ user: learner, status: 'confirmed' }] : [],
    );
  }
  return { gatherings: count };
}
