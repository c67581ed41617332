import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who last saved a gathering (or info meeting): every save that makes its next version sets
 * `updated_by`, so the 409 for a change made from an older version names them, as the goals,
 * plans and idea lists do. Saves before this migration keep it empty.
 */
export class GatheringUpdatedBy1764150000000 implements MigrationInterface {
  name = 'GatheringUpdatedBy1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE gatherings ADD COLUMN updated_by uuid REFERENCES users(id) ON DELETE SET NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE gatherings DROP COLUMN updated_by`);
  }
}
