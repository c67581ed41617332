import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { User, Village } from '../database/entities';

/**
 * The public token of Glumsø og Omegn's demo idea list: fixed, so a demo can show the voting page
 * at `/stem/glumsoe-borgermoede-demo` (real lists get 128 random bits).
 */
export const DEMO_IDEA_LIST_TOKEN = 'glumsoe-borgermoede-demo';

interface DemoIdea {
  title: string;
  description: string;
  /** How likely a voter puts dots here (relative). */
  pull: number;
  paperDots?: number;
  /** The demo initiative (demo-initiatives.ts) this idea became. */
  initiative?: string;
  helpers?: { name: string; phone?: string; email?: string }[];
}

/** What the citizens' meeting in the community hall came up with (invented, plausible). */
const GLUMSO_IDEAS: DemoIdea[] = [
  {
    title: 'Fællesspisning i forsamlingshuset',
    description: 'Skiftende madhold laver mad til alle, der har lyst. Børn spiser billigt.',
    pull: 9,
    paperDots: 14,
    initiative: 'Fællesspisning hver anden torsdag',
    helpers: [{ name: 'Hanne Vestergaard', phone: '+45 22 41 87 10' }],
  },
  {
    title: 'Shelter og bålplads ved Suså',
    description: 'Et sted at overnatte og grille, som skolen og spejderne også kan bruge.',
    pull: 8,
    paperDots: 9,
    helpers: [
      { name: 'Mikkel Bay', email: 'mikkel.bay@example.dk' },
      { name: 'Sofie Kragh', phone: '+45 31 52 60 04' },
    ],
  },
  {
    title: 'Cykelsti til skolen langs Ringstedvej',
    description: 'Så børnene kan cykle sikkert fra Bavelse og Skelby.',
    pull: 7,
    paperDots: 6,
  },
  {
    title: 'Repair café en lørdag om måneden',
    description: 'Frivillige hjælper med at reparere cykler, tøj og elektronik.',
    pull: 5,
    helpers: [{ name: 'Ole Thygesen', phone: '+45 26 73 19 55' }],
  },
  {
    title: 'Legeplads og udendørs fitness i parken',
    description: 'Noget for både børn og voksne midt i byen.',
    pull: 5,
  },
  {
    title: 'Byttehylde og lille bibliotek ved stationen',
    description: 'Tag en bog, giv en bog.',
    pull: 3,
    helpers: [{ name: 'Ida Mølgaard', email: 'ida.m@example.dk' }],
  },
  {
    title: 'Velkomstpakke til nye tilflyttere',
    description: 'En kurv med lokale varer og en invitation fra foreningerne.',
    pull: 4,
  },
  {
    title: 'Fælles solceller på hallens tag',
    description: 'Et andelsselskab, hvor borgerne kan købe andele.',
    pull: 6,
  },
];

/** How many phones voted online in the demo. */
const DEMO_VOTERS = 150;

/**
 * Glumsø og Omegn's idea list from its citizens' meeting: open, 3 dots each, eight ideas, votes
 * from 150 invented phones (spread by each idea's pull, the same every seed), paper dots on a
 * few, helpers, and one idea already made an initiative (linked to the demo initiative it became,
 * so the initiatives stay as they were). Runs after `writeDemoInitiatives`.
 */
export async function writeDemoIdeas(
  em: EntityManager,
  villages: Village[],
  people: User[],
): Promise<{ lists: number; ideas: number; voters: number }> {
  const village = villages.find((v) => v.name === 'Glumsø og Omegn');
  if (!village) throw new Error('The demo ideas need the village "Glumsø og Omegn".');
  const author = people.find((p) => p.villageId === village.id && p.coordinationGroup);
  const [list] = (await em.query(
    `INSERT INTO idea_lists (village_id, title, intro, dots_per_person, status, public_token,
                             created_by, updated_by)
     VALUES ($1, $2, $3, 3, 'open', $4, $5, $5) RETURNING id`,
    [
      village.id,
      'Idéer fra borgermødet i forsamlingshuset',
      'Her er idéerne fra borgermødet. Sæt dine tre prikker på dem, du synes, vi skal gå i gang med først.',
      DEMO_IDEA_LIST_TOKEN,
      author?.id ?? null,
    ],
  )) as { id: string }[];
  const ideaIds: string[] = [];
  for (const [position, idea] of GLUMSO_IDEAS.entries()) {
    const [initiative] = idea.initiative
      ? ((await em.query(`SELECT id FROM initiatives WHERE village_id = $1 AND title = $2`, [
          village.id,
          idea.initiative,
        ])) as { id: string }[])
      : [];
    if (idea.initiative && !initiative) {
      throw new Error(`The demo ideas name an unknown initiative "${idea.initiative}".`);
    }
    const [row] = (await em.query(
      `INSERT INTO ideas (list_id, title, description, paper_dots, initiative_id, position)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        list.id,
        idea.title,
        idea.description,
        idea.paperDots ?? 0,
        initiative?.id ?? null,
        position + 1,
      ],
    )) as { id: string }[];
    ideaIds.push(row.id);
  }
  // Each phone places its three dots by the ideas' pull, drawn from a fixed sequence.
  const weights = GLUMSO_IDEAS.map((idea) => idea.pull);
  const sum = weights.reduce((a, b) => a + b, 0);
  const votes: { voter: string; idea: string; dots: number }[] = [];
  for (let n = 0; n < DEMO_VOTERS; n++) {
    const voter = createHash('sha256').update(`demo-voter:${n}`).digest('hex');
    const mine = new Map<string, number>();
    for (let dot = 0; dot < 3; dot++) {
      let pick = (((n * 7 + dot * 13 + n * dot * 5) % 97) / 97) * sum;
      let index = 0;
      while (pick >= weights[index]) pick -= weights[index++];
      mine.set(ideaIds[index], (mine.get(ideaIds[index]) ?? 0) + 1);
    }
    for (const [idea, dots] of mine) votes.push({ voter, idea, dots });
  }
  await em.query(
    `INSERT INTO idea_votes (list_id, voter_hash, idea_id, dots)
     SELECT $1, v.voter, v.idea, v.dots FROM unnest($2::text[], $3::uuid[], $4::int[]) AS v(voter, idea, dots)`,
    [list.id, votes.map((v) => v.voter), votes.map((v) => v.idea), votes.map((v) => v.dots)],
  );
  for (const [index, idea] of GLUMSO_IDEAS.entries()) {
    for (const [n, helper] of (idea.helpers ?? []).entries()) {
      await em.query(
        `INSERT INTO idea_helpers (list_id, idea_id, voter_hash, name, email, phone, consent_version)
         VALUES ($1, $2, $3, $4, $5, $6, '2026-12-07')`,
        [
          list.id,
          ideaIds[index],
          createHash('sha256').update(`demo-helper:${index}:${n}`).digest('hex'),
          helper.name,
          helper.email ?? null,
          helper.phone ?? null,
        ],
      );
    }
  }
  return { lists: 1, ideas: GLUMSO_IDEAS.length, voters: DEMO_VOTERS };
}
