// The public plan scenario of `npm run bench`: GET /api/public/villages/:slug, signed out, for a
// village whose published plan comes with 10 goals and one with 1,000 (the page shows the first
// 200 and the count). Beside each, the bare twin (tools/lib/bare-sql-server.mjs): the same SQL
// through `pg`, the same JSON, nothing else — the honest limit. Prints requests/s, p95 and the
// SQL statements per request (X-Query-Count under BENCH_COUNT_QUERIES=1); the counts must match.
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { measure } from './lib/load.mjs';
import { log } from './lib/log.mjs';

export const PUBLIC_PLAN_SIZES = [10, 1000];
export const PUBLIC_PLAN_CONNECTIONS = 50;

/**
 * A village per size with that many goals, five focus areas with size / 10 initiatives, a
 * published plan of six sections and an address.
 */
async function seedPlans(dbUrl, sizes) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const tag = randomBytes(4).toString('hex');
    const q = async (sql, params) => (await client.query(sql, params)).rows;
    const places = [];
    for (const size of sizes) {
      const [municipality] = await q(`INSERT INTO municipalities (name) VALUES ($1) RETURNING id`, [
        `Bench plan ${size} ${tag}`,
      ]);
      const [village] = await q(
        `INSERT INTO villages (name, municipality_id) VALUES ($1, $2) RETURNING id`,
        [`Bench planlandsby ${size} ${tag}`, municipality.id],
      );
      await q(
        `INSERT INTO village_goals (village_id, title, why, sdgs, status, created_at)
         SELECT $1, 'Bench mål ' || g, 'Fordi landsbyen vil det, punkt ' || g,
                (ARRAY[1 + g % 17, 1 + (g * 7) % 17]::smallint[])[1:1 + g % 2],
                (ARRAY['idea', 'in_progress', 'on_track', 'reached', 'paused'])[1 + g % 5],
                now() - make_interval(secs => $2::int - g)
           FROM generate_series(1, $2::int) g`,
        [village.id, size],
      );
      // Five focus areas with size / 10 initiatives between them, each serving two goals.
      await q(
        `INSERT INTO focus_areas (village_id, name, position)
         SELECT $1, 'Bench område ' || a, a FROM generate_series(1, 5) a`,
        [village.id],
      );
      await q(
        `INSERT INTO initiatives (village_id, focus_area_id, title, milestone_what, status,
                                  progress, weight, created_at)
         SELECT $1, (SELECT id FROM focus_areas WHERE village_id = $1 AND position = 1 + n % 5),
                'Bench initiativ ' || n, 'Næste skridt ' || n,
                (ARRAY['idea', 'planned', 'in_progress', 'done', 'paused'])[1 + n % 5],
                (n * 13) % 101, 1 + n % 5, now() - make_interval(secs => $2::int - n)
           FROM generate_series(1, $2::int) n`,
        [village.id, Math.max(1, size / 10)],
      );
      await q(
        `INSERT INTO initiative_goals (initiative_id, goal_id)
         SELECT i.id, g.id FROM initiatives i
           JOIN LATERAL (SELECT id FROM village_goals WHERE village_id = $1
                          ORDER BY random() LIMIT 2) g ON true
          WHERE i.village_id = $1`,
        [village.id],
      );
      const content = {
        sections: Array.from({ length: 6 }, (_, i) => ({
          id: `s${i}`,
          title: `Afsnit ${i + 1}`,
          text: 'Landsbyen vil have stier, samkørsel og et levende forsamlingshus. '.repeat(8),
        })),
      };
      const [doc] = await q(
        `INSERT INTO village_documents (village_id, kind, draft, revision, published_version)
         VALUES ($1, 'plan', $2, 1, 1) RETURNING id`,
        [village.id, JSON.stringify(content)],
      );
      await q(
        `INSERT INTO village_document_versions (document_id, version, revision, content)
         VALUES ($1, 1, 1, $2)`,
        [doc.id, JSON.stringify(content)],
      );
      const slug = `bench-plan-${size}-${tag}`;
      await q(`INSERT INTO village_public_pages (village_id, slug) VALUES ($1, $2)`, [
        village.id,
        slug,
      ]);
      places.push({ size, slug });
    }
    await client.query('ANALYZE');
    return places;
  } finally {
    await client.end();
  }
}

/** GETs `url`, failing loudly unless it is a 200 with JSON. */
export async function probeJson(url, headers = {}) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status} ${text}`);
  return { body: JSON.parse(text), queries: response.headers.get('x-query-count') };
}

/** Measures the API's URL and its bare twin's, after checking both answer the same JSON. */
export async function measurePair({ name, apiUrl, bareUrl, headers, load, connections }) {
  const api = await probeJson(apiUrl, headers);
  const bare = await probeJson(bareUrl);
  if (!isDeepStrictEqual(api.body, bare.body)) {
    throw new Error(`${name}: the bare twin's JSON differs from the API's.`);
  }
  if (api.queries === null) {
    throw new Error('The API sent no X-Query-Count header: start it with BENCH_COUNT_QUERIES=1.');
  }
  log.info(`${name}: API, ${connections} connections …`);
  const apiResult = await measure({ url: apiUrl, headers, ...load, connections });
  log.info(`${name}: bare twin …`);
  const bareResult = await measure({ url: bareUrl, ...load, connections });
  return {
    queries: Number(api.queries),
    bytes: Buffer.byteLength(JSON.stringify(api.body)),
    api: apiResult,
    bare: bareResult,
  };
}

/** Runs the scenario; `bareUrl` is a running bare-sql-server. One result per number of goals. */
export async function benchPublicPlan({ baseUrl, dbUrl, bareUrl, load }) {
  log.info(`Public plan: seeding villages with ${PUBLIC_PLAN_SIZES.join(' and ')} goals …`);
  const places = await seedPlans(dbUrl, PUBLIC_PLAN_SIZES);
  const results = [];
  for (const { size, slug } of places) {
    const pair = await measurePair({
      name: `Public plan (${size} goals)`,
      apiUrl: `${baseUrl}/api/public/villages/${slug}`,
      bareUrl: `${bareUrl}/public/${slug}`,
      headers: {},
      load,
      connections: PUBLIC_PLAN_CONNECTIONS,
    });
    results.push({ size, ...pair });
  }
  return results;
}

const n = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/** One line per size: the API, its bare twin, and the ratio. */
export function printPairs(title, results) {
  log.heading(`\n${title}`);
  for (const { size, queries, bytes, api, bare } of results) {
    log.info(
      `  ${String(size).padStart(5)} goals: API ${n(api.rps)} req/s, p95 ${n(api.p95, 2)} ms, ` +
        `SQL statements per request ${queries}, errors ${api.errors} | bare twin ` +
        `${n(bare.rps)} req/s, p95 ${n(bare.p95, 2)} ms, errors ${bare.errors} | ` +
        `ratio ${n(api.rps / bare.rps, 3)}${bytes ? `, ${Math.round(bytes / 1024)} KiB` : ''}`,
    );
  }
  const counts = new Set(results.map((r) => r.queries));
  if (counts.size === 1) {
    log.ok(`  Same number of SQL statements per request for every size: ${[...counts][0]}.`);
  } else {
    log.error(`  SQL statements per request differ by size: ${[...counts].join(', ')}.`);
  }
  return counts.size === 1 && results.every((r) => r.api.errors === 0 && r.bare.errors === 0);
}

export function printPublicPlan(results) {
  return printPairs(
    `GET /api/public/villages/:slug (the public plan page, signed out, ${PUBLIC_PLAN_CONNECTIONS} connections; bare twin = same SQL through pg, same JSON)`,
    results,
  );
}
