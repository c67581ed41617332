// Redis: a private redis-server for local runs, and cleanup of a key prefix.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { log } from './log.mjs';
import { freePort, redisPing } from './net.mjs';
import { Child } from './proc.mjs';

const hasCommand = (command, args = ['--version']) =>
  spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** Installs redis-server with apt-get when we are root on Debian/Ubuntu; else says how. */
export function ensureRedisServerInstalled() {
  if (hasCommand('redis-server')) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && hasCommand('apt-get', ['--version'])) {
    log.info('redis-server is missing; installing it: apt-get install -y redis-server');
    const install = () =>
      spawnSync('apt-get', ['install', '-y', '-q', 'redis-server'], { stdio: 'inherit' }).status;
    if (install() !== 0) {
      spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
      if (install() !== 0) throw new Error('apt-get install -y redis-server failed');
    }
    return;
  }
  const command =
    process.platform === 'darwin' ? 'brew install redis' : 'sudo apt-get install -y redis-server';
  throw new Error(
    `redis-server is not installed. Install it with:\n  ${command}\n(or set REDIS_URL)`,
  );
}

/**
 * Starts redis-server on `port` (default: a free one) with its files in `dir`. Returns
 * { url, child }. `appendOnly` keeps every write in an append-only file, so a restart on the
 * same `dir` keeps the queues (as production would configure it), and no RDB snapshots.
 */
export async function startRedisServer({ dir, port: requestedPort, appendOnly = false }) {
  ensureRedisServerInstalled();
  mkdirSync(dir, { recursive: true });
  const port = requestedPort ?? (await freePort(63790));
  const child = new Child('redis', 'redis-server', [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dir,
    '--appendonly', appendOnly ? 'yes' : 'no',
    ...(appendOnly ? ['--save', ''] : []),
    '--logfile', '',
  ]); // prettier-ignore
  await waitForRedis(port, child);
  return { url: `redis://127.0.0.1:${port}`, child };
}

async function waitForRedis(port, child, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!child.running) throw new Error(`redis-server exited:\n${child.tail.text()}`);
    if (await redisPing(port)) return;
    await sleep(100);
  }
  await child.stop();
  throw new Error(`redis-server did not answer on port ${port}:\n${child.tail.text()}`);
}

/** Deletes every key that starts with `prefix`. Returns how many. */
export async function deleteKeysWithPrefix(url, prefix) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let deleted = 0;
    const match = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
    for await (const keys of redis.scanStream({ match, count: 500 })) {
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    }
    return deleted;
  } finally {
    redis.disconnect();
  }
}
