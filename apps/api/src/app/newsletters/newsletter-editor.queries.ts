import { NewsletterStatus, NewsletterTargetKind, type NewsletterTargetRef } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '../common/update-returning.queries';
import { Newsletter } from '../database/entities/newsletters';

/** What the secretariat's newsletter editor reads and writes: drafts, lists and targets. */

/** One page of newsletters, last changed first, by status and subject. */
export function newsletterPage(
  em: EntityManager,
  filter: { status?: NewsletterStatus; q: string | null; take: number; skip: number },
): Promise<[Newsletter[], number]> {
  const qb = em
    .getRepository(Newsletter)
    .createQueryBuilder('n')
    .orderBy('n.updated_at', 'DESC')
    .addOrderBy('n.id')
    .skip(filter.skip)
    .take(filter.take);
  if (filter.status) qb.andWhere('n.status = :status', { status: filter.status });
  if (filter.q) qb.andWhere(`n.subject ILIKE :q ESCAPE '\\'`, { q: filter.q });
  return qb.getManyAndCount();
}

/** Whether the planned session, session, cohort, village or course a target names exists. */
export async function targetExists(
  em: EntityManager,
  target: NewsletterTargetRef,
): Promise<boolean> {
  const table: Record<NewsletterTargetKind, string> = {
    [NewsletterTargetKind.Plan]: 'session_plans',
    [NewsletterTargetKind.Session]: 'circle_sessions',
    [NewsletterTargetKind.Cohort]: 'cohorts',
    [NewsletterTargetKind.Village]: 'villages',
    [NewsletterTargetKind.Course]: 'courses',
  };
  const [row] = await em.query<{ id: string }[]>(
    `SELECT id FROM ${table[target.kind]} WHERE id = $1`,
    [target.id],
  );
  return row !== undefined;
}

/** Changes a draft's content; false when it is no longer a draft (a schedule raced the edit). */
export async function updateDraft(
  em: EntityManager,
  id: string,
  changes: Partial<Newsletter>,
): Promise<boolean> {
  const result = await em
    .getRepository(Newsletter)
    .createQueryBuilder()
    .update()
    .set(changes)
    .where('id = :id AND status = :draft', { id, draft: NewsletterStatus.Draft })
    .execute();
  return !!result.affected;
}

/** Deletes a draft; false when it is no longer a draft. */
export async function deleteDraft(em: EntityManager, id: string): Promise<boolean> {
  const rows = await updateReturning<{ id: string }[]>(
    em,
    `DELETE FROM newsletters WHERE id = $1 AND status = 'draft' RETURNING id`,
    [id],
  );
  return rows.length > 0;
}

/** One page of upcoming planned sessions and single circle sessions (not from a plan). */
export async function targetOptionPage(
  em: EntityManager,
  filter: { cohortId: string | null; q: string | null; take: number; skip: number },
): Promise<{ total: number; rows: { kind: 'plan' | 'session'; id: string }[] }> {
  const params: unknown[] = [filter.cohortId, filter.q];
  const base = `
    SELECT 'plan' AS kind, p.id, p.title, p.cohort_id, p.circle_kind,
           COALESCE((SELECT min(s.starts_at) FROM circle_sessions s
                      WHERE s.plan_id = p.id AND s.status <> 'cancelled'), p.starts_at) AS starts_at
      FROM session_plans p
    UNION ALL
    SELECT 'session', s.id, s.title, c.cohort_id, c.kind, s.starts_at
      FROM circle_sessions s JOIN circles c ON c.id = s.circle_id
     WHERE s.plan_id IS NULL AND s.status <> 'cancelled'`;
  const where = `t.starts_at > now()
     AND ($1::uuid IS NULL OR t.cohort_id = $1::uuid)
     AND ($2::text IS NULL OR t.title ILIKE $2 ESCAPE '\\')`;
  const [{ total }] = await em.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM (${base}) t WHERE ${where}`,
    params,
  );
  const rows = await em.query<{ kind: 'plan' | 'session'; id: string }[]>(
    `SELECT t.kind, t.id FROM (${base}) t WHERE ${where}
      ORDER BY t.starts_at, t.id LIMIT $3 OFFSET $4`,
    [...params, filter.take, filter.skip],
  );
  return { total, rows };
}

export async function isPlan(em: EntityManager, id: string): Promise<boolean> {
  const [plan] = await em.query<{ id: string }[]>(`SELECT id FROM session_plans WHERE id = $1`, [
    id,
  ]);
  return plan !== undefined;
}

export interface TargetOptionRow {
  title: string;
  cohort_id: string;
  cohort_name: string;
  circle_kind: 'village' | 'coordinator';
}

/** A planned session or circle session with its cohort, as a target option shows it. */
export async function targetOptionRow(
  em: EntityManager,
  kind: 'plan' | 'session',
  id: string,
): Promise<TargetOptionRow | undefined> {
  const [row] = await em.query<TargetOptionRow[]>(
    kind === 'plan'
      ? `SELECT p.title, p.cohort_id, co.name AS cohort_name, p.circle_kind
           FROM session_plans p JOIN cohorts co ON co.id = p.cohort_id WHERE p.id = $1`
      : `SELECT s.title, c.cohort_id, co.name AS cohort_name, c.kind AS circle_kind
           FROM circle_sessions s JOIN circles c ON c.id = s.circle_id
           JOIN cohorts co ON co.id = c.cohort_id WHERE s.id = $1`,
    [id],
  );
  return row;
}

/** The newsletters written for a planned session or circle session, oldest first. */
export async function newsletterIdsFor(
  em: EntityManager,
  kind: 'plan' | 'session',
  id: string,
): Promise<string[]> {
  const rows = await em.query<{ id: string }[]>(
    `SELECT id FROM newsletters WHERE ${kind === 'plan' ? 'plan_id' : 'session_id'} = $1 ORDER BY created_at`,
    [id],
  );
  return rows.map((r) => r.id);
}
