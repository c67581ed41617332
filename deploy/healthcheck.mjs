// The image's health check (Dockerfile HEALTHCHECK, and each service's in docker-compose.yml).
// One image runs every role, so the check asks what this container runs:
//
//   node healthcheck.mjs [api|all|worker|migrate|seed]
//
// Without an argument the role is read from the running `node main.js <role>` process.
//   api, all         GET /api/health/live on PORT answers 200 (the process serves HTTP).
//   worker           the worker process runs and PostgreSQL and Redis answer it (a worker has
//                    no HTTP; without its two stores it cannot take a job), and the hotline's
//                    SMTP listener accepts connections when HOTLINE_SMTP_PORT is set.
//   migrate, seed    the process runs (they are one-shot jobs that exit when done).
// Exit 0 healthy, 1 not; one line on stderr says why. Slim images have no curl, hence Node.
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';

const TIMEOUT_MS = Number(process.env['HEALTHCHECK_TIMEOUT_MS'] ?? 4000);
const ROLES = ['all', 'api', 'worker', 'migrate', 'seed'];

/** The role of the `node main.js <role>` process in this container, or null when none runs. */
export function runningRole(procDir = '/proc') {
  for (const entry of readdirSync(procDir)) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let argv;
    try {
      argv = readFileSync(`${procDir}/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile, or not ours to read
    }
    const main = argv.findIndex((arg) => /(^|\/)main\.js$/.test(arg));
    if (main > 0 && /(^|\/)node$/.test(argv[0])) return argv[main + 1] || 'all';
  }
  return null;
}

/** Resolves with the status code of GET `url`, rejects on no answer. */
function httpStatus(url) {
  return fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then((res) => res.status);
}

/** Resolves when something accepts a TCP connection on host:port. */
function tcpOpen(host, port) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, timeout: TIMEOUT_MS });
    socket.once('connect', () => socket.end(resolve));
    socket.once('timeout', () => socket.destroy(new Error(`no answer in ${TIMEOUT_MS} ms`)));
    socket.once('error', reject);
  });
}

async function checkHttp() {
  const port = process.env['PORT'] || '3000';
  const status = await httpStatus(`http://127.0.0.1:${port}/api/health/live`);
  if (status !== 200) throw new Error(`/api/health/live answered ${status}`);
}

async function checkPostgres() {
  // The app's own dependency, installed beside this file in the image.
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString: process.env['DATABASE_URL'],
    connectionTimeoutMillis: TIMEOUT_MS,
    query_timeout: TIMEOUT_MS,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis() {
  const { Redis } = await import('ioredis');
  const redis = new Redis(process.env['REDIS_URL'] ?? '', {
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    lazyConnect: true,
  });
  redis.on('error', () => undefined); // the rejected command below says it
  try {
    await redis.connect();
    const reply = await redis.ping();
    if (reply !== 'PONG') throw new Error(`Redis answered ${reply}`);
  } finally {
    redis.disconnect();
  }
}

async function checkWorker() {
  const checks = [
    checkPostgres().catch((error) => Promise.reject(new Error(`PostgreSQL: ${error.message}`))),
    checkRedis().catch((error) => Promise.reject(new Error(`Redis: ${error.message}`))),
  ];
  const hotlinePort = Number(process.env['HOTLINE_SMTP_PORT'] || 0);
  if (hotlinePort > 0) {
    // A listener bound to every address is reached on loopback.
    const host = (process.env['HOTLINE_SMTP_HOST'] || '127.0.0.1').replace(
      /^(0\.0\.0\.0|::)$/,
      '127.0.0.1',
    );
    checks.push(
      tcpOpen(host, hotlinePort).catch((error) =>
        Promise.reject(new Error(`hotline SMTP ${host}:${hotlinePort}: ${error.message}`)),
      ),
    );
  }
  await Promise.all(checks);
}

/** Checks `role` (or the running one); resolves with a short verdict, rejects with the reason. */
export async function check(role, { requireProcess = true } = {}) {
  const running = runningRole();
  if (requireProcess && running === null) throw new Error('no `node main.js` process runs');
  const wanted = role ?? running;
  if (!ROLES.includes(wanted)) throw new Error(`unknown role "${wanted}" (${ROLES.join(', ')})`);
  if (wanted === 'api' || wanted === 'all') await checkHttp();
  if (wanted === 'worker') await checkWorker();
  return `${wanted}: healthy`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // HEALTHCHECK_SKIP_PROCESS=1: check from outside the container (tests, a probe elsewhere).
  const requireProcess = process.env['HEALTHCHECK_SKIP_PROCESS'] !== '1';
  check(process.argv[2], { requireProcess }).then(
    (verdict) => {
      console.log(verdict);
      process.exit(0);
    },
    (error) => {
      console.error(`unhealthy: ${error.message}`);
      process.exit(1);
    },
  );
}
