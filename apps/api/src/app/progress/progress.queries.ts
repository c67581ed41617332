import { Role } from '@blup/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { contentVisibleSql, courseVisibleSql, moduleVisibleSql } from '../access/course-visibility';
import { publishedLessonSql } from '../courses/courses.queries';

type Db = DataSource | EntityManager;

/** The course's ($1) published lessons in published modules: what completion counts. */
const PUBLISHED_LESSONS_SQL = `
  SELECT l.id FROM lessons l JOIN course_modules m ON m.id = l.module_id
   WHERE m.course_id = $1 AND ${publishedLessonSql('l', 'm')}`;

/**
 * Per person (`u`): the course's ($1) lessons they may see and how many of those they have
 * completed. A steering member sees the modules `moduleVisibleSql` gives them (the catalogue's
 * rule: the whole course in a cohort, only the enrolled module for a mini-BLUP village); others
 * every published module.
 */
const VISIBLE_LESSONS_LATERAL = `LEFT JOIN LATERAL (
  SELECT count(*)::int AS lessons, count(vp.completed_at)::int AS completed
    FROM lessons l JOIN course_modules m ON m.id = l.module_id
    LEFT JOIN lesson_progress vp
      ON vp.user_id = u.id AND vp.lesson_id = l.id AND vp.completed_at IS NOT NULL
   WHERE m.course_id = $1 AND ${publishedLessonSql('l', 'm')}
     AND (u.role <> 'steering_member' OR ${moduleVisibleSql(Role.SteeringMember, 'm', 'u.id')})
) vis ON TRUE`;

export interface ContinueRow {
  course_id: string;
  course_title: string;
  lesson_id: string;
  lesson_title: string;
  position_seconds: number;
  covered_seconds: number;
  duration_seconds: number | null;
}

/**
 * The person's most recently watched unfinished video lesson that they may still see, as SQL
 * for one row; `user` is the placeholder holding their id (`$1`, or `:actorId` where the home
 * page folds it into its one statement).
 */
export function continueWatchingSql(role: Role, user: string): string {
  return `SELECT c.id AS course_id, c.title AS course_title, l.id AS lesson_id, l.title AS lesson_title,
            p.position_seconds, p.covered_seconds, l.duration_seconds
       FROM lesson_progress p
       JOIN lessons l ON l.id = p.lesson_id
       JOIN course_modules m ON m.id = l.module_id
       JOIN courses c ON c.id = m.course_id
      WHERE p.user_id = ${user} AND p.completed_at IS NULL AND l.kind = 'video'
        AND ${contentVisibleSql(role, 'l')} AND ${moduleVisibleSql(role, 'm', user)}
        AND ${courseVisibleSql(role, 'c', user)}
      ORDER BY p.updated_at DESC
      LIMIT 1`;
}

/** The person's most recently watched unfinished video lesson that they may still see. */
export async function findContinueWatching(
  db: Db,
  viewer: { id: string; role: Role },
): Promise<ContinueRow | null> {
  const [row] = await db.query<ContinueRow[]>(continueWatchingSql(viewer.role, '$1'), [viewer.id]);
  return row ?? null;
}

/** Whether the course is published and how many published lessons it has; null when unknown. */
export async function findCourseLessonCount(
  db: Db,
  courseId: string,
): Promise<{ published: boolean; lessons: number } | null> {
  const [course] = await db.query<{ published: boolean; lessons: number }[]>(
    `SELECT c.published_at IS NOT NULL AS published,
            (SELECT count(*)::int FROM (${PUBLISHED_LESSONS_SQL}) x) AS lessons
       FROM courses c WHERE c.id = $1`,
    [courseId],
  );
  return course ?? null;
}

/** A page of a progress report: the course, the page window and optional filters. */
export interface ReportPage {
  courseId: string;
  take: number;
  skip: number;
  /** The municipality the reader reports on; null for all. */
  municipalityId: string | null;
  /** A LIKE pattern on the name. */
  pattern?: string;
}

export interface VillageProgressRow {
  id: string;
  name: string;
  municipality_name: string;
  members: number;
  completed: number;
  lessons: number;
  total: string;
}

/** Per village: its steering members' completion of the lessons each may see. */
export function findVillageProgress(db: Db, page: ReportPage): Promise<VillageProgressRow[]> {
  const params: unknown[] = [page.courseId, page.take, page.skip];
  const where: string[] = [];
  if (page.municipalityId) {
    params.push(page.municipalityId);
    where.push(`v.municipality_id = $${params.length}`);
  }
  if (page.pattern) {
    params.push(page.pattern);
    where.push(`v.name ILIKE $${params.length}`);
  }
  return db.query<VillageProgressRow[]>(
    `SELECT v.id, v.name, mu.name AS municipality_name,
            count(u.id)::int AS members,
            coalesce(sum(vis.completed), 0)::int AS completed,
            coalesce(sum(vis.lessons), 0)::int AS lessons,
            count(*) OVER () AS total
       FROM villages v
       JOIN municipalities mu ON mu.id = v.municipality_id
       LEFT JOIN users u ON u.village_id = v.id AND u.role = 'steering_member' AND u.disabled_at IS NULL
       ${VISIBLE_LESSONS_LATERAL}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY v.id, mu.name
      ORDER BY v.name, v.id
      LIMIT $2 OFFSET $3`,
    params,
  );
}

export interface PersonProgressRow {
  id: string;
  name: string;
  village_name: string | null;
  completed: number;
  lessons: number;
  last_activity_at: Date | null;
  total: string;
}

/**
 * Per person who takes the course: invited to it, a steering member of a village in a cohort
 * (village-process courses), or anyone who has made progress in it.
 */
export function findPersonProgress(
  db: Db,
  page: ReportPage & { villageId?: string },
): Promise<PersonProgressRow[]> {
  const params: unknown[] = [page.courseId, page.take, page.skip];
  const where: string[] = [`u.role <> 'secretariat'`, 'u.disabled_at IS NULL'];
  if (page.municipalityId) {
    params.push(page.municipalityId);
    where.push(`u.municipality_id = $${params.length}`);
  }
  if (page.villageId) {
    params.push(page.villageId);
    where.push(`u.village_id = $${params.length}`);
  }
  if (page.pattern) {
    params.push(page.pattern);
    where.push(`u.name ILIKE $${params.length}`);
  }
  return db.query<PersonProgressRow[]>(
    `WITH course_lessons AS (${PUBLISHED_LESSONS_SQL}),
          course AS (SELECT audience FROM courses WHERE id = $1)
     SELECT u.id, u.name, v.name AS village_name,
            coalesce(vis.completed, 0)::int AS completed, coalesce(vis.lessons, 0)::int AS lessons,
            pr.last_activity_at,
            count(*) OVER () AS total
       FROM users u
       LEFT JOIN villages v ON v.id = u.village_id
       LEFT JOIN LATERAL (
         SELECT count(p.completed_at) AS completed, max(p.updated_at) AS last_activity_at
           FROM lesson_progress p
          WHERE p.user_id = u.id AND p.lesson_id IN (SELECT id FROM course_lessons)
       ) pr ON TRUE
       ${VISIBLE_LESSONS_LATERAL}
      WHERE ${where.join(' AND ')}
        AND (pr.last_activity_at IS NOT NULL
             OR EXISTS (SELECT 1 FROM course_access a WHERE a.course_id = $1 AND a.user_id = u.id)
             OR ((SELECT audience FROM course) = 'village_process'
                 AND u.role = 'steering_member' AND v.cohort_id IS NOT NULL))
      ORDER BY u.name, u.id
      LIMIT $2 OFFSET $3`,
    params,
  );
}
