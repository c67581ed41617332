import type { Role } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { readableNewsletterSql } from '../access/newsletter-visibility';
import { NEWSLETTER_SCOPE_SQL } from './newsletters.queries';

/** What reading newsletters needs: the progress of sending and the members' archive. */

export interface DeliveryCounts {
  total: number;
  sent: number;
  failed: number;
  bounced: number;
  pending: number;
}

/** The newsletter's delivery rows counted by status (pending counts those being sent). */
export async function deliveryCounts(
  em: EntityManager,
  newsletterId: string,
): Promise<DeliveryCounts | undefined> {
  const [counts] = await em.query<DeliveryCounts[]>(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE status = 'sent')::int AS sent,
            count(*) FILTER (WHERE status = 'failed')::int AS failed,
            count(*) FILTER (WHERE status = 'bounced')::int AS bounced,
            count(*) FILTER (WHERE status IN ('pending', 'sending'))::int AS pending
       FROM newsletter_deliveries WHERE newsletter_id = $1`,
    [newsletterId],
  );
  return counts;
}

/** The first `limit` failed or bounced deliveries, in the order they ended. */
export function deliveryFailures(
  em: EntityManager,
  newsletterId: string,
  limit: number,
): Promise<{ email: string; status: 'failed' | 'bounced'; last_error: string | null }[]> {
  return em.query(
    `SELECT email, status, last_error FROM newsletter_deliveries
      WHERE newsletter_id = $1 AND status IN ('failed', 'bounced')
      ORDER BY updated_at, email LIMIT $2`,
    [newsletterId, limit],
  );
}

export async function villageRef(
  em: EntityManager,
  villageId: string,
): Promise<{ id: string; municipalityId: string } | undefined> {
  const [village] = await em.query<{ id: string; municipalityId: string }[]>(
    `SELECT id, municipality_id AS "municipalityId" FROM villages WHERE id = $1`,
    [villageId],
  );
  return village;
}

export interface ArchiveRow {
  id: string;
  subject: string;
  preheader: string;
  web_token: string;
  sent_at: Date | null;
  /** The newsletter went to the reader's own village. */
  own_village: boolean;
}

/**
 * One page of the sent newsletters a reader may read (readableNewsletterSql), newest first;
 * with `villageId`, only those that went to that village.
 */
export async function archivePage(
  em: EntityManager,
  reader: { id: string; role: Role; villageId: string | null; municipalityId: string | null },
  filter: { villageId: string | null; take: number; skip: number },
): Promise<{ total: number; rows: ArchiveRow[] }> {
  const params: unknown[] = [reader.id, reader.villageId, reader.municipalityId];
  const readable = readableNewsletterSql(
    reader.role,
    { user: '$1', village: '$2', municipality: '$3' },
    NEWSLETTER_SCOPE_SQL,
  );
  let villageFilter = '';
  if (filter.villageId) {
    params.push(filter.villageId);
    villageFilter = `AND EXISTS (SELECT 1 FROM newsletters_scope_for_archive sc
                                  WHERE sc.newsletter_id = n.id AND sc.village_id = $${params.length}::uuid)`;
  }
  const scopeCte = `WITH newsletters_scope_for_archive AS (
      SELECT n2.id AS newsletter_id, c.village_id FROM newsletters n2
        JOIN circle_sessions s ON s.plan_id = n2.plan_id OR s.id = n2.session_id
        JOIN circles c ON c.id = s.circle_id
      UNION ALL
      SELECT n2.id, v.id FROM newsletters n2 JOIN villages v ON v.cohort_id = n2.cohort_id OR v.id = n2.village_id)`;
  // Every placeholder gets a type, whichever branch the role picked.
  const where = `${readable} AND n.status IN ('sent', 'partly_failed') ${villageFilter}
     AND ($2::uuid IS NULL OR TRUE) AND ($3::uuid IS NULL OR TRUE)`;
  const [{ total }] = await em.query<{ total: number }[]>(
    `${scopeCte} SELECT count(*)::int AS total FROM newsletters n WHERE ${where}`,
    params,
  );
  params.push(filter.take, filter.skip);
  const rows = await em.query<ArchiveRow[]>(
    `${scopeCte}
     SELECT n.id, n.subject, n.preheader, n.web_token, COALESCE(n.sending_started_at, n.send_at, n.finished_at) AS sent_at,
            EXISTS (SELECT 1 FROM newsletters_scope_for_archive sc
                     WHERE sc.newsletter_id = n.id AND sc.village_id = $2::uuid) AS own_village
       FROM newsletters n
      WHERE ${where}
      ORDER BY COALESCE(n.sending_started_at, n.send_at, n.finished_at) DESC NULLS LAST, n.id
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { total, rows };
}
