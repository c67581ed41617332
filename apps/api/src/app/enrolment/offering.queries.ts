import type {
  EnrolmentStatus,
  OfferingApproval,
  OfferingAudience,
  OfferingKind,
  Phase,
} from '@blup/contracts';
import { likePattern } from '../common/pagination';
import { WAITLIST_POSITION, type Db } from './enrolment.queries';

/** The offerings' SQL (issue 12: services hold no SQL); enrolments' is in enrolment.queries.ts. */

/** The offering row as the write paths need it (read under its row lock). */
export interface OfferingRow {
  id: string;
  kind: OfferingKind;
  name: string;
  capacity: number | null;
  price_dkk: number;
  approval: OfferingApproval;
  cohort_id: string | null;
  starts_on: string | null;
  enrol_closes_at: Date | null;
  published_at: Date | null;
  closed_at: Date | null;
}

export interface OfferingListRow extends OfferingRow {
  description: string;
  ends_on: string | null;
  audience: OfferingAudience | null;
  module_id: string | null;
  module_title: string | null;
  phase: Phase | null;
  course_id: string | null;
  course_title: string | null;
  created_at: Date;
  places_taken: number;
  waitlist_count: number;
  my_id: string | null;
  my_status: EnrolmentStatus | null;
  my_village_id: string | null;
  my_position: number | null;
}

const OFFERING_COLUMNS = `o.id, o.kind, o.name, o.description, o.capacity, o.price_dkk, o.approval,
  o.audience, o.cohort_id, o.module_id, o.course_id,
  to_char(o.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(o.ends_on, 'YYYY-MM-DD') AS ends_on,
  o.enrol_closes_at, o.published_at, o.closed_at, o.created_at`;

export interface OfferingViewer {
  userId: string | null;
  /** The viewer's own village (steering members): marks the village's enrolment as theirs. */
  villageId: string | null;
  /** Whether drafts are listed too (the secretariat). */
  drafts: boolean;
}

export interface OfferingFilter {
  id?: string;
  kind?: OfferingKind;
  q?: string;
  /** Only offerings taking enrolments now. */
  open?: boolean;
}

/** The WHERE of an offering list; `$1` = the viewer, `$2` = their village, filters from `$3`. */
function offeringWhere(viewer: OfferingViewer, filter: OfferingFilter): [string, unknown[]] {
  const where: string[] = [];
  const params: unknown[] = [viewer.userId, viewer.villageId];
  const add = (sql: string, value: unknown): void => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  // $1 and $2 are named so PostgreSQL knows their type in every query.
  where.push('($1::uuid IS NULL OR $2::uuid IS NULL OR TRUE)');
  if (!viewer.drafts) where.push('o.published_at IS NOT NULL');
  if (filter.id) add('o.id = ?', filter.id);
  if (filter.kind) add('o.kind = ?', filter.kind);
  if (filter.q) add('o.name ILIKE ?', likePattern(filter.q));
  if (filter.open) {
    where.push(`o.published_at IS NOT NULL AND o.published_at <= now()
        AND (o.closed_at IS NULL OR o.closed_at > now())
        AND (o.enrol_closes_at IS NULL OR o.enrol_closes_at > now())
        AND (o.starts_on IS NULL OR o.starts_on > (now() AT TIME ZONE 'Europe/Copenhagen')::date)`);
  }
  return [where.join(' AND '), params];
}

/** One page of offerings with their places, waitlist and the viewer's own enrolment. */
export function offeringRows(
  db: Db,
  viewer: OfferingViewer,
  filter: OfferingFilter,
  take: number,
  skip: number,
): Promise<OfferingListRow[]> {
  const [cond, params] = offeringWhere(viewer, filter);
  const all = [...params, take, skip];
  return db.query<OfferingListRow[]>(
    `SELECT ${OFFERING_COLUMNS}, cm.title AS module_title, cm.phase, c.title AS course_title,
            (SELECT count(*)::int FROM enrolments h
              WHERE h.offering_id = o.id AND h.status IN ('pending', 'enrolled')) AS places_taken,
            (SELECT count(*)::int FROM enrolments h
              WHERE h.offering_id = o.id AND h.status = 'waitlisted') AS waitlist_count,
            mine.id AS my_id, mine.status AS my_status, mine.village_id AS my_village_id,
            mine.position AS my_position
       FROM offerings o
       LEFT JOIN course_modules cm ON cm.id = o.module_id
       LEFT JOIN courses c ON c.id = o.course_id
       LEFT JOIN LATERAL (
         SELECT e.id, e.status, e.village_id, ${WAITLIST_POSITION('e')} AS position
           FROM enrolments e
          WHERE e.offering_id = o.id AND e.status IN ('pending', 'enrolled', 'waitlisted')
            AND (e.user_id = $1 OR e.village_id = $2)
          ORDER BY e.seq LIMIT 1) mine ON TRUE
      WHERE ${cond}
      ORDER BY o.starts_on NULLS LAST, o.name, o.id
      LIMIT $${all.length - 1} OFFSET $${all.length}`,
    all,
  );
}

export async function countOfferings(
  db: Db,
  viewer: OfferingViewer,
  filter: OfferingFilter,
): Promise<number> {
  const [cond, params] = offeringWhere(viewer, filter);
  const [count] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM offerings o WHERE ${cond}`,
    params,
  );
  return count.n;
}

/** The course of a module of the BLUP course (the village process), if it is one. */
export async function blupModuleCourse(db: Db, moduleId: string): Promise<string | null> {
  const [m] = await db.query<{ course_id: string }[]>(
    `SELECT m.course_id FROM course_modules m JOIN courses c ON c.id = m.course_id
      WHERE m.id = $1 AND c.audience = 'village_process'`,
    [moduleId],
  );
  return m?.course_id ?? null;
}

export async function isAcademyCourse(db: Db, courseId: string): Promise<boolean> {
  const [c] = await db.query<{ id: string }[]>(
    `SELECT id FROM courses WHERE id = $1 AND audience = 'academy'`,
    [courseId],
  );
  return !!c;
}

export interface NewOffering {
  kind: OfferingKind;
  name: string;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
  capacity: number | null;
  priceDkk: number;
  approval: OfferingApproval;
  audience: OfferingAudience | null;
  cohortId: string | null;
  moduleId: string | null;
  courseId: string | null;
  enrolClosesAt: Date | null;
  publishedAt: Date | null;
  createdById: string;
}

export async function insertOffering(db: Db, o: NewOffering): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO offerings (kind, name, description, starts_on, ends_on, capacity, price_dkk,
                            approval, audience, cohort_id, module_id, course_id,
                            enrol_closes_at, published_at, created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [
      o.kind,
      o.name,
      o.description,
      o.startsOn,
      o.endsOn,
      o.capacity,
      o.priceDkk,
      o.approval,
      o.audience,
      o.cohortId,
      o.moduleId,
      o.courseId,
      o.enrolClosesAt,
      o.publishedAt,
      o.createdById,
    ],
  );
  return row.id;
}

/** What an offering's PATCH changes; `undefined` leaves a column as it is. */
export interface OfferingChanges {
  name?: string;
  description?: string;
  startsOn?: string | null;
  endsOn?: string | null;
  capacity?: number | null;
  priceDkk?: number;
  approval?: OfferingApproval;
  audience?: OfferingAudience | null;
  enrolClosesAt?: Date | null;
  /** true publishes (keeping the first publication time), false makes it a draft again. */
  published?: boolean;
  /** true closes (keeping the first closing time), false opens it again. */
  closed?: boolean;
}

const CHANGE_COLUMNS: Record<Exclude<keyof OfferingChanges, 'published' | 'closed'>, string> = {
  name: 'name',
  description: 'description',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  capacity: 'capacity',
  priceDkk: 'price_dkk',
  approval: 'approval',
  audience: 'audience',
  enrolClosesAt: 'enrol_closes_at',
};

export async function updateOffering(db: Db, id: string, changes: OfferingChanges): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, column] of Object.entries(CHANGE_COLUMNS)) {
    const value = changes[key as keyof typeof CHANGE_COLUMNS];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  if (changes.published !== undefined) {
    sets.push(
      changes.published ? 'published_at = COALESCE(published_at, now())' : 'published_at = NULL',
    );
  }
  if (changes.closed !== undefined) {
    sets.push(changes.closed ? 'closed_at = COALESCE(closed_at, now())' : 'closed_at = NULL');
  }
  if (!sets.length) return;
  await db.query(
    `UPDATE offerings SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`,
    params,
  );
}

/** What enrolling needs to know before taking the lock (drafts are found too). */
export async function offeringForEnrol(
  db: Db,
  id: string,
): Promise<{ kind: OfferingKind; name: string; audience: OfferingAudience | null } | undefined> {
  const [row] = await db.query<
    { kind: OfferingKind; name: string; audience: OfferingAudience | null }[]
  >(`SELECT kind, name, audience FROM offerings WHERE id = $1`, [id]);
  return row;
}

/** The offering under its row lock: enrolments in it take turns until the caller commits. */
export async function lockOffering(db: Db, id: string): Promise<OfferingRow | undefined> {
  const [row] = await db.query<OfferingRow[]>(
    `SELECT o.id, o.kind, o.name, o.capacity, o.price_dkk, o.approval, o.cohort_id,
            to_char(o.starts_on, 'YYYY-MM-DD') AS starts_on, o.enrol_closes_at, o.published_at,
            o.closed_at
       FROM offerings o WHERE o.id = $1 FOR UPDATE`,
    [id],
  );
  return row;
}
