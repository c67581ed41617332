import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** A person's stored progress in one lesson, as the columns read. */
export interface LessonProgressRow {
  position_seconds: number;
  covered_seconds: number;
  completed_at: Date | null;
}

/** One watched stretch of a video: whole seconds [from, to), where to resume, when it completes. */
export interface WatchedStretch {
  fromSecond: number;
  toSecond: number;
  positionSeconds: number;
  completionSeconds: number;
}

/**
 * Merges the stretch into the person's coverage in one statement: the row lock taken by
 * ON CONFLICT DO UPDATE serialises two tabs, and each merges into the other's committed ranges,
 * so nothing is lost. Completion is set once, when the unique seconds reach the threshold.
 */
const WATCHED_SQL = `
  INSERT INTO lesson_progress AS p
         (user_id, lesson_id, coverage, covered_seconds, position_seconds, completed_at, updated_at)
  VALUES ($1, $2, int4multirange(int4range($3::int, $4::int)), $4::int - $3::int, $5,
          CASE WHEN $4::int - $3::int >= $6::float8 THEN now() END, now())
  ON CONFLICT (user_id, lesson_id) DO UPDATE SET
    coverage = p.coverage + EXCLUDED.coverage,
    covered_seconds = (SELECT coalesce(sum(upper(r) - lower(r)), 0)::int
                         FROM unnest(p.coverage + EXCLUDED.coverage) AS r),
    position_seconds = EXCLUDED.position_seconds,
    completed_at = COALESCE(p.completed_at,
      CASE WHEN (SELECT coalesce(sum(upper(r) - lower(r)), 0)
                   FROM unnest(p.coverage + EXCLUDED.coverage) AS r) >= $6::float8 THEN now() END),
    updated_at = now()
  RETURNING p.covered_seconds, p.position_seconds, p.completed_at`;

/** Adds a watched stretch to the person's progress in a video lesson; returns the new row. */
export async function recordWatchedStretch(
  db: Db,
  userId: string,
  lessonId: string,
  stretch: WatchedStretch,
): Promise<LessonProgressRow> {
  const [row] = await db.query<LessonProgressRow[]>(WATCHED_SQL, [
    userId,
    lessonId,
    stretch.fromSecond,
    stretch.toSecond,
    stretch.positionSeconds,
    stretch.completionSeconds,
  ]);
  return row;
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
