import type { EntityManager } from 'typeorm';
import type { AnswerRow } from './survey-answers';

export interface NewResponse {
  id: string;
  surveyId: string;
  deviceHash: string;
  personHash: string | null;
  language: string;
  answers: unknown;
  /** Pass the soft one-answer-per-device guard (someone else on the same phone). */
  anotherPerson: boolean;
  rows: AnswerRow[];
}

/**
 * Stores a response and its answer rows in one statement (all or nothing): nothing when a row
 * with this id exists already (a resend), when this personal link answered before, or (without
 * a personal link) when this device answered before and `anotherPerson` is not set. Two
 * concurrent answers through one personal link break the unique (survey_id, person_hash) index.
 * Returns the new row, or null when nothing was stored.
 */
export async function insertResponse(
  em: EntityManager,
  r: NewResponse,
): Promise<{ id: string; submitted_at: Date } | null> {
  const [row] = await em.query<{ id: string; submitted_at: Date }[]>(
    `WITH ins AS (
       INSERT INTO survey_responses (id, survey_id, device_hash, person_hash, language, answers)
       SELECT $1::uuid, $2::uuid, $3::varchar, $4::varchar, $5::varchar, $6::jsonb
        WHERE CASE WHEN $4::varchar IS NOT NULL
                   THEN NOT EXISTS (SELECT 1 FROM survey_responses
                                     WHERE survey_id = $2::uuid AND person_hash = $4::varchar)
                   ELSE $7::boolean OR NOT EXISTS (
                          SELECT 1 FROM survey_responses
                           WHERE survey_id = $2::uuid AND device_hash = $3::varchar
                             AND id <> $1::uuid) END
       ON CONFLICT (id) DO NOTHING
       RETURNING id, submitted_at),
     rows AS (
       INSERT INTO survey_answers (response_id, survey_id, question_id, option_id, row_id, number, text)
       SELECT ins.id, $2::uuid, a.q, a.o, a.r, a.n, a.t
         FROM ins, unnest($8::text[], $9::text[], $10::text[], $11::int[], $12::text[]) AS a(q, o, r, n, t))
     SELECT id, submitted_at FROM ins`,
    [
      r.id,
      r.surveyId,
      r.deviceHash,
      r.personHash,
      r.language,
      JSON.stringify(r.answers),
      r.anotherPerson,
      r.rows.map((a) => a.questionId),
      r.rows.map((a) => a.optionId),
      r.rows.map((a) => a.rowId),
      r.rows.map((a) => a.number),
      r.rows.map((a) => a.text),
    ],
  );
  return row ?? null;
}

/** A stored response by its id (to answer a resend with the first receipt). */
export async function findResponse(
  em: EntityManager,
  id: string,
): Promise<{ survey_id: string; submitted_at: Date } | null> {
  const [row] = await em.query<{ survey_id: string; submitted_at: Date }[]>(
    `SELECT survey_id, submitted_at FROM survey_responses WHERE id = $1`,
    [id],
  );
  return row ?? null;
}

/** Whether this personal link has answered the survey. */
export async function personAnswered(
  em: EntityManager,
  surveyId: string,
  personHash: string,
): Promise<boolean> {
  const rows = await em.query<unknown[]>(
    `SELECT 1 FROM survey_responses WHERE survey_id = $1 AND person_hash = $2`,
    [surveyId, personHash],
  );
  return rows.length > 0;
}

/**
 * Retention (issue 17): in at most `limit` responses to surveys closed before `closedBefore`
 * (by their closing time, or their last change when closed by hand), removes the answers to
 * the questions that ask for personal data (`personalData` in the survey's pages), both from
 * the response's `answers` and from `survey_answers`. The other answers, and so the results of
 * the other questions, stay. Returns how many responses changed.
 */
export async function removePersonalAnswersOfClosed(
  em: EntityManager,
  closedBefore: Date,
  limit: number,
): Promise<number> {
  const [, changed] = await em.query<[unknown, number]>(
    `WITH personal AS (
       SELECT s.id AS survey_id, array_agg(q->>'id') AS ids
         FROM surveys s
        CROSS JOIN LATERAL jsonb_array_elements(s.pages) pg
        CROSS JOIN LATERAL jsonb_array_elements(pg->'questions') q
        WHERE s.status = 'closed' AND LEAST(s.closes_at, s.updated_at) < $2
          AND q @> '{"personalData": true}'::jsonb
        GROUP BY s.id),
     due AS (
       SELECT r.id, p.ids FROM survey_responses r JOIN personal p ON p.survey_id = r.survey_id
        WHERE r.answers ?| p.ids
        LIMIT $1),
     gone AS (
       DELETE FROM survey_answers a USING due
        WHERE a.response_id = due.id AND a.question_id = ANY(due.ids))
     UPDATE survey_responses r SET answers = r.answers - due.ids FROM due WHERE r.id = due.id`,
    [limit, closedBefore],
  );
  return changed;
}
