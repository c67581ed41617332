import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The phase library (issue 16, point 3): templates and manuals per phase (`library_documents`),
 * every upload a new version (`library_document_versions`; the files lie under STORAGE_DIR), and
 * links from circle sessions, lessons and newsletters (`library_links`: the target is named by
 * kind and id, no foreign key, so one table serves the three; the owners' deletes leave a link
 * that shows nothing). Search is Danish full text over title, description and file name.
 */
export class Library1764110000000 implements MigrationInterface {
  name = 'Library1764110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE library_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phase varchar(20) NOT NULL
          CHECK (phase IN ('kickoff', 'mobilisation', 'mapping', 'facilitation', 'organisation')),
        kind varchar(10) NOT NULL CHECK (kind IN ('template', 'manual')),
        title varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        current_version integer NOT NULL DEFAULT 0 CHECK (current_version >= 0),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX library_documents_phase ON library_documents (phase, title)`);
    await q.query(`
      CREATE TABLE library_document_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES library_documents(id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        file_key varchar(200) NOT NULL UNIQUE,
        file_name varchar(255) NOT NULL,
        media_type varchar(100) NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        note varchar(500) NOT NULL DEFAULT '',
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (document_id, number)
      )`);
    await q.query(`
      CREATE TABLE library_links (
        document_id uuid NOT NULL REFERENCES library_documents(id) ON DELETE CASCADE,
        target varchar(12) NOT NULL CHECK (target IN ('session', 'lesson', 'newsletter')),
        target_id uuid NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (document_id, target, target_id)
      )`);
    await q.query(`CREATE INDEX library_links_target ON library_links (target, target_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE library_links`);
    await q.query(`DROP TABLE library_document_versions`);
    await q.query(`DROP TABLE library_documents`);
  }
}
