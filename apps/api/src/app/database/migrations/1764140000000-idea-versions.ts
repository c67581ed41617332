import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An idea's words get a version, as the list already has: a change of the title or
 * description names the version it was made from, and one made from an older version is refused
 * (409, naming who changed it) instead of overwriting it. `updated_by` and `updated_at` say who
 * last changed the words and when; moving an idea or counting its paper dots is not a change of
 * its words and leaves all three alone.
 */
export class IdeaVersions1764140000000 implements MigrationInterface {
  name = 'IdeaVersions1764140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ideas
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`UPDATE ideas SET updated_at = created_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE ideas DROP COLUMN updated_at, DROP COLUMN updated_by, DROP COLUMN version`,
    );
  }
}
