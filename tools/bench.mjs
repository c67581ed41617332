// `npm run bench`: load-tests API endpoints, each beside a bare Node http server that returns
// the same body, on a throwaway database and Redis key prefix that are removed at the end.
//
//   npm run bench -- [--duration=10] [--warmup=2] [--connections=50] [--viewers=200]
//                    [--only=endpoints,reads,heartbeats,session-page,goal-summary,public-plan,
//                            enrolment-race,newsletter-fanout,surveys,lighthouse,scale]
//                    [--client=node|lean]
//
// --client: the HTTP client that sends the load. `node` (Node's http.request, the default) is
// the one every earlier run and issue 14's figures used. `lean` (tools/lib/lean-http.mjs) spends
// about a third of its CPU per request, which on a 2-core machine leaves more to the servers
// measured: the bare servers gain more from that than the API does, so ratios drop.
//
// Environment: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres), the server
// the bench database is made on; BENCH_REDIS_URL (redis://127.0.0.1:6379).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchReads, printReads } from './bench-reads.mjs';
import { benchSessionPage, printSessionPage } from './bench-session-page.mjs';
import { benchGoalSummary, printGoalSummary } from './bench-goal-summary.mjs';
import { benchPublicPlan, printPublicPlan } from './bench-public-plan.mjs';
import { benchEnrolmentRace, printEnrolmentRace } from './bench-enrolment-race.mjs';
import { benchNewsletterFanout, printNewsletterFanout } from './bench-newsletter-fanout.mjs';
import { benchLighthouse, printLighthouse } from './bench-lighthouse.mjs';
import { benchSurveys, printSurveys } from './bench-surveys.mjs';
import { benchScale, printScale } from './bench-scale.mjs';
import { startMailCatcher } from './mail-catcher.mjs';
import { apiEnv, fetchDemoSignIns, startApi } from './lib/api.mjs';
import { ensureApiBuilt, ensureWebBuilt } from './lib/build.mjs';
import { CLIENTS, openConnection, prepareRequest } from './lib/lean-http.mjs';
import { driveLoops, measure } from './lib/load.mjs';
import { log } from './lib/log.mjs';
import { freePort, waitForHttp } from './lib/net.mjs';
import { ROOT } from './lib/paths.mjs';
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from './lib/postgres.mjs';
import {
  Child,
  Cleanup,
  describeExit,
  finisher,
  onStopSignal,
  watchChildren,
} from './lib/proc.mjs';
import { deleteKeysWithPrefix } from './lib/redis.mjs';
import { signIn } from './lib/session.mjs';
import { createViewers, nextHeartbeat } from './lib/viewers.mjs';
import pg from 'pg';

// What is benched. Add an endpoint with one entry; `signedIn` sends the demo secretariat's
// session cookie.
// `minRatio`: the target share of the bare server's rate (issue 14).
const ENDPOINTS = [
  { path: '/api/health', minRatio: 0.5 },
  { path: '/api/home', signedIn: true },
];

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const BARE_SERVER = join(ROOT, 'tools/lib/bare-server.mjs');
const BARE_SQL_SERVER = join(ROOT, 'tools/lib/bare-sql-server.mjs');

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    viewers: { type: 'string', default: '200' },
    client: { type: 'string', default: 'node' },
    only: {
      type: 'string',
      default:
        'endpoints,reads,heartbeats,session-page,goal-summary,public-plan,enrolment-race,newsletter-fanout,surveys,lighthouse,scale',
    },
  },
});
const SCENARIOS = [
  'endpoints',
  'reads',
  'heartbeats',
  'session-page',
  'goal-summary',
  'public-plan',
  'enrolment-race',
  'newsletter-fanout',
  'surveys',
  'lighthouse',
  'scale',
];
const only = new Set(args.only.split(',').map((name) => name.trim()));
for (const name of only) {
  if (!SCENARIOS.includes(name)) {
    throw new Error(`--only: unknown scenario "${name}" (choose from ${SCENARIOS.join(', ')})`);
  }
}
if (!(args.client in CLIENTS)) {
  throw new Error(`--client: unknown client "${args.client}" (choose from lean, node)`);
}
// Every scenario's load goes through lib/lean-http.mjs openConnection, which reads this.
process.env.BENCH_CLIENT = args.client;
const load = {
  durationMs: Number(args.duration) * 1000,
  warmupMs: Number(args.warmup) * 1000,
  connections: Number(args.connections),
};

const cleanup = new Cleanup();
const finish = finisher(cleanup);

onStopSignal(() => finish(130, 'Interrupted.'));

/** A throwaway database and Redis prefix, removed by `cleanup` whatever happens. */
async function benchServices() {
  const name = `blup_bench_${randomBytes(4).toString('hex')}`;
  await createDatabaseIfMissing(ADMIN_URL, name);
  cleanup.add(`database ${name}`, async () => {
    await dropDatabase(ADMIN_URL, name);
    log.note(`Dropped database ${name}.`);
  });
  cleanup.add(`Redis keys ${name}*`, async () => {
    const deleted = await deleteKeysWithPrefix(REDIS_URL, name);
    log.note(`Deleted ${deleted} Redis keys with prefix ${name}.`);
  });
  const mail = await startMailCatcher({ smtpPort: 0, web: false });
  cleanup.add('mail sink', () => mail.stop());
  log.info(`Database ${name} on ${new URL(ADMIN_URL).host}, Redis prefix ${name}, mail to a sink.`);
  return {
    prefix: name,
    env: { DATABASE_URL: databaseUrl(ADMIN_URL, name), REDIS_URL, SMTP_URL: mail.smtpUrl },
  };
}

async function startBenchApi(services) {
  const port = await freePort();
  const queryLog = join(mkdtempSync(join(tmpdir(), 'blup-bench-log-')), 'queries.jsonl');
  cleanup.add('query log', () => rmSync(dirname(queryLog), { recursive: true, force: true }));
  const env = apiEnv({
    port,
    services: services.env,
    redisPrefix: services.prefix,
    // BENCH_COUNT_QUERIES: the X-Query-Count header the session page scenario reads;
    // BENCH_QUERY_LOG: the statements of requests marked X-Bench-Record, for the reads' twin.
    extra: {
      MIGRATE_ON_BOOT: 'true',
      SEED_DEMO_IF_EMPTY: 'true',
      BENCH_COUNT_QUERIES: '1',
      BENCH_QUERY_LOG: queryLog,
    },
  });
  const api = startApi('all', env, { echo: process.env.BENCH_ECHO === '1' });
  watchChildren([api], (child, result) => finish(1, describeExit(child, result)));
  cleanup.add('API', () => api.stop());
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/api/health`, { child: api, timeoutMs: 180_000 });
  return { baseUrl, queryLog };
}

async function secretariatCookie(baseUrl) {
  const signIns = await fetchDemoSignIns(baseUrl);
  const secretariat = signIns?.find((signIn) => /secretar|sekretar/i.test(signIn.role));
  if (!secretariat) throw new Error('GET /api/demo/sign-ins has no secretariat sign-in');
  return signIn(baseUrl, secretariat);
}

/** Starts a bare server answering every request with `body`. Resolves with { url, child }. */
async function startBareServer(body, contentType) {
  const dir = mkdtempSync(join(tmpdir(), 'blup-bench-'));
  try {
    writeFileSync(join(dir, 'body'), body);
    const port = await freePort();
    const child = new Child('bare', process.execPath, [
      BARE_SERVER,
      String(port),
      join(dir, 'body'),
      contentType,
    ]);
    cleanup.add('bare server', () => child.stop());
    await waitForHttp(`http://127.0.0.1:${port}/`, { child, timeoutMs: 10_000 });
    return { url: `http://127.0.0.1:${port}`, child };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts the bare twin of the read endpoints: the same SQL through pg, the same JSON. */
async function startBareSqlServer(dbUrl) {
  const port = await freePort();
  // The twin imports the API's import-free statement files (.ts) under Node's type stripping.
  const child = new Child('bare', process.execPath, [
    '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
    BARE_SQL_SERVER,
    String(port),
    dbUrl,
  ]);
  cleanup.add('bare SQL server', () => child.stop());
  await waitForHttp(`http://127.0.0.1:${port}/`, { child, timeoutMs: 10_000 });
  return `http://127.0.0.1:${port}`;
}

async function benchEndpoint(endpoint, baseUrl, cookie) {
  const name = `GET ${endpoint.path}`;
  const headers = endpoint.signedIn ? { cookie } : {};
  const sample = await fetch(`${baseUrl}${endpoint.path}`, { headers });
  const body = Buffer.from(await sample.arrayBuffer());
  if (sample.status !== 200) throw new Error(`${name}: HTTP ${sample.status} ${body}`);
  const contentType = sample.headers.get('content-type') ?? 'application/octet-stream';

  log.info(`${name}: API …`);
  const api = await measure({ url: `${baseUrl}${endpoint.path}`, headers, ...load });
  const bare = await startBareServer(body, contentType);
  log.info(`${name}: bare server …`);
  const baseline = await measure({ url: `${bare.url}${endpoint.path}`, ...load });
  await bare.child.stop();
  return { name, api, bare: baseline, minRatio: endpoint.minRatio };
}

function printTable(rows) {
  const number = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
  const table = [
    [
      'endpoint',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      'bare req/s',
      'bare p95',
      'ratio',
      'target',
    ],
    ...rows.map(({ name, api, bare, minRatio }) => [
      name,
      number(api.rps),
      number(api.p50, 2),
      number(api.p95, 2),
      number(api.p99, 2),
      String(api.errors + bare.errors),
      number(bare.rps),
      number(bare.p95, 2),
      number(api.rps / bare.rps, 3),
      minRatio === undefined ? '-' : `≥ ${minRatio}`,
    ]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const line = (row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]),
      )
      .join('  ');
  log.heading(`\n${line(table[0])}`);
  for (const row of table.slice(1)) log.info(line(row));
  log.note(
    'ratio = API req/s ÷ bare req/s. errors = failed requests (non-2xx or socket), both servers. ' +
      'The bare server answers the same bytes with no SQL (for /api/home the signed-in reads ' +
      'below compare with the same SQL).',
  );
  return rows.every(
    ({ api, bare, minRatio }) => minRatio === undefined || api.rps / bare.rps >= minRatio,
  );
}

// ---------------------------------------------------------------------------------------------
// Heartbeats: `--viewers` simulated viewers (200), each its own steering member with its own
// session and keep-alive connection, posting the player's heartbeats on the longest seeded video
// as fast as the API answers. Beside it, the raw rate of single-row upserts through `pg` on the
// same PostgreSQL (the same number of concurrent callers), and the ratio between the two.

const HEARTBEAT_STRETCH_SECONDS = 10;
const UPSERT_POOL_SIZE = 50;

/**
 * Posts `body` on the viewer's own connection; resolves true on a 2xx. `onQueries` gets the
 * X-Query-Count header, when set.
 */
function post(link, url, headers, body, onQueries) {
  return link.send(prepareRequest(url, { method: 'POST', headers, body })).then(
    ({ status, header }) => {
      const queries = header('x-query-count');
      if (queries !== undefined) onQueries?.(Number(queries));
      return status >= 200 && status < 300;
    },
    () => false,
  );
}

async function benchHeartbeats(baseUrl, dbUrl, cookie) {
  const count = Number(args.viewers);
  const sessionCookieName = /(?:^|;\s*)(__Host-blup_session|blup_session)=/.exec(cookie)?.[1];
  if (!sessionCookieName) throw new Error('The secretariat sign-in carried no session cookie.');
  log.info(`Heartbeats: creating ${count} viewers with a session each …`);
  const { lessonId, lessonTitle, durationSeconds, viewers } = await createViewers(
    dbUrl,
    count,
    sessionCookieName,
  );
  log.info(`Heartbeats: on the seeded video lesson “${lessonTitle}” (${durationSeconds} s).`);
  const url = `${baseUrl}/api/lessons/${lessonId}/heartbeats`;
  const stretch = Math.min(HEARTBEAT_STRETCH_SECONDS, Math.floor(durationSeconds));
  const playhead = viewers.map(
    (_, i) => (i * stretch) % Math.max(1, Math.floor(durationSeconds) - stretch),
  );
  const links = viewers.map(() => openConnection(url));
  // SQL statements the API ran per heartbeat (its X-Query-Count header, session lookup included;
  // a statement shared by several heartbeats is counted once, on one of them).
  const queries = { statements: 0, responses: 0 };
  const beat = (i) => {
    const body = nextHeartbeat(playhead, i, stretch, durationSeconds);
    return post(links[i], url, viewers[i].headers, body, (n) => {
      queries.statements += n;
      queries.responses += 1;
    });
  };
  const probe = await fetch(url, {
    method: 'POST',
    headers: viewers[0].headers,
    body: JSON.stringify({
      fromSeconds: 0,
      toSeconds: stretch,
      positionSeconds: stretch,
      event: 'tick',
    }),
  });
  if (!probe.ok) throw new Error(`POST ${url}: HTTP ${probe.status} ${await probe.text()}`);
  log.info(`Heartbeats: ${count} viewers posting to the API …`);
  let api;
  try {
    await driveLoops(count, load.warmupMs, beat);
    Object.assign(queries, { statements: 0, responses: 0 });
    api = await driveLoops(count, load.durationMs, beat);
    api.queriesPerHeartbeat = queries.responses ? queries.statements / queries.responses : NaN;
  } finally {
    for (const link of links) link.close();
  }

  log.info(
    `Heartbeats: raw single-row upserts through pg (${count} callers, pool of ${UPSERT_POOL_SIZE}) …`,
  );
  const pool = new pg.Pool({ connectionString: dbUrl, max: UPSERT_POOL_SIZE });
  let raw;
  try {
    await pool.query(
      `CREATE TABLE bench_upsert (viewer integer PRIMARY KEY, beats integer NOT NULL, updated_at timestamptz NOT NULL)`,
    );
    const upsert = (i) =>
      pool
        .query(
          `INSERT INTO bench_upsert (viewer, beats, updated_at) VALUES ($1, 1, now())
           ON CONFLICT (viewer) DO UPDATE SET beats = bench_upsert.beats + 1, updated_at = now()`,
          [i],
        )
        .then(
          () => true,
          () => false,
        );
    await driveLoops(count, load.warmupMs, upsert);
    raw = await driveLoops(count, load.durationMs, upsert);
  } finally {
    await pool.end();
  }
  return { name: `POST heartbeats (${count} viewers)`, api, raw };
}

/** Issue 14's targets for heartbeats: a share of raw pg upserts, and the API's p95. */
const HEARTBEAT_MIN_RATIO = 0.5;
const HEARTBEAT_MAX_P95_MS = 50;

/** Prints the heartbeat figures; true when they meet their targets. */
function printHeartbeats({ name, api, raw }) {
  const n = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
  log.heading(`\n${name}`);
  log.info(
    `  API: ${n(api.rps)} heartbeats/s, p50 ${n(api.p50, 2)} ms, p95 ${n(api.p95, 2)} ms, ` +
      `p99 ${n(api.p99, 2)} ms, errors ${api.errors}`,
  );
  log.info(
    `  pg:  ${n(raw.rps)} upserts/s, p50 ${n(raw.p50, 2)} ms, p95 ${n(raw.p95, 2)} ms, ` +
      `p99 ${n(raw.p99, 2)} ms, errors ${raw.errors}`,
  );
  log.info(`  ratio heartbeats/s ÷ upserts/s: ${n(api.rps / raw.rps, 3)}`);
  log.info(`  SQL statements per heartbeat (X-Query-Count): ${n(api.queriesPerHeartbeat, 2)}`);
  log.info(
    `  Targets: ratio ≥ ${HEARTBEAT_MIN_RATIO}, p95 < ${HEARTBEAT_MAX_P95_MS} ms, no errors.`,
  );
  log.note(
    'Each heartbeat is a session lookup, then an access check and a coverage-merging upsert in one ' +
      'statement that heartbeats arriving together share (group commit); the pg figure is a bare ' +
      'single-row INSERT … ON CONFLICT DO UPDATE on the same server.',
  );
  return (
    api.rps / raw.rps >= HEARTBEAT_MIN_RATIO && api.p95 < HEARTBEAT_MAX_P95_MS && api.errors === 0
  );
}

async function main() {
  log.heading('BLUP bench');
  log.note(
    `${load.connections} keep-alive connections, ${load.warmupMs / 1000} s warm-up, ` +
      `${load.durationMs / 1000} s measured per target. The load generator, the API (with ` +
      `PostgreSQL and Redis) and the bare server share this machine's ${availableParallelism()} ` +
      'cores, so absolute numbers are low; compare the ratio. HTTP client: ' +
      (args.client === 'lean' ? 'lean (lib/lean-http.mjs).' : "node (Node's http.request)."),
  );
  await ensureApiBuilt();
  // The API serves the web client it finds at start-up, so build that first.
  if (only.has('lighthouse')) await ensureWebBuilt();
  const missed = [...only].some((name) => name !== 'scale') ? await benchOnOneApi() : [];
  // The scale scenario brings up its own PostgreSQL, Redis, nginx, API and worker processes.
  if (only.has('scale') && !printScale(await benchScale({ cleanup }))) {
    missed.push('the scale scenario missed a target (see its FAILED lines)');
  }
  if (missed.length) throw new Error(`Missed: ${missed.join('; ')}.`);
}

/** The scenarios on one API process ("all") on the shared PostgreSQL and Redis: what they missed. */
async function benchOnOneApi() {
  const services = await benchServices();
  const { baseUrl, queryLog } = await startBenchApi(services);
  log.info(`API up at ${baseUrl} (NODE_ENV=development, as npm start runs it).`);
  const cookie = await secretariatCookie(baseUrl);
  const sessionCookieName = /(?:^|;\s*)(__Host-blup_session|blup_session)=/.exec(cookie)?.[1];
  if (!sessionCookieName) throw new Error('The secretariat sign-in carried no session cookie.');

  const rows = [];
  if (only.has('endpoints')) {
    for (const endpoint of ENDPOINTS) rows.push(await benchEndpoint(endpoint, baseUrl, cookie));
  }
  const reads = only.has('reads')
    ? await benchReads({
        baseUrl,
        dbUrl: services.env.DATABASE_URL,
        queryLog,
        signIns: await fetchDemoSignIns(baseUrl),
        load,
        cleanup,
      })
    : null;
  const heartbeats = only.has('heartbeats')
    ? await benchHeartbeats(baseUrl, services.env.DATABASE_URL, cookie)
    : null;
  const sessionPage = only.has('session-page')
    ? await benchSessionPage({
        baseUrl,
        dbUrl: services.env.DATABASE_URL,
        sessionCookieName,
        load,
      })
    : null;
  const bareUrl =
    only.has('goal-summary') || only.has('public-plan')
      ? await startBareSqlServer(services.env.DATABASE_URL)
      : null;
  const goalSummary = only.has('goal-summary')
    ? await benchGoalSummary({
        baseUrl,
        dbUrl: services.env.DATABASE_URL,
        bareUrl,
        sessionCookieName,
        load,
      })
    : null;
  const publicPlan = only.has('public-plan')
    ? await benchPublicPlan({ baseUrl, dbUrl: services.env.DATABASE_URL, bareUrl, load })
    : null;
  const enrolmentRace = only.has('enrolment-race')
    ? await benchEnrolmentRace({ baseUrl, dbUrl: services.env.DATABASE_URL, sessionCookieName })
    : null;
  const fanout = only.has('newsletter-fanout')
    ? await benchNewsletterFanout({
        adminUrl: ADMIN_URL,
        redisUrl: REDIS_URL,
        prefix: services.prefix,
        cleanup,
      })
    : null;
  const surveys = only.has('surveys')
    ? await benchSurveys({ baseUrl, dbUrl: services.env.DATABASE_URL, sessionCookieName, load })
    : null;
  const lighthouse = only.has('lighthouse') ? await benchLighthouse({ baseUrl, cookie }) : null;
  const missed = [];
  if (rows.length && !printTable(rows)) missed.push('an endpoint missed its ratio');
  if (reads && !printReads(reads)) {
    missed.push('a signed-in read missed its target (ratio, p95 or constant SQL count)');
  }
  if (heartbeats && !printHeartbeats(heartbeats)) {
    missed.push('heartbeats missed their target (ratio to raw pg upserts, p95, or errors)');
  }
  if (sessionPage && !printSessionPage(sessionPage)) {
    missed.push('the session page ran a different number of SQL queries per circle size');
  }
  if (goalSummary && !printGoalSummary(goalSummary)) {
    missed.push('the goal summary ran a different number of SQL queries, or failed requests');
  }
  if (publicPlan && !printPublicPlan(publicPlan)) {
    missed.push('the public plan ran a different number of SQL queries, or failed requests');
  }
  if (enrolmentRace && !printEnrolmentRace(enrolmentRace)) {
    missed.push('the enrolment race did not fill exactly 10 places with 490 waiting in order');
  }
  if (fanout) {
    const { exact, onTarget } = printNewsletterFanout(fanout);
    if (!exact) throw new Error('The newsletter fan-out lost or repeated messages.');
    if (!onTarget) {
      missed.push('the newsletter fan-out missed its target (rate to raw nodemailer, or RSS)');
    }
  }
  if (surveys && !printSurveys(surveys)) {
    missed.push('a survey submission was lost, doubled or refused, or the results’ SQL count grew');
  }
  if (lighthouse && !printLighthouse(lighthouse)) {
    missed.push('a Lighthouse performance score of the web client is below 95');
  }
  return missed;
}

main().then(
  () => finish(0),
  (error) => finish(1, error.message),
);
