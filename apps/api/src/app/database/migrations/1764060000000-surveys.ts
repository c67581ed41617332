import { MigrationInterface, QueryRunner } from 'typeorm';
import { SURVEY_TEMPLATES } from './survey-templates';

/**
 * Questionnaires (issue 15):
 * - `surveys`: a village's, a municipality's or a template (the secretariat's), with its pages of
 *   questions as JSON (checked by the surveys module on every save), its status and dates, and
 *   the random token of its public link;
 * - `survey_responses`: one submitted answer, its id made by the respondent's browser (sending it
 *   twice adds nothing), the answers as sent (after checking), the device key and personal key
 *   only as HMACs (never an IP address);
 * - `survey_answers`: the same answers one row per chosen option, matrix cell, number or text,
 *   for counting in SQL.
 * The two templates (mapping and needs analysis) are written here so every installation has them.
 */
export class Surveys1764060000000 implements MigrationInterface {
  name = 'Surveys1764060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE surveys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_kind varchar(20) NOT NULL CHECK (owner_kind IN ('village', 'municipality', 'template')),
        village_id uuid REFERENCES villages(id) ON DELETE CASCADE,
        municipality_id uuid REFERENCES municipalities(id) ON DELETE CASCADE,
        purpose varchar(20) NOT NULL CHECK (purpose IN ('mapping', 'needs_analysis', 'other')),
        title varchar(200) NOT NULL,
        intro text NOT NULL DEFAULT '',
        status varchar(10) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
        opens_at timestamptz,
        closes_at timestamptz,
        anonymous_link boolean NOT NULL DEFAULT true,
        public_token varchar(64) NOT NULL UNIQUE,
        pages jsonb NOT NULL DEFAULT '[]',
        copied_from_id uuid REFERENCES surveys(id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((owner_kind = 'village') = (village_id IS NOT NULL)),
        CHECK ((owner_kind = 'municipality') = (municipality_id IS NOT NULL)),
        CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at)
      )`);
    await q.query(
      `CREATE INDEX surveys_village_idx ON surveys (village_id, created_at) WHERE village_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX surveys_municipality_idx ON surveys (municipality_id, created_at) WHERE municipality_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX surveys_copied_from_idx ON surveys (copied_from_id)`);
    await q.query(`
      CREATE TABLE survey_responses (
        id uuid PRIMARY KEY,
        survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        device_hash varchar(64) NOT NULL,
        person_hash varchar(64),
        language varchar(2) NOT NULL DEFAULT 'da',
        answers jsonb NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (survey_id, person_hash)
      )`);
    await q.query(
      `CREATE INDEX survey_responses_survey_idx ON survey_responses (survey_id, submitted_at, id)`,
    );
    await q.query(
      `CREATE INDEX survey_responses_device_idx ON survey_responses (survey_id, device_hash)`,
    );
    await q.query(`
      CREATE TABLE survey_answers (
        response_id uuid NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
        survey_id uuid NOT NULL,
        question_id varchar(40) NOT NULL,
        option_id varchar(40),
        row_id varchar(40),
        number smallint,
        text text
      )`);
    // Counting per question, option, row and number (an index-only scan in the grouping's
    // order), and the filter "respondents who chose this option".
    await q.query(
      `CREATE INDEX survey_answers_count_idx
         ON survey_answers (survey_id, question_id, option_id, row_id, number, response_id)`,
    );
    await q.query(`CREATE INDEX survey_answers_response_idx ON survey_answers (response_id)`);
    for (const t of SURVEY_TEMPLATES) {
      await q.query(
        `INSERT INTO surveys (id, owner_kind, purpose, title, intro, status, public_token, pages)
         VALUES ($1, 'template', $2, $3, $4, 'draft', replace(gen_random_uuid()::text, '-', ''), $5)`,
        [t.id, t.purpose, t.title, t.intro, JSON.stringify(t.pages)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE survey_answers`);
    await q.query(`DROP TABLE survey_responses`);
    await q.query(`DROP TABLE surveys`);
  }
}
