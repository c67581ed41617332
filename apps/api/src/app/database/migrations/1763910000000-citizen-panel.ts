import { MigrationInterface, QueryRunner } from 'typeorm';

/** The citizen panel: subscribers, consent records, imports (issue 5). */
export class CitizenPanel1763910000000 implements MigrationInterface {
  name = 'CitizenPanel1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE panel_subscribers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        village_id uuid NOT NULL REFERENCES villages(id) ON DELETE CASCADE,
        email varchar(254) NOT NULL,
        name varchar(120) NOT NULL DEFAULT '',
        locale varchar(2) NOT NULL DEFAULT 'da' CHECK (locale IN ('da', 'en')),
        status varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'subscribed', 'unsubscribed')),
        source varchar(16) NOT NULL CHECK (source IN ('signup', 'import')),
        confirmed_at timestamptz,
        unsubscribed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT panel_subscribers_email_lower CHECK (email = lower(email)),
        CONSTRAINT panel_subscribers_village_email_key UNIQUE (village_id, email)
      )`);
    await q.query(
      `CREATE INDEX panel_subscribers_village_status_idx ON panel_subscribers (village_id, status)`,
    );
    await q.query(`
      CREATE TABLE panel_consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscriber_id uuid NOT NULL REFERENCES panel_subscribers(id) ON DELETE CASCADE,
        action varchar(16) NOT NULL CHECK (action IN
          ('requested', 'confirmed', 'imported', 'unsubscribed', 'resubscribed', 'preferences')),
        consent_text_version varchar(32) NOT NULL,
        ip varchar(64),
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX panel_consents_subscriber_idx ON panel_consents (subscriber_id, at)`,
    );
    await q.query(`
      CREATE TABLE panel_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscriber_id uuid NOT NULL REFERENCES panel_subscribers(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('confirm')),
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT panel_tokens_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX panel_tokens_subscriber_idx ON panel_tokens (subscriber_id)`);
    await q.query(`
      CREATE TABLE panel_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        village_id uuid NOT NULL REFERENCES villages(id) ON DELETE CASCADE,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        attestation text NOT NULL,
        consent_text_version varchar(32) NOT NULL,
        added integer NOT NULL DEFAULT 0,
        merged integer NOT NULL DEFAULT 0,
        invalid integer NOT NULL DEFAULT 0,
        report jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX panel_imports_village_idx ON panel_imports (village_id, created_at)`,
    );
    await q.query(`ALTER TABLE users ADD COLUMN newsletters_opted_out_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN newsletters_opted_out_at`);
    await q.query(`DROP TABLE panel_imports`);
    await q.query(`DROP TABLE panel_tokens`);
    await q.query(`DROP TABLE panel_consents`);
    await q.query(`DROP TABLE panel_subscribers`);
  }
}
