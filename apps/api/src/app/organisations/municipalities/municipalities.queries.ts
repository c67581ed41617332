import { Role, type Phase } from '@blup/contracts';
import type { DataSource, Repository } from 'typeorm';
import type { Scope } from '../../access/access-policy';
import { likePattern, pageWindow, type PageQueryDto } from '../../common/pagination';
import { moduleVisibleSql } from '../../access/course-visibility';
import { publishedLessonSql } from '../../courses/courses.queries';
import type { Municipality, Village } from '../../database/entities';

export interface SessionRow {
  id: string;
  title: string;
  phase: Phase;
  starts_at: Date;
  ends_at: Date;
}

export interface OverviewRow {
  id: string;
  name: string;
  cohort_name: string | null;
  total: string;
  phase: Phase | null;
  next_id: string | null;
  next_title: string | null;
  next_phase: Phase | null;
  next_starts_at: Date | null;
  next_ends_at: Date | null;
  held: number;
  present: number;
  recorded: number;
  lessons: number;
  completed: number;
  open_next_steps: number;
}

/**
 * One page of the municipality's villages at a glance, in one statement: phase, next session,
 * attendance, its steering members' progress in village-process courses, open next steps.
 */
export function findVillageOverview(
  db: DataSource,
  municipalityId: string,
  page: { take: number; skip: number; pattern?: string },
): Promise<OverviewRow[]> {
  const params: unknown[] = [municipalityId, page.take, page.skip];
  let search = '';
  if (page.pattern) {
    params.push(page.pattern);
    search = `AND v.name ILIKE $${params.length}`;
  }
  return db.query<OverviewRow[]>(
    `WITH page AS (
       SELECT v.id, v.name, co.name AS cohort_name, count(*) OVER () AS total
         FROM villages v
         LEFT JOIN cohorts co ON co.id = v.cohort_id
        WHERE v.municipality_id = $1 ${search}
        ORDER BY v.name, v.id
        LIMIT $2 OFFSET $3
     ), circle AS (
       SELECT p.id AS village_id, c.id AS circle_id
         FROM page p JOIN circles c
           ON c.village_id = p.id AND c.kind = 'village' AND c.archived_at IS NULL
     )
     SELECT p.id, p.name, p.cohort_name, p.total,
            cur.phase, nx.id AS next_id, nx.title AS next_title, nx.phase AS next_phase,
            nx.starts_at AS next_starts_at, nx.ends_at AS next_ends_at,
            coalesce(att.held, 0) AS held, coalesce(att.present, 0) AS present,
            coalesce(att.recorded, 0) AS recorded,
            coalesce(cp.lessons, 0) AS lessons, coalesce(cp.completed, 0) AS completed,
            coalesce(ns.open, 0) AS open_next_steps
       FROM page p
       LEFT JOIN LATERAL (
         SELECT s.phase FROM circle c JOIN circle_sessions s ON s.circle_id = c.circle_id
          WHERE c.village_id = p.id AND s.status <> 'cancelled'
          ORDER BY (s.starts_at <= now()) DESC, abs(extract(epoch FROM s.starts_at - now()))
          LIMIT 1) cur ON TRUE
       LEFT JOIN LATERAL (
         SELECT s.id, s.title, s.phase, s.starts_at, s.ends_at
           FROM circle c JOIN circle_sessions s ON s.circle_id = c.circle_id
          WHERE c.village_id = p.id AND s.status = 'planned' AND s.ends_at > now()
          ORDER BY s.starts_at, s.id
          LIMIT 1) nx ON TRUE
       LEFT JOIN LATERAL (
         SELECT count(DISTINCT s.id)::int AS held,
                count(a.user_id) FILTER (WHERE a.status = 'present')::int AS present,
                count(a.user_id)::int AS recorded
           FROM circle c JOIN circle_sessions s ON s.circle_id = c.circle_id
           LEFT JOIN session_attendance a ON a.session_id = s.id
          WHERE c.village_id = p.id AND s.status = 'held') att ON TRUE
       LEFT JOIN LATERAL (
         SELECT count(l.id)::int AS lessons, count(lp.completed_at)::int AS completed
           FROM users u
           JOIN courses cr ON cr.audience = 'village_process'
           JOIN course_modules m ON m.course_id = cr.id
           JOIN lessons l ON l.module_id = m.id
           LEFT JOIN lesson_progress lp
             ON lp.user_id = u.id AND lp.lesson_id = l.id AND lp.completed_at IS NOT NULL
          WHERE u.village_id = p.id AND u.role = 'steering_member' AND u.disabled_at IS NULL
            AND ${publishedLessonSql('l', 'm', 'cr')}
            AND ${moduleVisibleSql(Role.SteeringMember, 'm', 'u.id')}) cp ON TRUE
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS open
           FROM circle c JOIN circle_sessions s ON s.circle_id = c.circle_id
           CROSS JOIN LATERAL jsonb_array_elements(s.next_steps) step
          WHERE c.village_id = p.id AND s.status <> 'cancelled'
            AND NOT coalesce((step->>'done')::boolean, false)) ns ON TRUE
      ORDER BY p.name, p.id`,
    params,
  );
}

/** The next planned session of the coordinator circle of the municipality's cohorts. */
export async function findCoordinatorNextSession(
  db: DataSource,
  municipalityId: string,
): Promise<SessionRow | null> {
  const [row] = await db.query<SessionRow[]>(
    `SELECT s.id, s.title, s.phase, s.starts_at, s.ends_at
       FROM circle_sessions s
       JOIN circles c ON c.id = s.circle_id
      WHERE c.kind = 'coordinator' AND c.archived_at IS NULL
        AND s.status = 'planned' AND s.ends_at > now()
        AND c.cohort_id IN (SELECT cohort_id FROM villages
                             WHERE municipality_id = $1 AND cohort_id IS NOT NULL)
      ORDER BY s.starts_at, s.id
      LIMIT 1`,
    [municipalityId],
  );
  return row ?? null;
}

/** One page of the municipalities in the scope, by name, with the total. */
export async function findMunicipalities(
  municipalities: Repository<Municipality>,
  scope: Scope,
  query: PageQueryDto,
): Promise<[Municipality[], number]> {
  const qb = municipalities.createQueryBuilder('m');
  if (scope.kind !== 'all') {
    if (!scope.municipalityId) return [[], 0];
    qb.andWhere('m.id = :scopeId', { scopeId: scope.municipalityId });
  }
  if (query.q) qb.andWhere('m.name ILIKE :q', { q: likePattern(query.q) });
  const { skip, take } = pageWindow(query);
  return qb
    .orderBy('m.name', 'ASC')
    .addOrderBy('m.id', 'ASC')
    .offset(skip)
    .limit(take)
    .getManyAndCount();
}

/** How many villages each of the municipalities has (those without are left out). */
export function countVillages(
  villages: Repository<Village>,
  municipalityIds: string[],
): Promise<{ id: string; count: number }[]> {
  return villages
    .createQueryBuilder('v')
    .select('v.municipality_id', 'id')
    .addSelect('COUNT(*)::int', 'count')
    .where('v.municipality_id IN (:...ids)', { ids: municipalityIds })
    .groupBy('v.municipality_id')
    .getRawMany<{ id: string; count: number }>();
}
