// The questionnaire scenario of `npm run bench` (issue 15):
// 1. Submissions: SURVEY_SUBMISSIONS concurrent POST /api/public/surveys/:token/responses, each
//    from its own address (X-Forwarded-For, as phones on a poster's QR code would be) and device,
//    plus SURVEY_RESENDS resends of ids already sent; then exactly SURVEY_SUBMISSIONS responses
//    must be stored. Beside it, the same rows written straight through `pg` (one statement per
//    response with its answer rows, SURVEY_PG_POOL connections): the ceiling for this machine.
// 2. Results: GET /api/surveys/:id/results, signed in as the village's steering member, for a
//    survey with 100 responses and one with 10,000: req/s, p95 and the SQL statements per
//    request (X-Query-Count under BENCH_COUNT_QUERIES=1), which must not grow with the answers.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { measure } from './lib/load.mjs';
import { log } from './lib/log.mjs';
import { insertSession } from './lib/session.mjs';

export const SURVEY_SUBMISSIONS = 1000;
export const SURVEY_RESENDS = 100;
export const SURVEY_PG_POOL = 20;
export const SURVEY_RESULT_SIZES = [100, 10_000];
export const SURVEY_RESULTS_CONNECTIONS = 50;

/** The mapping template the migration writes (database/migrations/survey-templates.ts). */
const MAPPING_TEMPLATE_ID = '5a6e7000-0000-4000-8000-000000000001';

/** The answers of respondent `g` (SQL over generate_series g), valid for the mapping template. */
const ANSWERS_SQL = `jsonb_build_object(
    'alder', (ARRAY['u18', '18-29', '30-49', '50-66', '67'])[1 + g % 5],
    'bopael', (ARRAY['under2', '2-10', 'over10', 'tilknyttet'])[1 + g % 4],
    'trivsel', 1 + (g * 7) % 5,
    'frivillig', (ARRAY['ja', 'maaske', 'nej'])[1 + g % 3],
    'kvaliteter', to_jsonb((ARRAY['natur', 'ro', 'skole', 'boliger'])[1:1 + g % 3]),
    'tilbud', jsonb_build_object('indkoeb', (1 + g % 5)::text, 'transport', (1 + (g * 3) % 5)::text),
    'temaer', to_jsonb(CASE WHEN g % 2 = 0
      THEN ARRAY['energi', 'mobilitet', 'moedested', 'natur', 'bosaetning', 'unge']
      ELSE ARRAY['unge', 'bosaetning', 'natur', 'moedested', 'mobilitet', 'energi'] END))
  || CASE WHEN g % 4 = 0 THEN jsonb_build_object('ide', 'Idé nummer ' || g) ELSE '{}'::jsonb END`;

/** A response's answers as the normalised rows the API writes (r: survey_responses rows). */
const ANSWER_ROWS_SQL = `SELECT r.id, r.survey_id, a.key, x.o, x.w, x.n, x.t
     FROM r CROSS JOIN LATERAL jsonb_each(r.answers) a CROSS JOIN LATERAL (
       SELECT a.value #>> '{}' AS o, NULL AS w, NULL::int AS n, NULL AS t
        WHERE a.key IN ('alder', 'bopael', 'frivillig')
       UNION ALL SELECT NULL, NULL, (a.value #>> '{}')::int, NULL WHERE a.key = 'trivsel'
       UNION ALL SELECT NULL, NULL, NULL, a.value #>> '{}' WHERE a.key = 'ide'
       UNION ALL SELECT e, NULL, CASE WHEN i = 1 THEN 1 END, NULL
         FROM jsonb_array_elements_text(CASE WHEN a.key = 'kvaliteter' THEN a.value ELSE '[]' END)
              WITH ORDINALITY AS c(e, i)
       UNION ALL SELECT e, NULL, i::int, NULL
         FROM jsonb_array_elements_text(CASE WHEN a.key = 'temaer' THEN a.value ELSE '[]' END)
              WITH ORDINALITY AS t(e, i)
       UNION ALL SELECT v, k, CASE WHEN i = 1 THEN 1 END, NULL
         FROM jsonb_each_text(CASE WHEN a.key = 'tilbud' THEN a.value ELSE '{}' END)
              WITH ORDINALITY AS m(k, v, i)) x`;

/** A village with a steering member, and open copies of the mapping template. */
async function seedSurveys(dbUrl, sessionCookieName) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const tag = randomBytes(4).toString('hex');
    const q = async (sql, params) => (await client.query(sql, params)).rows;
    const [municipality] = await q(`INSERT INTO municipalities (name) VALUES ($1) RETURNING id`, [
      `Bench spørgeskema ${tag}`,
    ]);
    const [village] = await q(
      `INSERT INTO villages (name, municipality_id) VALUES ($1, $2) RETURNING id`,
      [`Bench landsby ${tag}`, municipality.id],
    );
    const [member] = await q(
      `INSERT INTO users (email, name, role, municipality_id, village_id, activated_at)
       VALUES ($1, 'Bench styregruppe', 'steering_member', $2, $3, now()) RETURNING id`,
      [`bench-surveys-${tag}@blup.test`, municipality.id, village.id],
    );
    const survey = async (title) =>
      (
        await q(
          `INSERT INTO surveys (owner_kind, village_id, purpose, title, status, public_token, pages,
                                copied_from_id)
           SELECT 'village', $1, 'mapping', $2, 'open', $3, pages, id FROM surveys WHERE id = $4
           RETURNING id, public_token`,
          [village.id, title, randomBytes(18).toString('base64url'), MAPPING_TEMPLATE_ID],
        )
      )[0];
    const submit = await survey('Bench svar');
    const raw = await survey('Bench pg');
    const results = [];
    for (const size of SURVEY_RESULT_SIZES) {
      const s = await survey(`Bench resultater ${size}`);
      await q(
        `INSERT INTO survey_responses (id, survey_id, device_hash, language, answers)
         SELECT gen_random_uuid(), $1::uuid, md5($1::text || g), 'da', ${ANSWERS_SQL}
           FROM generate_series(1, $2::int) g`,
        [s.id, size],
      );
      await q(
        `WITH r AS (SELECT * FROM survey_responses WHERE survey_id = $1)
         INSERT INTO survey_answers (response_id, survey_id, question_id, option_id, row_id, number, text)
         ${ANSWER_ROWS_SQL}`,
        [s.id],
      );
      results.push({ size, id: s.id });
    }
    await client.query('ANALYZE survey_responses, survey_answers');
    const token = await insertSession(client, member.id);
    return { submit, raw, results, cookie: `${sessionCookieName}=${token}` };
  } finally {
    await client.end();
  }
}

/** The answers of respondent `g` as the browser sends them (the same as ANSWERS_SQL). */
function answersOf(g) {
  const a = {
    alder: ['u18', '18-29', '30-49', '50-66', '67'][g % 5],
    bopael: ['under2', '2-10', 'over10', 'tilknyttet'][g % 4],
    trivsel: 1 + ((g * 7) % 5),
    frivillig: ['ja', 'maaske', 'nej'][g % 3],
    kvaliteter: ['natur', 'ro', 'skole', 'boliger'].slice(0, 1 + (g % 3)),
    tilbud: { indkoeb: String(1 + (g % 5)), transport: String(1 + ((g * 3) % 5)) },
    temaer:
      g % 2 === 0
        ? ['energi', 'mobilitet', 'moedested', 'natur', 'bosaetning', 'unge']
        : ['unge', 'bosaetning', 'natur', 'moedested', 'mobilitet', 'energi'],
  };
  if (g % 4 === 0) a.ide = `Idé nummer ${g}`;
  return a;
}

function post(url, headers, body, agent) {
  return new Promise((resolve) => {
    const sent = performance.now();
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        timeout: 120_000,
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode, ms: performance.now() - sent }),
        );
        response.on('error', () => resolve({ status: 0, ms: performance.now() - sent }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve({ status: 0, ms: performance.now() - sent }));
    request.end(body);
  });
}

const rank = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

async function benchSubmissions(baseUrl, dbUrl, survey) {
  const url = `${baseUrl}/api/public/surveys/${survey.public_token}/responses`;
  const csrf = randomBytes(24).toString('base64url');
  const requests = Array.from({ length: SURVEY_SUBMISSIONS }, (_, g) => ({
    headers: {
      cookie: `XSRF-TOKEN=${csrf}`,
      'x-xsrf-token': csrf,
      'content-type': 'application/json',
      // Each answer from its own phone: the per-address limit is not what is measured here.
      'x-forwarded-for': `10.${(g >> 16) & 255}.${(g >> 8) & 255}.${g & 255}`,
    },
    body: JSON.stringify({
      id: randomUUID(),
      deviceKey: randomBytes(16).toString('base64url'),
      answers: answersOf(g),
    }),
  }));
  const sends = [...requests, ...requests.slice(0, SURVEY_RESENDS)];
  const agent = new http.Agent({ keepAlive: true, maxSockets: sends.length });
  log.info(`Surveys: ${SURVEY_SUBMISSIONS} concurrent submissions and ${SURVEY_RESENDS} resends …`);
  let results;
  let elapsedMs;
  try {
    const started = performance.now();
    results = await Promise.all(sends.map((r) => post(url, r.headers, r.body, agent)));
    elapsedMs = performance.now() - started;
  } finally {
    agent.destroy();
  }
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  let stored;
  try {
    stored = (
      await client.query(
        `SELECT count(*)::int AS responses,
                (SELECT count(DISTINCT response_id)::int FROM survey_answers WHERE survey_id = $1) AS answered
           FROM survey_responses WHERE survey_id = $1`,
        [survey.id],
      )
    ).rows[0];
  } finally {
    await client.end();
  }
  const latencies = Float64Array.from(results.map((r) => r.ms)).sort();
  return {
    sent: sends.length,
    errors: results.filter((r) => r.status !== 201).length,
    statuses: [...new Set(results.map((r) => r.status))],
    stored: stored.responses,
    answered: stored.answered,
    rps: sends.length / (elapsedMs / 1000),
    p50: rank(latencies, 50),
    p95: rank(latencies, 95),
  };
}

/** The same responses and answer rows through `pg`: one statement per response, a pool of connections. */
async function benchRawInserts(dbUrl, survey) {
  const pool = new pg.Pool({ connectionString: dbUrl, max: SURVEY_PG_POOL });
  const statement = `WITH r AS (
       INSERT INTO survey_responses (id, survey_id, device_hash, language, answers)
       VALUES ($1, $2, $3, 'da', $4::jsonb) ON CONFLICT (id) DO NOTHING RETURNING *)
     INSERT INTO survey_answers (response_id, survey_id, question_id, option_id, row_id, number, text)
     ${ANSWER_ROWS_SQL}`;
  try {
    await pool.query('SELECT 1');
    const latencies = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SURVEY_SUBMISSIONS }, async (_, g) => {
        const sent = performance.now();
        await pool.query(statement, [
          randomUUID(),
          survey.id,
          createHash('sha256').update(`bench-${g}`).digest('hex'),
          JSON.stringify(answersOf(g)),
        ]);
        latencies.push(performance.now() - sent);
      }),
    );
    const elapsedMs = performance.now() - started;
    const sorted = Float64Array.from(latencies).sort();
    return {
      rps: SURVEY_SUBMISSIONS / (elapsedMs / 1000),
      p50: rank(sorted, 50),
      p95: rank(sorted, 95),
    };
  } finally {
    await pool.end();
  }
}

async function benchResults(baseUrl, results, cookie, load) {
  const out = [];
  for (const { size, id } of results) {
    const url = `${baseUrl}/api/surveys/${id}/results`;
    // The second look: the first also looked up the session (kept for a few seconds after).
    await (await fetch(url, { headers: { cookie } })).arrayBuffer();
    const probe = await fetch(url, { headers: { cookie } });
    const body = await probe.json();
    if (!probe.ok) throw new Error(`GET ${url}: HTTP ${probe.status} ${JSON.stringify(body)}`);
    if (body.responses !== size) {
      throw new Error(`The results count ${body.responses} responses, not ${size}.`);
    }
    log.info(
      `Surveys: results with ${size} responses, ${SURVEY_RESULTS_CONNECTIONS} connections …`,
    );
    const measured = await measure({
      url,
      headers: { cookie },
      ...load,
      connections: SURVEY_RESULTS_CONNECTIONS,
    });
    out.push({ size, queries: Number(probe.headers.get('x-query-count')), ...measured });
  }
  return out;
}

export async function benchSurveys({ baseUrl, dbUrl, sessionCookieName, load }) {
  log.info('Surveys: seeding a village with open questionnaires …');
  const seeded = await seedSurveys(dbUrl, sessionCookieName);
  const submissions = await benchSubmissions(baseUrl, dbUrl, seeded.submit);
  log.info(`Surveys: the same ${SURVEY_SUBMISSIONS} responses straight through pg …`);
  const raw = await benchRawInserts(dbUrl, seeded.raw);
  const results = await benchResults(baseUrl, seeded.results, seeded.cookie, load);
  return { submissions, raw, results };
}

const n = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/** Prints the figures; false when a submission was lost, doubled or failed, or the SQL count grew. */
export function printSurveys({ submissions: s, raw, results }) {
  log.heading(
    `\nPOST /api/public/surveys/:token/responses (${SURVEY_SUBMISSIONS} at once, ${SURVEY_RESENDS} resent)`,
  );
  log.info(
    `  API: ${n(s.rps)} submissions/s, p50 ${n(s.p50, 2)} ms, p95 ${n(s.p95, 2)} ms, ` +
      `failed ${s.errors} (statuses ${s.statuses.join(', ')}), stored ${s.stored}, with answers ${s.answered}`,
  );
  log.info(
    `  pg:  ${n(raw.rps)} responses/s (${SURVEY_PG_POOL} connections), p50 ${n(raw.p50, 2)} ms, ` +
      `p95 ${n(raw.p95, 2)} ms | ratio ${n(s.rps / raw.rps, 3)}`,
  );
  const whole =
    s.errors === 0 && s.stored === SURVEY_SUBMISSIONS && s.answered === SURVEY_SUBMISSIONS;
  if (whole) log.ok(`  Every submission stored once: ${s.stored}.`);
  else log.error(`  Expected ${SURVEY_SUBMISSIONS} stored responses without failures.`);
  log.heading(
    `\nGET /api/surveys/:id/results (signed in as the steering member, ${SURVEY_RESULTS_CONNECTIONS} connections)`,
  );
  for (const r of results) {
    log.info(
      `  ${String(r.size).padStart(6)} responses: ${n(r.rps)} req/s, p95 ${n(r.p95, 2)} ms, ` +
        `SQL statements per request ${r.queries}, errors ${r.errors}`,
    );
  }
  const counts = new Set(results.map((r) => r.queries));
  if (counts.size === 1)
    log.ok(`  Same number of SQL statements for every size: ${[...counts][0]}.`);
  else log.error(`  SQL statements per request differ by size: ${[...counts].join(', ')}.`);
  return whole && counts.size === 1 && results.every((r) => r.errors === 0);
}
