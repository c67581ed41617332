import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An idea taken from a survey answer names the survey's question by its id, which is 1–40
 * characters of [A-Za-z0-9_-] chosen by the writer's client (`survey_answers.question_id` is
 * varchar(40)), not a UUID: `ideas.source_question_id` follows.
 */
export class IdeaSourceQuestion1764080000000 implements MigrationInterface {
  name = 'IdeaSourceQuestion1764080000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE ideas ALTER COLUMN source_question_id TYPE varchar(40) USING source_question_id::text`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE ideas SET source_kind = NULL, source_survey_id = NULL, source_question_id = NULL
       WHERE source_question_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`);
    await q.query(
      `ALTER TABLE ideas ALTER COLUMN source_question_id TYPE uuid USING source_question_id::uuid`,
    );
  }
}
