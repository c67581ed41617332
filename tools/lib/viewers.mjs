// Heartbeat viewers for the benches: steering members of a seeded village, each with a session
// of their own, written straight into the bench database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { insertSession } from './session.mjs';

/** Creates the viewers (steering members of a village in a cohort) with a session each. */
export async function createViewers(dbUrl, count, sessionCookieName) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const [lesson] = (
      await client.query(
        `SELECT id, title, duration_seconds FROM lessons
          WHERE kind = 'video' AND duration_seconds IS NOT NULL AND published_at IS NOT NULL
          ORDER BY duration_seconds DESC, title LIMIT 1`,
      )
    ).rows;
    if (!lesson?.duration_seconds) {
      throw new Error('The demo data has no published video lesson with a duration.');
    }
    const [village] = (
      await client.query(
        `SELECT id, municipality_id FROM villages WHERE cohort_id IS NOT NULL ORDER BY name LIMIT 1`,
      )
    ).rows;
    if (!village) throw new Error('The demo data has no village in a cohort.');
    const viewers = [];
    for (let i = 0; i < count; i++) {
      const {
        rows: [user],
      } = await client.query(
        `INSERT INTO users (email, name, role, municipality_id, village_id, activated_at)
         VALUES ($1, $2, 'steering_member', $3, $4, now()) RETURNING id`,
        [`bench-viewer-${i}@blup.test`, `Bench viewer ${i}`, village.municipality_id, village.id],
      );
      const token = await insertSession(client, user.id);
      const csrf = randomBytes(24).toString('base64url');
      viewers.push({
        headers: {
          cookie: `${sessionCookieName}=${token}; XSRF-TOKEN=${csrf}`,
          'x-xsrf-token': csrf,
          'content-type': 'application/json',
        },
      });
    }
    return {
      lessonId: lesson.id,
      lessonTitle: lesson.title,
      durationSeconds: Number(lesson.duration_seconds),
      viewers,
    };
  } finally {
    await client.end();
  }
}

/**
 * The next heartbeat body of viewer `i`: `stretch` more seconds watched from where its playhead
 * is, starting over at 0 before it would pass the lesson's `durationSeconds`. Moves the playhead.
 */
export function nextHeartbeat(playhead, i, stretch, durationSeconds) {
  const from = playhead[i];
  const to = from + stretch;
  playhead[i] = to + stretch > durationSeconds ? 0 : to;
  return JSON.stringify({ fromSeconds: from, toSeconds: to, positionSeconds: to, event: 'tick' });
}
