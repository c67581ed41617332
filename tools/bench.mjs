// `npm run bench`: load-tests API endpoints, each beside a bare Node http server that returns
// the same body, on a throwaway database and Redis key prefix that are removed at the end.
//
//   npm run bench -- [--duration=10] [--warmup=2] [--connections=50]
//
// Environment: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres), the server
// the bench database is made on; BENCH_REDIS_URL (redis://127.0.0.1:6379).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startMailCatcher } from './mail-catcher.mjs';
import { apiEnv, fetchDemoSignIns, startApi } from './lib/api.mjs';
import { ensureApiBuilt } from './lib/build.mjs';
import { measure } from './lib/load.mjs';
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

// What is benched. Add an endpoint with one entry; `signedIn` sends the demo secretariat's
// session cookie.
const ENDPOINTS = [{ path: '/api/health' }, { path: '/api/home', signedIn: true }];

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const BARE_SERVER = join(ROOT, 'tools/lib/bare-server.mjs');

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
  },
});
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
  const env = apiEnv({
    port,
    services: services.env,
    redisPrefix: services.prefix,
    extra: { MIGRATE_ON_BOOT: 'true', SEED_DEMO_IF_EMPTY: 'true' },
  });
  const api = startApi('all', env);
  watchChildren([api], (child, result) => finish(1, describeExit(child, result)));
  cleanup.add('API', () => api.stop());
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/api/health`, { child: api, timeoutMs: 180_000 });
  return baseUrl;
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
  return { name, api, bare: baseline };
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
    ],
    ...rows.map(({ name, api, bare }) => [
      name,
      number(api.rps),
      number(api.p50, 2),
      number(api.p95, 2),
      number(api.p99, 2),
      String(api.errors + bare.errors),
      number(bare.rps),
      number(bare.p95, 2),
      number(api.rps / bare.rps, 3),
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
    'ratio = API req/s ÷ bare req/s. errors = failed requests (non-2xx or socket), both servers.',
  );
}

async function main() {
  log.heading('BLUP bench');
  log.note(
    `${load.connections} keep-alive connections, ${load.warmupMs / 1000} s warm-up, ` +
      `${load.durationMs / 1000} s measured per target. The load generator, the API (with ` +
      `PostgreSQL and Redis) and the bare server share this machine's ${availableParallelism()} ` +
      'cores, so absolute numbers are low; compare the ratio.',
  );
  await ensureApiBuilt();
  const services = await benchServices();
  const baseUrl = await startBenchApi(services);
  log.info(`API up at ${baseUrl} (NODE_ENV=development, as npm start runs it).`);
  const cookie = ENDPOINTS.some((endpoint) => endpoint.signedIn)
    ? await secretariatCookie(baseUrl)
    : '';

  const rows = [];
  for (const endpoint of ENDPOINTS) rows.push(await benchEndpoint(endpoint, baseUrl, cookie));
  printTable(rows);
}

main().then(
  () => finish(0),
  (error) => finish(1, error.message),
);
