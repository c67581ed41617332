import type { GatheringAnswers, GatheringQuestion } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { likePattern } from '../common/pagination';

/**
 * The SQL of gatherings and their registrations (issue 16). Each function takes the manager to
 * run on, so it joins the caller's transaction; the capacity checks run under the gathering's
 * row lock (`lockGathering`), so concurrent registrations take turns.
 */

export interface GatheringRow {
  id: string;
  kind: string;
  title: string;
  description: string;
  mode: string;
  address: string | null;
  url: string | null;
  phase: string | null;
  audience: string;
  village_id: string | null;
  village_name: string | null;
  cohort_id: string | null;
  cohort_name: string | null;
  municipality_id: string | null;
  municipality_name: string | null;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  questions: GatheringQuestion[];
  registration_closes_at: Date | null;
  cancelled_at: Date | null;
  minutes: string | null;
  minutes_goal_ids: string[];
  minutes_initiative_ids: string[];
  version: number;
  created_at: Date;
  updated_at: Date;
  /** Who made the current version, when known. */
  updated_by_name: string | null;
  places_taken: number;
  waitlist_count: number;
  checked_in_count: number;
  cohort_municipality_ids: string[];
}

const SELECT_GATHERING = `
  SELECT g.id, g.kind, g.title, g.description, g.mode, g.address, g.url, g.phase, g.audience,
         g.village_id, v.name AS village_name, g.cohort_id, c.name AS cohort_name,
         g.municipality_id, m.name AS municipality_name, g.starts_at, g.ends_at, g.capacity,
         g.questions, g.registration_closes_at, g.cancelled_at, g.minutes,
         g.minutes_goal_ids::text[] AS minutes_goal_ids,
         g.minutes_initiative_ids::text[] AS minutes_initiative_ids,
         g.version, g.created_at, g.updated_at, ub.name AS updated_by_name,
         COALESCE(r.places_taken, 0)::int AS places_taken,
         COALESCE(r.waitlist_count, 0)::int AS waitlist_count,
         COALESCE(r.checked_in, 0)::int AS checked_in_count,
         COALESCE((SELECT array_agg(DISTINCT cv.municipality_id)::text[] FROM villages cv
                    WHERE g.cohort_id IS NOT NULL AND cv.cohort_id = g.cohort_id), '{}') AS cohort_municipality_ids
    FROM gatherings g
    LEFT JOIN villages v ON v.id = g.village_id
    LEFT JOIN cohorts c ON c.id = g.cohort_id
    LEFT JOIN municipalities m ON m.id = g.municipality_id
    LEFT JOIN users ub ON ub.id = g.updated_by
    LEFT JOIN LATERAL (
      SELECT sum(places) FILTER (WHERE status = 'confirmed') AS places_taken,
             count(*) FILTER (WHERE status = 'waitlisted') AS waitlist_count,
             sum(places) FILTER (WHERE checked_in_at IS NOT NULL AND status = 'confirmed') AS checked_in
        FROM gathering_registrations WHERE gathering_id = g.id) r ON TRUE`;

export async function gatheringById(
  db: EntityManager,
  id: string,
): Promise<GatheringRow | undefined> {
  const [row] = await db.query<GatheringRow[]>(`${SELECT_GATHERING} WHERE g.id = $1`, [id]);
  return row;
}

export interface GatheringFilter {
  /** The visibility condition on `g`, using $1 (municipality), $2 (village), $3 (cohort). */
  visible: string;
  actor: { municipalityId: string | null; villageId: string | null; cohortId: string | null };
  kind?: string;
  villageId?: string;
  municipalityId?: string;
  cohortId?: string;
  includePast: boolean;
  /** Only guest audiences, open for registration (the public list). */
  publicOnly?: boolean;
}

export async function gatheringPage(
  db: EntityManager,
  f: GatheringFilter,
  skip: number,
  take: number,
): Promise<{ rows: GatheringRow[]; total: number }> {
  const params: unknown[] = [f.actor.municipalityId, f.actor.villageId, f.actor.cohortId];
  const where = [f.visible];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.kind) add((p) => `g.kind = ${p}`, f.kind);
  if (f.villageId) add((p) => `g.village_id = ${p}::uuid`, f.villageId);
  if (f.municipalityId) add((p) => `g.municipality_id = ${p}::uuid`, f.municipalityId);
  if (f.cohortId) add((p) => `g.cohort_id = ${p}::uuid`, f.cohortId);
  if (!f.includePast) where.push('g.ends_at > now()');
  if (f.publicOnly) {
    where.push(`g.audience IN ('village_panel', 'anyone') AND g.cancelled_at IS NULL`);
  }
  const clause = `WHERE ${where.join(' AND ')}`;
  const [{ n }] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM gatherings g ${clause}`,
    params,
  );
  const rows = await db.query<GatheringRow[]>(
    `${SELECT_GATHERING} ${clause} ORDER BY g.starts_at, g.id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, take, skip],
  );
  return { rows, total: n };
}

/** The cohort of a steering member's village (cohort gatherings need it). */
export async function villageCohort(
  db: EntityManager,
  villageId: string | null,
): Promise<string | null> {
  if (!villageId) return null;
  const [row] = await db.query<{ cohort_id: string | null }[]>(
    `SELECT cohort_id FROM villages WHERE id = $1`,
    [villageId],
  );
  return row?.cohort_id ?? null;
}

export async function villageMunicipality(
  db: EntityManager,
  villageId: string,
): Promise<string | undefined> {
  const [row] = await db.query<{ municipality_id: string }[]>(
    `SELECT municipality_id FROM villages WHERE id = $1`,
    [villageId],
  );
  return row?.municipality_id;
}

export async function exists(
  db: EntityManager,
  table: 'cohorts' | 'municipalities',
  id: string,
): Promise<boolean> {
  const rows = await db.query<unknown[]>(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  return rows.length > 0;
}

export async function cohortMunicipalities(db: EntityManager, cohortId: string): Promise<string[]> {
  const rows = await db.query<{ municipality_id: string }[]>(
    `SELECT DISTINCT municipality_id FROM villages WHERE cohort_id = $1`,
    [cohortId],
  );
  return rows.map((r) => r.municipality_id);
}

/**
 * Bumps the version, made by `actorId`, when it is still `version`; false when someone saved in
 * between.
 */
export async function bumpVersion(
  em: EntityManager,
  id: string,
  version: number,
  actorId: string,
): Promise<boolean> {
  const [rows] = await em.query<[unknown[], number]>(
    `UPDATE gatherings SET version = version + 1, updated_at = now(), updated_by = $3
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, actorId],
  );
  return rows.length > 0;
}

export async function markCancelled(
  em: EntityManager,
  id: string,
  reason: string | null,
  actorId: string,
): Promise<boolean> {
  const [rows] = await em.query<[unknown[], number]>(
    `UPDATE gatherings SET cancelled_at = now(), cancel_reason = $2, version = version + 1,
            updated_at = now(), updated_by = $3
      WHERE id = $1 AND cancelled_at IS NULL RETURNING id`,
    [id, reason, actorId],
  );
  return rows.length > 0;
}

/** Cancels every live registration of a cancelled gathering; gives who to tell. */
export async function cancelAllRegistrations(
  em: EntityManager,
  gatheringId: string,
): Promise<{ name: string; email: string }[]> {
  const [rows] = await em.query<[{ name: string; email: string }[], number]>(
    `UPDATE gathering_registrations SET status = 'cancelled', cancelled_at = now(), updated_at = now()
      WHERE gathering_id = $1 AND status IN ('confirmed', 'waitlisted', 'pending')
      RETURNING name, email`,
    [gatheringId],
  );
  return rows;
}

export async function saveMinutes(
  em: EntityManager,
  id: string,
  minutes: string,
  goalIds: string[],
  initiativeIds: string[],
  actorId: string,
): Promise<void> {
  await em.query(
    `UPDATE gatherings SET minutes = $2, minutes_goal_ids = $3::uuid[],
            minutes_initiative_ids = $4::uuid[], version = version + 1, updated_at = now(),
            updated_by = $5
      WHERE id = $1`,
    [id, minutes || null, goalIds, initiativeIds, actorId],
  );
}

/** The ids among `ids` that belong to the village (goals or initiatives). */
export async function villageOwned(
  db: EntityManager,
  table: 'village_goals' | 'initiatives',
  villageId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ id: string }[]>(
    `SELECT id FROM ${table} WHERE village_id = $1 AND id = ANY($2::uuid[])`,
    [villageId, ids],
  );
  return new Set(rows.map((r) => r.id));
}

// ---- registrations -----------------------------------------------------------------------------

export interface LockedGathering {
  id: string;
  kind: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  cancelled_at: Date | null;
  registration_closes_at: Date | null;
  questions: GatheringQuestion[];
}

/** The gathering under a row lock, so concurrent registrations and cancels take turns. */
export async function lockGathering(
  em: EntityManager,
  id: string,
): Promise<LockedGathering | undefined> {
  const [g] = await em.query<LockedGathering[]>(
    `SELECT id, kind, title, starts_at, ends_at, capacity, cancelled_at, registration_closes_at,
            questions
       FROM gatherings WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return g;
}

export async function placesTaken(em: EntityManager, gatheringId: string): Promise<number> {
  const [{ n }] = await em.query<{ n: number }[]>(
    `SELECT COALESCE(sum(places), 0)::int AS n FROM gathering_registrations
      WHERE gathering_id = $1 AND status = 'confirmed'`,
    [gatheringId],
  );
  return n;
}

export async function waitlistLength(em: EntityManager, gatheringId: string): Promise<number> {
  const [{ n }] = await em.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM gathering_registrations
      WHERE gathering_id = $1 AND status = 'waitlisted'`,
    [gatheringId],
  );
  return n;
}

export interface RegistrationRow {
  id: string;
  gathering_id: string;
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  name: string;
  email: string;
  status: string;
  places: number;
  answers: GatheringAnswers;
  village_name: string | null;
  municipality_name: string | null;
  check_in_code: string;
  checked_in_at: Date | null;
  reminded_at: Date | null;
  created_at: Date;
  updated_at: Date;
  waitlist_position: number | null;
}

const SELECT_REGISTRATION = `
  SELECT r.id, r.gathering_id, r.user_id, u.name AS user_name, u.email AS user_email, r.name,
         r.email, r.status, r.places, r.answers, r.village_name, r.municipality_name,
         r.check_in_code, r.checked_in_at, r.reminded_at, r.created_at, r.updated_at,
         CASE WHEN r.status = 'waitlisted' THEN (
           SELECT count(*)::int FROM gathering_registrations w
            WHERE w.gathering_id = r.gathering_id AND w.status = 'waitlisted' AND w.seq <= r.seq)
         END AS waitlist_position
    FROM gathering_registrations r
    LEFT JOIN users u ON u.id = r.user_id`;

export async function registrationById(
  db: EntityManager,
  id: string,
): Promise<RegistrationRow | undefined> {
  const [row] = await db.query<RegistrationRow[]>(`${SELECT_REGISTRATION} WHERE r.id = $1`, [id]);
  return row;
}

/** The registration of this person (account or address) for the gathering, if any. */
export async function registrationOf(
  db: EntityManager,
  gatheringId: string,
  email: string,
  userId: string | null,
): Promise<RegistrationRow | undefined> {
  const [row] = await db.query<RegistrationRow[]>(
    `${SELECT_REGISTRATION}
      WHERE r.gathering_id = $1 AND (r.email = $2 OR r.user_id = $3::uuid)
      ORDER BY (r.status = 'cancelled'), r.seq LIMIT 1`,
    [gatheringId, email, userId],
  );
  return row;
}

/** The caller's registrations for these gatherings (for the list and the page). */
export async function myRegistrations(
  db: EntityManager,
  gatheringIds: string[],
  userId: string,
): Promise<RegistrationRow[]> {
  if (gatheringIds.length === 0) return [];
  return db.query<RegistrationRow[]>(
    `${SELECT_REGISTRATION} WHERE r.gathering_id = ANY($1::uuid[]) AND r.user_id = $2`,
    [gatheringIds, userId],
  );
}

export async function deleteRegistration(em: EntityManager, id: string): Promise<void> {
  await em.query(`DELETE FROM gathering_registrations WHERE id = $1`, [id]);
}

export interface NewRegistration {
  gatheringId: string;
  userId: string | null;
  name: string;
  email: string;
  status: 'pending' | 'confirmed' | 'waitlisted';
  places: number;
  answers: GatheringAnswers;
  villageName: string | null;
  municipalityName: string | null;
  cancelTokenHash: string;
  confirmTokenHash: string | null;
  checkInCode: string;
  remindedAt: Date | null;
}

export async function insertRegistration(em: EntityManager, r: NewRegistration): Promise<string> {
  const [row] = await em.query<{ id: string }[]>(
    `INSERT INTO gathering_registrations
       (gathering_id, user_id, name, email, status, places, answers, village_name,
        municipality_name, cancel_token_hash, confirm_token_hash, check_in_code, reminded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13)
     RETURNING id`,
    [
      r.gatheringId,
      r.userId,
      r.name,
      r.email,
      r.status,
      r.places,
      JSON.stringify(r.answers),
      r.villageName,
      r.municipalityName,
      r.cancelTokenHash,
      r.confirmTokenHash,
      r.checkInCode,
      r.remindedAt,
    ],
  );
  return row.id;
}

/** A pending guest asks again: a fresh confirmation link and their latest answers. */
export async function refreshPending(
  em: EntityManager,
  id: string,
  r: Pick<NewRegistration, 'name' | 'places' | 'answers' | 'confirmTokenHash' | 'cancelTokenHash'>,
): Promise<void> {
  await em.query(
    `UPDATE gathering_registrations
        SET name = $2, places = $3, answers = $4::jsonb, confirm_token_hash = $5,
            cancel_token_hash = $6, created_at = now(), updated_at = now()
      WHERE id = $1`,
    [id, r.name, r.places, JSON.stringify(r.answers), r.confirmTokenHash, r.cancelTokenHash],
  );
}

/** Moves a registration to `status` (confirmed or waitlisted) and gives it a new cancel token. */
export async function setStatus(
  em: EntityManager,
  id: string,
  status: 'confirmed' | 'waitlisted' | 'cancelled',
  cancelTokenHash: string | null,
  remindedAt: Date | null = null,
): Promise<void> {
  await em.query(
    `UPDATE gathering_registrations
        SET status = $2::varchar, cancel_token_hash = COALESCE($3::varchar, cancel_token_hash),
            confirm_token_hash = CASE WHEN $2::varchar = 'cancelled' THEN NULL ELSE confirm_token_hash END,
            reminded_at = COALESCE($4::timestamptz, reminded_at),
            cancelled_at = CASE WHEN $2::varchar = 'cancelled' THEN now() END, updated_at = now()
      WHERE id = $1`,
    [id, status, cancelTokenHash, remindedAt],
  );
}

/** The oldest waitlisted registrations, in order, with what they need. */
export async function waitlistHead(
  em: EntityManager,
  gatheringId: string,
): Promise<{ id: string; name: string; email: string; places: number; user_id: string | null }[]> {
  return em.query(
    `SELECT id, name, email, places, user_id FROM gathering_registrations
      WHERE gathering_id = $1 AND status = 'waitlisted' ORDER BY seq LIMIT 50`,
    [gatheringId],
  );
}

export async function registrationIdByTokenHash(
  db: EntityManager,
  column: 'confirm_token_hash' | 'cancel_token_hash',
  hash: string,
): Promise<{ id: string; gathering_id: string } | undefined> {
  const [row] = await db.query<{ id: string; gathering_id: string }[]>(
    `SELECT id, gathering_id FROM gathering_registrations WHERE ${column} = $1`,
    [hash],
  );
  return row;
}

/** One page of a gathering's registrations: confirmed first, then the waitlist, in order. */
export async function registrationPage(
  db: EntityManager,
  gatheringId: string,
  filter: { status?: string; q?: string },
  skip: number,
  take: number,
): Promise<{ rows: RegistrationRow[]; total: number }> {
  const params: unknown[] = [gatheringId];
  const where = ['r.gathering_id = $1'];
  if (filter.status) {
    params.push(filter.status);
    where.push(`r.status = $${params.length}`);
  }
  if (filter.q?.trim()) {
    params.push(likePattern(filter.q.trim()));
    where.push(
      `(r.name ILIKE $${params.length} OR r.email ILIKE $${params.length} OR r.check_in_code ILIKE $${params.length})`,
    );
  }
  const clause = `WHERE ${where.join(' AND ')}`;
  const [{ n }] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM gathering_registrations r ${clause}`,
    params,
  );
  const rows = await db.query<RegistrationRow[]>(
    `${SELECT_REGISTRATION} ${clause}
      ORDER BY array_position(ARRAY['confirmed', 'waitlisted', 'pending', 'cancelled']::varchar[], r.status), r.seq
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, take, skip],
  );
  return { rows, total: n };
}

/** Everyone confirmed or waitlisted, for the caterer's list (at most 5,000). */
export function registrationsForCsv(
  db: EntityManager,
  gatheringId: string,
): Promise<RegistrationRow[]> {
  return db.query<RegistrationRow[]>(
    `${SELECT_REGISTRATION}
      WHERE r.gathering_id = $1 AND r.status IN ('confirmed', 'waitlisted')
      ORDER BY (r.status <> 'confirmed'), r.name, r.seq LIMIT 5000`,
    [gatheringId],
  );
}

/** The registration a check-in names (by code or id), under a row lock. */
export async function lockRegistrationForCheckIn(
  em: EntityManager,
  gatheringId: string,
  by: { code?: string; id?: string },
): Promise<{ id: string; status: string; checked_in_at: Date | null } | undefined> {
  const [row] = await em.query<{ id: string; status: string; checked_in_at: Date | null }[]>(
    by.id
      ? `SELECT id, status, checked_in_at FROM gathering_registrations
          WHERE gathering_id = $1 AND id = $2 FOR UPDATE`
      : `SELECT id, status, checked_in_at FROM gathering_registrations
          WHERE gathering_id = $1 AND check_in_code = $2 FOR UPDATE`,
    [gatheringId, by.id ?? by.code],
  );
  return row;
}

export async function setCheckedIn(
  em: EntityManager,
  id: string,
  checkedIn: boolean,
): Promise<void> {
  await em.query(
    `UPDATE gathering_registrations SET checked_in_at = ${checkedIn ? 'now()' : 'NULL'}, updated_at = now()
      WHERE id = $1`,
    [id],
  );
}

/** The domain of the addresses that stand in for erased ones (`.invalid` never delivers). */
export const ERASED_EMAIL_DOMAIN = 'slettet.invalid';

/**
 * Retention (issue 17): anonymises at most `limit` registrations (any status) of gatherings that
 * ended more than `days` before `now` and are not anonymised yet: the name becomes '[slettet]',
 * the address `slettet-<id>@slettet.invalid` (unique, so the (gathering, email) key holds), the
 * answers `{}`, the account link and the confirmation link go, and the cancel link's hash is
 * replaced by one no link matches. Places, status, check-in and the village and municipality
 * names (organisations', not people's) stay, so the attendance counts do. Returns how many.
 */
export async function anonymiseEndedRegistrations(
  em: EntityManager,
  now: Date,
  days: number,
  limit: number,
): Promise<number> {
  const [, changed] = await em.query<[unknown, number]>(
    `UPDATE gathering_registrations r
        SET name = '[slettet]', email = 'slettet-' || r.id || '@${ERASED_EMAIL_DOMAIN}',
            answers = '{}'::jsonb, user_id = NULL, confirm_token_hash = NULL,
            cancel_token_hash = 'slettet-' || r.id, updated_at = now()
      WHERE r.id IN (SELECT d.id FROM gathering_registrations d
                       JOIN gatherings g ON g.id = d.gathering_id
                      WHERE g.ends_at < $1::timestamptz - make_interval(days => $2)
                        AND d.email NOT LIKE '%@${ERASED_EMAIL_DOMAIN}'
                      LIMIT $3)`,
    [now, days, limit],
  );
  return changed;
}
