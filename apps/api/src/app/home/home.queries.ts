import type { DataSource } from 'typeorm';
import type { SecretariatCounts } from './home-cards';

/** How many municipalities, villages, cohorts and people there are. */
export async function countEverything(db: DataSource): Promise<SecretariatCounts> {
  const [counts] = await db.query<SecretariatCounts[]>(
    `SELECT (SELECT count(*) FROM municipalities)::int AS municipalities,
            (SELECT count(*) FROM villages)::int AS villages,
            (SELECT count(*) FROM cohorts)::int AS cohorts,
            (SELECT count(*) FROM users)::int AS people`,
  );
  return counts;
}

/** How many villages the municipality has. */
export async function countVillagesOf(db: DataSource, municipalityId: string): Promise<number> {
  const [row] = await db.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM villages WHERE municipality_id = $1`,
    [municipalityId],
  );
  return row?.count ?? 0;
}

/** The village's cohort and the day it starts; nulls when the village has none. */
export async function findCohortOfVillage(
  db: DataSource,
  villageId: string,
): Promise<{ id: string | null; name: string | null; start_date: string | null } | null> {
  const [row] = await db.query<
    { id: string | null; name: string | null; start_date: string | null }[]
  >(
    // A cohort starts with its first session; its start date until it has one.
    `SELECT c.id, c.name,
            COALESCE(
              (SELECT to_char(min(p.starts_at) AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD')
                 FROM session_plans p WHERE p.cohort_id = c.id),
              to_char(c.start_date, 'YYYY-MM-DD')) AS start_date
       FROM villages v LEFT JOIN cohorts c ON c.id = v.cohort_id
      WHERE v.id = $1`,
    [villageId],
  );
  return row ?? null;
}
