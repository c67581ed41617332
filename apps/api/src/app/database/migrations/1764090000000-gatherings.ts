import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, gatherings: one model for every meeting. The info meetings of enrolment (issue 6)
 * become gatherings of kind `info_meeting` (online, open to anyone) and their sign-ups confirmed
 * registrations. The old names stay as two simple views (`info_meetings`, `info_meeting_signups`)
 * over the new tables, so SQL written against them keeps working; nothing in the API writes them.
 */
export class Gatherings1764090000000 implements MigrationInterface {
  name = 'Gatherings1764090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE info_meetings RENAME TO gatherings`);
    await q.query(
      `ALTER TABLE gatherings RENAME CONSTRAINT info_meetings_times TO gatherings_times`,
    );
    await q.query(`ALTER INDEX info_meetings_starts_idx RENAME TO gatherings_starts_idx`);
    await q.query(`ALTER TABLE gatherings ALTER COLUMN url DROP NOT NULL`);
    await q.query(`
      ALTER TABLE gatherings
        ADD COLUMN kind varchar(40) NOT NULL DEFAULT 'info_meeting',
        ADD COLUMN mode varchar(20) NOT NULL DEFAULT 'online'
          CHECK (mode IN ('in_person', 'online', 'hybrid')),
        ADD COLUMN address varchar(300),
        ADD COLUMN phase varchar(40),
        ADD COLUMN audience varchar(40) NOT NULL DEFAULT 'anyone'
          CHECK (audience IN ('steering_group', 'village_panel', 'cohort', 'municipality_academy', 'anyone')),
        ADD COLUMN village_id uuid REFERENCES villages(id) ON DELETE CASCADE,
        ADD COLUMN cohort_id uuid REFERENCES cohorts(id) ON DELETE CASCADE,
        ADD COLUMN municipality_id uuid REFERENCES municipalities(id) ON DELETE CASCADE,
        ADD COLUMN questions jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN registration_closes_at timestamptz,
        ADD COLUMN cancel_reason text,
        ADD COLUMN minutes text,
        ADD COLUMN minutes_goal_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN minutes_initiative_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN created_by uuid REFERENCES users(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX gatherings_village_idx ON gatherings (village_id)`);
    await q.query(`CREATE INDEX gatherings_cohort_idx ON gatherings (cohort_id)`);
    await q.query(`CREATE INDEX gatherings_municipality_idx ON gatherings (municipality_id)`);

    await q.query(`ALTER TABLE info_meeting_signups RENAME TO gathering_registrations`);
    await q.query(`ALTER TABLE gathering_registrations RENAME COLUMN meeting_id TO gathering_id`);
    await q.query(
      `ALTER TABLE gathering_registrations RENAME CONSTRAINT info_meeting_signups_email_key TO gathering_registrations_email_key`,
    );
    await q.query(`
      ALTER TABLE gathering_registrations
        ADD COLUMN user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN status varchar(20) NOT NULL DEFAULT 'confirmed'
          CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'cancelled')),
        ADD COLUMN places integer NOT NULL DEFAULT 1 CHECK (places >= 1),
        ADD COLUMN answers jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN confirm_token_hash varchar(128) UNIQUE,
        ADD COLUMN check_in_code varchar(16) NOT NULL
          DEFAULT upper(substr(md5(gen_random_uuid()::text), 1, 8)),
        ADD COLUMN checked_in_at timestamptz,
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN seq bigserial,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(
      `ALTER TABLE gathering_registrations ADD CONSTRAINT gathering_registrations_code_key UNIQUE (gathering_id, check_in_code)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX gathering_registrations_user_key ON gathering_registrations (gathering_id, user_id) WHERE user_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX gathering_registrations_status_idx ON gathering_registrations (gathering_id, status, seq)`,
    );

    // The old names, as updatable views (inserting a meeting gets the info-meeting defaults).
    await q.query(`
      CREATE VIEW info_meetings AS
        SELECT id, title, starts_at, ends_at, url, capacity, description, cancelled_at,
               created_at, updated_at
          FROM gatherings WHERE kind = 'info_meeting'`);
    await q.query(`
      CREATE VIEW info_meeting_signups AS
        SELECT id, gathering_id AS meeting_id, name, email, village_name, municipality_name,
               cancel_token_hash, reminded_at, created_at
          FROM gathering_registrations`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW info_meeting_signups`);
    await q.query(`DROP VIEW info_meetings`);
    // Only info meetings and confirmed sign-ups existed before.
    await q.query(`DELETE FROM gatherings WHERE kind <> 'info_meeting'`);
    await q.query(`DELETE FROM gathering_registrations WHERE status <> 'confirmed'`);
    await q.query(`DROP INDEX gathering_registrations_status_idx`);
    await q.query(`DROP INDEX gathering_registrations_user_key`);
    await q.query(
      `ALTER TABLE gathering_registrations DROP CONSTRAINT gathering_registrations_code_key`,
    );
    await q.query(`
      ALTER TABLE gathering_registrations
        DROP COLUMN user_id, DROP COLUMN status, DROP COLUMN places, DROP COLUMN answers,
        DROP COLUMN confirm_token_hash, DROP COLUMN check_in_code, DROP COLUMN checked_in_at,
        DROP COLUMN cancelled_at, DROP COLUMN seq, DROP COLUMN updated_at`);
    await q.query(
      `ALTER TABLE gathering_registrations RENAME CONSTRAINT gathering_registrations_email_key TO info_meeting_signups_email_key`,
    );
    await q.query(`ALTER TABLE gathering_registrations RENAME COLUMN gathering_id TO meeting_id`);
    await q.query(`ALTER TABLE gathering_registrations RENAME TO info_meeting_signups`);

    await q.query(`DROP INDEX gatherings_village_idx`);
    await q.query(`DROP INDEX gatherings_cohort_idx`);
    await q.query(`DROP INDEX gatherings_municipality_idx`);
    await q.query(`
      ALTER TABLE gatherings
        DROP COLUMN kind, DROP COLUMN mode, DROP COLUMN address, DROP COLUMN phase,
        DROP COLUMN audience, DROP COLUMN village_id, DROP COLUMN cohort_id,
        DROP COLUMN municipality_id, DROP COLUMN questions, DROP COLUMN registration_closes_at,
        DROP COLUMN cancel_reason, DROP COLUMN minutes, DROP COLUMN minutes_goal_ids,
        DROP COLUMN minutes_initiative_ids, DROP COLUMN version, DROP COLUMN created_by`);
    await q.query(
      `UPDATE gatherings SET url = 'https://meet.jit.si/blup-infomoede' WHERE url IS NULL`,
    );
    await q.query(`ALTER TABLE gatherings ALTER COLUMN url SET NOT NULL`);
    await q.query(`ALTER INDEX gatherings_starts_idx RENAME TO info_meetings_starts_idx`);
    await q.query(
      `ALTER TABLE gatherings RENAME CONSTRAINT gatherings_times TO info_meetings_times`,
    );
    await q.query(`ALTER TABLE gatherings RENAME TO info_meetings`);
  }
}
