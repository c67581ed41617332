import type { CourseAudience, LessonKind, Locale, Phase, Role, VideoStatus } from '@blup/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { contentVisibleSql, courseVisibleSql, moduleVisibleSql } from '../access/course-visibility';
import { withDates, type JsonRow } from '../database/json-rows';

type Db = DataSource | EntityManager;

/**
 * The one definition of a published lesson: the lesson and its module are published, and, when
 * the course's alias is given, the course too. Other modules' SQL splices it in with their own
 * aliases (newsletters, progress, the municipality overview).
 */
export function publishedLessonSql(lesson: string, module: string, course?: string): string {
  const parts = [`${lesson}.published_at IS NOT NULL`, `${module}.published_at IS NOT NULL`];
  if (course) parts.push(`${course}.published_at IS NOT NULL`);
  return `(${parts.join(' AND ')})`;
}

export interface CourseRow {
  id: string;
  title: string;
  summary: string;
  audience: CourseAudience;
  language: Locale;
  published_at: Date | null;
  module_count: number;
  lesson_count: number;
  completed_count: number;
  total: string;
}

export interface ModuleRow {
  id: string;
  title: string;
  summary: string;
  phase: Phase | null;
  months: string;
  position: number;
  published_at: Date | null;
}

export interface LessonRow {
  id: string;
  module_id: string;
  title: string;
  kind: LessonKind;
  position: number;
  published_at: Date | null;
  inspiration: boolean;
  duration_seconds: number | null;
  video_status: VideoStatus;
  position_seconds: number | null;
  covered_seconds: number | null;
  completed_at: Date | null;
}

/** The viewer as the course SQL needs them: their role picks the branch, their id is `$1`. */
interface Viewer {
  id: string;
  role: Role;
}

/** A search term on course titles, already a LIKE pattern, or nothing. */
function titleSearch(params: unknown[], pattern: string | undefined): string {
  if (pattern === undefined) return '';
  params.push(pattern);
  return `AND c.title ILIKE $${params.length}`;
}

/** One page of the courses the viewer may see, with their lesson and completion counts. */
export function findVisibleCourses(
  db: Db,
  viewer: Viewer,
  page: { take: number; skip: number; pattern?: string },
): Promise<CourseRow[]> {
  const params: unknown[] = [viewer.id, page.take, page.skip];
  const search = titleSearch(params, page.pattern);
  return db.query<CourseRow[]>(
    `SELECT c.id, c.title, c.summary, c.audience, c.language, c.published_at,
            (SELECT count(*)::int FROM course_modules m
              WHERE m.course_id = c.id AND ${moduleVisibleSql(viewer.role, 'm', '$1')}) AS module_count,
            stats.lesson_count, stats.completed_count,
            count(*) OVER () AS total
       FROM courses c
       CROSS JOIN LATERAL (
         SELECT count(l.id)::int AS lesson_count, count(p.completed_at)::int AS completed_count
           FROM course_modules m
           JOIN lessons l ON l.module_id = m.id
           LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.user_id = $1
          WHERE m.course_id = c.id
            AND ${moduleVisibleSql(viewer.role, 'm', '$1')} AND ${contentVisibleSql(viewer.role, 'l')}
       ) stats
      WHERE ${courseVisibleSql(viewer.role, 'c', '$1')} ${search}
      ORDER BY c.position, c.title, c.id
      LIMIT $2 OFFSET $3`,
    params,
  );
}

/** How many courses the viewer may see (for a page past the end). */
export async function countVisibleCourses(
  db: Db,
  viewer: Viewer,
  pattern: string | undefined,
): Promise<number> {
  const params: unknown[] = [viewer.id];
  const search = titleSearch(params, pattern);
  const [row] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM courses c WHERE ${courseVisibleSql(viewer.role, 'c', '$1')} ${search}`,
    params,
  );
  return row.n;
}

/** A course page's parts: the course, its modules and its lessons, as the viewer may see them. */
export interface CourseContent {
  course: CourseRow;
  modules: ModuleRow[];
  lessons: LessonRow[];
}

/**
 * The course if the viewer may see it, with the modules and lessons they may see (in order, the
 * lessons with their own progress), in one statement: each statement costs the API more than
 * PostgreSQL's work on these small rows. The course's counts are left at zero: the caller counts.
 */
export async function findVisibleCourseContent(
  db: Db,
  viewer: Viewer,
  courseId: string,
): Promise<CourseContent | null> {
  const [row] = await db.query<
    (CourseRow & {
      modules: JsonRow<ModuleRow, 'published_at'>[];
      lessons: JsonRow<LessonRow, 'published_at' | 'completed_at'>[];
    })[]
  >(
    `SELECT c.id, c.title, c.summary, c.audience, c.language, c.published_at,
            0 AS module_count, 0 AS lesson_count, 0 AS completed_count, '1' AS total,
            COALESCE((
              SELECT json_agg(json_build_object(
                       'id', m.id, 'title', m.title, 'summary', m.summary, 'phase', m.phase,
                       'months', m.months, 'position', m.position, 'published_at', m.published_at)
                     ORDER BY m.position)
                FROM course_modules m
               WHERE m.course_id = c.id AND ${moduleVisibleSql(viewer.role, 'm', '$1')}
            ), '[]'::json) AS modules,
            COALESCE((
              SELECT json_agg(json_build_object(
                       'id', l.id, 'module_id', l.module_id, 'title', l.title, 'kind', l.kind,
                       'position', l.position, 'published_at', l.published_at,
                       'inspiration', l.inspiration, 'duration_seconds', l.duration_seconds,
                       'video_status', l.video_status, 'position_seconds', p.position_seconds,
                       'covered_seconds', p.covered_seconds, 'completed_at', p.completed_at)
                     ORDER BY l.position)
                FROM lessons l
                JOIN course_modules m ON m.id = l.module_id
                LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.user_id = $1
               WHERE m.course_id = c.id
                 AND ${moduleVisibleSql(viewer.role, 'm', '$1')} AND ${contentVisibleSql(viewer.role, 'l')}
            ), '[]'::json) AS lessons
       FROM courses c
      WHERE c.id = $2 AND ${courseVisibleSql(viewer.role, 'c', '$1')}`,
    [viewer.id, courseId],
  );
  if (!row) return null;
  const { modules, lessons, ...course } = row;
  return {
    course,
    modules: modules.map((m) => withDates(m, ['published_at'])),
    lessons: lessons.map((l) => withDates(l, ['published_at', 'completed_at'])),
  };
}

export interface ViewerFactsRow {
  in_cohort: boolean;
  invited: boolean;
  enrolled: boolean;
  module_ids: string[] | null;
}

/**
 * Whether the person's village is in a cohort, whether they were invited to or are enrolled in
 * the course, and (when `villageModules`) which of its modules their village is enrolled in.
 */
export async function findViewerFacts(
  db: Db,
  person: { id: string; villageId: string | null },
  courseId: string,
  villageModules: boolean,
): Promise<ViewerFactsRow> {
  const [row] = await db.query<ViewerFactsRow[]>(
    `SELECT
       EXISTS (SELECT 1 FROM villages v WHERE v.id = $1 AND v.cohort_id IS NOT NULL) AS in_cohort,
       EXISTS (SELECT 1 FROM course_access a WHERE a.course_id = $2 AND a.user_id = $3) AS invited,
       EXISTS (SELECT 1 FROM enrolments e JOIN offerings o ON o.id = e.offering_id
                WHERE o.course_id = $2 AND o.kind = 'academy_course'
                  AND e.user_id = $3 AND e.status = 'enrolled') AS enrolled,
       (SELECT array_agg(DISTINCT o.module_id) FROM enrolments e
          JOIN offerings o ON o.id = e.offering_id
         WHERE o.course_id = $2 AND o.kind = 'mini_blup' AND $4::boolean
           AND e.village_id = $1 AND e.status = 'enrolled') AS module_ids`,
    [person.villageId, courseId, person.id, villageModules],
  );
  return row;
}
