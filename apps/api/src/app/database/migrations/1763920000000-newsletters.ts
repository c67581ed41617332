import { MigrationInterface, QueryRunner } from 'typeorm';

/** Newsletters, their recipients and deliveries (issue 5). */
export class Newsletters1763920000000 implements MigrationInterface {
  name = 'Newsletters1763920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE newsletters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid REFERENCES session_plans(id) ON DELETE CASCADE,
        session_id uuid REFERENCES circle_sessions(id) ON DELETE CASCADE,
        cohort_id uuid REFERENCES cohorts(id) ON DELETE CASCADE,
        village_id uuid REFERENCES villages(id) ON DELETE CASCADE,
        course_id uuid REFERENCES courses(id) ON DELETE CASCADE,
        subject varchar(200) NOT NULL,
        preheader varchar(200) NOT NULL DEFAULT '',
        blocks jsonb NOT NULL DEFAULT '[]',
        include_panel boolean NOT NULL DEFAULT false,
        send_mode varchar(16) CHECK (send_mode IN ('days_before', 'at', 'now')),
        days_before integer CHECK (days_before BETWEEN 0 AND 60),
        send_at timestamptz,
        status varchar(16) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'scheduled', 'sending', 'sent', 'partly_failed')),
        web_token varchar(64) NOT NULL,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        scheduled_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        sending_started_at timestamptz,
        finished_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT newsletters_one_target CHECK (num_nonnulls(plan_id, session_id, cohort_id, village_id, course_id) = 1),
        CONSTRAINT newsletters_scheduled_time CHECK (status <> 'scheduled' OR send_at IS NOT NULL),
        CONSTRAINT newsletters_days_before_mode CHECK ((send_mode = 'days_before') = (days_before IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX newsletters_web_token_key ON newsletters (web_token)`);
    await q.query(`CREATE INDEX newsletters_status_idx ON newsletters (status, send_at)`);
    await q.query(
      `CREATE INDEX newsletters_plan_idx ON newsletters (plan_id) WHERE plan_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX newsletters_session_idx ON newsletters (session_id) WHERE session_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX newsletters_cohort_idx ON newsletters (cohort_id) WHERE cohort_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX newsletters_village_idx ON newsletters (village_id) WHERE village_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX newsletters_course_idx ON newsletters (course_id) WHERE course_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE newsletter_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        newsletter_id uuid NOT NULL REFERENCES newsletters(id) ON DELETE CASCADE,
        email varchar(254) NOT NULL CHECK (email = lower(email)),
        name varchar(200) NOT NULL DEFAULT '',
        locale varchar(2) NOT NULL DEFAULT 'da' CHECK (locale IN ('da', 'en')),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        subscriber_id uuid REFERENCES panel_subscribers(id) ON DELETE SET NULL,
        village_id uuid REFERENCES villages(id) ON DELETE SET NULL,
        session_id uuid REFERENCES circle_sessions(id) ON DELETE SET NULL,
        status varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'bounced')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        message_id varchar(200) NOT NULL,
        claimed_at timestamptz,
        sent_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT newsletter_deliveries_email_key UNIQUE (newsletter_id, email)
      )`);
    await q.query(
      `CREATE INDEX newsletter_deliveries_status_idx ON newsletter_deliveries (newsletter_id, status)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE newsletter_deliveries`);
    await q.query(`DROP TABLE newsletters`);
  }
}
