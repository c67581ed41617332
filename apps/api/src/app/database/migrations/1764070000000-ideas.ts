import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Prioritising ideas (issue 15, point 4). A village's idea lists (`idea_lists`: title, intro,
 * dots per person, draft|open|closed, a random public token for the voting link), their ideas
 * (typed in, or from a survey answer: plain ids, no foreign key; paper dots from a meeting; the
 * initiative they became), the online dots (`idea_votes`: one row per voter and idea, the voter
 * known only by an HMAC of the list and a key their phone keeps, never an IP address) and those
 * who said they would help (`idea_helpers`, with the consent text's version).
 */
export class Ideas1764070000000 implements MigrationInterface {
  name = 'Ideas1764070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idea_lists (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        village_id uuid NOT NULL REFERENCES villages(id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        intro text NOT NULL DEFAULT '',
        dots_per_person smallint NOT NULL DEFAULT 3 CHECK (dots_per_person BETWEEN 1 AND 10),
        status varchar(10) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
        public_token varchar(43) NOT NULL UNIQUE,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idea_lists_village ON idea_lists (village_id, created_at)`);
    await q.query(`
      CREATE TABLE ideas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL REFERENCES idea_lists(id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        description varchar(1000) NOT NULL DEFAULT '',
        source_kind varchar(20) CHECK (source_kind IN ('survey_answer')),
        source_survey_id uuid,
        source_question_id uuid,
        paper_dots integer NOT NULL DEFAULT 0 CHECK (paper_dots >= 0),
        initiative_id uuid REFERENCES initiatives(id) ON DELETE SET NULL,
        position integer NOT NULL CHECK (position >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((source_kind IS NULL) = (source_survey_id IS NULL)
           AND (source_kind IS NULL) = (source_question_id IS NULL))
      )`);
    await q.query(`CREATE INDEX ideas_list ON ideas (list_id, position)`);
    await q.query(`
      CREATE TABLE idea_votes (
        list_id uuid NOT NULL REFERENCES idea_lists(id) ON DELETE CASCADE,
        voter_hash char(64) NOT NULL,
        idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        dots smallint NOT NULL CHECK (dots BETWEEN 1 AND 10),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (list_id, voter_hash, idea_id)
      )`);
    await q.query(`CREATE INDEX idea_votes_idea ON idea_votes (idea_id)`);
    await q.query(`
      CREATE TABLE idea_helpers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL REFERENCES idea_lists(id) ON DELETE CASCADE,
        idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        voter_hash char(64) NOT NULL,
        name varchar(120) NOT NULL,
        email varchar(254),
        phone varchar(30),
        consent_version varchar(20) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (idea_id, voter_hash)
      )`);
    await q.query(`CREATE INDEX idea_helpers_voter ON idea_helpers (list_id, voter_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idea_helpers`);
    await q.query(`DROP TABLE idea_votes`);
    await q.query(`DROP TABLE ideas`);
    await q.query(`DROP TABLE idea_lists`);
  }
}
