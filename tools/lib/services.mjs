// The services the API needs, from the environment or started here for a local run:
// PostgreSQL (DATABASE_URL or embedded), Redis (REDIS_URL or a private redis-server) and
// mail (SMTP_URL or the mail catcher). Shared by start.mjs and seed.mjs.
import { join, relative } from 'node:path';
import { startMailCatcher } from '../mail-catcher.mjs';
import { log } from './log.mjs';
import { DATA_DIR, ROOT } from './paths.mjs';
import { startEmbeddedPostgres } from './postgres.mjs';
import { startRedisServer } from './redis.mjs';

const DATABASE_NAME = 'blup';

const shown = (path) => relative(ROOT, path);

/**
 * DATABASE_URL, or the embedded PostgreSQL (started here unless another run has it up).
 * A started cluster is registered in `cleanup` and pushed onto `children`.
 */
export async function startDatabase(cleanup, children = []) {
  if (process.env.DATABASE_URL) {
    log.info('PostgreSQL: DATABASE_URL from the environment');
    return process.env.DATABASE_URL;
  }
  const dir = join(DATA_DIR, 'postgres');
  const { url, child, pid } = await startEmbeddedPostgres({ dir, database: DATABASE_NAME });
  if (child) {
    cleanup.add('PostgreSQL', () => child.stop());
    children.push(child);
  }
  const how = child ? '' : `, already running (pid ${pid})`;
  log.info(`PostgreSQL: embedded (${shown(dir)}${how}), ${url.replace(/:[^:@/]*@/, '@')}`);
  return url;
}

async function redis(cleanup, children) {
  if (process.env.REDIS_URL) {
    log.info('Redis: REDIS_URL from the environment');
    return process.env.REDIS_URL;
  }
  const dir = join(DATA_DIR, 'redis');
  const { url, child } = await startRedisServer({ dir });
  cleanup.add('Redis', () => child.stop());
  children.push(child);
  log.info(`Redis: private redis-server (${shown(dir)}), ${url}`);
  return url;
}

async function mail(cleanup, { web }) {
  if (process.env.SMTP_URL) {
    log.info('Mail: SMTP_URL from the environment');
    return { smtpUrl: process.env.SMTP_URL, webUrl: null };
  }
  const catcher = await startMailCatcher({ web });
  cleanup.add('mail catcher', () => catcher.stop());
  log.info(`Mail: mail catcher, ${catcher.smtpUrl}${web ? `, read at ${catcher.webUrl}` : ''}`);
  return catcher;
}

/**
 * Resolves or starts the three services, registering each started one in `cleanup`.
 * Returns { env, mailWebUrl, children } where children are the started processes to watch.
 */
export async function startServices(cleanup, { mailWeb = true } = {}) {
  const children = [];
  const DATABASE_URL = await startDatabase(cleanup, children);
  const REDIS_URL = await redis(cleanup, children);
  const { smtpUrl: SMTP_URL, webUrl: mailWebUrl } = await mail(cleanup, { web: mailWeb });
  return { env: { DATABASE_URL, REDIS_URL, SMTP_URL }, mailWebUrl, children };
}
