import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A village's living documents (issue 13): the development plan and the village story now, the
 * annual wheel and the annual report (one per year) later, all on one core.
 * - `village_documents`: one row per village, kind and year (0 for the kinds that are not
 *   yearly) holding the draft as JSON and its `revision`, raised by every save so a save from an
 *   older revision can be refused; `published_version` is the version the public sees (null when
 *   never published or taken down).
 * - `village_document_versions`: immutable published snapshots, numbered per document.
 * - `village_document_changes`: who changed what and when, one row per saved change (and per
 *   publish or take-down), with a short summary in Danish.
 * - `village_document_images`: the story's images, re-encoded and resized on upload.
 * - `village_public_pages`: the village's public address `/landsby/<slug>`, made from its name
 *   when it first publishes and never changed afterwards (a renamed village keeps its address).
 */
export class VillageDocuments1764000000000 implements MigrationInterface {
  name = 'VillageDocuments1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE village_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        village_id uuid NOT NULL REFERENCES villages(id) ON DELETE CASCADE,
        kind varchar(20) NOT NULL CHECK (kind IN ('plan', 'story', 'wheel', 'report')),
        year smallint NOT NULL DEFAULT 0 CHECK (year = 0 OR year BETWEEN 2000 AND 2100),
        draft jsonb NOT NULL,
        revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
        published_version integer,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (village_id, kind, year)
      )`);
    await q.query(`
      CREATE TABLE village_document_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES village_documents(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        revision integer NOT NULL,
        content jsonb NOT NULL,
        published_by uuid REFERENCES users(id) ON DELETE SET NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (document_id, version)
      )`);
    await q.query(`
      CREATE TABLE village_document_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES village_documents(id) ON DELETE CASCADE,
        revision integer NOT NULL,
        summary varchar(500) NOT NULL,
        changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX village_document_changes_document ON village_document_changes (document_id, changed_at DESC)`,
    );
    await q.query(`
      CREATE TABLE village_document_images (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES village_documents(id) ON DELETE CASCADE,
        mime varchar(20) NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
        width integer NOT NULL,
        height integer NOT NULL,
        bytes integer NOT NULL,
        data bytea NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX village_document_images_document ON village_document_images (document_id)`,
    );
    await q.query(`
      CREATE TABLE village_public_pages (
        village_id uuid PRIMARY KEY REFERENCES villages(id) ON DELETE CASCADE,
        slug varchar(80) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE village_public_pages`);
    await q.query(`DROP TABLE village_document_images`);
    await q.query(`DROP TABLE village_document_changes`);
    await q.query(`DROP TABLE village_document_versions`);
    await q.query(`DROP TABLE village_documents`);
  }
}
