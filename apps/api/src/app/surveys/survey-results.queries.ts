import type { EntityManager } from 'typeorm';

/**
 * One line of the counts: per survey, question, option, row and number, how many answer rows
 * (`g` = 0: chosen options, matrix cells, scale values, ranking places, text answers); per
 * survey, how many responses (`g` = -1).
 */
export interface CountRow {
  survey_id: string;
  question_id: string | null;
  option_id: string | null;
  row_id: string | null;
  number: number | null;
  count: number;
  g: number;
}

/**
 * Every count the results page shows, for one or more surveys, in one statement whatever the
 * number of answers: the normalised answer rows grouped by question, option, row and number (a
 * few hundred groups; sums, means and respondents per question are added up from them, see
 * `survey-results.ts`), and the number of responses. With a filter, only the respondents who
 * chose that option of that question are counted.
 */
export async function countAnswers(
  em: EntityManager,
  surveyIds: string[],
  filter: { questionId: string; optionId: string } | null,
): Promise<CountRow[]> {
  return em.query<CountRow[]>(
    `WITH f AS (
       SELECT response_id FROM survey_answers
        WHERE $2::text IS NOT NULL AND survey_id = ANY($1::uuid[])
          AND question_id = $2 AND option_id = $3)
     SELECT a.survey_id, a.question_id, a.option_id, a.row_id, a.number, count(*)::int AS count,
            0 AS g
       FROM survey_answers a
      WHERE a.survey_id = ANY($1::uuid[])
        AND ($2::text IS NULL OR a.response_id IN (SELECT response_id FROM f))
      GROUP BY a.survey_id, a.question_id, a.option_id, a.row_id, a.number
     UNION ALL
     SELECT survey_id, NULL, NULL, NULL, NULL, count(*)::int, -1
       FROM survey_responses
      WHERE survey_id = ANY($1::uuid[])
        AND ($2::text IS NULL OR id IN (SELECT response_id FROM f))
      GROUP BY survey_id`,
    [surveyIds, filter?.questionId ?? null, filter?.optionId ?? null],
  );
}

export interface TextAnswerRow {
  response_id: string;
  text: string;
  submitted_at: Date;
  total: number;
}

/** One page of a text question's answers, newest first, with the total (one statement). */
export async function findTextAnswers(
  em: EntityManager,
  surveyId: string,
  questionId: string,
  filter: { questionId: string; optionId: string } | null,
  page: { skip: number; take: number },
): Promise<TextAnswerRow[]> {
  return em.query<TextAnswerRow[]>(
    `SELECT a.response_id, a.text, r.submitted_at, count(*) OVER ()::int AS total
       FROM survey_answers a
       JOIN survey_responses r ON r.id = a.response_id
      WHERE a.survey_id = $1 AND a.question_id = $2 AND a.text IS NOT NULL
        AND ($5::text IS NULL OR a.response_id IN (
              SELECT f.response_id FROM survey_answers f
               WHERE f.survey_id = $1 AND f.question_id = $5 AND f.option_id = $6))
      ORDER BY r.submitted_at DESC, a.response_id
      LIMIT $3 OFFSET $4`,
    [
      surveyId,
      questionId,
      page.take,
      page.skip,
      filter?.questionId ?? null,
      filter?.optionId ?? null,
    ],
  );
}

/** Every response of a survey in the order they came, for the export. */
export async function findResponsesForExport(
  em: EntityManager,
  surveyId: string,
): Promise<
  { id: string; submitted_at: Date; language: string; answers: Record<string, unknown> }[]
> {
  return em.query(
    `SELECT id, submitted_at, language, answers FROM survey_responses
      WHERE survey_id = $1 ORDER BY submitted_at, id`,
    [surveyId],
  );
}

/** The copies of a template (surveys copied from it), with their owner's name, by name. */
export async function findCopies(
  em: EntityManager,
  templateId: string,
): Promise<{ id: string; owner_name: string; pages: unknown; responses: number }[]> {
  return em.query(
    `SELECT s.id, coalesce(v.name, m.name) AS owner_name, s.pages,
            (SELECT count(*)::int FROM survey_responses r WHERE r.survey_id = s.id) AS responses
       FROM surveys s
       LEFT JOIN villages v ON v.id = s.village_id
       LEFT JOIN municipalities m ON m.id = s.municipality_id
      WHERE s.copied_from_id = $1 AND s.status <> 'draft'
      ORDER BY coalesce(v.name, m.name), s.created_at, s.id
      LIMIT 200`,
    [templateId],
  );
}

/**
 * The village behind a public page's slug, only while its plan is published (as the public
 * page itself), and one page of its surveys that publish a question's results (never a draft).
 */
export async function findPublishedSurveys(
  em: EntityManager,
  slug: string,
  page: { skip: number; take: number },
): Promise<{
  found: boolean;
  rows: { id: string; title: string; pages: unknown }[];
  total: number;
}> {
  const rows = await em.query<
    { id: string | null; title: string | null; pages: unknown; total: number }[]
  >(
    `WITH v AS (
       SELECT p.village_id FROM village_public_pages p
         JOIN village_documents d ON d.village_id = p.village_id AND d.kind = 'plan'
              AND d.year = 0 AND d.published_version IS NOT NULL
        WHERE p.slug = $1),
     s AS (
       SELECT s.id, s.title, s.pages, s.created_at FROM surveys s JOIN v ON v.village_id = s.village_id
        WHERE s.status <> 'draft'
          AND jsonb_path_exists(s.pages, '$[*].questions[*] ? (@.published == true)'))
     SELECT x.id, x.title, x.pages, (SELECT count(*)::int FROM s) AS total
       FROM v LEFT JOIN LATERAL (SELECT * FROM s ORDER BY s.created_at DESC, s.id
                                  LIMIT $2 OFFSET $3) x ON true`,
    [slug, page.take, page.skip],
  );
  if (!rows.length) return { found: false, rows: [], total: 0 };
  return {
    found: true,
    rows: rows.filter((r) => r.id !== null) as { id: string; title: string; pages: unknown }[],
    total: rows[0].total,
  };
}
