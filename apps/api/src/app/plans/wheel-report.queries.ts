import { CIRCLE_TIME_ZONE } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { ROLL_UP } from '../initiatives/roll-up.statement';
import type { ReportFocusArea, ReportGoal, ReportSession } from './report-draft';

/** The year's bounds as Copenhagen midnights, for `$2` (the year) in the statements below. */
const YEAR_START = `make_timestamptz($2::int, 1, 1, 0, 0, 0, '${CIRCLE_TIME_ZONE}')`;
const YEAR_END = `make_timestamptz($2::int + 1, 1, 1, 0, 0, 0, '${CIRCLE_TIME_ZONE}')`;
const LOCAL_DATE = (column: string): string =>
  `to_char(${column} AT TIME ZONE '${CIRCLE_TIME_ZONE}', 'YYYY-MM-DD')`;

/**
 * The village's goals that existed in the year (read from the goals module's tables), each with
 * its status at the year's end (its last update before then, else its status now) and its
 * updates in the year, oldest first.
 */
export async function findReportGoals(
  em: EntityManager,
  villageId: string,
  year: number,
): Promise<ReportGoal[]> {
  return em.query<ReportGoal[]>(
    `SELECT g.title,
            coalesce((SELECT u.status FROM village_goal_updates u
                       WHERE u.goal_id = g.id AND u.created_at < ${YEAR_END}
                       ORDER BY u.created_at DESC, u.id DESC LIMIT 1), g.status) AS "statusAtEnd",
            coalesce((SELECT json_agg(json_build_object('date', ${LOCAL_DATE('u.created_at')},
                               'status', u.status, 'note', u.note, 'value', u.value::float8)
                             ORDER BY u.created_at, u.id)
                        FROM village_goal_updates u
                       WHERE u.goal_id = g.id AND u.created_at >= ${YEAR_START}
                         AND u.created_at < ${YEAR_END}), '[]'::json) AS updates
       FROM village_goals g
      WHERE g.village_id = $1 AND g.created_at < ${YEAR_END}
      ORDER BY g.created_at, g.id`,
    [villageId, year],
  );
}

/** The sessions the village's circles held in the year, with how many were there. */
export async function findReportSessions(
  em: EntityManager,
  villageId: string,
  year: number,
): Promise<ReportSession[]> {
  return em.query<ReportSession[]>(
    `SELECT ${LOCAL_DATE('s.starts_at')} AS date, s.title,
            (SELECT count(*)::int FROM session_attendance a
              WHERE a.session_id = s.id AND a.status = 'present') AS present
       FROM circle_sessions s JOIN circles c ON c.id = s.circle_id
      WHERE c.village_id = $1 AND s.status = 'held'
        AND s.starts_at >= ${YEAR_START} AND s.starts_at < ${YEAR_END}
      ORDER BY s.starts_at, s.id
      LIMIT 1000`,
    [villageId, year],
  );
}

/** At most this many focus areas, and initiatives per area, go into a report's draft. */
export const REPORT_INITIATIVE_LIMITS = { focusAreas: 50, initiatives: 100 };

/**
 * The village's focus areas that existed by the year's end, each with its weighted roll-up
 * (`ROLL_UP`, the initiatives module's expression: the progress as it stands now) and its
 * initiatives created by the year's end, each with its status, progress, next milestone, the
 * goals it serves and whether it was created or last changed in the year. No people: the
 * report can be published, and the public page names nobody either. One statement, whatever
 * the number of areas, initiatives and goals.
 */
export async function findReportFocusAreas(
  em: EntityManager,
  villageId: string,
  year: number,
): Promise<ReportFocusArea[]> {
  return em.query<ReportFocusArea[]>(
    `SELECT f.name, ${ROLL_UP} AS progress,
            coalesce((
              SELECT json_agg(json_build_object('title', n.title, 'status', n.status,
                       'progress', n.progress::int, 'milestoneWhat', n.milestone_what,
                       'milestoneDate', to_char(n.milestone_date, 'YYYY-MM-DD'),
                       'inYear', CASE
                         WHEN n.created_at >= ${YEAR_START} THEN 'created'
                         WHEN n.updated_at >= ${YEAR_START} AND n.updated_at < ${YEAR_END} THEN 'changed'
                         WHEN n.updated_at < ${YEAR_START} THEN 'unchanged'
                         ELSE NULL END,
                       'goals', (
                         SELECT coalesce(json_agg(g.title ORDER BY g.created_at, g.id), '[]'::json)
                           FROM initiative_goals ig JOIN village_goals g ON g.id = ig.goal_id
                          WHERE ig.initiative_id = n.id))
                     ORDER BY n.created_at, n.id)
                FROM (SELECT * FROM initiatives i
                       WHERE i.focus_area_id = f.id AND i.created_at < ${YEAR_END}
                       ORDER BY i.created_at, i.id LIMIT $4) n), '[]'::json) AS initiatives
       FROM (SELECT * FROM focus_areas
              WHERE village_id = $1 AND created_at < ${YEAR_END}
              ORDER BY position, created_at, id LIMIT $3) f
      ORDER BY f.position, f.created_at, f.id`,
    [villageId, year, REPORT_INITIATIVE_LIMITS.focusAreas, REPORT_INITIATIVE_LIMITS.initiatives],
  );
}

/** The published wheel at a public address, or null. */
export interface PublicWheelRow {
  slug: string;
  village_id: string;
  village_name: string;
  version: number;
  content: unknown;
  published_at: Date;
}

export async function findPublicWheel(
  em: EntityManager,
  slug: string,
): Promise<PublicWheelRow | null> {
  const [row] = await em.query<PublicWheelRow[]>(
    `SELECT p.slug, v.id AS village_id, v.name AS village_name, x.version, x.content, x.published_at
       FROM village_public_pages p
       JOIN villages v ON v.id = p.village_id
       JOIN village_documents d ON d.village_id = v.id AND d.kind = 'wheel' AND d.year = 0
            AND d.published_version IS NOT NULL
       JOIN village_document_versions x ON x.document_id = d.id AND x.version = d.published_version
      WHERE p.slug = $1`,
    [slug],
  );
  return row ?? null;
}
