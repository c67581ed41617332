import { MigrationInterface, QueryRunner } from 'typeorm';

/** Applications for a full process and info meetings (issue 6). */
export class Applications1763950000000 implements MigrationInterface {
  name = 'Applications1763950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offering_id uuid NOT NULL REFERENCES offerings(id) ON DELETE RESTRICT,
        village_id uuid REFERENCES villages(id) ON DELETE SET NULL,
        village_name varchar(120) NOT NULL,
        new_village boolean NOT NULL,
        municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE RESTRICT,
        contact_name varchar(120) NOT NULL,
        contact_email varchar(254) NOT NULL,
        funding_status varchar(16) NOT NULL CHECK (funding_status IN ('requested', 'agreed', 'signed')),
        agreement_key varchar(200),
        agreement_name varchar(200),
        agreement_mime varchar(120),
        agreement_size integer,
        cooperation_text text NOT NULL DEFAULT '',
        cooperation_confirmed_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        cooperation_confirmed_at timestamptz,
        status varchar(16) NOT NULL DEFAULT 'submitted'
          CHECK (status IN ('submitted', 'approved', 'rejected', 'withdrawn')),
        override_reason text,
        decided_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_at timestamptz,
        decision_note text,
        applicant_name varchar(120) NOT NULL,
        applicant_email varchar(254) NOT NULL,
        applicant_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        upload_token_hash varchar(128),
        ip varchar(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applications_agreement CHECK ((agreement_key IS NULL) = (agreement_name IS NULL))
      )`);
    await q.query(`CREATE INDEX applications_status_idx ON applications (status, created_at)`);
    await q.query(`CREATE INDEX applications_municipality_idx ON applications (municipality_id)`);
    await q.query(`CREATE INDEX applications_offering_idx ON applications (offering_id)`);
    await q.query(`
      CREATE TABLE application_people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        name varchar(120) NOT NULL,
        email varchar(254) NOT NULL,
        position varchar(120),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        sort integer NOT NULL DEFAULT 0
      )`);
    await q.query(
      `CREATE UNIQUE INDEX application_people_email_key ON application_people (application_id, lower(email))`,
    );
    await q.query(`
      CREATE TABLE info_meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(160) NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        url varchar(500) NOT NULL CHECK (url LIKE 'https://%'),
        capacity integer NOT NULL CHECK (capacity > 0),
        description text NOT NULL DEFAULT '',
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT info_meetings_times CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX info_meetings_starts_idx ON info_meetings (starts_at)`);
    await q.query(`
      CREATE TABLE info_meeting_signups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES info_meetings(id) ON DELETE CASCADE,
        name varchar(120) NOT NULL,
        email varchar(254) NOT NULL,
        village_name varchar(120),
        municipality_name varchar(120),
        cancel_token_hash varchar(128) NOT NULL UNIQUE,
        reminded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT info_meeting_signups_email_key UNIQUE (meeting_id, email)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE info_meeting_signups`);
    await q.query(`DROP TABLE info_meetings`);
    await q.query(`DROP TABLE application_people`);
    await q.query(`DROP TABLE applications`);
  }
}
