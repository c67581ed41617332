import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A village goal's owner (issue 13): a person with an account in the village, a working group
 * (one of the village's initiatives), or, as before, a name in words in `owner` (for someone
 * without an account). At most one of the two references is set; when the person or the
 * initiative is deleted, the goal keeps going without an owner.
 */
export class GoalOwner1764010000000 implements MigrationInterface {
  name = 'GoalOwner1764010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE village_goals
        ADD COLUMN owner_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN owner_initiative_id uuid REFERENCES initiatives(id) ON DELETE SET NULL,
        ADD CONSTRAINT village_goals_one_owner
          CHECK (owner_user_id IS NULL OR owner_initiative_id IS NULL)`);
    await q.query(
      `CREATE INDEX village_goals_owner_user ON village_goals (owner_user_id) WHERE owner_user_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX village_goals_owner_initiative ON village_goals (owner_initiative_id)
        WHERE owner_initiative_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX village_goals_owner_initiative`);
    await q.query(`DROP INDEX village_goals_owner_user`);
    await q.query(`
      ALTER TABLE village_goals
        DROP CONSTRAINT village_goals_one_owner,
        DROP COLUMN owner_initiative_id,
        DROP COLUMN owner_user_id`);
  }
}
