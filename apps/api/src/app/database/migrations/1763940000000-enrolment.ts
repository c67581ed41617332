import { MigrationInterface, QueryRunner } from 'typeorm';

/** Offerings, enrolments and waitlists (issue 6). */
export class Enrolment1763940000000 implements MigrationInterface {
  name = 'Enrolment1763940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE offerings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL CHECK (kind IN ('cohort', 'mini_blup', 'academy_course')),
        name varchar(120) NOT NULL,
        description text NOT NULL DEFAULT '',
        starts_on date,
        ends_on date,
        capacity integer CHECK (capacity IS NULL OR capacity > 0),
        price_dkk integer NOT NULL DEFAULT 0 CHECK (price_dkk >= 0),
        approval varchar(16) NOT NULL DEFAULT 'automatic'
          CHECK (approval IN ('automatic', 'secretariat')),
        audience varchar(24)
          CHECK (audience IS NULL OR audience IN ('local_council', 'municipal_staff', 'politician', 'everyone')),
        cohort_id uuid UNIQUE REFERENCES cohorts(id) ON DELETE CASCADE,
        module_id uuid REFERENCES course_modules(id) ON DELETE RESTRICT,
        course_id uuid REFERENCES courses(id) ON DELETE RESTRICT,
        enrol_closes_at timestamptz,
        published_at timestamptz,
        closed_at timestamptz,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT offerings_kind_refs CHECK (
          (kind = 'cohort' AND cohort_id IS NOT NULL AND module_id IS NULL)
          OR (kind = 'mini_blup' AND module_id IS NOT NULL AND course_id IS NOT NULL AND cohort_id IS NULL)
          OR (kind = 'academy_course' AND course_id IS NOT NULL AND module_id IS NULL AND cohort_id IS NULL)),
        CONSTRAINT offerings_dates CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX offerings_kind_idx ON offerings (kind, starts_on)`);
    await q.query(`CREATE INDEX offerings_course_idx ON offerings (course_id)`);
    await q.query(`CREATE INDEX offerings_module_idx ON offerings (module_id)`);
    await q.query(`
      CREATE TABLE enrolments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offering_id uuid NOT NULL REFERENCES offerings(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        village_id uuid REFERENCES villages(id) ON DELETE CASCADE,
        status varchar(16) NOT NULL
          CHECK (status IN ('pending', 'enrolled', 'waitlisted', 'cancelled', 'rejected')),
        seq bigserial NOT NULL,
        payer varchar(16) NOT NULL CHECK (payer IN ('municipality', 'local_council', 'self')),
        amount_dkk integer NOT NULL DEFAULT 0 CHECK (amount_dkk >= 0),
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_at timestamptz,
        cancelled_at timestamptz,
        cancelled_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        cancel_reason varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT enrolments_one_party CHECK ((user_id IS NULL) <> (village_id IS NULL))
      )`);
    await q.query(`
      CREATE UNIQUE INDEX enrolments_user_active_key ON enrolments (offering_id, user_id)
       WHERE user_id IS NOT NULL AND status IN ('pending', 'enrolled', 'waitlisted')`);
    await q.query(`
      CREATE UNIQUE INDEX enrolments_village_active_key ON enrolments (offering_id, village_id)
       WHERE village_id IS NOT NULL AND status IN ('pending', 'enrolled', 'waitlisted')`);
    await q.query(`CREATE INDEX enrolments_offering_idx ON enrolments (offering_id, status, seq)`);
    await q.query(
      `CREATE INDEX enrolments_user_idx ON enrolments (user_id) WHERE user_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX enrolments_village_idx ON enrolments (village_id) WHERE village_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enrolments`);
    await q.query(`DROP TABLE offerings`);
  }
}
