import { CIRCLE_TIME_ZONE } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { ROLL_UP } from '../initiatives/roll-up.statement';
import type {
  ReportFocusArea,
  ReportGathering,
  ReportGoal,
  ReportIdeaList,
  ReportSession,
  ReportSurveyRow,
} from './report-draft';

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

/** The village's gatherings held in the year (not cancelled, started by now), with their counts. */
export async function findReportGatherings(
  em: EntityManager,
  villageId: string,
  year: number,
): Promise<ReportGathering[]> {
  return em.query<ReportGathering[]>(
    `SELECT ${LOCAL_DATE('g.starts_at')} AS date, g.title,
            COALESCE((SELECT sum(r.places) FROM gathering_registrations r
                       WHERE r.gathering_id = g.id AND r.status = 'confirmed'
                         AND r.checked_in_at IS NOT NULL), 0)::int AS "checkedIn",
            COALESCE((SELECT sum(r.places) FROM gathering_registrations r
                       WHERE r.gathering_id = g.id AND r.status = 'confirmed'), 0)::int AS registered
       FROM gatherings g
      WHERE g.village_id = $1 AND g.cancelled_at IS NULL AND g.starts_at <= now()
        AND g.starts_at >= ${YEAR_START} AND g.starts_at < ${YEAR_END}
      ORDER BY g.starts_at, g.id
      LIMIT 500`,
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

/** At most this many surveys and idea lists, and ideas per list, go into a report's draft. */
export const REPORT_SURVEY_LIMITS = { surveys: 20, ideaLists: 20, topIdeas: 5 };

/**
 * The village's surveys that took answers in the year (read from the surveys module's tables),
 * in the order they first did, each with its pages, its answers in the year and, for the questions
 * it published (`published`, on the village's public page), the counts of their options and
 * scale values over those answers and how many answered each. One statement.
 */
export async function findReportSurveys(
  em: EntityManager,
  villageId: string,
  year: number,
): Promise<ReportSurveyRow[]> {
  return em.query<ReportSurveyRow[]>(
    `WITH answered AS (
       SELECT r.id, r.survey_id, r.submitted_at
         FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
        WHERE s.village_id = $1 AND r.submitted_at >= ${YEAR_START} AND r.submitted_at < ${YEAR_END}),
     published AS (
       SELECT s.id AS survey_id, q->>'id' AS question_id
         FROM surveys s, jsonb_array_elements(s.pages) p, jsonb_array_elements(p->'questions') q
        WHERE s.village_id = $1 AND (q->>'published')::boolean),
     cells AS (
       SELECT a.survey_id, a.question_id, a.option_id, a.number, a.response_id
         FROM survey_answers a
         JOIN answered r ON r.id = a.response_id
         JOIN published p ON p.survey_id = a.survey_id AND p.question_id = a.question_id
        WHERE a.row_id IS NULL AND (a.option_id IS NULL) <> (a.number IS NULL))
     SELECT s.title, s.pages, count(r.id)::int AS responses,
            ${LOCAL_DATE('min(r.submitted_at)')} AS "firstDate",
            ${LOCAL_DATE('max(r.submitted_at)')} AS "lastDate",
            coalesce((SELECT json_agg(json_build_object('questionId', c.question_id,
                               'optionId', c.option_id, 'number', c.number, 'count', c.n))
                        FROM (SELECT question_id, option_id, number, count(*)::int AS n
                                FROM cells WHERE cells.survey_id = s.id
                               GROUP BY 1, 2, 3) c), '[]'::json) AS counts,
            coalesce((SELECT json_object_agg(c.question_id, c.n)
                        FROM (SELECT question_id, count(DISTINCT response_id)::int AS n
                                FROM cells WHERE cells.survey_id = s.id
                               GROUP BY 1) c), '{}'::json) AS answered
       FROM surveys s JOIN answered r ON r.survey_id = s.id
      GROUP BY s.id
      ORDER BY min(r.submitted_at), s.id
      LIMIT $3`,
    [villageId, year, REPORT_SURVEY_LIMITS.surveys],
  );
}

/**
 * The village's idea lists made by the year's end and either made in the year or voted on in it
 * (read from the ideas module's tables), each with the phones that placed dots in the year, its
 * ideas with most dots as they stand now (online and paper) and how many became initiatives.
 * One statement.
 */
export async function findReportIdeaLists(
  em: EntityManager,
  villageId: string,
  year: number,
): Promise<ReportIdeaList[]> {
  return em.query<ReportIdeaList[]>(
    `SELECT l.title,
            (SELECT count(DISTINCT v.voter_hash)::int FROM idea_votes v
              WHERE v.list_id = l.id AND v.created_at >= ${YEAR_START}
                AND v.created_at < ${YEAR_END}) AS voters,
            coalesce((SELECT json_agg(json_build_object('title', t.title, 'dots', t.dots)
                                      ORDER BY t.dots DESC, t.position)
                        FROM (SELECT i.title, i.position,
                                     (i.paper_dots + coalesce((SELECT sum(v.dots) FROM idea_votes v
                                                               WHERE v.idea_id = i.id), 0))::int AS dots
                                FROM ideas i WHERE i.list_id = l.id
                               ORDER BY dots DESC, i.position LIMIT $4) t
                       WHERE t.dots > 0), '[]'::json) AS top,
            (SELECT count(*)::int FROM ideas i
              WHERE i.list_id = l.id AND i.initiative_id IS NOT NULL) AS chosen
       FROM idea_lists l
      WHERE l.village_id = $1 AND l.created_at < ${YEAR_END}
        AND (l.created_at >= ${YEAR_START}
             OR EXISTS (SELECT 1 FROM idea_votes v WHERE v.list_id = l.id
                         AND v.created_at >= ${YEAR_START} AND v.created_at < ${YEAR_END}))
      ORDER BY l.created_at, l.id
      LIMIT $3`,
    [villageId, year, REPORT_SURVEY_LIMITS.ideaLists, REPORT_SURVEY_LIMITS.topIdeas],
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
