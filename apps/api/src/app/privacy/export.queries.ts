import type { PrivacyExportStatus, PrivacySubjectKind } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { PersonalTable } from './personal-data';
import { updateReturning } from '../common/update-returning.queries';
import { ident, type RowCondition } from './subject-sql';

/** An export with the label the lists show (the person's name, or the email address). */
export interface ExportRow {
  id: string;
  subject_kind: PrivacySubjectKind;
  user_id: string | null;
  subject_email: string | null;
  subject_label: string | null;
  requested_by_id: string | null;
  status: PrivacyExportStatus;
  progress: number;
  file_key: string | null;
  size_bytes: string | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  expires_at: Date | null;
}

const SELECT_EXPORT = `
  SELECT e.id, e.subject_kind, e.user_id, e.subject_email, e.requested_by_id, e.status,
         e.progress, e.file_key, e.size_bytes::text AS size_bytes, e.error, e.created_at,
         e.started_at, e.finished_at, e.expires_at,
         COALESCE(u.name, e.subject_email) AS subject_label
    FROM privacy_exports e
    LEFT JOIN users u ON u.id = e.user_id`;

export async function findExport(em: EntityManager, id: string): Promise<ExportRow | null> {
  const rows: ExportRow[] = await em.query(`${SELECT_EXPORT} WHERE e.id = $1`, [id]);
  return rows[0] ?? null;
}

/**
 * A page of exports, newest first: one person's (userId) or everybody's (null), whose name or
 * address matches `like` (a likePattern) when given.
 */
export async function listExports(
  em: EntityManager,
  userId: string | null,
  skip: number,
  take: number,
  like: string | null = null,
): Promise<{ rows: ExportRow[]; total: number }> {
  const where = `($1::uuid IS NULL OR e.user_id = $1)
      AND ($2::text IS NULL OR u.name ILIKE $2 OR u.email ILIKE $2 OR e.subject_email ILIKE $2)`;
  const rows: (ExportRow & { total: string })[] = await em.query(
    `${SELECT_EXPORT}
      WHERE ${where}
      ORDER BY e.created_at DESC, e.id DESC
      OFFSET $3 LIMIT $4`,
    [userId, like, skip, take],
  );
  const counted: { total: string }[] = await em.query(
    `SELECT count(*) AS total FROM privacy_exports e LEFT JOIN users u ON u.id = e.user_id
      WHERE ${where}`,
    [userId, like],
  );
  return { rows, total: Number(counted[0]?.total ?? 0) };
}

/** Serialises exports started for one person until the transaction ends (the daily limit). */
export async function lockExportsOf(em: EntityManager, userId: string): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('privacy-export:' || $1))`, [userId]);
}

/** When the person started their own exports since `since`, oldest first. */
export async function ownExportsSince(
  em: EntityManager,
  userId: string,
  since: Date,
): Promise<Date[]> {
  const rows: { created_at: Date }[] = await em.query(
    `SELECT created_at FROM privacy_exports
      WHERE user_id = $1 AND requested_by_id = $1 AND created_at > $2
      ORDER BY created_at`,
    [userId, since],
  );
  return rows.map((row) => row.created_at);
}

export async function insertExport(
  em: EntityManager,
  values: {
    subjectKind: PrivacySubjectKind;
    userId: string | null;
    subjectEmail: string | null;
    requestedById: string;
  },
): Promise<string> {
  const rows: { id: string }[] = await em.query(
    `INSERT INTO privacy_exports (subject_kind, user_id, subject_email, requested_by_id)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [values.subjectKind, values.userId, values.subjectEmail, values.requestedById],
  );
  return rows[0].id;
}

/** The rows of a registry table that one condition ties to the subject, every column. */
export async function subjectRows(
  em: EntityManager,
  entry: PersonalTable,
  condition: RowCondition,
): Promise<Record<string, unknown>[]> {
  return em.query(`SELECT * FROM ${ident(entry.table)} WHERE ${condition.sql}`, condition.params);
}

/** The columns of the given tables in their order in the database. */
export async function tableColumns(
  em: EntityManager,
  tables: string[],
): Promise<Map<string, string[]>> {
  const rows: { table_name: string; column_name: string }[] = await em.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1)
      ORDER BY table_name, ordinal_position`,
    [tables],
  );
  const columns = new Map<string, string[]>();
  for (const row of rows) {
    columns.set(row.table_name, [...(columns.get(row.table_name) ?? []), row.column_name]);
  }
  return columns;
}

/** Queued (or running, after a crash) → running; null when the export is gone or settled. */
export async function markExportRunning(em: EntityManager, id: string): Promise<ExportRow | null> {
  const rows = await updateReturning<{ id: string }[]>(
    em,
    `UPDATE privacy_exports SET status = 'running', started_at = now(), progress = 0
      WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
    [id],
  );
  return rows.length ? findExport(em, id) : null;
}

export async function setExportProgress(
  em: EntityManager,
  id: string,
  progress: number,
): Promise<void> {
  await em.query(`UPDATE privacy_exports SET progress = $2 WHERE id = $1 AND status = 'running'`, [
    id,
    progress,
  ]);
}

export async function markExportReady(
  em: EntityManager,
  id: string,
  fileKey: string,
  sizeBytes: number,
  linkHours: number,
): Promise<Date | null> {
  const rows = await updateReturning<{ expires_at: Date }[]>(
    em,
    `UPDATE privacy_exports
        SET status = 'ready', progress = 100, file_key = $2, size_bytes = $3, error = NULL,
            finished_at = now(), expires_at = now() + make_interval(hours => $4)
      WHERE id = $1 AND status = 'running' RETURNING expires_at`,
    [id, fileKey, sizeBytes, linkHours],
  );
  return rows[0]?.expires_at ?? null;
}

export async function markExportFailed(
  em: EntityManager,
  id: string,
  error: string,
): Promise<void> {
  await em.query(
    `UPDATE privacy_exports SET status = 'failed', error = $2, finished_at = now()
      WHERE id = $1 AND status IN ('queued', 'running')`,
    [id, error],
  );
}

/**
 * Ready exports whose link has run out, and failed ones as old as a link, become expired: the
 * email address goes and the file key is returned for the caller to delete the file.
 */
export async function expireExports(
  em: EntityManager,
  linkHours: number,
): Promise<{ id: string; file_key: string | null }[]> {
  return updateReturning<{ id: string; file_key: string | null }[]>(
    em,
    `WITH due AS (
       SELECT id, file_key FROM privacy_exports
        WHERE (status = 'ready' AND expires_at <= now())
           OR (status = 'failed' AND created_at <= now() - make_interval(hours => $1))
        FOR UPDATE SKIP LOCKED)
     UPDATE privacy_exports e
        SET status = 'expired', subject_email = NULL, file_key = NULL
       FROM due WHERE e.id = due.id
     RETURNING e.id, due.file_key`,
    [linkHours],
  );
}
