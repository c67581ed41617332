import type { EnrolmentStatus, LearnerKind, Locale, OfferingKind, Payer } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { sqlWhere } from '../common/sql-where';

/**
 * The enrolments' SQL (issue 12: services hold no SQL); the offerings' is in
 * offering.queries.ts. Each function takes the `DataSource` or the `EntityManager` of the
 * caller's transaction, so statements run under the locks the caller holds.
 */
export type Db = Pick<EntityManager, 'query'>;

export interface EnrolmentRow {
  id: string;
  offering_id: string;
  offering_name: string;
  offering_kind: OfferingKind;
  status: EnrolmentStatus;
  seq: string;
  waitlist_position: number | null;
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  village_id: string | null;
  village_name: string | null;
  municipality_id: string | null;
  municipality_name: string | null;
  payer: Payer;
  amount_dkk: number;
  created_at: Date;
  decided_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

export type InvoiceRow = EnrolmentRow & { enrolled_on: string };

/** Someone to mail about an enrolment. */
export interface Recipient {
  email: string;
  name: string;
  locale: Locale;
  offering_name: string;
  village_name: string;
}

/** The waitlist position of enrolment `e` (null unless it waits): its rank in arrival order. */
export const WAITLIST_POSITION = (e: string): string =>
  `CASE WHEN ${e}.status = 'waitlisted' THEN (
     SELECT count(*)::int FROM enrolments w
      WHERE w.offering_id = ${e}.offering_id AND w.status = 'waitlisted' AND w.seq <= ${e}.seq)
   END`;

const ENROLMENT_FROM = `
    FROM enrolments e
    JOIN offerings o ON o.id = e.offering_id
    LEFT JOIN users u ON u.id = e.user_id
    LEFT JOIN villages v ON v.id = e.village_id
    LEFT JOIN municipalities mu ON mu.id = COALESCE(v.municipality_id, u.municipality_id)`;

const ENROLMENT_SELECT = `
  SELECT e.id, e.offering_id, o.name AS offering_name, o.kind AS offering_kind, e.status,
         e.seq::text AS seq, ${WAITLIST_POSITION('e')} AS waitlist_position,
         u.id AS user_id, u.name AS user_name, u.email AS user_email,
         v.id AS village_id, v.name AS village_name,
         mu.id AS municipality_id, mu.name AS municipality_name,
         e.payer, e.amount_dkk, e.created_at, e.decided_at, e.cancelled_at, e.cancel_reason
  ${ENROLMENT_FROM}`;

/** The orders the enrolment lists come in. */
export const ENROLMENT_ORDER = {
  /** Newest first: the secretariat's and coordinators' list. */
  recent: 'e.created_at DESC, e.seq DESC',
  /** Place-holders first, then the waitlist in arrival order: one offering's list. */
  places: `CASE e.status WHEN 'enrolled' THEN 0 WHEN 'pending' THEN 1 WHEN 'waitlisted' THEN 2 ELSE 3 END, e.seq`,
  /** Active first, newest first: the caller's own. */
  mine: `CASE WHEN e.status IN ('pending', 'enrolled', 'waitlisted') THEN 0 ELSE 1 END, e.created_at DESC`,
} as const;

export type EnrolmentOrder = keyof typeof ENROLMENT_ORDER;

// ---------------------------------------------------------------- parties

export async function learnerKindOf(db: Db, userId: string): Promise<LearnerKind | null> {
  const [person] = await db.query<{ learner_kind: LearnerKind | null }[]>(
    `SELECT learner_kind FROM users WHERE id = $1`,
    [userId],
  );
  return person?.learner_kind ?? null;
}

export async function isActivePerson(db: Db, userId: string): Promise<boolean> {
  const [u] = await db.query<{ id: string }[]>(
    `SELECT id FROM users WHERE id = $1 AND disabled_at IS NULL`,
    [userId],
  );
  return !!u;
}

export async function villageRef(
  db: Db,
  villageId: string,
): Promise<{ id: string; municipality_id: string } | undefined> {
  const [v] = await db.query<{ id: string; municipality_id: string }[]>(
    `SELECT id, municipality_id FROM villages WHERE id = $1`,
    [villageId],
  );
  return v;
}

// ---------------------------------------------------------------- places and the waitlist

export async function lockEnrolmentStatus(
  db: Db,
  id: string,
): Promise<EnrolmentStatus | undefined> {
  const [row] = await db.query<{ status: EnrolmentStatus }[]>(
    `SELECT status FROM enrolments WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return row?.status;
}

/** In one round trip while the lock is held: is the party already in, how many places are held. */
export async function admissionFacts(
  db: Db,
  offeringId: string,
  party: { userId: string } | { villageId: string },
): Promise<{ dup: boolean; held: number }> {
  const byUser = 'userId' in party;
  const [facts] = await db.query<{ dup: boolean; held: number }[]>(
    `SELECT EXISTS (SELECT 1 FROM enrolments
                     WHERE offering_id = $1 AND ${byUser ? 'user_id' : 'village_id'} = $2
                       AND status IN ('pending', 'enrolled', 'waitlisted')) AS dup,
            (SELECT count(*)::int FROM enrolments
              WHERE offering_id = $1 AND status IN ('pending', 'enrolled')) AS held`,
    [offeringId, byUser ? party.userId : party.villageId],
  );
  return facts;
}

/**
 * Locks the village's row and names another cohort it takes part in, if any. The lock makes
 * placements in two different cohorts (each under its own offering's lock) take turns.
 */
export async function otherCohortOfVillage(
  db: Db,
  villageId: string,
  offeringId: string,
): Promise<string | null> {
  await db.query(`SELECT 1 FROM villages WHERE id = $1 FOR UPDATE`, [villageId]);
  const [other] = await db.query<{ name: string }[]>(
    `SELECT oo.name FROM enrolments oe JOIN offerings oo ON oo.id = oe.offering_id
      WHERE oe.village_id = $1 AND oo.kind = 'cohort' AND oo.id <> $2
        AND oe.status IN ('pending', 'enrolled', 'waitlisted')
      LIMIT 1`,
    [villageId, offeringId],
  );
  return other?.name ?? null;
}

/** Locks the village's row and names the cohort (full process) it is in, if any. */
export async function lockVillageCohortName(db: Db, villageId: string): Promise<string | null> {
  const [village] = await db.query<{ cohort_name: string | null }[]>(
    `SELECT c.name AS cohort_name
       FROM villages v LEFT JOIN cohorts c ON c.id = v.cohort_id
      WHERE v.id = $1
        FOR UPDATE OF v`,
    [villageId],
  );
  return village?.cohort_name ?? null;
}

export interface NewEnrolment {
  offeringId: string;
  userId: string | null;
  villageId: string | null;
  status: EnrolmentStatus;
  payer: Payer;
  amount: number;
  createdById: string;
  decidedAt: Date | null;
}

export async function insertEnrolment(db: Db, e: NewEnrolment): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO enrolments (offering_id, user_id, village_id, status, payer, amount_dkk,
                             created_by_id, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [e.offeringId, e.userId, e.villageId, e.status, e.payer, e.amount, e.createdById, e.decidedAt],
  );
  return row.id;
}

export async function heldPlaces(db: Db, offeringId: string): Promise<number> {
  const [{ held }] = await db.query<{ held: number }[]>(
    `SELECT count(*)::int AS held FROM enrolments
      WHERE offering_id = $1 AND status IN ('pending', 'enrolled')`,
    [offeringId],
  );
  return held;
}

/** The first on the waitlist, locked. */
export async function firstWaiting(
  db: Db,
  offeringId: string,
): Promise<{ id: string; village_id: string | null } | undefined> {
  const [next] = await db.query<{ id: string; village_id: string | null }[]>(
    `SELECT id, village_id FROM enrolments
      WHERE offering_id = $1 AND status = 'waitlisted' ORDER BY seq LIMIT 1 FOR UPDATE`,
    [offeringId],
  );
  return next;
}

export async function promoteEnrolment(
  db: Db,
  id: string,
  status: EnrolmentStatus,
  decidedAt: Date | null,
): Promise<void> {
  await db.query(
    `UPDATE enrolments SET status = $2, decided_at = $3, updated_at = now() WHERE id = $1`,
    [id, status, decidedAt],
  );
}

export async function cancelEnrolment(
  db: Db,
  id: string,
  byId: string,
  reason: string | null,
): Promise<void> {
  await db.query(
    `UPDATE enrolments SET status = 'cancelled', cancelled_at = now(), cancelled_by_id = $2,
            cancel_reason = $3, updated_at = now() WHERE id = $1`,
    [id, byId, reason],
  );
}

export async function approveEnrolment(db: Db, id: string, byId: string): Promise<void> {
  await db.query(
    `UPDATE enrolments SET status = 'enrolled', decided_at = now(), decided_by_id = $2,
            updated_at = now() WHERE id = $1`,
    [id, byId],
  );
}

export async function rejectEnrolment(
  db: Db,
  id: string,
  byId: string,
  note: string | null,
): Promise<void> {
  await db.query(
    `UPDATE enrolments SET status = 'rejected', decided_at = now(), decided_by_id = $2,
            cancel_reason = $3, updated_at = now() WHERE id = $1`,
    [id, byId, note],
  );
}

// ---------------------------------------------------------------- mail recipients

/** The steering group of the village a mini-BLUP enrolment is for. */
export function miniBlupRecipients(db: Db, enrolmentId: string): Promise<Recipient[]> {
  return db.query<Recipient[]>(
    `SELECT u.email, u.name, u.locale, o.name AS offering_name, v.name AS village_name
       FROM enrolments e
       JOIN offerings o ON o.id = e.offering_id
       JOIN villages v ON v.id = e.village_id
       JOIN users u ON u.village_id = e.village_id AND u.role = 'steering_member'
      WHERE e.id = $1 AND u.disabled_at IS NULL`,
    [enrolmentId],
  );
}

/** The person enrolled, or the steering group of the village enrolled. */
export function enrolmentRecipients(
  db: Db,
  enrolmentId: string,
): Promise<Omit<Recipient, 'village_name'>[]> {
  return db.query<Omit<Recipient, 'village_name'>[]>(
    `SELECT u.email, u.name, u.locale, o.name AS offering_name
       FROM enrolments e
       JOIN offerings o ON o.id = e.offering_id
       JOIN users u ON (u.id = e.user_id)
                    OR (e.village_id IS NOT NULL AND u.village_id = e.village_id
                        AND u.role = 'steering_member')
      WHERE e.id = $1 AND u.disabled_at IS NULL`,
    [enrolmentId],
  );
}

// ---------------------------------------------------------------- enrolment lists

export async function enrolmentById(db: Db, id: string): Promise<EnrolmentRow | undefined> {
  const [row] = await db.query<EnrolmentRow[]>(`${ENROLMENT_SELECT} WHERE e.id = $1`, [id]);
  return row;
}

export interface EnrolmentFilter {
  /** The caller's scope (coordinators: their municipality). */
  scopeMunicipalityId?: string;
  municipalityId?: string;
  offeringId?: string;
  villageId?: string;
  status?: EnrolmentStatus;
  q?: string;
  /** The caller's own (as a person) or their village's. */
  mine?: { userId: string; villageId: string | null };
}

export async function enrolmentPage(
  db: Db,
  filter: EnrolmentFilter,
  order: EnrolmentOrder,
  take: number,
  skip: number,
): Promise<{ rows: EnrolmentRow[]; total: number }> {
  const { where, params, add, search } = sqlWhere();
  if (filter.mine) {
    params.push(filter.mine.userId, filter.mine.villageId);
    where.push(`(e.user_id = $${params.length - 1} OR e.village_id = $${params.length})`);
  }
  if (filter.scopeMunicipalityId) add('mu.id = ?', filter.scopeMunicipalityId);
  if (filter.municipalityId) add('mu.id = ?', filter.municipalityId);
  if (filter.offeringId) add('e.offering_id = ?', filter.offeringId);
  if (filter.villageId) add('e.village_id = ?', filter.villageId);
  if (filter.status) add('e.status = ?', filter.status);
  if (filter.q) search(['o.name', 'v.name', 'u.name', 'u.email'], filter.q);
  const cond = where.length ? where.join(' AND ') : 'TRUE';
  const rows = await db.query<EnrolmentRow[]>(
    `${ENROLMENT_SELECT} WHERE ${cond} ORDER BY ${ENROLMENT_ORDER[order]}, e.id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, take, skip],
  );
  const [count] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n ${ENROLMENT_FROM} WHERE ${cond}`,
    params,
  );
  return { rows, total: count.n };
}

/** Enrolled, priced enrolments by the Danish date they were enrolled on. */
export function invoiceRows(
  db: Db,
  filter: { from?: string; to?: string; offeringId?: string },
): Promise<InvoiceRow[]> {
  const where = [`e.status = 'enrolled'`, 'e.amount_dkk > 0'];
  const params: unknown[] = [];
  const enrolledOn = `(COALESCE(e.decided_at, e.created_at) AT TIME ZONE 'Europe/Copenhagen')::date`;
  if (filter.from) {
    params.push(filter.from);
    where.push(`${enrolledOn} >= $${params.length}::date`);
  }
  if (filter.to) {
    params.push(filter.to);
    where.push(`${enrolledOn} <= $${params.length}::date`);
  }
  if (filter.offeringId) {
    params.push(filter.offeringId);
    where.push(`e.offering_id = $${params.length}`);
  }
  return db.query<InvoiceRow[]>(
    `SELECT q.*, to_char(q.enrolled_date, 'YYYY-MM-DD') AS enrolled_on FROM (
       ${ENROLMENT_SELECT.replace('SELECT e.id,', `SELECT ${enrolledOn} AS enrolled_date, e.id,`)}
        WHERE ${where.join(' AND ')}) q
      ORDER BY q.enrolled_date, q.offering_name, q.seq::bigint`,
    params,
  );
}
