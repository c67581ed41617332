// The newsletter fan-out scenario of `npm run bench`: one newsletter to 10,000 and then to 50,000
// recipients (real steering members of one village each, so the real audience query and
// renderer run), each sent by a fresh worker process of its own (`main.js worker`, its own Redis
// prefix, so the API's built-in worker does not share the work) into a local SMTP sink that only
// counts: messages per envelope recipient and distinct Message-IDs (read from the header part),
// no parsing. Prints per size messages/s, the total time, the worker's peak RSS beside an idle
// worker's, and the duplicates (must be 0): the curve of rate and memory as the audience grows.
// Then the first run's messages, byte for byte as the sink received them, are sent again in a
// tight loop through one pooled nodemailer transport (as many connections as the worker's lanes)
// to the same sink, with nodemailer's defaults (Nagle on; a sample, it is slow) and with
// TCP_NODELAY sockets as the worker opens them: nodemailer's raw rates, measured once; each
// run's ratio is its rate ÷ the TCP_NODELAY rate.
// BENCH_FANOUT_SIZES=10000 runs fewer sizes, BENCH_FANOUT_RAW=0 skips the replay and
// BENCH_FANOUT_NODE_OPTIONS (e.g. --cpu-prof) goes to the sending worker: for working on it.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { apiEnv, startApi } from './lib/api.mjs';
import { log } from './lib/log.mjs';
import { listenOnFreePort } from './lib/net.mjs';
import { API_MAIN } from './lib/paths.mjs';
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from './lib/postgres.mjs';
import { run } from './lib/proc.mjs';

/**
 * The audience sizes run, each by a fresh worker process (so each has its own RSS peak).
 * BENCH_FANOUT_SIZES (e.g. `10000`) runs fewer while working on the worker.
 */
export const FANOUT_SIZES = (process.env.BENCH_FANOUT_SIZES ?? '10000,50000')
  .split(',')
  .map((n) => Number(n.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
/** Nagle's ~40 ms per message makes the defaults' replay slow: it replays this many messages. */
const NAGLE_SAMPLE = 1000;
/** The worker's SMTP connections (SMTP_LANES in newsletter-delivery.constants.ts). */
const SMTP_CONNECTIONS = 5;

/**
 * A sink as light as a fast MTA: no parsing. It counts each message once per envelope recipient
 * (RCPT TO) and reads the Message-ID from the header part only (up to the first blank line),
 * keeping one count per recipient and the set of Message-IDs. With `idsPerRecipient` it also
 * keeps every Message-ID each recipient got, in order (the scale bench tells a repeat of the
 * same message from a second one). While `capture` is on it also keeps each message's raw
 * bytes and envelope, for the nodemailer replay.
 */
export async function startCountingSink({ idsPerRecipient = false } = {}) {
  let tally = newTally();
  let captured = null;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    size: 25 * 1024 * 1024,
    onData: (stream, session, callback) => {
      const chunks = captured ? [] : null;
      let head = '';
      let headDone = false;
      stream.on('data', (chunk) => {
        chunks?.push(chunk);
        if (headDone) return;
        head += chunk.toString('latin1');
        const end = head.indexOf('\r\n\r\n');
        if (end >= 0) {
          head = head.slice(0, end + 2);
          headDone = true;
        }
      });
      stream.on('end', () => {
        const { mailFrom, rcptTo } = session.envelope;
        const to = rcptTo.map((r) => r.address.toLowerCase());
        const t = tally;
        t.messages++;
        for (const address of to)
          t.perRecipient.set(address, (t.perRecipient.get(address) ?? 0) + 1);
        const messageId = /^message-id:[ \t]*(?:\r\n[ \t]+)?(\S+)/im.exec(head)?.[1];
        if (messageId) t.messageIds.add(messageId);
        if (idsPerRecipient) {
          for (const address of to) {
            const ids = t.idsByRecipient.get(address) ?? [];
            ids.push(messageId ?? null);
            t.idsByRecipient.set(address, ids);
          }
        }
        captured?.push({ from: mailFrom?.address ?? '', to, raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  const port = await listenOnFreePort(server.server, 0);
  return {
    port,
    /** Messages received since the last `take`. */
    received: () => tally.messages,
    /** Every Message-ID (null: none) each recipient got since the last `take`, in order. */
    idsByRecipient: () => tally.idsByRecipient,
    /** The counts so far; starts new ones. */
    take: () => {
      const done = tally;
      tally = newTally();
      return summarise(done);
    },
    capture: (on) => (captured = on ? [] : null),
    /** The captured messages; stops capturing. */
    captured: () => {
      const messages = captured ?? [];
      captured = null;
      return messages;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

function newTally() {
  return { messages: 0, perRecipient: new Map(), messageIds: new Set(), idsByRecipient: new Map() };
}

/** Duplicates: messages beyond one per recipient. */
function summarise({ messages, perRecipient, messageIds }) {
  let duplicates = 0;
  for (const n of perRecipient.values()) duplicates += n - 1;
  return { messages, recipients: perRecipient.size, duplicates, messageIds: messageIds.size };
}

/** A village of `count` steering members and a village newsletter to them, due now. */
export async function seedNewsletter(dbUrl, count) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const tag = randomBytes(4).toString('hex');
    const q = async (sql, params) => (await client.query(sql, params)).rows;
    const [municipality] = await q(`INSERT INTO municipalities (name) VALUES ($1) RETURNING id`, [
      `Bench kommune ${tag}`,
    ]);
    const [village] = await q(
      `INSERT INTO villages (name, municipality_id, description) VALUES ($1, $2, '') RETURNING id`,
      [`Bench landsby ${tag}`, municipality.id],
    );
    await q(
      `INSERT INTO users (email, name, role, municipality_id, village_id, activated_at)
       SELECT 'fanout-' || $3 || '-' || g || '@blup.test', 'Modtager ' || g, 'steering_member',
              $1, $2, now()
         FROM generate_series(1, $4::int) g`,
      [municipality.id, village.id, tag, count],
    );
    const blocks = [
      {
        type: 'text',
        html:
          '<h2>Hej {{navn}}</h2><p>Næste studiekreds i {{landsby}} handler om, hvad landsbyen ' +
          'har brug for. Se videoen før mødet, og tag naboen med.</p>' +
          '<ul><li>Kortlæg foreningerne</li><li>Find tre ildsjæle</li></ul>',
      },
      { type: 'next_steps', heading: 'Næste skridt', items: ['Se videoen', 'Mød op'] },
    ];
    const [newsletter] = await q(
      `INSERT INTO newsletters (village_id, subject, preheader, blocks, status, send_mode, send_at, web_token)
       VALUES ($1, 'Nyt fra {{landsby}}', 'Studiekredsen nærmer sig', $2, 'scheduled', 'now', now(), $3)
       RETURNING id`,
      [village.id, JSON.stringify(blocks), randomBytes(32).toString('base64url')],
    );
    return newsletter.id;
  } finally {
    await client.end();
  }
}

/** Resident memory of a Linux process in MiB: now (VmRSS) and its peak (VmHWM); null elsewhere. */
function rssMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const read = (field) => {
      const kb = Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1]);
      return Number.isFinite(kb) ? kb / 1024 : null;
    };
    return { now: read('VmRSS'), peak: read('VmHWM') };
  } catch {
    return { now: null, peak: null };
  }
}

/**
 * An idle worker's memory: starts `main.js worker` with nothing to send and waits until its RSS
 * has settled (under 1 MiB of change for 3 s running, at least 5 s after start, 60 s at most).
 */
async function idleWorkerRss(env) {
  const worker = startApi('worker', env, { echo: process.env.BENCH_ECHO === '1' });
  try {
    const started = Date.now();
    let last = null;
    let steady = 0;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (!worker.running) throw new Error(`The idle worker exited:\n${worker.tail.text()}`);
      const rss = rssMiB(worker.process.pid);
      if (rss.now === null) return rss;
      steady = last !== null && Math.abs(rss.now - last) < 1 ? steady + 1 : 0;
      last = rss.now;
      if ((steady >= 3 && Date.now() - started >= 5000) || Date.now() - started > 60_000) {
        return rss;
      }
    }
  } finally {
    await worker.stop();
  }
}

async function waitForStatus(client, id, done, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = (
      await client.query(
        `SELECT status, sending_started_at, finished_at FROM newsletters WHERE id = $1`,
        [id],
      )
    ).rows;
    if (done(row)) return row;
    if (Date.now() > deadline)
      throw new Error(`Newsletter still ${row.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Sends `messages` (raw bytes with their envelopes) through one pool of `lanes` connections, a
 * message per lane at a time. `noDelay` gives nodemailer sockets with TCP_NODELAY (by default
 * its sockets keep Nagle's algorithm on).
 */
async function sendRaw(port, messages, lanes, { noDelay = false } = {}) {
  const getSocket = (options, callback) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setNoDelay(true);
    socket.once('error', callback);
    socket.once('connect', () => {
      socket.removeListener('error', callback);
      callback(null, { connection: socket });
    });
  };
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    pool: true,
    maxConnections: lanes,
    maxMessages: 1000,
    ...(noDelay ? { getSocket } : {}),
  });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < messages.length) {
        const m = messages[next++];
        await transport.sendMail({ envelope: { from: m.from, to: m.to }, raw: m.raw });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return { seconds, rate: messages.length / seconds };
}

/**
 * One fan-out: `count` recipients, sent by a fresh worker process; its RSS peak (VmHWM) read
 * before it stops. With `capture`, the sink keeps the messages for the raw replay.
 */
async function fanoutRun({ dbUrl, env, sink, count, capture }) {
  log.info(`Newsletter fan-out: ${count} steering members of one village …`);
  const newsletterId = await seedNewsletter(dbUrl, count);
  const client = new pg.Client({ connectionString: dbUrl });
  client.on('error', () => undefined);
  await client.connect();
  let worker;
  let rss = { now: null, peak: null };
  let row;
  sink.take();
  sink.capture(capture);
  try {
    log.info('Newsletter fan-out: starting a worker process; its start-up sweep sends it …');
    const workerEnv = process.env.BENCH_FANOUT_NODE_OPTIONS
      ? { ...env, NODE_OPTIONS: process.env.BENCH_FANOUT_NODE_OPTIONS }
      : env;
    worker = startApi('worker', workerEnv, { echo: process.env.BENCH_ECHO === '1' });
    const exited = worker.exited.then(() => {
      throw new Error(`The sending worker exited:\n${worker.tail.text()}`);
    });
    row = await Promise.race([
      waitForStatus(
        client,
        newsletterId,
        (r) => r.status === 'sent' || r.status === 'partly_failed',
        1_200_000,
      ),
      exited,
    ]);
    exited.catch(() => undefined);
    rss = rssMiB(worker.process.pid);
  } finally {
    await worker?.stop();
  }
  const { rows: counts } = await client.query(
    `SELECT status, count(*)::int AS n FROM newsletter_deliveries WHERE newsletter_id = $1 GROUP BY status`,
    [newsletterId],
  );
  // Where the time went: the audience snapshot (before the first message), then the sending.
  const {
    rows: [span],
  } = await client.query(
    `SELECT min(sent_at) AS first, max(sent_at) AS last FROM newsletter_deliveries
      WHERE newsletter_id = $1`,
    [newsletterId],
  );
  await client.end();
  const received = sink.take();
  const seconds = (row.finished_at - row.sending_started_at) / 1000;
  const snapshotSeconds = (span.first - row.sending_started_at) / 1000;
  const sendingSeconds = (span.last - span.first) / 1000;
  return {
    run: {
      recipients: count,
      sink: received,
      status: row.status,
      deliveries: Object.fromEntries(counts.map((c) => [c.status, c.n])),
      seconds,
      rate: received.messages / seconds,
      snapshotSeconds,
      sendingRate: sendingSeconds > 0 ? (received.messages - 1) / sendingSeconds : NaN,
      peakRssMiB: rss.peak,
    },
    messages: capture ? sink.captured() : null,
  };
}

/**
 * Runs the scenario in a database of its own (`${prefix}_fanout` on `adminUrl`, migrated by
 * `main.js migrate`, dropped by `cleanup`), so the bench API's own worker never sees these
 * newsletters; the worker's Redis keys start with `${prefix}_fanout`, which the bench's prefix
 * cleanup removes too. One run per size in FANOUT_SIZES; the raw nodemailer replay is done once,
 * with the first run's messages, and every run's ratio is taken against it.
 */
export async function benchNewsletterFanout({ adminUrl, redisUrl, prefix, cleanup }) {
  const name = `${prefix}_fanout`;
  await createDatabaseIfMissing(adminUrl, name);
  cleanup.add(`database ${name}`, () => dropDatabase(adminUrl, name));
  const dbUrl = databaseUrl(adminUrl, name);
  await run(process.execPath, [API_MAIN, 'migrate'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      REDIS_URL: redisUrl,
      SMTP_URL: 'smtp://127.0.0.1:25',
      LOG_LEVEL: 'warn',
    },
  });
  const sink = await startCountingSink();
  cleanup.add('fan-out sink', () => sink.stop());
  const env = apiEnv({
    port: 0,
    services: {
      DATABASE_URL: dbUrl,
      REDIS_URL: redisUrl,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    },
    redisPrefix: `${prefix}_fanout`,
    extra: { NEWSLETTER_RATE_PER_SECOND: '100000', LOG_LEVEL: 'warn' },
  });

  log.info('Newsletter fan-out: an idle worker process, for its baseline memory …');
  const baseline = await idleWorkerRss(env);

  const runs = [];
  let messages = null;
  for (const [i, count] of FANOUT_SIZES.entries()) {
    const done = await fanoutRun({ dbUrl, env, sink, count, capture: i === 0 });
    runs.push(done.run);
    messages ??= done.messages;
  }

  const raw = {};
  if (messages && process.env.BENCH_FANOUT_RAW !== '0') {
    for (const [key, noDelay, sample] of [
      ['nagle', false, messages.slice(0, NAGLE_SAMPLE)],
      ['noDelay', true, messages],
    ]) {
      log.info(
        `Newsletter fan-out: ${sample.length} of the same messages through raw nodemailer` +
          `${noDelay ? ' (TCP_NODELAY)' : ''} …`,
      );
      raw[key] = await sendRaw(sink.port, sample, SMTP_CONNECTIONS, { noDelay });
      raw[key].sent = sample.length;
      raw[key].received = sink.take();
    }
  }
  return { baselineRssMiB: baseline.peak, runs, raw };
}

/** Issue 14's targets: a share of raw nodemailer's TCP_NODELAY rate, and the worker's RSS peak. */
const MIN_RATIO = 0.7;
const MAX_RSS_MIB = 300;

/**
 * Prints the runs; `exact` when every recipient got one message, `onTarget` when each run met
 * the rate and memory targets.
 */
export function printNewsletterFanout({ baselineRssMiB, runs, raw }) {
  const n = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
  const reference = raw.noDelay?.rate;
  log.heading(
    `\nNewsletter fan-out (${runs.map((r) => r.recipients).join(' and ')} recipients, ` +
      'a fresh worker process each)',
  );
  log.info(`  idle worker RSS: ${n(baselineRssMiB)} MiB (peak)`);
  for (const r of runs) {
    log.info(
      `  ${String(r.recipients).padStart(6)} recipients: ${n(r.rate)} msgs/s, ` +
        `${n(r.seconds, 2)} s in all (sending_started_at → finished_at); ` +
        `÷ raw nodemailer TCP_NODELAY ${n(r.rate / reference, 3)}; ` +
        `worker RSS peak ${n(r.peakRssMiB)} MiB (+${n(r.peakRssMiB - baselineRssMiB)} MiB over idle)`,
    );
    log.info(
      `          until the first message ${n(r.snapshotSeconds, 2)} s (the audience snapshot), ` +
        `then ${n(r.sendingRate)} msgs/s from the first message to the last`,
    );
    log.info(
      `          sink: ${r.sink.messages} messages to ${r.sink.recipients} recipients, ` +
        `duplicates ${r.sink.duplicates}, ${r.sink.messageIds} distinct Message-IDs; ` +
        `newsletter ${r.status}, rows ${JSON.stringify(r.deliveries)}`,
    );
  }
  for (const [key, label] of [
    ['nagle', 'nodemailer, defaults:   '],
    ['noDelay', 'nodemailer, TCP_NODELAY:'],
  ]) {
    const r = raw[key];
    if (!r) continue;
    log.info(
      `  ${label} ${n(r.rate)} msgs/s, ${n(r.seconds, 2)} s for ${r.received.messages} of the ` +
        `${runs[0].recipients}-recipient run's messages; ` +
        `${runs[0].recipients}-recipient worker ÷ this ${n(runs[0].rate / r.rate, 3)}`,
    );
  }
  log.note(
    "Raw nodemailer: one pool of 5 connections (the worker's lanes), tight loop, replaying the " +
      `first run's messages byte for byte; measured once, and each run's ratio is its msgs/s ÷ ` +
      `this TCP_NODELAY rate. First with nodemailer's defaults (Nagle on: each message waits ` +
      `for the sink's delayed ACK, ~40 ms on Linux; only the first ${NAGLE_SAMPLE} messages, ` +
      'as that takes ~10 s), then with TCP_NODELAY sockets, as the worker opens them. The ' +
      'worker also snapshots the audience, renders each copy, takes the shared rate limit from ' +
      "Redis and marks rows sent after the server's 250.",
  );
  const once = (t, count) =>
    t.messages === count && t.recipients === count && t.duplicates === 0 && t.messageIds === count;
  const ok =
    runs.every((r) => once(r.sink, r.recipients) && r.deliveries.sent === r.recipients) &&
    Object.values(raw).every((r) => once(r.received, r.sent));
  if (ok) log.ok('  Every recipient got exactly one message, each with its own Message-ID.');
  else log.error('  Messages were lost or sent twice.');
  log.info(
    `  Targets: each run ÷ raw nodemailer TCP_NODELAY ≥ ${MIN_RATIO}, RSS peak < ${MAX_RSS_MIB} MiB.`,
  );
  const onTarget = runs.every((r) => r.rate / reference >= MIN_RATIO && r.peakRssMiB < MAX_RSS_MIB);
  return { exact: ok, onTarget };
}
