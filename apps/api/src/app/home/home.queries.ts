import type { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { withDates, type JsonRow } from '../database/json-rows';
import { nextSessionSql, type MySessionRow } from '../participation/participation.queries';
import { continueWatchingSql, type ContinueRow } from '../progress/progress.queries';
import type { SecretariatCounts } from './home-cards';

/** The village's cohort and the day it starts; nulls when the village has none. */
export interface CohortFacts {
  id: string | null;
  name: string | null;
  start_date: string | null;
}

/** What the home page shows a person, each part only when their role has it. */
export interface HomeFacts {
  counts: SecretariatCounts | null;
  villageCount: number | null;
  cohort: CohortFacts | null;
  continueRow: ContinueRow | null;
  next: MySessionRow | null;
}

/** Which parts to look up: the role decides (HomeService). */
export interface HomeParts {
  cards: 'everything' | 'municipality' | 'village' | null;
  continueWatching: boolean;
  nextSession: boolean;
}

const CARD_SQL = {
  // How many municipalities, villages, cohorts and people there are.
  everything: `SELECT (SELECT count(*) FROM municipalities)::int AS municipalities,
                      (SELECT count(*) FROM villages)::int AS villages,
                      (SELECT count(*) FROM cohorts)::int AS cohorts,
                      (SELECT count(*) FROM users)::int AS people`,
  // How many villages the municipality has.
  municipality: `SELECT count(*)::int AS count FROM villages WHERE municipality_id = :municipalityId`,
  // The village's cohort; a cohort starts with its first session, its start date until it has one.
  village: `SELECT c.id, c.name,
                   COALESCE(
                     (SELECT to_char(min(p.starts_at) AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD')
                        FROM session_plans p WHERE p.cohort_id = c.id),
                     to_char(c.start_date, 'YYYY-MM-DD')) AS start_date
              FROM villages v LEFT JOIN cohorts c ON c.id = v.cohort_id
             WHERE v.id = :villageId`,
};

/** One part as a column: its first row as JSON, or null when it has none. */
const asJson = (sql: string, name: string) => `(SELECT row_to_json(x) FROM (${sql}) x) AS ${name}`;

/**
 * Everything the home page needs in one statement: its parts are small, and each statement costs
 * the API more than PostgreSQL's work on them. The parts are the same SQL the other modules run
 * for their own routes (continue watching, the next session), each as a JSON column.
 */
export async function findHomeFacts(
  db: DataSource,
  actor: Actor,
  parts: HomeParts,
): Promise<HomeFacts> {
  const columns: string[] = [];
  if (parts.cards) columns.push(asJson(CARD_SQL[parts.cards], 'cards'));
  if (parts.continueWatching) {
    columns.push(asJson(continueWatchingSql(actor.role, ':actorId'), 'continue_row'));
  }
  if (parts.nextSession) columns.push(asJson(nextSessionSql(actor), 'next_row'));
  const facts: HomeFacts = {
    counts: null,
    villageCount: null,
    cohort: null,
    continueRow: null,
    next: null,
  };
  if (columns.length === 0) return facts;
  const [text, values] = db.driver.escapeQueryWithParameters(
    `SELECT ${columns.join(',\n       ')}`,
    { actorId: actor.id, villageId: actor.villageId, municipalityId: actor.municipalityId },
  );
  const [row] = await db.query<
    {
      cards?: (SecretariatCounts & { count?: number }) | CohortFacts | null;
      continue_row?: ContinueRow | null;
      next_row?: JsonRow<MySessionRow, 'starts_at' | 'ends_at'> | null;
    }[]
  >(text, values);
  if (parts.cards === 'everything') facts.counts = (row.cards as SecretariatCounts | null) ?? null;
  if (parts.cards === 'municipality') {
    facts.villageCount = (row.cards as { count: number } | null)?.count ?? 0;
  }
  if (parts.cards === 'village') facts.cohort = (row.cards as CohortFacts | null) ?? null;
  facts.continueRow = row.continue_row ?? null;
  if (row.next_row) facts.next = withDates(row.next_row, ['starts_at', 'ends_at']);
  return facts;
}
