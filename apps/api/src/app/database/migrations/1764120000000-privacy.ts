import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data (issue 17): exports of everything held about one person (a zip built in the
 * background, behind a link that expires), erasure requests with their cool-off, and the erasure
 * audit log, which records each request's steps and never the erased data.
 */
export class Privacy1764120000000 implements MigrationInterface {
  name = 'Privacy1764120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE privacy_exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_kind varchar(8) NOT NULL CHECK (subject_kind IN ('user', 'email')),
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        subject_email varchar(254) CHECK (subject_email = lower(subject_email)),
        requested_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        status varchar(10) NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'ready', 'failed', 'expired')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        file_key varchar(200),
        size_bytes bigint,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        expires_at timestamptz,
        CHECK ((subject_kind = 'user') = (user_id IS NOT NULL)),
        CHECK ((subject_kind = 'email') = (subject_email IS NOT NULL) OR status = 'expired')
      )`);
    await q.query(`CREATE INDEX privacy_exports_user ON privacy_exports (user_id, created_at)`);
    await q.query(
      `CREATE INDEX privacy_exports_requester ON privacy_exports (requested_by_id, created_at)`,
    );
    await q.query(`CREATE INDEX privacy_exports_created ON privacy_exports (created_at DESC)`);
    await q.query(`
      CREATE TABLE erasure_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_kind varchar(8) NOT NULL CHECK (subject_kind IN ('user', 'email')),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        subject_email varchar(254) CHECK (subject_email = lower(subject_email)),
        subject_name varchar(120),
        state varchar(12) NOT NULL DEFAULT 'cooling_off'
          CHECK (state IN ('cooling_off', 'approved', 'running', 'done', 'failed', 'cancelled')),
        reason text,
        requested_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        erase_after timestamptz NOT NULL,
        approved_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        approved_at timestamptz,
        started_at timestamptz,
        finished_at timestamptz,
        steps_done text[] NOT NULL DEFAULT '{}',
        steps_total integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE UNIQUE INDEX erasure_requests_open_user ON erasure_requests (user_id)
        WHERE state IN ('cooling_off', 'approved', 'running', 'failed') AND user_id IS NOT NULL`);
    await q.query(`
      CREATE UNIQUE INDEX erasure_requests_open_email ON erasure_requests (subject_email)
        WHERE state IN ('cooling_off', 'approved', 'running', 'failed') AND subject_email IS NOT NULL`);
    await q.query(`CREATE INDEX erasure_requests_due ON erasure_requests (state, erase_after)`);
    await q.query(
      `CREATE INDEX erasure_requests_requested ON erasure_requests (requested_at DESC)`,
    );
    await q.query(`
      CREATE TABLE erasure_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES erasure_requests(id) ON DELETE CASCADE,
        event varchar(60) NOT NULL,
        rows integer,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        at timestamptz NOT NULL DEFAULT now(),
        error text
      )`);
    await q.query(`CREATE INDEX erasure_audit_request ON erasure_audit (request_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE erasure_audit`);
    await q.query(`DROP TABLE erasure_requests`);
    await q.query(`DROP TABLE privacy_exports`);
  }
}
