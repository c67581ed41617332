import type { Locale } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { Newsletter } from '../database/entities/newsletters';
import type { AudiencePage, NewsletterRecipient } from './newsletter-ports';

interface RecipientRow {
  email: string;
  name: string;
  locale: Locale;
  user_id: string | null;
  subscriber_id: string | null;
  village_id: string | null;
  session_id: string | null;
}

/** The sessions in scope of a session newsletter: the plan's (not cancelled) or the one session. */
const SCOPE_SESSIONS = `
  SELECT s.id, s.circle_id, c.village_id, c.kind
    FROM circle_sessions s
    JOIN circles c ON c.id = s.circle_id
   WHERE s.status <> 'cancelled'
     AND ((s.plan_id = $1 AND c.archived_at IS NULL) OR s.id = $2)`;

/** People with an account who still take the newsletters. */
const USER_OK = `u.disabled_at IS NULL AND u.newsletters_opted_out_at IS NULL`;

/**
 * Everyone a newsletter goes to, in one query: circle members of the sessions in scope (a
 * village circle's steering members, a coordinator circle's coordinators; guests are left out),
 * a cohort's or a village's steering members, a course's invited people, and, with
 * include_panel, the confirmed panel subscribers of each village in scope. Disabled and
 * opted-out people are left out (a member's opt-out also covers a panel subscription under the
 * same address); members come before subscribers and the first row per lower-case email wins.
 * With `page`, only the first `limit` recipients by email after `after` (keyset pages, so a
 * large audience is read a page at a time).
 */
export async function resolveAudience(
  em: EntityManager,
  n: Pick<
    Newsletter,
    'planId' | 'sessionId' | 'cohortId' | 'villageId' | 'courseId' | 'includePanel'
  >,
  page?: AudiencePage,
): Promise<NewsletterRecipient[]> {
  const rows = await em.query<RecipientRow[]>(
    `WITH scope AS (${SCOPE_SESSIONS}),
          scope_villages AS (
            SELECT sc.village_id, sc.id AS session_id FROM scope sc WHERE sc.village_id IS NOT NULL
            UNION ALL
            SELECT v.id, NULL FROM villages v WHERE v.cohort_id = $3 OR v.id = $4),
          recipients AS (
            SELECT lower(u.email) AS email, u.name, u.locale, u.id AS user_id,
                   NULL::uuid AS subscriber_id, sc.village_id, sc.id AS session_id,
                   0 AS rank, COALESCE(v.name, '') AS place
              FROM scope sc
              JOIN circle_participants cp ON cp.circle_id = sc.circle_id AND cp.part = 'member'
              JOIN users u ON u.id = cp.user_id
              LEFT JOIN villages v ON v.id = sc.village_id
             WHERE ${USER_OK}
            UNION ALL
            SELECT lower(u.email), u.name, u.locale, u.id, NULL, u.village_id, NULL, 0, v.name
              FROM villages v
              JOIN users u ON u.village_id = v.id AND u.role = 'steering_member'
             WHERE (v.cohort_id = $3 OR v.id = $4) AND ${USER_OK}
            UNION ALL
            SELECT lower(u.email), u.name, u.locale, u.id, NULL, NULL, NULL, 0, ''
              FROM course_access ca
              JOIN users u ON u.id = ca.user_id
             WHERE ca.course_id = $5 AND ${USER_OK}
            UNION ALL
            SELECT ps.email, ps.name, ps.locale, NULL, ps.id, ps.village_id, sv.session_id, 1, v.name
              FROM scope_villages sv
              JOIN villages v ON v.id = sv.village_id
              JOIN panel_subscribers ps ON ps.village_id = sv.village_id AND ps.status = 'subscribed'
             WHERE $6::boolean
               AND NOT EXISTS (SELECT 1 FROM users ou
                                WHERE lower(ou.email) = ps.email
                                  AND ou.newsletters_opted_out_at IS NOT NULL))
     SELECT DISTINCT ON (email) email, name, locale, user_id, subscriber_id, village_id, session_id
       FROM recipients
      WHERE $7::text IS NULL OR email > $7
      ORDER BY email, rank, place, user_id NULLS LAST, subscriber_id
      LIMIT $8`,
    [
      n.planId,
      n.sessionId,
      n.cohortId,
      n.villageId,
      n.courseId,
      n.includePanel,
      page?.after ?? null,
      page?.limit ?? null,
    ],
  );
  return rows.map((r) => ({
    email: r.email,
    name: r.name ?? '',
    locale: r.locale === 'en' ? 'en' : 'da',
    userId: r.user_id,
    subscriberId: r.subscriber_id,
    villageId: r.village_id,
    sessionId: r.session_id,
  }));
}
