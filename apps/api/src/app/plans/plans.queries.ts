import type { DocumentKind, PublicFocusAreaDto, PublicGoalDto } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { withDates, type JsonRow } from '../database/json-rows';
import { ROLL_UP } from '../initiatives/roll-up.statement';
import { publicPageStatement } from './public-page.statement';

/** A village as the document rules need it, with its public address once it has one. */
export interface DocumentVillage {
  id: string;
  name: string;
  municipalityId: string;
  slug: string | null;
}

export async function findDocumentVillage(
  em: EntityManager,
  villageId: string,
): Promise<DocumentVillage | null> {
  const [row] = await em.query<
    { id: string; name: string; municipality_id: string; slug: string | null }[]
  >(
    `SELECT v.id, v.name, v.municipality_id, p.slug
       FROM villages v LEFT JOIN village_public_pages p ON p.village_id = v.id
      WHERE v.id = $1`,
    [villageId],
  );
  return row
    ? { id: row.id, name: row.name, municipalityId: row.municipality_id, slug: row.slug }
    : null;
}

/** A document's draft, who saved it last, and its published version in short. */
export interface DocumentRow {
  id: string;
  village_id: string;
  kind: DocumentKind;
  year: number;
  draft: unknown;
  revision: number;
  published_version: number | null;
  updated_at: Date;
  updated_by_id: string | null;
  updated_by_name: string | null;
  updated_by_email: string | null;
  published_at: Date | null;
  published_revision: number | null;
  published_by_id: string | null;
  published_by_name: string | null;
  published_by_email: string | null;
}

const DOCUMENT_SELECT = `SELECT d.id, d.village_id, d.kind, d.year, d.draft, d.revision, d.published_version,
         d.updated_at, u.id AS updated_by_id, u.name AS updated_by_name, u.email AS updated_by_email,
         pv.published_at, pv.revision AS published_revision, pu.id AS published_by_id,
         pu.name AS published_by_name, pu.email AS published_by_email
    FROM village_documents d
    LEFT JOIN users u ON u.id = d.updated_by
    LEFT JOIN village_document_versions pv
      ON pv.document_id = d.id AND pv.version = d.published_version
    LEFT JOIN users pu ON pu.id = pv.published_by`;

/**
 * The village (as findDocumentVillage) and, in the same statement, its document of a kind and
 * year (as findDocument, without the lock): the document page's one statement. The document is
 * read whoever asks; the caller shows it only to those who may read the village.
 */
export async function findVillageAndDocument(
  em: EntityManager,
  villageId: string,
  kind: DocumentKind,
  year: number,
): Promise<{ village: DocumentVillage; document: DocumentRow | null } | null> {
  const [row] = await em.query<
    {
      id: string;
      name: string;
      municipality_id: string;
      slug: string | null;
      document: JsonRow<DocumentRow, 'updated_at' | 'published_at'> | null;
    }[]
  >(
    `SELECT v.id, v.name, v.municipality_id, p.slug,
            (SELECT row_to_json(x) FROM (
               ${DOCUMENT_SELECT} WHERE d.village_id = v.id AND d.kind = $2 AND d.year = $3
             ) x) AS document
       FROM villages v LEFT JOIN village_public_pages p ON p.village_id = v.id
      WHERE v.id = $1`,
    [villageId, kind, year],
  );
  if (!row) return null;
  const { document } = row;
  return {
    village: { id: row.id, name: row.name, municipalityId: row.municipality_id, slug: row.slug },
    document: document && withDates(document, ['updated_at', 'published_at']),
  };
}

/** The village's document of a kind and year; with `lock`, locked for the transaction. */
export async function findDocument(
  em: EntityManager,
  villageId: string,
  kind: DocumentKind,
  year: number,
  lock = false,
): Promise<DocumentRow | null> {
  const [row] = await em.query<DocumentRow[]>(
    `${DOCUMENT_SELECT} WHERE d.village_id = $1 AND d.kind = $2 AND d.year = $3
     ${lock ? 'FOR UPDATE OF d' : ''}`,
    [villageId, kind, year],
  );
  return row ?? null;
}

/** Every document of a village, for its page in the app. */
export async function findVillageDocuments(
  em: EntityManager,
  villageId: string,
): Promise<DocumentRow[]> {
  return em.query<DocumentRow[]>(
    `${DOCUMENT_SELECT} WHERE d.village_id = $1 ORDER BY d.kind, d.year DESC`,
    [villageId],
  );
}

/** Makes the document if it is not there yet (revision 0, the kind's empty content). */
export async function ensureDocument(
  em: EntityManager,
  villageId: string,
  kind: DocumentKind,
  year: number,
  empty: unknown,
): Promise<void> {
  await em.query(
    `INSERT INTO village_documents (village_id, kind, year, draft) VALUES ($1, $2, $3, $4)
     ON CONFLICT (village_id, kind, year) DO NOTHING`,
    [villageId, kind, year, JSON.stringify(empty)],
  );
}

export interface VersionRow {
  version: number;
  revision: number;
  content: unknown;
  published_at: Date;
  published_by_id: string | null;
  published_by_name: string | null;
  published_by_email: string | null;
}

const VERSION_SELECT = `SELECT v.version, v.revision, v.content, v.published_at,
         u.id AS published_by_id, u.name AS published_by_name, u.email AS published_by_email
    FROM village_document_versions v LEFT JOIN users u ON u.id = v.published_by`;

/** One page of a document's published versions, newest first, and the total. */
export async function findVersions(
  em: EntityManager,
  documentId: string,
  page: { skip: number; take: number },
): Promise<{ rows: VersionRow[]; total: number }> {
  const rows = await em.query<(VersionRow & { total: number })[]>(
    `${VERSION_SELECT.replace('SELECT', 'SELECT count(*) OVER ()::int AS total,')}
      WHERE v.document_id = $1 ORDER BY v.version DESC LIMIT $2 OFFSET $3`,
    [documentId, page.take, page.skip],
  );
  return {
    rows,
    total: rows[0]?.total ?? (await countRows(em, 'village_document_versions', documentId)),
  };
}

export async function findVersion(
  em: EntityManager,
  documentId: string,
  version: number,
): Promise<VersionRow | null> {
  const [row] = await em.query<VersionRow[]>(
    `${VERSION_SELECT} WHERE v.document_id = $1 AND v.version = $2`,
    [documentId, version],
  );
  return row ?? null;
}

export async function nextVersionNumber(em: EntityManager, documentId: string): Promise<number> {
  const [{ next }] = await em.query<{ next: number }[]>(
    `SELECT coalesce(max(version), 0)::int + 1 AS next FROM village_document_versions WHERE document_id = $1`,
    [documentId],
  );
  return next;
}

export interface ChangeRow {
  id: string;
  revision: number;
  summary: string;
  changed_at: Date;
  changed_by_id: string | null;
  changed_by_name: string | null;
  changed_by_email: string | null;
}

/** One page of a document's history, newest first, and the total. */
export async function findChanges(
  em: EntityManager,
  documentId: string,
  page: { skip: number; take: number },
): Promise<{ rows: ChangeRow[]; total: number }> {
  const rows = await em.query<(ChangeRow & { total: number })[]>(
    `SELECT count(*) OVER ()::int AS total, c.id, c.revision, c.summary, c.changed_at,
            u.id AS changed_by_id, u.name AS changed_by_name, u.email AS changed_by_email
       FROM village_document_changes c LEFT JOIN users u ON u.id = c.changed_by
      WHERE c.document_id = $1
      ORDER BY c.changed_at DESC, c.revision DESC, c.id DESC LIMIT $2 OFFSET $3`,
    [documentId, page.take, page.skip],
  );
  return {
    rows,
    total: rows[0]?.total ?? (await countRows(em, 'village_document_changes', documentId)),
  };
}

/** The total of a page past the end (where the window function has no row to speak from). */
async function countRows(
  em: EntityManager,
  table: 'village_document_versions' | 'village_document_changes',
  documentId: string,
): Promise<number> {
  const [{ total }] = await em.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM ${table} WHERE document_id = $1`,
    [documentId],
  );
  return total;
}

/** An image with what its access rule needs: the document's village and what is published. */
export interface ImageRow {
  id: string;
  mime: string;
  data: Buffer;
  kind: DocumentKind;
  village_id: string;
  municipality_id: string;
  published_content: unknown;
}

export async function findImage(em: EntityManager, id: string): Promise<ImageRow | null> {
  const [row] = await em.query<ImageRow[]>(
    `SELECT i.id, i.mime, i.data, d.kind, d.village_id, v.municipality_id,
            pv.content AS published_content
       FROM village_document_images i
       JOIN village_documents d ON d.id = i.document_id
       JOIN villages v ON v.id = d.village_id
       LEFT JOIN village_document_versions pv
         ON pv.document_id = d.id AND pv.version = d.published_version
      WHERE i.id = $1`,
    [id],
  );
  return row ?? null;
}

/** Whether a slug is free; used while making a village's public address. */
export async function slugTaken(em: EntityManager, slug: string): Promise<boolean> {
  const rows = await em.query<{ slug: string }[]>(
    `SELECT slug FROM village_public_pages WHERE slug = $1`,
    [slug],
  );
  return rows.length > 0;
}

export interface PublishedDocument {
  version: number;
  revision: number;
  content: unknown;
  publishedAt: string;
}

/** A village's public page: what is published, and its goals (current) when the plan is. */
export interface PublicPageRow {
  village_id: string;
  slug: string;
  village_name: string;
  municipality_name: string;
  plan: PublishedDocument | null;
  story: PublishedDocument | null;
  goal_count: number;
  goals: PublicGoalDto[];
  focus_areas: PublicFocusAreaDto[];
}

/** How many of each the public page shows. */
export interface PublicPageLimits {
  goals: number;
  focusAreas: number;
  initiatives: number;
}

/**
 * Everything the public page shows, in one statement whatever the number of goals: the
 * village, the published plan and story (never a draft), and, with the plan, the goals (read
 * from the goals module's table; at most `goalLimit`, oldest first as the village wrote them)
 * and their count, and the focus areas (in their order, with the initiatives module's weighted
 * roll-up) with their initiatives (title, status, progress, next milestone and the goals they
 * serve; never a person: see `plan-live-parts.ts`).
 */
export async function findPublicPage(
  em: EntityManager,
  slug: string,
  limits: PublicPageLimits,
): Promise<PublicPageRow | null> {
  const [row] = await em.query<PublicPageRow[]>(publicPageStatement(ROLL_UP), [
    slug,
    limits.goals,
    limits.focusAreas,
    limits.initiatives,
  ]);
  return row ?? null;
}

/** The SDGs' Danish names, by number, for the PDF. */
export async function findSdgNames(em: EntityManager): Promise<Map<number, string>> {
  const rows = await em.query<{ number: number; name_da: string }[]>(
    `SELECT number, name_da FROM sdgs ORDER BY number`,
  );
  return new Map(rows.map((row) => [Number(row.number), row.name_da]));
}

/**
 * The images a published page shows, for its PDF: only those of the village's published
 * documents (an id from elsewhere finds nothing).
 */
export async function findPublishedImages(
  em: EntityManager,
  villageId: string,
  ids: string[],
): Promise<Map<string, Buffer>> {
  if (!ids.length) return new Map();
  const rows = await em.query<{ id: string; data: Buffer }[]>(
    `SELECT i.id, i.data FROM village_document_images i
       JOIN village_documents d ON d.id = i.document_id
      WHERE d.village_id = $1 AND d.published_version IS NOT NULL AND i.id = ANY ($2::uuid[])`,
    [villageId, ids],
  );
  return new Map(rows.map((row) => [row.id, row.data]));
}
