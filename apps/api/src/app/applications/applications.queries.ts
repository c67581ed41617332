import { MAX_PAGE_SIZE, type ApplicationStatus, type Role } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { sqlWhere } from '../common/sql-where';
import type { Application } from '../database/entities/applications';
import type { OfferingRow } from './offering-rules';

/**
 * The SQL of applications: the form's options, the pipeline, an application with its people,
 * and the decisions' guarded updates. Each function takes the manager to run on, so it joins
 * the caller's transaction when there is one.
 */

/** An application with the names the pipeline shows beside it. */
export interface ApplicationRow {
  id: string;
  status: ApplicationStatus;
  offering_id: string;
  offering_name: string;
  offering_starts_on: string | null;
  offering_price_dkk: number;
  village_id: string | null;
  village_name: string;
  new_village: boolean;
  municipality_id: string;
  municipality_name: string;
  contact_name: string;
  contact_email: string;
  funding_status: Application['fundingStatus'];
  agreement_key: string | null;
  agreement_name: string | null;
  agreement_mime: string | null;
  agreement_size: number | null;
  cooperation_text: string;
  cooperation_confirmed_by_id: string | null;
  cooperation_confirmed_by_name: string | null;
  cooperation_confirmed_at: Date | null;
  override_reason: string | null;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  applicant_name: string;
  applicant_email: string;
  created_at: Date;
  updated_at: Date;
}

/** A person named in an application. */
export interface PersonRow {
  id: string;
  application_id: string;
  name: string;
  email: string;
  position: string | null;
  user_id: string | null;
}

/** An offering as the form and the intake check it. */
export type OfferingOption = OfferingRow & { id: string; name: string };

/** An existing account with one of the emails an application names. */
export interface AccountRow {
  email: string;
  role: Role;
  village_id: string | null;
  village_name: string | null;
}

/** The pipeline's filters; `municipalityId` values are all applied (scope and choice). */
export interface ApplicationFilter {
  municipalityIds: string[];
  offeringId?: string;
  q?: string;
  status?: ApplicationStatus;
}

const SELECT_APPLICATION = `
  SELECT a.*, o.name AS offering_name, o.starts_on::text AS offering_starts_on,
         o.price_dkk AS offering_price_dkk, m.name AS municipality_name,
         COALESCE(v.name, a.village_name) AS village_name,
         cu.name AS cooperation_confirmed_by_name, du.name AS decided_by_name
    FROM applications a
    JOIN offerings o ON o.id = a.offering_id
    JOIN municipalities m ON m.id = a.municipality_id
    LEFT JOIN villages v ON v.id = a.village_id
    LEFT JOIN users cu ON cu.id = a.cooperation_confirmed_by_id
    LEFT JOIN users du ON du.id = a.decided_by_id`;

const OFFERING_COLUMNS = `o.id, o.name, o.kind, o.starts_on::text AS starts_on,
  o.ends_on::text AS ends_on, o.capacity, o.price_dkk, o.published_at, o.closed_at,
  o.enrol_closes_at`;

/** Published, unclosed cohorts with the places they hold, for the form (at most 50). */
export function openCohorts(db: EntityManager): Promise<(OfferingOption & { held: number })[]> {
  return db.query(
    `SELECT ${OFFERING_COLUMNS},
            (SELECT count(*)::int FROM enrolments e
              WHERE e.offering_id = o.id AND e.status IN ('pending', 'enrolled')) AS held
       FROM offerings o
      WHERE o.kind = 'cohort' AND o.published_at IS NOT NULL AND o.closed_at IS NULL
      ORDER BY o.starts_on NULLS LAST, o.name
      LIMIT 50`,
  );
}

/** Every municipality by name (Denmark has 98, so one bounded list). */
export function municipalityOptions(db: EntityManager): Promise<{ id: string; name: string }[]> {
  return db.query(`SELECT id, name FROM municipalities ORDER BY name, id LIMIT ${MAX_PAGE_SIZE}`);
}

/** One page of a municipality's villages by name, optionally searched, with the total. */
export async function villagePage(
  db: EntityManager,
  municipalityId: string,
  pattern: string | null,
  skip: number,
  take: number,
): Promise<{ rows: { id: string; name: string; cohort_id: string | null }[]; total: number }> {
  const params: unknown[] = [municipalityId];
  let where = 'v.municipality_id = $1';
  if (pattern) {
    params.push(pattern);
    where += ` AND v.name ILIKE $${params.length}`;
  }
  const [{ n }] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM villages v WHERE ${where}`,
    params,
  );
  const rows = await db.query<{ id: string; name: string; cohort_id: string | null }[]>(
    `SELECT v.id, v.name, v.cohort_id FROM villages v WHERE ${where}
      ORDER BY v.name, v.id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
    [...params, skip, take],
  );
  return { rows, total: n };
}

export async function offeringById(
  db: EntityManager,
  id: string,
): Promise<OfferingOption | undefined> {
  const [offering] = await db.query<OfferingOption[]>(
    `SELECT ${OFFERING_COLUMNS} FROM offerings o WHERE o.id = $1`,
    [id],
  );
  return offering;
}

/** Whether the municipality has a village of this name, compared as the unique index does. */
export async function villageNameExists(
  db: EntityManager,
  name: string,
  municipalityId: string,
): Promise<boolean> {
  const rows = await db.query<unknown[]>(
    `SELECT 1 FROM villages WHERE municipality_id = $1 AND lower(name) = lower($2) LIMIT 1`,
    [municipalityId, name],
  );
  return rows.length > 0;
}

/** The accounts that already use any of these (lower-case) emails, with their village. */
export function accountsByEmail(db: EntityManager, emails: string[]): Promise<AccountRow[]> {
  return db.query(
    `SELECT lower(u.email) AS email, u.role, u.village_id, v.name AS village_name
       FROM users u LEFT JOIN villages v ON v.id = u.village_id
      WHERE lower(u.email) = ANY($1::text[])`,
    [emails],
  );
}

/** The id of the account with this email (any case), if there is one. */
export async function userIdByEmail(db: EntityManager, email: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }[]>(
    `SELECT id FROM users WHERE lower(email) = lower($1)`,
    [email],
  );
  return row?.id ?? null;
}

export async function applicationById(
  db: EntityManager,
  id: string,
): Promise<ApplicationRow | undefined> {
  const [row] = await db.query<ApplicationRow[]>(`${SELECT_APPLICATION} WHERE a.id = $1`, [id]);
  return row;
}

/**
 * One page of the pipeline, newest first, and the count per status over the same filters
 * without the status (the tabs show every status's count).
 */
export async function applicationPage(
  db: EntityManager,
  filter: ApplicationFilter,
  skip: number,
  take: number,
): Promise<{ rows: ApplicationRow[]; counts: { status: ApplicationStatus; n: number }[] }> {
  const { where, params, add, search } = sqlWhere();
  for (const id of filter.municipalityIds) add('a.municipality_id = ?', id);
  if (filter.offeringId) add('a.offering_id = ?', filter.offeringId);
  if (filter.q) search(['COALESCE(v.name, a.village_name)', 'a.contact_name'], filter.q);
  const base = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const counts = await db.query<{ status: ApplicationStatus; n: number }[]>(
    `SELECT a.status, count(*)::int AS n
       FROM applications a LEFT JOIN villages v ON v.id = a.village_id
       ${base} GROUP BY a.status`,
    params,
  );
  if (filter.status) add('a.status = ?', filter.status);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = await db.query<ApplicationRow[]>(
    `${SELECT_APPLICATION} ${whereSql}
      ORDER BY a.created_at DESC, a.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, take, skip],
  );
  return { rows, counts };
}

/** The people of each application, in the order they were given. */
export async function peopleOf(
  db: EntityManager,
  ids: string[],
): Promise<Map<string, PersonRow[]>> {
  const out = new Map<string, PersonRow[]>();
  if (!ids.length) return out;
  const rows = await db.query<PersonRow[]>(
    `SELECT id, application_id, name, email, position, user_id FROM application_people
      WHERE application_id = ANY($1::uuid[]) ORDER BY sort, email`,
    [ids],
  );
  for (const r of rows) {
    const list = out.get(r.application_id) ?? [];
    list.push(r);
    out.set(r.application_id, list);
  }
  return out;
}

/** The application's status under a row lock, so two decisions on it take turns. */
export async function lockedStatus(
  em: EntityManager,
  id: string,
): Promise<ApplicationStatus | undefined> {
  const [row] = await em.query<{ status: ApplicationStatus }[]>(
    `SELECT status FROM applications WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return row?.status;
}

/**
 * Ends an undecided application (rejected or withdrawn) and retires its upload link; false when
 * it was decided already.
 */
export async function closeUndecided(
  db: EntityManager,
  id: string,
  status: ApplicationStatus.Rejected | ApplicationStatus.Withdrawn,
  decidedById: string | null,
  note: string | null,
): Promise<boolean> {
  const [updated] = await db.query<[unknown[], number]>(
    `UPDATE applications
        SET status = $4, decided_by_id = $2, decided_at = now(), decision_note = $3,
            upload_token_hash = NULL, updated_at = now()
      WHERE id = $1 AND status = 'submitted' RETURNING id`,
    [id, decidedById, note, status],
  );
  return updated.length > 0;
}

/** An application whose stored agreement file and address are due for deletion. */
export interface DecidedWithFile {
  id: string;
  agreement_key: string | null;
}

/**
 * Retention (issue 17): at most `limit` applications decided (approved, rejected or withdrawn)
 * more than `days` before `now` that still keep an agreement file or the applicant's IP address.
 */
export async function decidedWithFiles(
  em: EntityManager,
  now: Date,
  days: number,
  limit: number,
): Promise<DecidedWithFile[]> {
  return em.query<DecidedWithFile[]>(
    `SELECT id, agreement_key FROM applications
      WHERE status IN ('approved', 'rejected', 'withdrawn')
        AND decided_at < $1::timestamptz - make_interval(days => $2)
        AND (agreement_key IS NOT NULL OR ip IS NOT NULL)
      ORDER BY decided_at, id
      LIMIT $3`,
    [now, days, limit],
  );
}

/** Forgets these applications' agreement files and IP addresses; returns how many changed. */
export async function clearFilesAndIp(em: EntityManager, ids: string[]): Promise<number> {
  const [, changed] = await em.query<[unknown, number]>(
    `UPDATE applications
        SET agreement_key = NULL, agreement_name = NULL, agreement_mime = NULL,
            agreement_size = NULL, ip = NULL, updated_at = now()
      WHERE id = ANY($1::uuid[]) AND (agreement_key IS NOT NULL OR ip IS NOT NULL)`,
    [ids],
  );
  return changed;
}
