import { COMPLETION_COVERAGE, LessonKind, Role } from '@blup/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { contentVisibleSql, courseVisibleSql, moduleVisibleSql } from '../access/course-visibility';

type Db = DataSource | EntityManager;

/** A person's stored progress in one lesson, as the columns read. */
export interface LessonProgressRow {
  position_seconds: number;
  covered_seconds: number;
  completed_at: Date | null;
}

/**
 * A heartbeat's claim on a video lesson, as the player sent it: the stretch [from, to) watched,
 * the playhead, and whether playback ended (resume from the start). The statement clips it to the
 * lesson's duration; `plausible` is the caller's verdict on everything that does not depend on
 * the duration, and `toleranceSeconds` how far past the end `to` and the playhead may lie.
 */
export interface HeartbeatClaim {
  fromSeconds: number;
  toSeconds: number;
  positionSeconds: number;
  ended: boolean;
  plausible: boolean;
  toleranceSeconds: number;
}

/** What the heartbeat statement saw of the lesson, and the saved row when it wrote one. */
export interface HeartbeatOutcome {
  lesson: { kind: LessonKind; durationSeconds: number | null; viewable: boolean } | null;
  row: LessonProgressRow | null;
}

interface HeartbeatRow {
  kind: LessonKind;
  duration_seconds: number | null;
  viewable: boolean;
  covered_seconds: number | null;
  position_seconds: number | null;
  completed_at: Date | null;
}

/**
 * One statement per heartbeat (the statement text depends only on the viewer's role): finds the
 * lesson with its module and course, asks the catalogue's visibility rules (course-visibility.ts,
 * the SQL twin of `canSeeLesson`) whether the viewer ($1) may see it, and only for a visible video
 * with a duration and a claim within it merges the stretch into the viewer's coverage. It always
 * answers the lesson's facts, so the caller can tell "no such lesson" from "not yours" from "not a
 * timed video" without a second query. The clipping mirrors progress/heartbeat.ts in float8, the
 * same IEEE arithmetic as the API's numbers: [floor(from), ceil(to)) within [0, ceil(duration)],
 * the playhead within the duration (0 once ended), completion at COMPLETION_COVERAGE × duration.
 */
const heartbeatSql = (role: Role): string => `
  WITH lesson AS (
    SELECT l.kind, l.duration_seconds,
           (${contentVisibleSql(role, 'l')} AND ${moduleVisibleSql(role, 'm', '$1')}
            AND ${courseVisibleSql(role, 'c', '$1')}) AS viewable
      FROM lessons l
      JOIN course_modules m ON m.id = l.module_id
      JOIN courses c ON c.id = m.course_id
     WHERE l.id = $2
  ), clipped AS (
    SELECT least(floor($3::float8), ceil(duration_seconds))::int AS lower_second,
           least(ceil($4::float8), ceil(duration_seconds))::int AS upper_second,
           CASE WHEN $6::boolean THEN 0 ELSE least($5::float8, duration_seconds) END AS position,
           $9::float8 * duration_seconds AS goal
      FROM lesson
     WHERE viewable AND kind = '${LessonKind.Video}' AND duration_seconds <> 0 AND $7::boolean
       AND $4::float8 <= duration_seconds + $8::float8
       AND $5::float8 <= duration_seconds + $8::float8
  ), stretch AS (
    SELECT lower_second, greatest(lower_second, upper_second) AS upper_second, position, goal
      FROM clipped
  ), saved AS (
    INSERT INTO lesson_progress AS p
           (user_id, lesson_id, coverage, covered_seconds, position_seconds, completed_at, updated_at)
    SELECT $1, $2, int4multirange(int4range(lower_second, upper_second)),
           upper_second - lower_second, position,
           CASE WHEN upper_second - lower_second >= goal THEN now() END, now()
      FROM stretch
    ON CONFLICT (user_id, lesson_id) DO UPDATE SET
      coverage = p.coverage + EXCLUDED.coverage,
      covered_seconds = (SELECT coalesce(sum(upper(r) - lower(r)), 0)::int
                           FROM unnest(p.coverage + EXCLUDED.coverage) AS r),
      position_seconds = EXCLUDED.position_seconds,
      completed_at = COALESCE(p.completed_at,
        CASE WHEN (SELECT coalesce(sum(upper(r) - lower(r)), 0)
                     FROM unnest(p.coverage + EXCLUDED.coverage) AS r) >= (SELECT goal FROM stretch)
             THEN now() END),
      updated_at = now()
    RETURNING p.covered_seconds, p.position_seconds, p.completed_at
  )
  SELECT lesson.kind, lesson.duration_seconds, lesson.viewable,
         saved.covered_seconds, saved.position_seconds, saved.completed_at
    FROM lesson LEFT JOIN saved ON TRUE`;

const HEARTBEAT_SQL = new Map(Object.values(Role).map((role) => [role, heartbeatSql(role)]));

/**
 * Records a heartbeat in one statement (see `heartbeatSql`): the lesson's facts, and the new row
 * when the viewer may watch the lesson and the claim fits its duration; otherwise nothing changes.
 */
export async function recordHeartbeat(
  db: Db,
  viewer: { id: string; role: Role },
  lessonId: string,
  claim: HeartbeatClaim,
): Promise<HeartbeatOutcome> {
  const [found] = await db.query<HeartbeatRow[]>(HEARTBEAT_SQL.get(viewer.role) as string, [
    viewer.id,
    lessonId,
    claim.fromSeconds,
    claim.toSeconds,
    claim.positionSeconds,
    claim.ended,
    claim.plausible,
    claim.toleranceSeconds,
    COMPLETION_COVERAGE,
  ]);
  if (!found) return { lesson: null, row: null };
  return {
    lesson: {
      kind: found.kind,
      durationSeconds: found.duration_seconds,
      viewable: found.viewable,
    },
    row:
      found.covered_seconds === null || found.position_seconds === null
        ? null
        : {
            covered_seconds: found.covered_seconds,
            position_seconds: found.position_seconds,
            completed_at: found.completed_at,
          },
  };
}

/** Completes a lesson for the person (once; later calls keep the first time). */
export async function markLessonComplete(db: Db, userId: string, lessonId: string): Promise<void> {
  await db.query(
    `INSERT INTO lesson_progress (user_id, lesson_id, completed_at, updated_at)
     VALUES ($1, $2, now(), now())
     ON CONFLICT (user_id, lesson_id) DO UPDATE
       SET completed_at = COALESCE(lesson_progress.completed_at, now()), updated_at = now()`,
    [userId, lessonId],
  );
}

/** The person's progress in one lesson, or null before they have any. */
export async function findLessonProgress(
  db: Db,
  userId: string,
  lessonId: string,
): Promise<LessonProgressRow | null> {
  const [row] = await db.query<LessonProgressRow[]>(
    `SELECT position_seconds, covered_seconds, completed_at
       FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2`,
    [userId, lessonId],
  );
  return row ?? null;
}
