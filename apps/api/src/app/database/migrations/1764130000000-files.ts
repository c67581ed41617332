import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The file store in PostgreSQL (issue 18): uploaded and generated files other than local
 * videos (lesson resources, captions, agreements, goal photos, library files, export zips), so
 * every API and worker process reads what any of them wrote. Keys are the relative paths the
 * owning rows already hold. With FILE_STORE=s3 the table stays empty.
 */
export class Files1764130000000 implements MigrationInterface {
  name = 'Files1764130000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stored_files (
        key text PRIMARY KEY CHECK (key <> '' AND key NOT LIKE '/%' AND length(key) <= 512),
        content_type varchar(255) NOT NULL,
        size integer NOT NULL CHECK (size >= 0),
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // PDFs, Office files, JPEGs and zips are compressed already: storing them out of line
    // without another try at compression saves the work on every write.
    await q.query(`ALTER TABLE stored_files ALTER COLUMN data SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stored_files`);
  }
}
