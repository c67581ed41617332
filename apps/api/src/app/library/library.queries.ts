import type { LibraryLinkTarget, Phase } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { readableCirclesSql } from '../access/circle-visibility';
import { contentVisibleSql, courseVisibleSql, moduleVisibleSql } from '../access/course-visibility';
import { readableNewsletterSql } from '../access/newsletter-visibility';
import { likePattern } from '../common/pagination';
import { NEWSLETTER_SCOPE_SQL } from '../newsletters/newsletters.queries';

/** A document with its newest version, as the list and the detail read it. */
export interface LibraryDocumentRow {
  id: string;
  phase: Phase;
  kind: string;
  title: string;
  description: string;
  current_version: number;
  updated_at: Date;
  version_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
}

export interface LibraryVersionRow {
  id: string;
  number: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  note: string;
  uploaded_by_name: string | null;
  created_at: Date;
}

const DOCUMENT_COLUMNS = `
  d.id, d.phase, d.kind, d.title, d.description, d.current_version, d.updated_at,
  v.id AS version_id, v.file_name, v.media_type, v.size_bytes`;

const WITH_CURRENT = `
  FROM library_documents d
  JOIN library_document_versions v ON v.document_id = d.id AND v.number = d.current_version`;

/**
 * The Danish search text of a document: its title (weight A), description (B) and newest file's
 * name (C, with dots, dashes and underscores as spaces, so "forretningsorden_styregruppe.docx"
 * is two words).
 */
const SEARCH_VECTOR = `(
  setweight(to_tsvector('danish', d.title), 'A')
  || setweight(to_tsvector('danish', d.description), 'B')
  || setweight(to_tsvector('danish', translate(v.file_name, '._-', '   ')), 'C'))`;

/**
 * One page of documents: with `q`, those matching it in Danish full text (stems: "fremtidsværksted"
 * finds "fremtidsværkstedet") or holding it in the title or description (a word being typed), best match first; else by phase and title.
 */
export async function searchLibrary(
  db: EntityManager,
  filter: { q: string | null; phase: Phase | null },
  window: { skip: number; take: number },
): Promise<{ rows: LibraryDocumentRow[]; total: number }> {
  const params: unknown[] = [filter.phase, filter.q, filter.q ? likePattern(filter.q) : null];
  const where = `
    WHERE ($1::varchar IS NULL OR d.phase = $1)
      AND ($2::text IS NULL
           OR ${SEARCH_VECTOR} @@ websearch_to_tsquery('danish', $2)
           OR d.title ILIKE $3 OR d.description ILIKE $3)`;
  const rows: (LibraryDocumentRow & { total: string })[] = await db.query(
    `SELECT ${DOCUMENT_COLUMNS}, count(*) OVER () AS total
       ${WITH_CURRENT}
       ${where}
      ORDER BY CASE WHEN $2::text IS NULL THEN 0
                    ELSE ts_rank(${SEARCH_VECTOR}, websearch_to_tsquery('danish', $2)) END DESC,
               array_position(ARRAY['kickoff','mobilisation','mapping','facilitation','organisation']::varchar[], d.phase),
               d.title, d.id
      LIMIT $4 OFFSET $5`,
    [...params, window.take, window.skip],
  );
  if (rows.length > 0 || window.skip === 0) {
    return { rows, total: rows.length > 0 ? Number(rows[0].total) : 0 };
  }
  const [count]: { total: string }[] = await db.query(
    `SELECT count(*) AS total ${WITH_CURRENT} ${where}`,
    params,
  );
  return { rows, total: Number(count.total) };
}

export async function libraryDocumentById(
  db: EntityManager,
  id: string,
): Promise<LibraryDocumentRow | null> {
  const rows: LibraryDocumentRow[] = await db.query(
    `SELECT ${DOCUMENT_COLUMNS} ${WITH_CURRENT} WHERE d.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** A document's versions, newest first, with the uploader's name. */
export async function libraryVersionsOf(
  db: EntityManager,
  documentId: string,
): Promise<LibraryVersionRow[]> {
  return db.query(
    `SELECT v.id, v.number, v.file_name, v.media_type, v.size_bytes, v.note, v.created_at,
            u.name AS uploaded_by_name
       FROM library_document_versions v
       LEFT JOIN users u ON u.id = v.uploaded_by
      WHERE v.document_id = $1
      ORDER BY v.number DESC`,
    [documentId],
  );
}

/** Takes the next version number of a document under its row lock; null when it is gone. */
export async function nextLibraryVersion(
  db: EntityManager,
  documentId: string,
): Promise<number | null> {
  const rows: { current_version: number }[] = await db.query(
    `SELECT current_version FROM library_documents WHERE id = $1 FOR UPDATE`,
    [documentId],
  );
  return rows.length ? rows[0].current_version + 1 : null;
}

/** Whether the session, lesson or newsletter a link would point at exists. */
export async function libraryLinkTargetExists(
  db: EntityManager,
  target: LibraryLinkTarget,
  targetId: string,
): Promise<boolean> {
  const table = { session: 'circle_sessions', lesson: 'lessons', newsletter: 'newsletters' }[
    target
  ];
  const rows: unknown[] = await db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [targetId]);
  return rows.length > 0;
}

/**
 * Whether the actor may read the session, lesson or newsletter: the same conditions as the
 * session page (a circle they take part in), the lesson page (course, module and lesson visible
 * to them) and the newsletter archive. Only then may they see what it links to.
 */
export async function libraryLinkTargetReadable(
  db: EntityManager,
  actor: Actor,
  target: LibraryLinkTarget,
  targetId: string,
): Promise<boolean> {
  const sql = {
    session: `SELECT 1 FROM circle_sessions s JOIN circles c ON c.id = s.circle_id
               WHERE s.id = $1 AND ${readableCirclesSql(actor, 'c', '$2')}`,
    lesson: `SELECT 1 FROM lessons l
               JOIN course_modules m ON m.id = l.module_id
               JOIN courses c ON c.id = m.course_id
              WHERE l.id = $1 AND ${contentVisibleSql(actor.role, 'l')}
                AND ${moduleVisibleSql(actor.role, 'm', '$2')}
                AND ${courseVisibleSql(actor.role, 'c', '$2')}`,
    // Every placeholder gets a type, whichever branch the role picked.
    newsletter: `SELECT 1 FROM newsletters n
                  WHERE n.id = $1
                    AND ${readableNewsletterSql(actor.role, { user: '$2', village: '$3', municipality: '$4' }, NEWSLETTER_SCOPE_SQL)}
                    AND ($3::uuid IS NULL OR TRUE) AND ($4::uuid IS NULL OR TRUE)`,
  }[target];
  const params =
    target === 'newsletter'
      ? [targetId, actor.id, actor.villageId, actor.municipalityId]
      : [targetId, actor.id];
  const rows: unknown[] = await db.query(sql, params);
  return rows.length > 0;
}

/** The documents linked from one session, lesson or newsletter, by phase and title. */
export async function libraryDocumentsLinkedTo(
  db: EntityManager,
  target: LibraryLinkTarget,
  targetId: string,
  window: { skip: number; take: number },
): Promise<{ rows: LibraryDocumentRow[]; total: number }> {
  const rows: (LibraryDocumentRow & { total: string })[] = await db.query(
    `SELECT ${DOCUMENT_COLUMNS}, count(*) OVER () AS total
       ${WITH_CURRENT}
       JOIN library_links l ON l.document_id = d.id
      WHERE l.target = $1 AND l.target_id = $2
      ORDER BY l.created_at, d.title, d.id
      LIMIT $3 OFFSET $4`,
    [target, targetId, window.take, window.skip],
  );
  return { rows, total: rows.length ? Number(rows[0].total) : 0 };
}

/** Adds a link; one that exists already stays as it is. */
export async function insertLibraryLink(
  db: EntityManager,
  link: { documentId: string; target: LibraryLinkTarget; targetId: string; createdBy: string },
): Promise<void> {
  await db.query(
    `INSERT INTO library_links (document_id, target, target_id, created_by)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [link.documentId, link.target, link.targetId, link.createdBy],
  );
}
