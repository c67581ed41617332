import { InitiativeStatus } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { User, Village } from '../database/entities';

/** A person in the demo: an account by email, or a name (and a phone or email) without one. */
type DemoPerson = { email: string } | { name: string; phone?: string; mail?: string };

interface DemoInitiative {
  title: string;
  description: string;
  /** Titles of Glumsø og Omegn's demo goals (demo-goals.ts). */
  goals: string[];
  /** Titles of the goals its working group owns (among `goals`). */
  owns?: string[];
  contact: DemoPerson;
  members: DemoPerson[];
  partners: string[];
  /** The next milestone: what, and in how many days. */
  milestone: [string, number] | null;
  status: InitiativeStatus;
  progress: number;
  weight: number;
}

interface DemoFocusArea {
  name: string;
  description: string;
  initiatives: DemoInitiative[];
}

/** What Glumsø og Omegn's future workshop produced (invented, plausible). */
const GLUMSO_FOCUS_AREAS: DemoFocusArea[] = [
  {
    name: 'Mobilitet og forbindelser',
    description: 'Let at komme til og fra Glumsø uden egen bil.',
    initiatives: [
      {
        title: 'Faste samkørselsruter med opsamlingssteder',
        description:
          'Tre opsamlingssteder med skilt og bænk, og en fælles gruppe, hvor ture bliver delt.',
        goals: ['Samkørsel til Næstved og Ringsted'],
        owns: ['Samkørsel til Næstved og Ringsted'],
        contact: { email: 'medlem.glumsoe@blup.test' },
        members: [
          { email: 'medlem.glumsoe@blup.test' },
          { email: 'medlem2.glumsoe@blup.test' },
          { name: 'Jonas Friis', phone: '+45 28 11 42 90' },
          { name: 'Lene Dahl (borgerpanelet)', mail: 'lene.dahl@example.dk' },
        ],
        partners: ['Næstved Kommune', 'Movia', 'Glumsø Borgerforening'],
        milestone: ['Skilte ved de tre opsamlingssteder', 21],
        status: InitiativeStatus.InProgress,
        progress: 45,
        weight: 3,
      },
      {
        title: 'Delebil ved stationen',
        description: 'En elektrisk delebil, som foreningerne og borgerne booker på nettet.',
        goals: ['Samkørsel til Næstved og Ringsted', 'Fælles solceller på hal og skole'],
        contact: { name: 'Peter Lund', phone: '+45 40 12 34 56' },
        members: [{ name: 'Peter Lund', phone: '+45 40 12 34 56' }, { name: 'Maja Holm' }],
        partners: ['GoMore', 'Glumsø Erhvervsforening'],
        milestone: ['Møde med udbydere af delebiler', 40],
        status: InitiativeStatus.Planned,
        progress: 10,
        weight: 1,
      },
    ],
  },
  {
    name: 'Fællesskab og mødesteder',
    description: 'Forsamlingshuset som landsbyens stue for alle aldre.',
    initiatives: [
      {
        title: 'Fællesspisning hver anden torsdag',
        description: 'Skiftende madhold laver mad til op til 60. Børn spiser for halv pris.',
        goals: ['Et levende forsamlingshus for alle aldre'],
        contact: { email: 'koordinationsgruppe.glumsoe@blup.test' },
        members: [
          { email: 'koordinationsgruppe.glumsoe@blup.test' },
          { name: 'Karen Munk', phone: '+45 22 33 44 55' },
          { name: 'Hans Bo Riis' },
        ],
        partners: ['Glumsø Forsamlingshus', 'Glumsø Idrætsforening'],
        milestone: ['Første fællesspisning efter sommerferien', 14],
        status: InitiativeStatus.Done,
        progress: 100,
        weight: 2,
      },
      {
        title: 'Lektiecafé og seniormotion',
        description: 'Lektiecafé mandag eftermiddag og stolemotion for seniorer onsdag formiddag.',
        goals: ['Et levende forsamlingshus for alle aldre'],
        contact: { name: 'Birgit Sørensen', mail: 'birgit@example.dk' },
        members: [{ name: 'Birgit Sørensen', mail: 'birgit@example.dk' }],
        partners: ['Glumsø Skole', 'Ældre Sagen Næstved'],
        milestone: null,
        status: InitiativeStatus.Idea,
        progress: 0,
        weight: 1,
      },
    ],
  },
  {
    name: 'Natur og energi',
    description: 'Landsbyens natur og egen, grøn strøm.',
    initiatives: [
      {
        title: 'Energifællesskab for hal og skole',
        description: 'Et andelsselskab ejer solcellerne; overskuddet går til hallen.',
        goals: ['Fælles solceller på hal og skole'],
        contact: { email: 'styregruppe.glumsoe@blup.test' },
        members: [
          { email: 'styregruppe.glumsoe@blup.test' },
          { name: 'Torben Vestergaard', phone: '+45 30 60 90 12' },
        ],
        partners: ['Glumsø Hallen', 'SEAS-NVE', 'Næstved Kommune'],
        milestone: ['Stiftende generalforsamling', 60],
        status: InitiativeStatus.Planned,
        progress: 20,
        weight: 2,
      },
      {
        title: 'Sti langs Suså',
        description: 'En trampesti fra byen til skoven langs åen.',
        goals: ['Stier langs Suså'],
        contact: { name: 'Karin Holm', phone: '+45 26 70 80 90' },
        members: [{ name: 'Karin Holm', phone: '+45 26 70 80 90' }],
        partners: ['Danmarks Naturfredningsforening', 'Lodsejerne langs Suså'],
        milestone: ['Svar fra lodsejerne', 30],
        status: InitiativeStatus.Paused,
        progress: 15,
        weight: 1,
      },
    ],
  },
];

/**
 * Glumsø og Omegn's future workshop: three focus areas with six initiatives tied to its demo
 * goals, their working groups mixing steering members (accounts) and neighbours without one.
 * Runs after `writeDemoGoals`.
 */
export async function writeDemoInitiatives(
  em: EntityManager,
  villages: Village[],
  people: User[],
): Promise<{ focusAreas: number; initiatives: number }> {
  const village = villages.find((v) => v.name === 'Glumsø og Omegn');
  if (!village) throw new Error('The demo initiatives need the village "Glumsø og Omegn".');
  const author = people.find((p) => p.villageId === village.id && p.coordinationGroup);
  const goals = new Map(
    (
      (await em.query(`SELECT id, title FROM village_goals WHERE village_id = $1`, [
        village.id,
      ])) as { id: string; title: string }[]
    ).map((g) => [g.title, g.id]),
  );
  const person = (p: DemoPerson) => {
    if ('email' in p) {
      const user = people.find((u) => u.email === p.email);
      if (!user) throw new Error(`The demo initiatives name an unknown account "${p.email}".`);
      return { userId: user.id, name: user.name, email: null, phone: null };
    }
    return { userId: null, name: p.name, email: p.mail ?? null, phone: p.phone ?? null };
  };
  let initiatives = 0;
  for (const [position, area] of GLUMSO_FOCUS_AREAS.entries()) {
    const [row] = (await em.query(
      `INSERT INTO focus_areas (village_id, name, description, position, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
      [village.id, area.name, area.description, position + 1, author?.id ?? null],
    )) as { id: string }[];
    for (const item of area.initiatives) {
      const [initiative] = (await em.query(
        `INSERT INTO initiatives (village_id, focus_area_id, title, description, partners,
                                  milestone_what, milestone_date, status, progress, weight,
                                  created_by, updated_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, (now() + make_interval(days => $7::int))::date, $8, $9,
                 $10, $11, $11, now() - make_interval(days => 60 - $12::int))
         RETURNING id`,
        [
          village.id,
          row.id,
          item.title,
          item.description,
          item.partners,
          item.milestone?.[0] ?? null,
          item.milestone?.[1] ?? null,
          item.status,
          item.progress,
          item.weight,
          author?.id ?? null,
          initiatives,
        ],
      )) as { id: string }[];
      for (const title of item.goals) {
        const goalId = goals.get(title);
        if (!goalId) throw new Error(`The demo initiatives name an unknown goal "${title}".`);
        await em.query(`INSERT INTO initiative_goals (initiative_id, goal_id) VALUES ($1, $2)`, [
          initiative.id,
          goalId,
        ]);
      }
      for (const title of item.owns ?? []) {
        await em.query(
          `UPDATE village_goals SET owner_initiative_id = $1, owner_user_id = NULL, owner = ''
            WHERE id = $2`,
          [initiative.id, goals.get(title)],
        );
      }
      const rows = [
        { ...person(item.contact), kind: 'contact', position: 0 },
        ...item.members.map((m, i) => ({ ...person(m), kind: 'member', position: i })),
      ];
      for (const p of rows) {
        await em.query(
          `INSERT INTO initiative_people (initiative_id, kind, position, user_id, name, email, phone)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [initiative.id, p.kind, p.position, p.userId, p.name, p.email, p.phone],
        );
      }
      initiatives++;
    }
  }
  return { focusAreas: GLUMSO_FOCUS_AREAS.length, initiatives };
}
