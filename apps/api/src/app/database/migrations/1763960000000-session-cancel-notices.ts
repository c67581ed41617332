import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per person told that a session was cancelled, for the SEQUENCE the cancellation had:
 * a retried or duplicated job sends nobody the same cancellation twice, while a session that is
 * restored and cancelled again (a higher SEQUENCE) is announced again.
 */
export class SessionCancelNotices1763960000000 implements MigrationInterface {
  name = 'SessionCancelNotices1763960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE session_cancel_notices (
        session_id uuid NOT NULL REFERENCES circle_sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        sequence integer NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, user_id, sequence)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_cancel_notices`);
  }
}
