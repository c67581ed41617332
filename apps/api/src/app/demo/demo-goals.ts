import { GoalStatus } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { User, Village } from '../database/entities';

interface DemoGoal {
  title: string;
  why: string;
  sdgs: number[];
  /** Target codes (delmål) under those SDGs. */
  targets: string[];
  /** The owner in words, for someone without an account ('' when a person or group owns it). */
  owner: string;
  /** The owner when it is a person with an account: their email. */
  ownerEmail?: string;
  /** Months from now until the goal should be reached. */
  months: number;
  indicator: string;
  baseline: number | null;
  targetValue: number | null;
  /** The timeline, oldest first: days ago, status, note and measured value. */
  updates: [number, GoalStatus, string, number | null][];
}

/** Glumsø og Omegn's goals after mapping and the future workshop (invented, plausible). */
const GLUMSO_GOALS: DemoGoal[] = [
  {
    title: 'Samkørsel til Næstved og Ringsted',
    why: 'Bussen kører sjældent, og mange unge og ældre har ingen bil. Faste ruter gør det let at komme på arbejde, i skole og til lægen.',
    sdgs: [11, 13],
    targets: ['11.2'],
    // Owned by the working group of "Faste samkørselsruter med opsamlingssteder" (demo-initiatives.ts).
    owner: '',
    months: 18,
    indicator: 'Faste samkørselsruter',
    baseline: 0,
    targetValue: 5,
    updates: [
      [60, GoalStatus.InProgress, 'Første møde i arbejdsgruppen: 9 deltog.', null],
      [20, GoalStatus.OnTrack, 'To ruter kører nu, begge til Næstved om morgenen.', 2],
    ],
  },
  {
    title: 'Et levende forsamlingshus for alle aldre',
    why: 'Huset står tomt de fleste aftener. Vi vil have fællesspisning, lektiecafé og motion for seniorer.',
    sdgs: [3, 10, 11],
    targets: ['10.2', '11.7'],
    owner: 'Forsamlingshusets bestyrelse',
    months: 12,
    indicator: 'Arrangementer om måneden',
    baseline: 2,
    targetValue: 8,
    updates: [[30, GoalStatus.InProgress, 'Fællesspisning hver anden torsdag fra næste måned.', 4]],
  },
  {
    title: 'Fælles solceller på hal og skole',
    why: 'Lokal strøm sænker udgifterne for hallen og skolen og viser vejen for landsbyens huse.',
    sdgs: [7, 13],
    targets: ['7.2'],
    owner: '',
    ownerEmail: 'medlem2.glumsoe@blup.test',
    months: 30,
    indicator: 'Andel af hallens strøm fra egne solceller (%)',
    baseline: 0,
    targetValue: 60,
    updates: [],
  },
  {
    title: 'Stier langs Suså',
    why: 'Naturen er landsbyens styrke. En sti langs åen binder byen og skoven sammen.',
    sdgs: [3, 15],
    targets: ['15.1'],
    owner: 'Karin Holm',
    months: 24,
    indicator: '',
    baseline: null,
    targetValue: null,
    updates: [[45, GoalStatus.Paused, 'Venter på svar fra lodsejerne.', null]],
  },
];

/** Another village has only begun: one idea, no timeline. */
const KEGNAES_GOALS: DemoGoal[] = [
  {
    title: 'Færgen skal sejle hele året',
    why: 'Uden vinterfærge bliver det svært at bo på Kegnæs og pendle.',
    sdgs: [9, 11],
    targets: [],
    owner: '',
    months: 36,
    indicator: '',
    baseline: null,
    targetValue: null,
    updates: [],
  },
];

/**
 * Village goals for the demo: Glumsø og Omegn has four on several SDGs, with progress, written
 * by its coordination group; Kegnæs has a first idea.
 */
export async function writeDemoGoals(
  em: EntityManager,
  villages: Village[],
  people: User[],
): Promise<{ goals: number }> {
  let goals = 0;
  for (const [villageName, list] of [
    ['Glumsø og Omegn', GLUMSO_GOALS],
    ['Kegnæs', KEGNAES_GOALS],
  ] as const) {
    const village = villages.find((v) => v.name === villageName);
    if (!village) throw new Error(`The demo goals name an unknown village "${villageName}".`);
    const author = people.find((p) => p.villageId === village.id && p.coordinationGroup);
    const ownerOf = (goal: DemoGoal): string | null => {
      if (!goal.ownerEmail) return null;
      const owner = people.find((p) => p.email === goal.ownerEmail && p.villageId === village.id);
      if (!owner) throw new Error(`The demo goals name an unknown owner "${goal.ownerEmail}".`);
      return owner.id;
    };
    for (const [index, goal] of list.entries()) {
      const last = goal.updates.at(-1);
      const [row] = (await em.query(
        `INSERT INTO village_goals (village_id, title, why, sdgs, owner, horizon, indicator, baseline,
                                    target_value, current_value, status, version, created_by,
                                    updated_by, created_at, updated_at, owner_user_id)
         VALUES ($1, $2, $3, $4, $5, (now() + make_interval(months => $6::int))::date, $7, $8, $9, $10,
                 $11, $12, $13, $13, now() - make_interval(days => 90 - $14::int), now(), $15)
         RETURNING id`,
        [
          village.id,
          goal.title,
          goal.why,
          goal.sdgs,
          goal.owner,
          goal.months,
          goal.indicator,
          goal.baseline,
          goal.targetValue,
          last?.[3] ?? null,
          last?.[1] ?? GoalStatus.Idea,
          1 + goal.updates.length,
          author?.id ?? null,
          index,
          ownerOf(goal),
        ],
      )) as { id: string }[];
      for (const code of goal.targets) {
        await em.query(`INSERT INTO village_goal_targets (goal_id, target_code) VALUES ($1, $2)`, [
          row.id,
          code,
        ]);
      }
      for (const [daysAgo, status, note, value] of goal.updates) {
        await em.query(
          `INSERT INTO village_goal_updates (goal_id, status, note, value, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, now() - make_interval(days => $6::int))`,
          [row.id, status, note, value, author?.id ?? null, daysAgo],
        );
      }
      goals++;
    }
  }
  return { goals };
}
