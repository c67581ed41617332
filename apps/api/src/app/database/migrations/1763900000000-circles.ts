import { MigrationInterface, QueryRunner } from 'typeorm';

/** Study circles: circles, the cohort plan, sessions, answers, attendance, feeds, reminders (issue 4). */
export class Circles1763900000000 implements MigrationInterface {
  name = 'Circles1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE circles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('village', 'coordinator')),
        village_id uuid REFERENCES villages(id) ON DELETE CASCADE,
        facilitator_id uuid REFERENCES users(id) ON DELETE SET NULL,
        room_url varchar(500) CHECK (room_url IS NULL OR room_url LIKE 'https://%'),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT circles_kind_village CHECK ((kind = 'village') = (village_id IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX circles_village_key ON circles (cohort_id, village_id) WHERE kind = 'village'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX circles_coordinator_key ON circles (cohort_id) WHERE kind = 'coordinator'`,
    );
    await q.query(`CREATE INDEX circles_village_idx ON circles (village_id)`);
    // Membership is derived, so it follows people and cohorts as they change. One view says it
    // for every query: steering members of the village are members, the municipality's
    // coordinators guests; the coordinator circle holds the coordinators of the cohort's
    // municipalities. Disabled people take no part.
    await q.query(`
      CREATE VIEW circle_participants AS
        SELECT c.id AS circle_id, u.id AS user_id, 'member'::varchar(8) AS part
          FROM circles c
          JOIN users u ON u.village_id = c.village_id AND u.role = 'steering_member'
         WHERE c.kind = 'village' AND u.disabled_at IS NULL
        UNION ALL
        SELECT c.id, u.id, 'guest'::varchar(8)
          FROM circles c
          JOIN villages v ON v.id = c.village_id
          JOIN users u ON u.municipality_id = v.municipality_id AND u.role = 'coordinator'
         WHERE c.kind = 'village' AND u.disabled_at IS NULL
        UNION ALL
        SELECT c.id, u.id, 'member'::varchar(8)
          FROM circles c
          JOIN users u ON u.role = 'coordinator' AND u.disabled_at IS NULL
         WHERE c.kind = 'coordinator'
           AND EXISTS (SELECT 1 FROM villages v
                        WHERE v.cohort_id = c.cohort_id AND v.municipality_id = u.municipality_id)`);
    await q.query(`
      CREATE TABLE session_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
        circle_kind varchar(16) NOT NULL CHECK (circle_kind IN ('village', 'coordinator')),
        title varchar(160) NOT NULL,
        phase varchar(32) NOT NULL
          CHECK (phase IN ('kickoff', 'mobilisation', 'mapping', 'facilitation', 'organisation')),
        topic varchar(300) NOT NULL DEFAULT '',
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        agenda jsonb NOT NULL DEFAULT '[]',
        materials jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT session_plans_times CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX session_plans_cohort_idx ON session_plans (cohort_id, starts_at)`);
    await q.query(`
      CREATE TABLE circle_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        circle_id uuid NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
        plan_id uuid REFERENCES session_plans(id) ON DELETE SET NULL,
        title varchar(160) NOT NULL,
        phase varchar(32) NOT NULL
          CHECK (phase IN ('kickoff', 'mobilisation', 'mapping', 'facilitation', 'organisation')),
        topic varchar(300) NOT NULL DEFAULT '',
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        agenda jsonb NOT NULL DEFAULT '[]',
        materials jsonb NOT NULL DEFAULT '[]',
        meeting_url varchar(500) CHECK (meeting_url IS NULL OR meeting_url LIKE 'https://%'),
        status varchar(16) NOT NULL DEFAULT 'planned'
          CHECK (status IN ('planned', 'held', 'cancelled')),
        notes text NOT NULL DEFAULT '',
        next_steps jsonb NOT NULL DEFAULT '[]',
        sequence integer NOT NULL DEFAULT 0,
        times_adjusted boolean NOT NULL DEFAULT false,
        content_adjusted boolean NOT NULL DEFAULT false,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT circle_sessions_times CHECK (ends_at > starts_at),
        CONSTRAINT circle_sessions_plan_key UNIQUE (plan_id, circle_id)
      )`);
    await q.query(
      `CREATE INDEX circle_sessions_circle_idx ON circle_sessions (circle_id, starts_at)`,
    );
    await q.query(`CREATE INDEX circle_sessions_starts_idx ON circle_sessions (starts_at)`);
    await q.query(`
      CREATE TABLE session_rsvps (
        session_id uuid NOT NULL REFERENCES circle_sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        answer varchar(8) NOT NULL CHECK (answer IN ('yes', 'no', 'maybe')),
        answered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, user_id)
      )`);
    await q.query(`CREATE INDEX session_rsvps_user_idx ON session_rsvps (user_id)`);
    await q.query(`
      CREATE TABLE session_attendance (
        session_id uuid NOT NULL REFERENCES circle_sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status varchar(8) NOT NULL CHECK (status IN ('present', 'absent', 'excused')),
        recorded_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, user_id)
      )`);
    await q.query(`CREATE INDEX session_attendance_user_idx ON session_attendance (user_id)`);
    await q.query(`
      CREATE TABLE calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        token varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_feeds_token_key ON calendar_feeds (token)`);
    await q.query(`
      CREATE TABLE session_reminders (
        session_id uuid NOT NULL REFERENCES circle_sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, user_id, starts_at)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_reminders`);
    await q.query(`DROP TABLE calendar_feeds`);
    await q.query(`DROP TABLE session_attendance`);
    await q.query(`DROP TABLE session_rsvps`);
    await q.query(`DROP TABLE circle_sessions`);
    await q.query(`DROP TABLE session_plans`);
    await q.query(`DROP VIEW circle_participants`);
    await q.query(`DROP TABLE circles`);
  }
}
