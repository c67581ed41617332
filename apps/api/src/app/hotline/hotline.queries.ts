import type { HotlineState, HotlineStateCounts, HotlineVia } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { likePattern } from '../common/pagination';

/** A request with the names the lists show. */
export interface HotlineRequestRow {
  id: string;
  asker_id: string;
  asker_name: string;
  asker_email: string;
  asker_locale: 'da' | 'en';
  village_id: string | null;
  village_name: string | null;
  municipality_id: string | null;
  municipality_name: string | null;
  page_path: string;
  subject: string;
  state: HotlineState;
  created_at: Date;
  first_response_at: Date | null;
  closed_at: Date | null;
  last_message_at: Date;
  message_count: number;
  version: number;
}

export interface HotlineMessageRow {
  id: string;
  author_id: string | null;
  author_name: string | null;
  from_secretariat: boolean;
  body: string;
  via: HotlineVia;
  created_at: Date;
}

export interface HotlineFaqRow {
  id: string;
  question: string;
  answer: string;
  published: boolean;
  source_request_id: string | null;
  updated_at: Date;
}

const REQUEST_SELECT = `
  SELECT r.id, r.asker_id, a.name AS asker_name, a.email AS asker_email, a.locale AS asker_locale,
         r.village_id, v.name AS village_name, r.municipality_id, m.name AS municipality_name,
         r.page_path, r.subject, r.state, r.created_at, r.first_response_at, r.closed_at,
         r.last_message_at, r.version,
         (SELECT count(*)::int FROM hotline_messages x WHERE x.request_id = r.id) AS message_count
    FROM hotline_requests r
    JOIN users a ON a.id = r.asker_id
    LEFT JOIN villages v ON v.id = r.village_id
    LEFT JOIN municipalities m ON m.id = r.municipality_id`;

export async function findHotlineRequest(
  em: EntityManager,
  id: string,
  lock = false,
): Promise<HotlineRequestRow | null> {
  const [row] = await em.query<HotlineRequestRow[]>(
    `${REQUEST_SELECT} WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`,
    [id],
  );
  return row ?? null;
}

export interface HotlineRequestFilter {
  askerId?: string;
  state?: HotlineState;
  q?: string;
  skip: number;
  take: number;
}

/**
 * One page of requests and the total. The queue shows what waits for the secretariat first,
 * longest waiting first (new, then open), then the rest newest first; one's own requests newest
 * first. The search looks in the subject, the asker, the village, the municipality and the messages.
 */
export async function findHotlineRequests(
  em: EntityManager,
  filter: HotlineRequestFilter,
): Promise<{ rows: HotlineRequestRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.askerId) {
    params.push(filter.askerId);
    where.push(`r.asker_id = $${params.length}`);
  }
  if (filter.state) {
    params.push(filter.state);
    where.push(`r.state = $${params.length}`);
  }
  if (filter.q?.trim()) {
    params.push(likePattern(filter.q.trim()));
    const p = `$${params.length}`;
    where.push(`(r.subject ILIKE ${p} OR a.name ILIKE ${p} OR a.email ILIKE ${p}
                 OR v.name ILIKE ${p} OR m.name ILIKE ${p}
                 OR EXISTS (SELECT 1 FROM hotline_messages x
                             WHERE x.request_id = r.id AND x.body ILIKE ${p}))`);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total }] = await em.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM hotline_requests r
       JOIN users a ON a.id = r.asker_id
       LEFT JOIN villages v ON v.id = r.village_id
       LEFT JOIN municipalities m ON m.id = r.municipality_id ${whereSql}`,
    params,
  );
  const order = filter.askerId
    ? `r.last_message_at DESC, r.id`
    : `CASE r.state WHEN 'new' THEN 0 WHEN 'open' THEN 1 ELSE 2 END,
       CASE WHEN r.state IN ('new', 'open') THEN r.last_message_at END ASC,
       r.last_message_at DESC, r.id`;
  const rows = await em.query<HotlineRequestRow[]>(
    `${REQUEST_SELECT} ${whereSql} ORDER BY ${order}
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.take, filter.skip],
  );
  return { rows, total };
}

export async function countHotlineStates(em: EntityManager): Promise<HotlineStateCounts> {
  const rows = await em.query<{ state: HotlineState; n: number }[]>(
    `SELECT state, count(*)::int AS n FROM hotline_requests GROUP BY state`,
  );
  const counts: HotlineStateCounts = { new: 0, open: 0, waiting: 0, closed: 0 };
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

export async function findHotlineMessages(
  em: EntityManager,
  requestId: string,
): Promise<HotlineMessageRow[]> {
  return em.query<HotlineMessageRow[]>(
    `SELECT x.id, x.author_id, u.name AS author_name, x.from_secretariat, x.body, x.via, x.created_at
       FROM hotline_messages x LEFT JOIN users u ON u.id = x.author_id
      WHERE x.request_id = $1 ORDER BY x.created_at, x.id`,
    [requestId],
  );
}

export async function findHotlineMessage(
  em: EntityManager,
  requestId: string,
  messageId: string,
): Promise<HotlineMessageRow | null> {
  const [row] = await em.query<HotlineMessageRow[]>(
    `SELECT x.id, x.author_id, NULL AS author_name, x.from_secretariat, x.body, x.via, x.created_at
       FROM hotline_messages x WHERE x.request_id = $1 AND x.id = $2`,
    [requestId, messageId],
  );
  return row ?? null;
}

export interface NewHotlineMessage {
  requestId: string;
  authorId: string | null;
  fromSecretariat: boolean;
  body: string;
  via: HotlineVia;
  mailMessageId?: string | null;
}

/** Adds a message; a mail reply whose Message-ID is on the request already adds nothing (null). */
export async function insertHotlineMessage(
  em: EntityManager,
  m: NewHotlineMessage,
): Promise<string | null> {
  const [row] = await em.query<{ id: string }[]>(
    `INSERT INTO hotline_messages (request_id, author_id, from_secretariat, body, via, mail_message_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (request_id, mail_message_id) WHERE mail_message_id IS NOT NULL DO NOTHING
     RETURNING id`,
    [m.requestId, m.authorId, m.fromSecretariat, m.body, m.via, m.mailMessageId ?? null],
  );
  return row?.id ?? null;
}

/**
 * After a message: the new state, the time of the last message, the first response (kept once
 * set) when the secretariat wrote, and `closed_at` with the state.
 */
export async function markHotlineMessage(
  em: EntityManager,
  requestId: string,
  state: HotlineState,
  firstResponse: boolean,
): Promise<void> {
  await em.query(
    `UPDATE hotline_requests
        SET state = $2::varchar, last_message_at = now(),
            first_response_at = CASE WHEN $3::boolean THEN coalesce(first_response_at, now())
                                     ELSE first_response_at END,
            closed_at = CASE WHEN $2::varchar = 'closed' THEN coalesce(closed_at, now()) END,
            version = version + 1
      WHERE id = $1`,
    [requestId, state, firstResponse],
  );
}

export async function setHotlineState(
  em: EntityManager,
  requestId: string,
  state: HotlineState,
): Promise<void> {
  await em.query(
    `UPDATE hotline_requests
        SET state = $2::varchar,
            closed_at = CASE WHEN $2::varchar = 'closed' THEN coalesce(closed_at, now()) END,
            version = version + 1
      WHERE id = $1`,
    [requestId, state],
  );
}

// ---------------------------------------------------------------------------------------------
// FAQ
// ---------------------------------------------------------------------------------------------

const FAQ_COLUMNS = `f.id, f.question, f.answer, f.published, f.source_request_id, f.updated_at`;
const FAQ_TEXT = `to_tsvector('danish', f.question || ' ' || f.answer)`;

/**
 * One page of FAQ entries. With `q`, the entries sharing any word with it (Danish stemming), best
 * first, or containing it as typed; without, the newest first. `publishedOnly` hides drafts.
 */
export async function findHotlineFaq(
  em: EntityManager,
  filter: { q?: string; publishedOnly: boolean; skip: number; take: number },
): Promise<{ rows: HotlineFaqRow[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  let rank = 'NULL::real';
  if (filter.publishedOnly) where.push('f.published');
  if (filter.q?.trim()) {
    params.push(filter.q.trim(), likePattern(filter.q.trim()));
    // plainto_tsquery's words joined with OR: a question shares some words with the answer.
    const tsq = `nullif(replace(plainto_tsquery('danish', $1)::text, ' & ', ' | '), '')::tsquery`;
    where.push(`(${FAQ_TEXT} @@ coalesce(${tsq}, ''::tsquery)
                 OR f.question ILIKE $2 OR f.answer ILIKE $2)`);
    rank = `ts_rank(${FAQ_TEXT}, coalesce(${tsq}, ''::tsquery))`;
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total }] = await em.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM hotline_faq f ${whereSql}`,
    params,
  );
  const rows = await em.query<HotlineFaqRow[]>(
    `SELECT ${FAQ_COLUMNS} FROM hotline_faq f ${whereSql}
      ORDER BY ${rank} DESC NULLS LAST, f.updated_at DESC, f.id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.take, filter.skip],
  );
  return { rows, total };
}

export async function findHotlineFaqEntry(
  em: EntityManager,
  id: string,
): Promise<HotlineFaqRow | null> {
  const [row] = await em.query<HotlineFaqRow[]>(
    `SELECT ${FAQ_COLUMNS} FROM hotline_faq f WHERE f.id = $1`,
    [id],
  );
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Stats
// ---------------------------------------------------------------------------------------------

export interface HotlineStatsRow {
  municipality_id: string | null;
  municipality_name: string | null;
  count: number;
  answered: number;
  median_minutes: number | null;
}

/** Per municipality (the asker's when asked), the questions asked in a calendar year (Danish time). */
export async function hotlineStats(em: EntityManager, year: number): Promise<HotlineStatsRow[]> {
  return em.query<HotlineStatsRow[]>(
    `SELECT r.municipality_id, m.name AS municipality_name, count(*)::int AS count,
            count(r.first_response_at)::int AS answered,
            round(percentile_cont(0.5) WITHIN GROUP (
              ORDER BY extract(epoch FROM r.first_response_at - r.created_at) / 60))::int
              AS median_minutes
       FROM hotline_requests r
       LEFT JOIN municipalities m ON m.id = r.municipality_id
      WHERE r.created_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'Europe/Copenhagen')
        AND r.created_at < make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'Europe/Copenhagen')
      GROUP BY r.municipality_id, m.name
      ORDER BY m.name NULLS LAST`,
    [year],
  );
}

// ---------------------------------------------------------------------------------------------
// Retention
// ---------------------------------------------------------------------------------------------

/** What an anonymised question's subject and messages say instead. */
export const ERASED_TEXT = '[slettet]';

/**
 * Retention (issue 17): anonymises at most `limit` questions closed more than `days` before
 * `now` and not anonymised yet: the subject and every message's body become '[slettet]', the
 * page path '', and the mail's Message-ID goes. The rows, states, places and times stay, so the
 * yearly counts and the first-response times do. Returns how many questions changed.
 */
export async function anonymiseClosedRequests(
  em: EntityManager,
  now: Date,
  days: number,
  limit: number,
): Promise<number> {
  const [{ changed }] = await em.query<{ changed: number }[]>(
    `WITH due AS (
       SELECT id FROM hotline_requests
        WHERE state = 'closed' AND closed_at < $1::timestamptz - make_interval(days => $2)
          AND (subject <> $4::text OR page_path <> '')
        LIMIT $3),
     messages AS (
       UPDATE hotline_messages m SET body = $4::text, mail_message_id = NULL
         FROM due WHERE m.request_id = due.id),
     requests AS (
       UPDATE hotline_requests r SET subject = $4::text, page_path = '', version = r.version + 1
         FROM due WHERE r.id = due.id RETURNING r.id)
     SELECT count(*)::int AS changed FROM requests`,
    [now, days, limit, ERASED_TEXT],
  );
  return changed;
}
