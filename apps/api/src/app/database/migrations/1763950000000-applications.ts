import { MigrationInterface, QueryRunner } from 'typeorm';

/** Applications for a full process and info meetings (issue 6). */
export class Applications1763950000000 implements MigrationInterface {
  name = 'Applications1763950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SELECT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT 1`);
  }
}
