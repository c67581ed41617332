// The stack the browser tests run against, private to one run:
//   - a fresh database blup_e2e_<random> on the machine's PostgreSQL (E2E_DATABASE_URL, the admin
//     URL, default postgres://postgres@127.0.0.1:5432/postgres),
//   - Redis (E2E_REDIS_URL, default redis://127.0.0.1:6379) under the key prefix blup_e2e_<random>,
//   - the mail catcher on free ports,
//   - the built API (serving the built web app) on a free port, migrated and seeded with demo data.
//
//   node apps/web-e2e/stack.mjs
//
// Once everything answers it prints one line, `E2E_STACK {"baseUrl":…,"mailUrl":…}`, on stdout.
// It stops everything, drops the database and deletes the Redis keys on SIGINT/SIGTERM/SIGHUP,
// when its stdin closes (so also when the process that started it dies), and when the API dies.
// Playwright's global setup (src/support/global-setup.ts) runs it as a child process, which keeps
// these tools' ES modules out of Playwright's TypeScript loader.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { apiEnv, startApi } from '../../tools/lib/api.mjs';
import { assertBuilt } from '../../tools/lib/build.mjs';
import { log } from '../../tools/lib/log.mjs';
import { freePort, redisPing, waitForHttp } from '../../tools/lib/net.mjs';
import { ROOT } from '../../tools/lib/paths.mjs';
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from '../../tools/lib/postgres.mjs';
import {
  Cleanup,
  describeExit,
  finisher,
  onStopSignal,
  watchChildren,
} from '../../tools/lib/proc.mjs';
import { deleteKeysWithPrefix } from '../../tools/lib/redis.mjs';
import { startMailCatcher } from '../../tools/mail-catcher.mjs';

const ADMIN_DATABASE_URL =
  process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379';
const API_LOG = join(ROOT, 'dist/.playwright/apps/web-e2e/api.log');
const BOOT_TIMEOUT_MS = 90_000;
const READY_PREFIX = 'E2E_STACK ';

/** A URL without its password, for messages. */
const shown = (url) => url.replace(/:[^:@/]*@/, ':***@');
const say = (message) => process.stderr.write(`stack: ${message}\n`);
const cleanup = new Cleanup();
const finish = finisher(cleanup, { onStopped: () => say('stopped and cleaned up') });

onStopSignal(() => finish(0));
process.stdin.on('end', () => finish(0)).on('error', () => finish(0));
process.stdin.resume();

async function main() {
  assertBuilt(['dist/apps/api/main.js', 'dist/apps/web/browser/index.html']);
  const name = `blup_e2e_${randomBytes(5).toString('hex')}`;

  await createDatabaseIfMissing(ADMIN_DATABASE_URL, name).catch((error) => {
    throw new Error(
      `cannot create a database through ${shown(ADMIN_DATABASE_URL)} (${error.message}); ` +
        'is PostgreSQL running? Set E2E_DATABASE_URL to an admin URL of another server.',
    );
  });
  cleanup.add(`database ${name}`, () => dropDatabase(ADMIN_DATABASE_URL, name));
  const redis = new URL(REDIS_URL);
  if (!(await redisPing(Number(redis.port || 6379), redis.hostname))) {
    throw new Error(
      `Redis does not answer at ${shown(REDIS_URL)}; start it, or set E2E_REDIS_URL.`,
    );
  }
  cleanup.add(`Redis keys ${name}*`, () => deleteKeysWithPrefix(REDIS_URL, name));

  const catcher = await startMailCatcher({ smtpPort: 0, webPort: 0 });
  cleanup.add('mail catcher', () => catcher.stop());

  const port = await freePort();
  const env = apiEnv({
    port,
    services: {
      DATABASE_URL: databaseUrl(ADMIN_DATABASE_URL, name),
      REDIS_URL,
      SMTP_URL: catcher.smtpUrl,
    },
    redisPrefix: name,
    extra: {
      NODE_ENV: 'test',
      MIGRATE_ON_BOOT: 'true',
      SEED_DEMO_IF_EMPTY: 'true',
      LOG_LEVEL: 'warn',
      // Every test signs in from 127.0.0.1; the per-address limit is meant for the open internet.
      SIGNIN_LIMIT_PER_IP: '10000',
    },
  });
  const api = startApi('all', env);
  cleanup.add('API', () => api.stop());
  keepLog(api.process, API_LOG);
  watchChildren([api], (child, result) => finish(1, describeExit(child, result)));

  await waitForHttp(`http://127.0.0.1:${port}/api/health`, {
    child: api,
    timeoutMs: BOOT_TIMEOUT_MS,
  });
  say(`database ${name}, API ${env.PUBLIC_URL} (log: ${API_LOG}), mail ${catcher.webUrl}`);
  process.stdout.write(
    `${READY_PREFIX}${JSON.stringify({ baseUrl: env.PUBLIC_URL, mailUrl: catcher.webUrl })}\n`,
  );
}

/** The API's whole output, for reading after a failed run (the Child keeps only a tail). */
function keepLog(child, path) {
  mkdirSync(dirname(path), { recursive: true });
  const file = createWriteStream(path);
  child.stdout.pipe(file, { end: false });
  child.stderr.pipe(file, { end: false });
}

main().catch((error) => {
  log.error(`stack: ${error.message}`);
  finish(1);
});
