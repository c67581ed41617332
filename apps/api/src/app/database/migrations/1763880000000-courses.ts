import { MigrationInterface, QueryRunner } from 'typeorm';

/** Courses, modules, lessons, progress, course access and video events (issue 3). */
export class Courses1763880000000 implements MigrationInterface {
  name = 'Courses1763880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(160) NOT NULL,
        summary text NOT NULL DEFAULT '',
        audience varchar(32) NOT NULL CHECK (audience IN ('village_process', 'academy')),
        language varchar(2) NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en')),
        position integer NOT NULL DEFAULT 0,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE course_modules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        title varchar(160) NOT NULL,
        summary text NOT NULL DEFAULT '',
        phase varchar(32) CHECK (phase IN ('kickoff', 'mobilisation', 'mapping', 'facilitation', 'organisation')),
        months varchar(40) NOT NULL DEFAULT '',
        position integer NOT NULL,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT course_modules_position_key UNIQUE (course_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`
      CREATE TABLE lessons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES course_modules(id) ON DELETE CASCADE,
        title varchar(160) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('video', 'text', 'resource')),
        position integer NOT NULL,
        published_at timestamptz,
        inspiration boolean NOT NULL DEFAULT false,
        body text NOT NULL DEFAULT '',
        duration_seconds double precision CHECK (duration_seconds IS NULL OR duration_seconds > 0),
        video_provider varchar(16) CHECK (video_provider IN ('mux', 'local')),
        video_status varchar(16) NOT NULL DEFAULT 'none'
          CHECK (video_status IN ('none', 'waiting_upload', 'processing', 'ready', 'errored')),
        video_upload_id varchar(128),
        video_asset_id varchar(128),
        video_playback_id varchar(128),
        video_file_key varchar(255),
        video_error text,
        video_event_at timestamptz,
        captions jsonb NOT NULL DEFAULT '[]',
        resource_file_key varchar(255),
        resource_file_name varchar(255),
        resource_mime_type varchar(127),
        resource_size_bytes integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lessons_position_key UNIQUE (module_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`CREATE UNIQUE INDEX lessons_video_upload_key ON lessons (video_upload_id)`);
    await q.query(`CREATE UNIQUE INDEX lessons_video_asset_key ON lessons (video_asset_id)`);
    await q.query(
      `CREATE INDEX lessons_inspiration_idx ON lessons (inspiration) WHERE inspiration`,
    );
    await q.query(`
      CREATE TABLE lesson_progress (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
        coverage int4multirange NOT NULL DEFAULT '{}',
        covered_seconds integer NOT NULL DEFAULT 0,
        position_seconds double precision NOT NULL DEFAULT 0 CHECK (position_seconds >= 0),
        completed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, lesson_id)
      )`);
    await q.query(`CREATE INDEX lesson_progress_lesson_idx ON lesson_progress (lesson_id)`);
    await q.query(
      `CREATE INDEX lesson_progress_recent_idx ON lesson_progress (user_id, updated_at DESC)`,
    );
    await q.query(`
      CREATE TABLE course_access (
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        granted_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (course_id, user_id)
      )`);
    await q.query(`CREATE INDEX course_access_user_idx ON course_access (user_id)`);
    await q.query(`
      CREATE TABLE video_events (
        id varchar(128) PRIMARY KEY,
        type varchar(64) NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        payload jsonb NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE video_events`);
    await q.query(`DROP TABLE course_access`);
    await q.query(`DROP TABLE lesson_progress`);
    await q.query(`DROP TABLE lessons`);
    await q.query(`DROP TABLE course_modules`);
    await q.query(`DROP TABLE courses`);
  }
}
