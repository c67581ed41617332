import {
  NewsletterTargetKind,
  type NextStep,
  type NewsletterTargetDto,
  type NewsletterTargetRef,
} from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { publishedLessonSql } from '../courses/courses.queries';
import type { Actor } from '../access/access-policy';
import { Newsletter } from '../database/entities/newsletters';
import type { NewsletterReadRef } from '../access/newsletter-access-policy';
import type { LastSessionSteps, SessionFacts } from './newsletter-render';

/** The target a newsletter row names (exactly one column is set). */
export function targetOf(
  n: Pick<Newsletter, 'planId' | 'sessionId' | 'cohortId' | 'villageId' | 'courseId'>,
): NewsletterTargetRef {
  if (n.planId) return { kind: NewsletterTargetKind.Plan, id: n.planId };
  if (n.sessionId) return { kind: NewsletterTargetKind.Session, id: n.sessionId };
  if (n.cohortId) return { kind: NewsletterTargetKind.Cohort, id: n.cohortId };
  if (n.villageId) return { kind: NewsletterTargetKind.Village, id: n.villageId };
  return { kind: NewsletterTargetKind.Course, id: n.courseId as string };
}

/** The columns of `newsletters` that a target sets. */
export function targetColumns(
  target: NewsletterTargetRef,
): Pick<Newsletter, 'planId' | 'sessionId' | 'cohortId' | 'villageId' | 'courseId'> {
  return {
    planId: target.kind === NewsletterTargetKind.Plan ? target.id : null,
    sessionId: target.kind === NewsletterTargetKind.Session ? target.id : null,
    cohortId: target.kind === NewsletterTargetKind.Cohort ? target.id : null,
    villageId: target.kind === NewsletterTargetKind.Village ? target.id : null,
    courseId: target.kind === NewsletterTargetKind.Course ? target.id : null,
  };
}

/**
 * Per newsletter (aliased `n` outside), the circles and villages it goes to: one row per
 * village circle / village (kind 'village') or coordinator circle (kind 'coordinator', with its
 * cohort). Cancelled sessions and archived circles are out of scope.
 */
export const NEWSLETTER_SCOPE_SQL = `
  SELECT n2.id AS newsletter_id, c.kind, c.village_id, c.cohort_id, s.id AS session_id
    FROM newsletters n2
    JOIN circle_sessions s ON s.plan_id = n2.plan_id AND s.status <> 'cancelled'
    JOIN circles c ON c.id = s.circle_id AND c.archived_at IS NULL
  UNION ALL
  SELECT n2.id, c.kind, c.village_id, c.cohort_id, s.id
    FROM newsletters n2
    JOIN circle_sessions s ON s.id = n2.session_id
    JOIN circles c ON c.id = s.circle_id
  UNION ALL
  SELECT n2.id, 'village', v.id, v.cohort_id, NULL
    FROM newsletters n2 JOIN villages v ON v.cohort_id = n2.cohort_id
  UNION ALL
  SELECT n2.id, 'village', v.id, v.cohort_id, NULL
    FROM newsletters n2 JOIN villages v ON v.id = n2.village_id`;

/** The facts `canReadNewsletter` needs about one newsletter, for one reader. */
export async function loadReadRef(
  em: EntityManager,
  newsletter: Pick<Newsletter, 'id' | 'status' | 'courseId'>,
  actor: Actor,
): Promise<NewsletterReadRef> {
  const rows = await em.query<
    {
      kind: string;
      village_id: string | null;
      municipality_id: string | null;
      cohort_id: string | null;
      cohort_municipality_ids: string[] | null;
    }[]
  >(
    `SELECT sc.kind, sc.village_id, v.municipality_id, sc.cohort_id,
            ARRAY(SELECT DISTINCT cv.municipality_id FROM villages cv WHERE cv.cohort_id = sc.cohort_id)
              AS cohort_municipality_ids
       FROM (${NEWSLETTER_SCOPE_SQL}) sc
       LEFT JOIN villages v ON v.id = sc.village_id
      WHERE sc.newsletter_id = $1`,
    [newsletter.id],
  );
  const [access] = newsletter.courseId
    ? await em.query<{ ok: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM course_access WHERE course_id = $1 AND user_id = $2) AS ok`,
        [newsletter.courseId, actor.id],
      )
    : [{ ok: false }];
  return {
    status: newsletter.status,
    villages: rows
      .filter((r) => r.kind === 'village' && r.village_id && r.municipality_id)
      .map((r) => ({ id: r.village_id as string, municipalityId: r.municipality_id as string })),
    coordinatorMunicipalityIds: rows
      .filter((r) => r.kind === 'coordinator')
      .flatMap((r) => r.cohort_municipality_ids ?? []),
    courseAccess: access?.ok === true,
  };
}

interface TargetRow {
  id: string;
  kind: NewsletterTargetKind;
  target_id: string;
  title: string | null;
  cohort_id: string | null;
  cohort_name: string | null;
  circle_kind: 'village' | 'coordinator' | null;
  starts_at: Date | null;
}

/** The target as lists and the editor show it, for several newsletters in one query. */
export async function loadTargetDtos(
  em: EntityManager,
  newsletterIds: readonly string[],
): Promise<Map<string, NewsletterTargetDto>> {
  if (!newsletterIds.length) return new Map();
  const rows = await em.query<TargetRow[]>(
    `SELECT n.id,
            CASE WHEN n.plan_id IS NOT NULL THEN 'plan'
                 WHEN n.session_id IS NOT NULL THEN 'session'
                 WHEN n.cohort_id IS NOT NULL THEN 'cohort'
                 WHEN n.village_id IS NOT NULL THEN 'village'
                 ELSE 'course' END AS kind,
            COALESCE(n.plan_id, n.session_id, n.cohort_id, n.village_id, n.course_id) AS target_id,
            COALESCE(p.title, s.title, co.name, vi.name, cu.title) AS title,
            co.id AS cohort_id, co.name AS cohort_name,
            COALESCE(p.circle_kind, sc.kind) AS circle_kind,
            CASE WHEN n.plan_id IS NOT NULL THEN
                   COALESCE((SELECT min(ps.starts_at) FROM circle_sessions ps
                              WHERE ps.plan_id = n.plan_id AND ps.status <> 'cancelled'), p.starts_at)
                 ELSE s.starts_at END AS starts_at
       FROM newsletters n
       LEFT JOIN session_plans p ON p.id = n.plan_id
       LEFT JOIN circle_sessions s ON s.id = n.session_id
       LEFT JOIN circles sc ON sc.id = s.circle_id
       LEFT JOIN villages vi ON vi.id = n.village_id
       LEFT JOIN courses cu ON cu.id = n.course_id
       LEFT JOIN cohorts co ON co.id = COALESCE(n.cohort_id, p.cohort_id, sc.cohort_id, vi.cohort_id)
      WHERE n.id = ANY($1::uuid[])`,
    [newsletterIds],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        kind: r.kind,
        id: r.target_id,
        title: r.title ?? '',
        cohortId: r.cohort_id,
        cohortName: r.cohort_name,
        circleKind: r.circle_kind,
        startsAt: r.starts_at ? r.starts_at.toISOString() : null,
      },
    ]),
  );
}

/** The villages and sessions a newsletter goes to, loaded once for the audience and rendering. */
export interface NewsletterScope {
  villages: { id: string; name: string; municipalityId: string }[];
  /** Session targets: the sessions in scope (cancelled ones of a plan are left out). */
  sessions: SessionFacts[];
}

export async function loadScope(
  em: EntityManager,
  newsletter: Pick<Newsletter, 'planId' | 'sessionId' | 'cohortId' | 'villageId'>,
): Promise<NewsletterScope> {
  let sessions: SessionFacts[] = [];
  if (newsletter.planId || newsletter.sessionId) {
    const rows = await em.query<
      {
        id: string;
        title: string;
        starts_at: Date;
        ends_at: Date;
        join_url: string | null;
        village_id: string | null;
        village_name: string | null;
        status: string;
      }[]
    >(
      `SELECT s.id, s.title, s.starts_at, s.ends_at, COALESCE(s.meeting_url, c.room_url) AS join_url,
              c.village_id, v.name AS village_name, s.status
         FROM circle_sessions s
         JOIN circles c ON c.id = s.circle_id
         LEFT JOIN villages v ON v.id = c.village_id
        WHERE ${newsletter.planId ? `s.plan_id = $1 AND s.status <> 'cancelled' AND c.archived_at IS NULL` : 's.id = $1'}
        ORDER BY s.starts_at, v.name, s.id`,
      [newsletter.planId ?? newsletter.sessionId],
    );
    sessions = rows.map((r) => ({
      id: r.id,
      title: r.title,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      joinUrl: r.join_url,
      villageId: r.village_id,
      villageName: r.village_name,
      cancelled: r.status === 'cancelled',
    }));
  }
  let villages: NewsletterScope['villages'] = [];
  const sessionVillageIds = sessions.map((s) => s.villageId).filter((v): v is string => v !== null);
  if (sessionVillageIds.length || newsletter.cohortId || newsletter.villageId) {
    const rows = await em.query<{ id: string; name: string; municipality_id: string }[]>(
      `SELECT v.id, v.name, v.municipality_id FROM villages v
        WHERE v.id = ANY($1::uuid[]) OR v.cohort_id = $2 OR v.id = $3
        ORDER BY v.name, v.id`,
      [sessionVillageIds, newsletter.cohortId, newsletter.villageId],
    );
    villages = rows.map((r) => ({ id: r.id, name: r.name, municipalityId: r.municipality_id }));
  }
  return { villages, sessions };
}

/** The scheduled newsletters that lead into any of these sessions (or their plans). */
export function scheduledForSessions(
  em: EntityManager,
  sessionIds: readonly string[],
): Promise<Newsletter[]> {
  return em
    .getRepository(Newsletter)
    .createQueryBuilder('n')
    .where(`n.status = 'scheduled'`)
    .andWhere(
      `(n.session_id = ANY(:ids) OR n.plan_id IN (SELECT s.plan_id FROM circle_sessions s WHERE s.id = ANY(:ids)))`,
      { ids: sessionIds },
    )
    .getMany();
}

/** Of these lesson ids, those published (lesson, module and course). */
export async function publishedLessonIds(
  em: EntityManager,
  ids: readonly string[],
): Promise<Set<string>> {
  const rows = await em.query<{ id: string }[]>(
    `SELECT l.id FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN courses c ON c.id = m.course_id
      WHERE l.id = ANY($1::uuid[]) AND ${publishedLessonSql('l', 'm', 'c')}`,
    [ids],
  );
  return new Set(rows.map((r) => r.id));
}

export interface LessonCardRow {
  id: string;
  title: string;
  module_title: string;
  course_title: string;
  body: string;
  inspiration: boolean;
}

/** The published lessons cards name, with their module and course (others are left out). */
export function lessonCardRows(
  em: EntityManager,
  ids: readonly string[],
): Promise<LessonCardRow[]> {
  return em.query<LessonCardRow[]>(
    `SELECT l.id, l.title, m.title AS module_title, c.title AS course_title, l.body, l.inspiration
       FROM lessons l
       JOIN course_modules m ON m.id = l.module_id
       JOIN courses c ON c.id = m.course_id
      WHERE l.id = ANY($1::uuid[])
        -- Taken back since the newsletter was written: no card (the web version is public).
        AND ${publishedLessonSql('l', 'm', 'c')}`,
    [ids],
  );
}

export interface CardOptionRow {
  id: string;
  title: string;
  module_title: string;
  course_id: string;
  course_title: string;
  inspiration: boolean;
}

/** One page of published lessons for lesson and video cards, inspiration first. */
export async function cardOptionPage(
  em: EntityManager,
  filter: { q: string | null; inspiration: boolean; take: number; skip: number },
): Promise<{ total: number; rows: CardOptionRow[] }> {
  const params: unknown[] = [filter.q, filter.inspiration];
  const where = `${publishedLessonSql('l', 'm', 'c')}
       AND ($1::text IS NULL OR l.title ILIKE $1 ESCAPE '\\' OR m.title ILIKE $1 ESCAPE '\\' OR c.title ILIKE $1 ESCAPE '\\')
       AND (NOT $2::boolean OR l.inspiration)`;
  const from = `FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN courses c ON c.id = m.course_id`;
  const [{ total }] = await em.query<{ total: number }[]>(
    `SELECT count(*)::int AS total ${from} WHERE ${where}`,
    params,
  );
  const rows = await em.query<CardOptionRow[]>(
    `SELECT l.id, l.title, m.title AS module_title, c.id AS course_id, c.title AS course_title, l.inspiration
       ${from} WHERE ${where}
      ORDER BY l.inspiration DESC, c.position, c.title, m.position, l.position, l.id
      LIMIT $3 OFFSET $4`,
    [...params, filter.take, filter.skip],
  );
  return { total, rows };
}

/**
 * Per village: the next steps its village circle recorded at its last held session before the
 * village's session in scope (a session without recorded steps counts; an empty list shows the
 * typed steps instead).
 */
export async function loadLastSessionSteps(
  em: EntityManager,
  sessions: readonly SessionFacts[],
): Promise<Map<string, LastSessionSteps>> {
  const own = sessions.filter((s) => s.villageId);
  if (!own.length) return new Map();
  const rows = await em.query<
    { village_id: string; title: string; starts_at: Date; next_steps: NextStep[] }[]
  >(
    `SELECT DISTINCT ON (x.village_id) x.village_id, p.title, p.starts_at, p.next_steps
       FROM unnest($1::uuid[], $2::timestamptz[]) AS x(village_id, before)
       JOIN circles c ON c.village_id = x.village_id AND c.kind = 'village'
       JOIN circle_sessions p ON p.circle_id = c.id AND p.status = 'held' AND p.starts_at < x.before
      ORDER BY x.village_id, p.starts_at DESC, p.id`,
    [own.map((s) => s.villageId), own.map((s) => s.startsAt.toISOString())],
  );
  return new Map(
    rows.map((r) => [
      r.village_id,
      {
        title: r.title,
        startsAt: r.starts_at,
        steps: Array.isArray(r.next_steps) ? r.next_steps : [],
      },
    ]),
  );
}
