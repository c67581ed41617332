// The session page scenario of `npm run bench`: GET /api/sessions/:id, signed in as a member,
// for a village circle of 30 members and one of 3,000, at 100 keep-alive connections. Prints
// requests/s, p95 and the SQL statements per request, which the API reports in its
// X-Query-Count header when started with BENCH_COUNT_QUERIES=1 (never in production). The two
// query counts must be equal: the page aggregates in SQL and never loads the member list.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { measure } from './lib/load.mjs';
import { log } from './lib/log.mjs';
import { insertSession } from './lib/session.mjs';

export const SESSION_PAGE_CIRCLES = [30, 3000];
export const SESSION_PAGE_CONNECTIONS = 100;

/**
 * A cohort of its own with one village circle per size in `sizes`, each with a started
 * session (so answers and attendance are both in), answers from two thirds of the members
 * and attendance for half of them, and one signed-in member per circle.
 */
async function seedCircles(dbUrl, sizes, sessionCookieName) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const tag = randomBytes(4).toString('hex');
    const q = async (sql, params) => (await client.query(sql, params)).rows;
    const [municipality] = await q(`INSERT INTO municipalities (name) VALUES ($1) RETURNING id`, [
      `Bench kommune ${tag}`,
    ]);
    const [cohort] = await q(
      `INSERT INTO cohorts (name, start_date) VALUES ($1, current_date) RETURNING id`,
      [`Bench hold ${tag}`],
    );
    const [facilitator] = await q(
      `INSERT INTO users (email, name, role, activated_at)
       VALUES ($1, 'Bench facilitator', 'secretariat', now()) RETURNING id`,
      [`bench-facilitator-${tag}@blup.test`],
    );
    const circles = [];
    for (const size of sizes) {
      const [village] = await q(
        `INSERT INTO villages (name, municipality_id, cohort_id) VALUES ($1, $2, $3) RETURNING id`,
        [`Bench landsby ${size} ${tag}`, municipality.id, cohort.id],
      );
      const [circle] = await q(
        `INSERT INTO circles (cohort_id, kind, village_id, facilitator_id, room_url)
         VALUES ($1, 'village', $2, $3, $4) RETURNING id`,
        [cohort.id, village.id, facilitator.id, `https://meet.jit.si/blup-bench-${size}-${tag}`],
      );
      await q(
        `INSERT INTO users (email, name, role, municipality_id, village_id, activated_at)
         SELECT 'bench-' || $3 || '-' || $4 || '-' || g || '@blup.test', 'Bench member ' || g,
                'steering_member', $1, $2, now()
           FROM generate_series(1, $4::int) g`,
        [municipality.id, village.id, tag, size],
      );
      const [session] = await q(
        `INSERT INTO circle_sessions (circle_id, title, phase, topic, starts_at, ends_at, agenda, materials)
         VALUES ($1, 'Studiekreds: kortlægning', 'mapping', 'Hvad har vi?', now() - interval '30 minutes',
                 now() + interval '60 minutes', $2, $3) RETURNING id`,
        [
          circle.id,
          JSON.stringify([
            { kind: 'inspiration', title: 'Oplæg', minutes: 20 },
            { kind: 'discussion', title: 'Drøftelse', minutes: 40 },
            { kind: 'coordination', title: 'Aftaler', minutes: 20 },
          ]),
          JSON.stringify([
            { kind: 'link', title: 'Guide', url: 'https://blup.dk/guide', lessonId: null },
          ]),
        ],
      );
      await q(
        `INSERT INTO session_rsvps (session_id, user_id, answer)
         SELECT $1, id, (ARRAY['yes', 'no', 'maybe'])[1 + (row_number() OVER (ORDER BY id))::int % 3]
           FROM users WHERE village_id = $2
          ORDER BY id LIMIT $3`,
        [session.id, village.id, Math.ceil((size * 2) / 3)],
      );
      await q(
        `INSERT INTO session_attendance (session_id, user_id, status)
         SELECT $1, id, 'present' FROM users WHERE village_id = $2 ORDER BY id LIMIT $3`,
        [session.id, village.id, Math.ceil(size / 2)],
      );
      const [member] = await q(`SELECT id FROM users WHERE village_id = $1 ORDER BY id LIMIT 1`, [
        village.id,
      ]);
      const token = await insertSession(client, member.id);
      circles.push({ size, sessionId: session.id, cookie: `${sessionCookieName}=${token}` });
    }
    await client.query('ANALYZE');
    return circles;
  } finally {
    await client.end();
  }
}

/** Runs the scenario; resolves with one result per circle size. */
export async function benchSessionPage({ baseUrl, dbUrl, sessionCookieName, load }) {
  log.info(
    `Session page: seeding village circles of ${SESSION_PAGE_CIRCLES.join(' and ')} members …`,
  );
  const circles = await seedCircles(dbUrl, SESSION_PAGE_CIRCLES, sessionCookieName);
  const results = [];
  for (const { size, sessionId, cookie } of circles) {
    const url = `${baseUrl}/api/sessions/${sessionId}`;
    const headers = { cookie };
    // Counted warm: the first request of a session also looks the session up (the API keeps it).
    await (await fetch(url, { headers })).arrayBuffer();
    const probe = await fetch(url, { headers });
    const body = await probe.text();
    if (probe.status === 404 && !body.includes('session')) {
      throw new Error(`GET ${url}: 404. Is dist/apps/api stale? Rebuild with: npx nx build api`);
    }
    if (!probe.ok) throw new Error(`GET ${url}: HTTP ${probe.status} ${body}`);
    const page = JSON.parse(body);
    const queries = Number(probe.headers.get('x-query-count'));
    if (!Number.isFinite(queries) || probe.headers.get('x-query-count') === null) {
      throw new Error('The API sent no X-Query-Count header: start it with BENCH_COUNT_QUERIES=1.');
    }
    if (page.memberCount !== size) {
      throw new Error(`The ${size}-member circle reports memberCount ${page.memberCount}.`);
    }
    log.info(
      `Session page (${size} members): ${SESSION_PAGE_CONNECTIONS} connections, ${queries} SQL queries per request …`,
    );
    const api = await measure({
      url,
      headers,
      ...load,
      connections: SESSION_PAGE_CONNECTIONS,
    });
    // The count once more after the load: the same on a warm server (twice: the first may find
    // the kept session expired).
    await (await fetch(url, { headers })).arrayBuffer();
    const after = await fetch(url, { headers });
    await after.arrayBuffer();
    results.push({
      size,
      queries,
      queriesAfter: Number(after.headers.get('x-query-count')),
      api,
      counts: page.rsvpCounts,
    });
  }
  return results;
}

export function printSessionPage(results) {
  const n = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
  log.heading(
    `\nGET /api/sessions/:id (the session page, ${SESSION_PAGE_CONNECTIONS} connections)`,
  );
  for (const { size, queries, queriesAfter, api } of results) {
    log.info(
      `  ${String(size).padStart(5)} members: ${n(api.rps)} req/s, p50 ${n(api.p50, 2)} ms, ` +
        `p95 ${n(api.p95, 2)} ms, p99 ${n(api.p99, 2)} ms, errors ${api.errors}, ` +
        `SQL queries per request ${queries}${queriesAfter === queries ? '' : ` (then ${queriesAfter})`}`,
    );
  }
  const counts = new Set(results.flatMap((r) => [r.queries, r.queriesAfter]));
  if (counts.size === 1) {
    log.ok(`  Same number of SQL queries per request for every circle size: ${[...counts][0]}.`);
  } else {
    log.error(`  SQL queries per request differ by circle size: ${[...counts].join(', ')}.`);
  }
  log.note(
    '  Counted by the API itself (BENCH_COUNT_QUERIES=1, X-Query-Count): every statement the ' +
      'request sends, counted warm (the session already kept, as for every request of a ' +
      'signed-in person but one every few seconds).',
  );
  return counts.size === 1;
}
