// The goal summary scenario of `npm run bench`: GET /api/municipalities/:id/goal-summary, signed
// in as the municipality's coordinator, for a municipality whose village has 10 goals and one
// whose village has 1,000. Prints requests/s, p95 and the SQL statements per request (the API's
// X-Query-Count header under BENCH_COUNT_QUERIES=1). The counts must be equal: the summary is
// counted in SQL and never loads the goals. Beside each, the bare twin
// (tools/lib/bare-sql-server.mjs): the same summary statement through `pg`, the same JSON.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { measurePair, printPairs } from './bench-public-plan.mjs';
import { log } from './lib/log.mjs';
import { insertSession } from './lib/session.mjs';

export const GOAL_SUMMARY_SIZES = [10, 1000];
export const GOAL_SUMMARY_CONNECTIONS = 50;

/** A municipality per size, each with one village holding that many goals and a coordinator. */
async function seedGoals(dbUrl, sizes, sessionCookieName) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const tag = randomBytes(4).toString('hex');
    const q = async (sql, params) => (await client.query(sql, params)).rows;
    const places = [];
    for (const size of sizes) {
      const [municipality] = await q(`INSERT INTO municipalities (name) VALUES ($1) RETURNING id`, [
        `Bench mål ${size} ${tag}`,
      ]);
      const [village] = await q(
        `INSERT INTO villages (name, municipality_id) VALUES ($1, $2) RETURNING id`,
        [`Bench landsby ${size} ${tag}`, municipality.id],
      );
      // Goals on one to three SDGs each, spread over all 17 and all five statuses.
      await q(
        `INSERT INTO village_goals (village_id, title, sdgs, status)
         SELECT $1, 'Bench mål ' || g,
                (ARRAY[1 + g % 17, 1 + (g * 7) % 17]::smallint[])[1:1 + g % 2],
                (ARRAY['idea', 'in_progress', 'on_track', 'reached', 'paused'])[1 + g % 5]
           FROM generate_series(1, $2::int) g`,
        [village.id, size],
      );
      const [coordinator] = await q(
        `INSERT INTO users (email, name, role, municipality_id, activated_at)
         VALUES ($1, 'Bench koordinator', 'coordinator', $2, now()) RETURNING id`,
        [`bench-goals-${size}-${tag}@blup.test`, municipality.id],
      );
      const token = await insertSession(client, coordinator.id);
      places.push({
        size,
        municipalityId: municipality.id,
        cookie: `${sessionCookieName}=${token}`,
      });
    }
    await client.query('ANALYZE');
    return places;
  } finally {
    await client.end();
  }
}

/** Runs the scenario beside the bare twin at `bareUrl`; one result per number of goals. */
export async function benchGoalSummary({ baseUrl, dbUrl, bareUrl, sessionCookieName, load }) {
  log.info(`Goal summary: seeding villages with ${GOAL_SUMMARY_SIZES.join(' and ')} goals …`);
  const places = await seedGoals(dbUrl, GOAL_SUMMARY_SIZES, sessionCookieName);
  const results = [];
  for (const { size, municipalityId, cookie } of places) {
    const url = `${baseUrl}/api/municipalities/${municipalityId}/goal-summary`;
    const probe = await fetch(url, { headers: { cookie } });
    const body = await probe.text();
    if (!probe.ok) {
      throw new Error(`GET ${url}: HTTP ${probe.status} ${body} (is dist/apps/api stale?)`);
    }
    const summary = JSON.parse(body);
    if (summary.goals !== size)
      throw new Error(`The summary counts ${summary.goals} goals, not ${size}.`);
    const pair = await measurePair({
      name: `Goal summary (${size} goals)`,
      apiUrl: url,
      bareUrl: `${bareUrl}/goal-summary/${municipalityId}`,
      headers: { cookie },
      load,
      connections: GOAL_SUMMARY_CONNECTIONS,
    });
    results.push({ size, ...pair, bytes: 0 });
  }
  return results;
}

export function printGoalSummary(results) {
  return printPairs(
    `GET /api/municipalities/:id/goal-summary (goals across villages, signed in as the coordinator, ${GOAL_SUMMARY_CONNECTIONS} connections; bare twin = the summary statement through pg, no session or access check)`,
    results,
  );
}
