import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, people, sessions and one-time tokens (issue 2). */
export class Platform1763860000000 implements MigrationInterface {
  name = 'Platform1763860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE municipalities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX municipalities_name_key ON municipalities (lower(name))`);
    await q.query(`
      CREATE TABLE cohorts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL,
        start_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX cohorts_name_key ON cohorts (lower(name))`);
    await q.query(`
      CREATE TABLE villages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL,
        description text NOT NULL DEFAULT '',
        municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE RESTRICT,
        cohort_id uuid REFERENCES cohorts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX villages_municipality_name_key ON villages (municipality_id, lower(name))`,
    );
    await q.query(`CREATE INDEX villages_cohort_idx ON villages (cohort_id)`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        name varchar(120) NOT NULL,
        password_hash text,
        role varchar(32) NOT NULL CHECK (role IN ('secretariat', 'coordinator', 'steering_member', 'learner')),
        locale varchar(2) NOT NULL DEFAULT 'da' CHECK (locale IN ('da', 'en')),
        municipality_id uuid REFERENCES municipalities(id) ON DELETE RESTRICT,
        village_id uuid REFERENCES villages(id) ON DELETE RESTRICT,
        coordination_group boolean NOT NULL DEFAULT false,
        contact_person boolean NOT NULL DEFAULT false,
        learner_kind varchar(32) CHECK (learner_kind IN ('local_council', 'municipal_staff', 'politician')),
        invited_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        activated_at timestamptz,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_lower CHECK (email = lower(email)),
        CONSTRAINT users_scope CHECK (
          (role = 'secretariat' AND municipality_id IS NULL AND village_id IS NULL)
          OR (role = 'coordinator' AND municipality_id IS NOT NULL AND village_id IS NULL)
          OR (role = 'steering_member' AND village_id IS NOT NULL)
          OR (role = 'learner' AND municipality_id IS NOT NULL AND village_id IS NULL)
        )
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE INDEX users_municipality_idx ON users (municipality_id)`);
    await q.query(`CREATE INDEX users_village_idx ON users (village_id)`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash char(64) NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip varchar(64),
        user_agent varchar(256)
      )`);
    await q.query(`CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash)`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
    await q.query(`CREATE INDEX sessions_expires_idx ON sessions (expires_at)`);
    await q.query(`
      CREATE TABLE one_time_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(32) NOT NULL CHECK (kind IN ('sign_in_link', 'password_reset', 'invitation')),
        token_hash char(64) NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX one_time_tokens_hash_key ON one_time_tokens (token_hash)`);
    await q.query(`CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE one_time_tokens`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE villages`);
    await q.query(`DROP TABLE cohorts`);
    await q.query(`DROP TABLE municipalities`);
  }
}
