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

/** One heartbeat to record: who sent it, on which lesson, claiming what. */
export interface Heartbeat {
  viewer: { id: string; role: Role };
  lessonId: string;
  claim: HeartbeatClaim;
}

/** What the heartbeat statement saw of the lesson, and the saved row when it wrote one. */
export interface HeartbeatOutcome {
  lesson: { kind: LessonKind; durationSeconds: number | null; viewable: boolean } | null;
  row: LessonProgressRow | null;
}

interface HeartbeatRow {
  kind: LessonKind | null;
  duration_seconds: number | null;
  viewable: boolean | null;
  covered_seconds: number | null;
  position_seconds: number | null;
  completed_at: Date | null;
}

/**
 * Whether the heartbeat's sender (`b.user_id`, of role `b.role`) may see lesson `l` in module `m`
 * of course `c`: the catalogue's visibility rules (course-visibility.ts, the SQL twin of
 * `canSeeLesson`), one branch per role. The role comes from the sender's session.
 */
const VIEWABLE_SQL = `CASE b.role
  ${Object.values(Role)
    .map(
      (role) => `WHEN '${role}' THEN (${contentVisibleSql(role, 'l')}
        AND ${moduleVisibleSql(role, 'm', 'b.user_id')} AND ${courseVisibleSql(role, 'c', 'b.user_id')})`,
    )
    .join('\n  ')}
  ELSE FALSE END`;

/**
 * Records any number of heartbeats in one statement (no two for the same person and lesson:
 * ON CONFLICT may touch a row once per statement). Per heartbeat it finds the lesson with its
 * module and course, asks whether the sender may see it (VIEWABLE_SQL), and only for a visible
 * video with a duration and a claim within it merges the stretch into the sender's coverage. It
 * answers the lesson's facts for every heartbeat, so the caller can tell "no such lesson" from
 * "not yours" from "not a timed video" without a second query.
 *
 * The clipping mirrors progress/heartbeat.ts in float8, the same IEEE arithmetic as the API's
 * numbers: [floor(from), ceil(to)) within [0, ceil(duration)], the playhead within the duration
 * (0 once ended), completion at COMPLETION_COVERAGE × duration. The row lock taken by ON CONFLICT
 * DO UPDATE serialises two tabs, and each merges into the other's committed ranges, so nothing is
 * lost; rows are written in key order, so two such statements cannot deadlock. Completion is set
 * once, when the unique seconds reach the threshold.
 */
const HEARTBEATS_SQL = `
  WITH b AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::float8[], $5::float8[],
                         $6::float8[], $7::boolean[], $8::boolean[], $9::float8[])
      WITH ORDINALITY AS b(user_id, role, lesson_id, from_seconds, to_seconds, position_seconds,
                           ended, plausible, tolerance, n)
  ), lesson AS (
    SELECT b.n, l.kind, l.duration_seconds, coalesce(${VIEWABLE_SQL}, FALSE) AS viewable
      FROM b
      JOIN lessons l ON l.id = b.lesson_id
      JOIN course_modules m ON m.id = l.module_id
      JOIN courses c ON c.id = m.course_id
  ), clipped AS (
    SELECT b.user_id, b.lesson_id,
           least(floor(b.from_seconds), ceil(l.duration_seconds))::int AS lower_second,
           least(ceil(b.to_seconds), ceil(l.duration_seconds))::int AS upper_second,
           CASE WHEN b.ended THEN 0 ELSE least(b.position_seconds, l.duration_seconds) END AS position,
           $10::float8 * l.duration_seconds AS goal
      FROM b JOIN lesson l ON l.n = b.n
     WHERE l.viewable AND l.kind = '${LessonKind.Video}' AND l.duration_seconds <> 0 AND b.plausible
       AND b.to_seconds <= l.duration_seconds + b.tolerance
       AND b.position_seconds <= l.duration_seconds + b.tolerance
  ), stretch AS (
    SELECT user_id, lesson_id, lower_second, greatest(lower_second, upper_second) AS upper_second,
           position, goal
      FROM clipped
  ), saved AS (
    INSERT INTO lesson_progress AS p
           (user_id, lesson_id, coverage, covered_seconds, position_seconds, completed_at, updated_at)
    SELECT user_id, lesson_id, int4multirange(int4range(lower_second, upper_second)),
           upper_second - lower_second, position,
           CASE WHEN upper_second - lower_second >= goal THEN now() END, now()
      FROM stretch
     ORDER BY user_id, lesson_id
    ON CONFLICT (user_id, lesson_id) DO UPDATE SET
      coverage = p.coverage + EXCLUDED.coverage,
      covered_seconds = (SELECT coalesce(sum(upper(r) - lower(r)), 0)::int
                           FROM unnest(p.coverage + EXCLUDED.coverage) AS r),
      position_seconds = EXCLUDED.position_seconds,
      completed_at = COALESCE(p.completed_at,
        CASE WHEN (SELECT coalesce(sum(upper(r) - lower(r)), 0)
                     FROM unnest(p.coverage + EXCLUDED.coverage) AS r)
                  >= $10::float8 * (SELECT g.duration_seconds FROM lessons g WHERE g.id = p.lesson_id)
             THEN now() END),
      updated_at = now()
    RETURNING p.user_id, p.lesson_id, p.covered_seconds, p.position_seconds, p.completed_at
  )
  SELECT l.kind, l.duration_seconds, l.viewable,
         s.covered_seconds, s.position_seconds, s.completed_at
    FROM b
    LEFT JOIN lesson l ON l.n = b.n
    LEFT JOIN saved s ON s.user_id = b.user_id AND s.lesson_id = b.lesson_id
   ORDER BY b.n`;

/**
 * Records heartbeats in one statement (see HEARTBEATS_SQL); one outcome per heartbeat, in order:
 * the lesson's facts (null when there is no such lesson), and the new row when the sender may
 * watch the lesson and the claim fits its duration; otherwise nothing changes for that heartbeat.
 */
export async function recordHeartbeats(db: Db, beats: Heartbeat[]): Promise<HeartbeatOutcome[]> {
  const column = <T>(pick: (beat: Heartbeat) => T): T[] => beats.map(pick);
  const rows = await db.query<HeartbeatRow[]>(HEARTBEATS_SQL, [
    column((b) => b.viewer.id),
    column((b) => b.viewer.role),
    column((b) => b.lessonId),
    column((b) => b.claim.fromSeconds),
    column((b) => b.claim.toSeconds),
    column((b) => b.claim.positionSeconds),
    column((b) => b.claim.ended),
    column((b) => b.claim.plausible),
    column((b) => b.claim.toleranceSeconds),
    COMPLETION_COVERAGE,
  ]);
  return rows.map((found) => ({
    lesson:
      found.kind === null || found.viewable === null
        ? null
        : { kind: found.kind, durationSeconds: found.duration_seconds, viewable: found.viewable },
    row:
      found.covered_seconds === null || found.position_seconds === null
        ? null
        : {
            covered_seconds: found.covered_seconds,
            position_seconds: found.position_seconds,
            completed_at: found.completed_at,
          },
  }));
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
