// The newsletter fan-out scenario of `npm run bench`: one newsletter to 10,000 recipients (real
// steering members of one village, so the real audience query and renderer run), sent by a
// worker process of its own (`main.js worker`, its own Redis prefix, so the API's built-in
// worker does not share the work) into a local SMTP sink that counts messages per recipient.
// Prints messages/s, the total time, the worker's peak memory and the duplicates (must be 0).
// Then the same 10,000 messages, byte for byte as the sink received them, sent again in a tight
// loop through one pooled nodemailer transport (as many connections as the worker's lanes) to
// the same sink: nodemailer's raw rate, and the ratio between the two.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { apiEnv, startApi } from './lib/api.mjs';
import { log } from './lib/log.mjs';
import { listenOnFreePort } from './lib/net.mjs';
import { API_MAIN } from './lib/paths.mjs';
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from './lib/postgres.mjs';
import { run } from './lib/proc.mjs';

export const FANOUT_RECIPIENTS = 10_000;
/** The worker's SMTP connections (SMTP_LANES in newsletter-delivery.constants.ts). */
const SMTP_CONNECTIONS = 5;

/** A sink that keeps each message's raw bytes, envelope recipient and Message-ID. */
async function startCountingSink() {
  const received = [];
  let onMessage = () => undefined;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: 25 * 1024 * 1024,
    onData: (stream, session, callback) => {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const head = raw.subarray(0, raw.indexOf('\r\n\r\n') + 1 || raw.length).toString('utf8');
        const messageId = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '';
        const message = { to: session.envelope.rcptTo[0]?.address.toLowerCase() ?? '', messageId };
        received.push({ ...message, from: session.envelope.mailFrom?.address ?? '', raw });
        onMessage(received.length);
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  const port = await listenOnFreePort(server.server, 0);
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    received,
    onMessage: (fn) => (onMessage = fn),
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A village of `count` steering members and a village newsletter to them, due now. */
async function seedNewsletter(dbUrl, count) {
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

/** Peak resident memory of a Linux process (VmHWM), in MiB; null elsewhere. */
function peakRssMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
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

/** Sends `messages` (raw bytes with their envelopes) through one pool, `lanes` at a time. */
async function sendRaw(smtpUrl, messages, lanes) {
  const transport = nodemailer.createTransport(
    `${smtpUrl}?pool=true&maxConnections=${lanes}&maxMessages=1000`,
  );
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < messages.length) {
        const m = messages[next++];
        await transport.sendMail({ envelope: { from: m.from, to: [m.to] }, raw: m.raw });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return { seconds, rate: messages.length / seconds };
}

/**
 * Runs the scenario in a database of its own (`${prefix}_fanout` on `adminUrl`, migrated by
 * `main.js migrate`, dropped by `cleanup`), so the bench API's own worker never sees this
 * newsletter; the worker's Redis keys start with `${prefix}_fanout`, which the bench's prefix
 * cleanup removes too.
 */
export async function benchNewsletterFanout({ adminUrl, redisUrl, prefix, cleanup }) {
  const count = FANOUT_RECIPIENTS;
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
  log.info(`Newsletter fan-out: ${count} steering members of one village …`);
  const newsletterId = await seedNewsletter(dbUrl, count);

  const env = apiEnv({
    port: 0,
    services: { DATABASE_URL: dbUrl, REDIS_URL: redisUrl, SMTP_URL: sink.smtpUrl },
    redisPrefix: `${prefix}_fanout`,
    extra: { NEWSLETTER_RATE_PER_SECOND: '100000', LOG_LEVEL: 'warn' },
  });
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  let worker;
  let peak = null;
  let row;
  try {
    log.info('Newsletter fan-out: starting a worker process; its start-up sweep sends it …');
    worker = startApi('worker', env, { echo: process.env.BENCH_ECHO === '1' });
    cleanup.add('fan-out worker', () => worker.stop());
    row = await waitForStatus(
      client,
      newsletterId,
      (r) => r.status === 'sent' || r.status === 'partly_failed',
      600_000,
    );
    peak = peakRssMiB(worker.process.pid);
  } finally {
    await worker?.stop();
  }
  const { rows: counts } = await client.query(
    `SELECT status, count(*)::int AS n FROM newsletter_deliveries WHERE newsletter_id = $1 GROUP BY status`,
    [newsletterId],
  );
  await client.end();

  const perRecipient = new Map();
  for (const m of sink.received) perRecipient.set(m.to, (perRecipient.get(m.to) ?? 0) + 1);
  const duplicates = [...perRecipient.values()].reduce((sum, n) => sum + n - 1, 0);
  const seconds = (row.finished_at - row.sending_started_at) / 1000;
  const fanout = {
    recipients: count,
    received: sink.received.length,
    distinct: perRecipient.size,
    duplicates,
    status: row.status,
    deliveries: Object.fromEntries(counts.map((c) => [c.status, c.n])),
    seconds,
    rate: sink.received.length / seconds,
    peakRssMiB: peak,
  };

  log.info(
    `Newsletter fan-out: the same ${sink.received.length} messages through raw nodemailer …`,
  );
  const messages = sink.received.splice(0);
  const raw = await sendRaw(sink.smtpUrl, messages, SMTP_CONNECTIONS);
  raw.received = sink.received.length;
  return { fanout, raw };
}

export function printNewsletterFanout({ fanout, raw }) {
  const n = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
  log.heading(`\nNewsletter fan-out (${fanout.recipients} recipients, one worker process)`);
  log.info(
    `  worker:     ${n(fanout.rate)} msgs/s, ${n(fanout.seconds, 2)} s in all ` +
      `(sending_started_at → finished_at), peak RSS ${n(fanout.peakRssMiB)} MiB`,
  );
  log.info(
    `  sink:       ${fanout.received} messages to ${fanout.distinct} recipients, ` +
      `duplicates ${fanout.duplicates}; newsletter ${fanout.status}, rows ${JSON.stringify(fanout.deliveries)}`,
  );
  log.info(
    `  nodemailer: ${n(raw.rate)} msgs/s, ${n(raw.seconds, 2)} s for the same ${raw.received} ` +
      `messages (one pool of ${SMTP_CONNECTIONS} connections, tight loop)`,
  );
  log.info(`  ratio worker ÷ nodemailer: ${n(fanout.rate / raw.rate, 3)}`);
  log.note(
    'The worker snapshots the audience into delivery rows, renders each copy, takes the shared ' +
      'rate limit from Redis and writes each row sent after its 250; nodemailer only sends.',
  );
  const ok =
    fanout.duplicates === 0 &&
    fanout.distinct === fanout.recipients &&
    raw.received === fanout.received;
  if (ok) log.ok('  Every recipient got exactly one message.');
  else log.error('  Messages were lost or sent twice.');
  return ok;
}
