import type { AgendaItem, CircleKind, Locale, SessionStatus } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { CalendarSession } from './calendar-sessions';

/** How far back a feed reaches, and the most sessions it holds. */
export const FEED_PAST_DAYS = 90;
export const FEED_MAX_SESSIONS = 500;

interface Row {
  id: string;
  circle_id: string;
  title: string;
  topic: string;
  starts_at: Date;
  ends_at: Date;
  agenda: AgendaItem[];
  status: SessionStatus;
  sequence: number;
  created_at: Date;
  updated_at: Date;
  kind: CircleKind;
  village_name: string | null;
  join_url: string | null;
}

const SELECT = `
  SELECT s.id, s.circle_id, s.title, s.topic, s.starts_at, s.ends_at, s.agenda, s.status,
         s.sequence, s.created_at, s.updated_at, c.kind, v.name AS village_name,
         COALESCE(s.meeting_url, c.room_url) AS join_url
    FROM circle_sessions s
    JOIN circles c ON c.id = s.circle_id
    LEFT JOIN villages v ON v.id = c.village_id`;

function toSession(r: Row): CalendarSession {
  return {
    id: r.id,
    circleId: r.circle_id,
    title: r.title,
    topic: r.topic,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    agenda: r.agenda ?? [],
    status: r.status,
    sequence: r.sequence,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    circleKind: r.kind,
    villageName: r.village_name,
    joinUrl: r.join_url,
  };
}

/** Sessions by id, in no particular order; missing ids are left out. */
export async function loadCalendarSessions(
  em: EntityManager,
  ids: readonly string[],
): Promise<CalendarSession[]> {
  if (!ids.length) return [];
  const rows = await em.query<Row[]>(`${SELECT} WHERE s.id = ANY($1::uuid[])`, [ids]);
  return rows.map(toSession);
}

/**
 * A person's sessions for their feed: those of the circles they take part in (as member or
 * guest) and those they facilitate, cancelled ones included so calendars drop them; from
 * FEED_PAST_DAYS back, soonest first, at most FEED_MAX_SESSIONS.
 */
export async function loadFeedSessions(
  em: EntityManager,
  userId: string,
): Promise<CalendarSession[]> {
  const rows = await em.query<Row[]>(
    `${SELECT}
      WHERE s.circle_id IN (SELECT cp.circle_id FROM circle_participants cp WHERE cp.user_id = $1
                            UNION
                            SELECT f.id FROM circles f WHERE f.facilitator_id = $1)
        AND s.starts_at >= now() - make_interval(days => $2)
      ORDER BY s.starts_at, s.id
      LIMIT $3`,
    [userId, FEED_PAST_DAYS, FEED_MAX_SESSIONS],
  );
  return rows.map(toSession);
}

/** The person's feed token, made the first time (`token` is kept when one exists). */
export async function ensureFeed(
  em: EntityManager,
  userId: string,
  token: string,
): Promise<{ token: string; created_at: Date }> {
  await em.query(
    `INSERT INTO calendar_feeds (user_id, token) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`,
    [userId, token],
  );
  const [row] = await em.query<{ token: string; created_at: Date }[]>(
    `SELECT token, created_at FROM calendar_feeds WHERE user_id = $1`,
    [userId],
  );
  return row;
}

/** Gives the person's feed a new token. */
export async function replaceFeedToken(
  em: EntityManager,
  userId: string,
  token: string,
): Promise<{ token: string; created_at: Date }> {
  const [row] = await em.query<{ token: string; created_at: Date }[]>(
    `INSERT INTO calendar_feeds (user_id, token) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET token = EXCLUDED.token, created_at = now()
     RETURNING token, created_at`,
    [userId, token],
  );
  return row;
}

/** The feed's owner and their language, unless the owner is disabled. */
export async function feedOwner(
  em: EntityManager,
  token: string,
): Promise<{ user_id: string; locale: Locale } | undefined> {
  const [owner] = await em.query<{ user_id: string; locale: Locale }[]>(
    `SELECT f.user_id, u.locale
       FROM calendar_feeds f
       JOIN users u ON u.id = f.user_id
      WHERE f.token = $1 AND u.disabled_at IS NULL`,
    [token],
  );
  return owner;
}
