// The enrolment race scenario of `npm run bench` (issue 6): 500 signed-in learners send their
// enrolment for one academy-course offering with 10 places at the same moment. Prints the time
// until every request has settled, the places filled and the length of the waitlist, and fails
// loudly unless exactly 10 are enrolled, 490 waitlisted, and the waitlist numbered 1…490 in
// the order of arrival (seq).
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { log } from './lib/log.mjs';

export const RACE_LEARNERS = 500;
export const RACE_PLACES = 10;

/** A published academy course and offering of its own, and `count` learners with a session each. */
async function seedRace(dbUrl, count, sessionCookieName) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const tag = randomBytes(4).toString('hex');
    const q = async (sql, params) => (await client.query(sql, params)).rows;
    const [municipality] = await q(`INSERT INTO municipalities (name) VALUES ($1) RETURNING id`, [
      `Bench kommune ${tag}`,
    ]);
    const [course] = await q(
      `INSERT INTO courses (title, audience, published_at) VALUES ($1, 'academy', now()) RETURNING id`,
      [`Bench kursus ${tag}`],
    );
    const [offering] = await q(
      `INSERT INTO offerings (kind, name, course_id, audience, capacity, price_dkk, approval, published_at)
       VALUES ('academy_course', $1, $2, 'everyone', $3, 0, 'automatic', now()) RETURNING id`,
      [`Bench tilbud ${tag}`, course.id, RACE_PLACES],
    );
    const users = await q(
      `INSERT INTO users (email, name, role, municipality_id, learner_kind, activated_at)
       SELECT 'bench-race-' || $1 || '-' || i || '@blup.test', 'Bench kursist ' || i, 'learner', $2,
              'local_council', now()
         FROM generate_series(1, $3::int) AS i
       RETURNING id`,
      [tag, municipality.id, count],
    );
    const tokens = users.map(() => randomBytes(32).toString('base64url'));
    await q(
      `INSERT INTO sessions (token_hash, user_id, expires_at)
       SELECT h, u, now() + interval '1 day' FROM unnest($1::varchar[], $2::uuid[]) AS t(h, u)`,
      [tokens.map((t) => createHash('sha256').update(t).digest('hex')), users.map((u) => u.id)],
    );
    const learners = tokens.map((token) => {
      const csrf = randomBytes(24).toString('base64url');
      return {
        cookie: `${sessionCookieName}=${token}; XSRF-TOKEN=${csrf}`,
        'x-xsrf-token': csrf,
        'content-type': 'application/json',
      };
    });
    return { offeringId: offering.id, learners };
  } finally {
    await client.end();
  }
}

function post(url, headers, agent) {
  const body = '{}';
  return new Promise((resolve) => {
    const sent = performance.now();
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        timeout: 120_000,
      },
      (response) => {
        const chunks = [];
        response.on('data', (c) => chunks.push(c));
        response.on('end', () => {
          let json = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            // not JSON: counted as an error below
          }
          resolve({ status: response.statusCode, body: json, ms: performance.now() - sent });
        });
        response.on('error', () =>
          resolve({ status: 0, body: null, ms: performance.now() - sent }),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve({ status: 0, body: null, ms: performance.now() - sent }));
    request.end(body);
  });
}

export async function benchEnrolmentRace({ baseUrl, dbUrl, sessionCookieName }) {
  log.info(
    `Enrolment race: creating ${RACE_LEARNERS} learners and an offering with ${RACE_PLACES} places …`,
  );
  const { offeringId, learners } = await seedRace(dbUrl, RACE_LEARNERS, sessionCookieName);
  const url = `${baseUrl}/api/offerings/${offeringId}/enrolments`;
  // One socket per learner, opened before the race so the requests leave together.
  const agent = new http.Agent({ keepAlive: true, maxSockets: RACE_LEARNERS });
  let results;
  let settledMs;
  try {
    await Promise.all(
      learners.map(
        (headers) =>
          new Promise((resolve) => {
            const r = http.get(`${baseUrl}/api/health`, { agent, headers }, (res) => {
              res.resume();
              res.on('end', resolve);
            });
            r.on('error', resolve);
          }),
      ),
    );
    log.info(`Enrolment race: ${RACE_LEARNERS} concurrent POST ${new URL(url).pathname} …`);
    const started = performance.now();
    results = await Promise.all(learners.map((headers) => post(url, headers, agent)));
    settledMs = performance.now() - started;
  } finally {
    agent.destroy();
  }
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  let db;
  try {
    db = (
      await client.query(
        `SELECT count(*) FILTER (WHERE status = 'enrolled')::int AS enrolled,
                count(*) FILTER (WHERE status = 'pending')::int AS pending,
                count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
                max(seq) FILTER (WHERE status = 'enrolled') AS last_place_seq,
                min(seq) FILTER (WHERE status = 'waitlisted') AS first_wait_seq
           FROM enrolments WHERE offering_id = $1`,
        [offeringId],
      )
    ).rows[0];
  } finally {
    await client.end();
  }
  const latencies = Float64Array.from(results.map((r) => r.ms)).sort();
  const rank = (p) => latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)];
  const waitlist = results
    .filter((r) => r.body?.status === 'waitlisted')
    .sort((a, b) => a.body.seq - b.body.seq)
    .map((r) => r.body.waitlistPosition);
  return {
    settledMs,
    errors: results.filter((r) => r.status !== 201).length,
    statuses: [...new Set(results.map((r) => r.status))],
    filled: db.enrolled + db.pending,
    waitlisted: db.waitlisted,
    inOrder:
      waitlist.every((position, i) => position === i + 1) &&
      (db.first_wait_seq === null || BigInt(db.first_wait_seq) > BigInt(db.last_place_seq ?? 0)),
    p50: rank(50),
    p95: rank(95),
    max: latencies[latencies.length - 1],
  };
}

/** Prints the figures; false (and says why) when the race over- or under-filled. */
export function printEnrolmentRace(r) {
  const n = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
  log.heading(`\nEnrolment race (${RACE_LEARNERS} concurrent learners, ${RACE_PLACES} places)`);
  log.info(
    `  time to settle: ${n(r.settledMs, 0)} ms (per request p50 ${n(r.p50, 0)} ms, p95 ${n(r.p95, 0)} ms, max ${n(r.max, 0)} ms)`,
  );
  log.info(`  places filled:  ${r.filled} (must be ${RACE_PLACES})`);
  log.info(
    `  waitlist:       ${r.waitlisted} (must be ${RACE_LEARNERS - RACE_PLACES}), in arrival order: ${r.inOrder ? 'yes' : 'NO'}`,
  );
  log.info(`  errors:         ${r.errors} (HTTP statuses seen: ${r.statuses.join(', ')})`);
  const ok =
    r.filled === RACE_PLACES &&
    r.waitlisted === RACE_LEARNERS - RACE_PLACES &&
    r.inOrder &&
    r.errors === 0;
  if (!ok)
    log.error('  THE ENROLMENT RACE FAILED: over- or under-filled, out of order, or errors.');
  return ok;
}
