import type { EntityManager } from 'typeorm';

export interface StoredFileRow {
  content_type: string;
  size: number;
}

export interface StoredFileDataRow extends StoredFileRow {
  data: Buffer;
}

/** Adds a file; false when the key is taken (and nothing changed). */
export async function insertStoredFile(
  em: EntityManager,
  key: string,
  data: Buffer,
  contentType: string,
): Promise<boolean> {
  const rows = await em.query<unknown[]>(
    `INSERT INTO stored_files (key, content_type, size, data) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO NOTHING RETURNING key`,
    [key, contentType, data.length, data],
  );
  return rows.length === 1;
}

/** Adds a file or replaces the one under the key. */
export async function upsertStoredFile(
  em: EntityManager,
  key: string,
  data: Buffer,
  contentType: string,
): Promise<void> {
  await em.query(
    `INSERT INTO stored_files (key, content_type, size, data) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE
       SET content_type = EXCLUDED.content_type, size = EXCLUDED.size, data = EXCLUDED.data,
           created_at = now()`,
    [key, contentType, data.length, data],
  );
}

export async function storedFileData(
  em: EntityManager,
  key: string,
): Promise<StoredFileDataRow | null> {
  const rows = await em.query<StoredFileDataRow[]>(
    `SELECT content_type, size, data FROM stored_files WHERE key = $1`,
    [key],
  );
  return rows[0] ?? null;
}

export async function storedFileInfo(
  em: EntityManager,
  key: string,
): Promise<StoredFileRow | null> {
  const rows = await em.query<StoredFileRow[]>(
    `SELECT content_type, size FROM stored_files WHERE key = $1`,
    [key],
  );
  return rows[0] ?? null;
}

export async function deleteStoredFiles(em: EntityManager, keys: readonly string[]): Promise<void> {
  await em.query(`DELETE FROM stored_files WHERE key = ANY($1::text[])`, [keys]);
}

/** A file some row points at, with the type it is served as. */
export interface ReferencedFileRow {
  key: string;
  content_type: string;
}

/**
 * Every file key a row holds, for the import from disk at `migrate`: lesson resources and
 * caption tracks, application agreements, goal photos and their thumbnails, library versions
 * and export zips. Reads the owners' tables; writes none of them.
 */
export function referencedFiles(em: EntityManager): Promise<ReferencedFileRow[]> {
  return em.query<ReferencedFileRow[]>(`
    SELECT resource_file_key AS key,
           coalesce(resource_mime_type, 'application/octet-stream') AS content_type
      FROM lessons WHERE resource_file_key IS NOT NULL
    UNION ALL
    SELECT c->>'fileKey', 'text/vtt'
      FROM lessons, jsonb_array_elements(captions) c WHERE c->>'fileKey' IS NOT NULL
    UNION ALL
    SELECT agreement_key, coalesce(agreement_mime, 'application/octet-stream')
      FROM applications WHERE agreement_key IS NOT NULL
    UNION ALL
    SELECT photo_key, 'image/jpeg' FROM village_goal_updates WHERE photo_key IS NOT NULL
    UNION ALL
    SELECT photo_thumbnail_key, 'image/jpeg'
      FROM village_goal_updates WHERE photo_thumbnail_key IS NOT NULL
    UNION ALL
    SELECT file_key, media_type FROM library_document_versions
    UNION ALL
    SELECT file_key, 'application/zip' FROM privacy_exports
     WHERE file_key IS NOT NULL AND status = 'ready'`);
}
