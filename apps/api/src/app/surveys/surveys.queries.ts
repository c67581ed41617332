import type { SurveyOwnerKind, SurveyPageDto, SurveyPurpose, SurveyStatus } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '../common/update-returning.queries';

/** A survey as the service reads it: its owner's names, counts and last save. */
export interface SurveyRow {
  id: string;
  owner_kind: SurveyOwnerKind;
  village_id: string | null;
  village_name: string | null;
  /** The municipality's survey's, or the village's municipality. */
  municipality_id: string | null;
  municipality_name: string | null;
  purpose: SurveyPurpose;
  title: string;
  intro: string;
  status: SurveyStatus;
  opens_at: Date | null;
  closes_at: Date | null;
  anonymous_link: boolean;
  public_token: string;
  /** Only when read with pages. */
  pages?: SurveyPageDto[];
  copied_from_id: string | null;
  response_count: number;
  question_count: number;
  version: number;
  updated_at: Date;
  updated_by_id: string | null;
  updated_by_name: string | null;
  updated_by_email: string | null;
}

const QUESTION_COUNT = `(SELECT count(*)::int FROM jsonb_array_elements(s.pages) pg,
                              jsonb_array_elements(pg->'questions') qn
                        WHERE qn->>'kind' <> 'info')`;

function surveySelect(withPages: boolean): string {
  return `SELECT s.id, s.owner_kind, s.village_id, v.name AS village_name,
                 coalesce(s.municipality_id, v.municipality_id) AS municipality_id,
                 m.name AS municipality_name, s.purpose, s.title, s.intro, s.status, s.opens_at,
                 s.closes_at, s.anonymous_link, s.public_token, ${withPages ? 's.pages,' : ''}
                 s.copied_from_id,
                 (SELECT count(*)::int FROM survey_responses r WHERE r.survey_id = s.id) AS response_count,
                 ${QUESTION_COUNT} AS question_count,
                 s.version, s.updated_at, u.id AS updated_by_id, u.name AS updated_by_name,
                 u.email AS updated_by_email
            FROM surveys s
            LEFT JOIN villages v ON v.id = s.village_id
            LEFT JOIN municipalities m ON m.id = coalesce(s.municipality_id, v.municipality_id)
            LEFT JOIN users u ON u.id = s.updated_by`;
}

/** One survey with its pages; with `lock`, its row is locked for the transaction. */
export async function findSurvey(
  em: EntityManager,
  id: string,
  lock = false,
): Promise<SurveyRow | null> {
  const [row] = await em.query<SurveyRow[]>(
    `${surveySelect(true)} WHERE s.id = $1 ${lock ? 'FOR UPDATE OF s' : ''}`,
    [id],
  );
  return row ?? null;
}

/** Whose surveys a list shows. */
export type SurveyListOwner =
  | { kind: 'village'; villageId: string }
  | { kind: 'municipality'; municipalityId: string }
  | { kind: 'template' };

/** One page of an owner's surveys, newest first, without pages; one statement with the total. */
export async function findSurveys(
  em: EntityManager,
  owner: SurveyListOwner,
  page: { skip: number; take: number; q: string | null },
): Promise<{ rows: SurveyRow[]; total: number }> {
  const where =
    owner.kind === 'village'
      ? `s.village_id = $1`
      : owner.kind === 'municipality'
        ? `s.owner_kind = 'municipality' AND s.municipality_id = $1`
        : `s.owner_kind = 'template' AND $1::text IS NULL`;
  const rows = await em.query<(SurveyRow & { total: number })[]>(
    `${surveySelect(false).replace('SELECT ', 'SELECT count(*) OVER ()::int AS total, ')}
      WHERE ${where} AND ($4::text IS NULL OR s.title ILIKE $4)
      ORDER BY s.created_at DESC, s.id LIMIT $2 OFFSET $3`,
    [
      owner.kind === 'village'
        ? owner.villageId
        : owner.kind === 'municipality'
          ? owner.municipalityId
          : null,
      page.take,
      page.skip,
      page.q,
    ],
  );
  return { rows, total: rows[0]?.total ?? (page.skip ? await countSurveys(em, where, owner) : 0) };
}

async function countSurveys(
  em: EntityManager,
  where: string,
  owner: SurveyListOwner,
): Promise<number> {
  const [{ total }] = await em.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM surveys s WHERE ${where}`,
    [
      owner.kind === 'village'
        ? owner.villageId
        : owner.kind === 'municipality'
          ? owner.municipalityId
          : null,
    ],
  );
  return total;
}

/** A village and its municipality, or null. */
export async function findVillageRef(
  em: EntityManager,
  villageId: string,
): Promise<{ id: string; municipalityId: string } | null> {
  const [row] = await em.query<{ id: string; municipality_id: string }[]>(
    `SELECT id, municipality_id FROM villages WHERE id = $1`,
    [villageId],
  );
  return row ? { id: row.id, municipalityId: row.municipality_id } : null;
}

export async function municipalityExists(em: EntityManager, id: string): Promise<boolean> {
  const rows = await em.query<unknown[]>(`SELECT 1 FROM municipalities WHERE id = $1`, [id]);
  return rows.length > 0;
}

export interface NewSurvey {
  ownerKind: SurveyOwnerKind;
  villageId: string | null;
  municipalityId: string | null;
  purpose: SurveyPurpose;
  title: string;
  intro: string;
  pages: SurveyPageDto[];
  copiedFromId: string | null;
  publicToken: string;
  actorId: string;
}

export async function insertSurvey(em: EntityManager, s: NewSurvey): Promise<string> {
  const [row] = await em.query<{ id: string }[]>(
    `INSERT INTO surveys (owner_kind, village_id, municipality_id, purpose, title, intro, pages,
                          copied_from_id, public_token, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $10) RETURNING id`,
    [
      s.ownerKind,
      s.villageId,
      s.municipalityId,
      s.purpose,
      s.title,
      s.intro,
      JSON.stringify(s.pages),
      s.copiedFromId,
      s.publicToken,
      s.actorId,
    ],
  );
  return row.id;
}

/** The columns a save may change. */
export interface SurveyChanges {
  title?: string;
  intro?: string;
  purpose?: SurveyPurpose;
  status?: SurveyStatus;
  opens_at?: Date | null;
  closes_at?: Date | null;
  anonymous_link?: boolean;
  pages?: SurveyPageDto[];
}

/**
 * Saves the changes and the next version, only if the row still has `version` (the caller holds
 * its lock, so this is belt and braces); false when nothing was saved.
 */
export async function updateSurvey(
  em: EntityManager,
  id: string,
  version: number,
  changes: SurveyChanges,
  actorId: string,
): Promise<boolean> {
  const sets: string[] = [];
  const params: unknown[] = [id, version, actorId];
  for (const [column, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    params.push(column === 'pages' ? JSON.stringify(value) : value);
    sets.push(`${column} = $${params.length}${column === 'pages' ? '::jsonb' : ''}`);
  }
  const rows = await updateReturning<{ id: string }[]>(
    em,
    `UPDATE surveys SET ${[...sets, 'version = version + 1', 'updated_by = $3', 'updated_at = now()'].join(', ')}
      WHERE id = $1 AND version = $2 RETURNING id`,
    params,
  );
  return rows.length > 0;
}

export async function deleteSurvey(em: EntityManager, id: string): Promise<void> {
  await em.query(`DELETE FROM surveys WHERE id = $1`, [id]);
}

/** What the public answering page needs, by the public link's token. */
export interface PublicSurveyRow {
  id: string;
  owner_kind: SurveyOwnerKind;
  status: SurveyStatus;
  opens_at: Date | null;
  closes_at: Date | null;
  anonymous_link: boolean;
  title: string;
  intro: string;
  pages: SurveyPageDto[];
  village_name: string | null;
  municipality_name: string | null;
}

export async function findPublicSurvey(
  em: EntityManager,
  token: string,
): Promise<PublicSurveyRow | null> {
  const [row] = await em.query<PublicSurveyRow[]>(
    `SELECT s.id, s.owner_kind, s.status, s.opens_at, s.closes_at, s.anonymous_link, s.title,
            s.intro, s.pages, v.name AS village_name, m.name AS municipality_name
       FROM surveys s
       LEFT JOIN villages v ON v.id = s.village_id
       LEFT JOIN municipalities m ON m.id = coalesce(s.municipality_id, v.municipality_id)
      WHERE s.public_token = $1`,
    [token],
  );
  return row ?? null;
}
