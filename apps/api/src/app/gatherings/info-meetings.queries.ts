import type { EntityManager } from 'typeorm';

/**
 * The SQL of info meetings and their sign-ups: the lists, the capacity-guarded sign-up, the
 * cancel link, and the reminders' once-only marking. Each function takes the manager to run on,
 * so it joins the caller's transaction when there is one.
 */

/** A meeting with how many have signed up. */
export interface MeetingRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  url: string;
  capacity: number;
  description: string;
  cancelled_at: Date | null;
  created_at: Date;
  updated_at: Date;
  signup_count: number;
}

export interface SignupRow {
  id: string;
  name: string;
  email: string;
  village_name: string | null;
  municipality_name: string | null;
  reminded_at: Date | null;
  created_at: Date;
}

/** A meeting as a sign-up checks it, under its row lock. */
export interface LockedMeeting {
  id: string;
  title: string;
  starts_at: Date;
  cancelled_at: Date | null;
  capacity: number;
}

/** A meeting as its reminder job reads it. */
export interface ReminderMeeting {
  id: string;
  kind: string;
  title: string;
  address: string | null;
  mode: string;
  starts_at: Date;
  ends_at: Date;
  url: string | null;
  cancelled_at: Date | null;
}

/** Which meetings a page lists. */
export type MeetingSelection =
  | 'all'
  /** Not ended yet (the secretariat's default). */
  | 'not_ended'
  /** Not cancelled and not started: what the public can sign up for. */
  | 'open';

const SELECT_MEETING = `
  SELECT m.id, m.title, m.starts_at, m.ends_at, m.url, m.capacity, m.description, m.cancelled_at,
         m.created_at, m.updated_at,
         (SELECT count(*)::int FROM gathering_registrations s
           WHERE s.gathering_id = m.id AND s.status = 'confirmed') AS signup_count
    FROM gatherings m`;

/** Info meetings are the gatherings of kind `info_meeting`. */
const SELECTIONS: Record<MeetingSelection, string> = {
  all: `WHERE m.kind = 'info_meeting'`,
  not_ended: `WHERE m.kind = 'info_meeting' AND m.ends_at > now()`,
  open: `WHERE m.kind = 'info_meeting' AND m.cancelled_at IS NULL AND m.starts_at > now()`,
};

/** One page of meetings by start time (latest first when `newestFirst`), with the total. */
export async function meetingPage(
  db: EntityManager,
  selection: MeetingSelection,
  newestFirst: boolean,
  skip: number,
  take: number,
): Promise<{ rows: MeetingRow[]; total: number }> {
  const where = SELECTIONS[selection];
  const [{ n }] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM gatherings m ${where}`,
  );
  const rows = await db.query<MeetingRow[]>(
    `${SELECT_MEETING} ${where} ORDER BY m.starts_at ${newestFirst ? 'DESC' : 'ASC'}, m.id
     LIMIT $1 OFFSET $2`,
    [take, skip],
  );
  return { rows, total: n };
}

export async function meetingById(db: EntityManager, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db.query<MeetingRow[]>(
    `${SELECT_MEETING} WHERE m.id = $1 AND m.kind = 'info_meeting'`,
    [id],
  );
  return row;
}

/** A moved meeting reminds everyone again, for the new time. */
export async function clearReminders(em: EntityManager, meetingId: string): Promise<void> {
  await em.query(`UPDATE gathering_registrations SET reminded_at = NULL WHERE gathering_id = $1`, [
    meetingId,
  ]);
}

/** Marks the meeting cancelled (by `actorId`) unless it already is. */
export async function cancelMeeting(db: EntityManager, id: string, actorId: string): Promise<void> {
  await db.query(
    `UPDATE gatherings SET cancelled_at = now(), updated_at = now(), version = version + 1,
            updated_by = $2
      WHERE id = $1 AND cancelled_at IS NULL`,
    [id, actorId],
  );
}

/** Everyone signed up for the meeting, to tell them of a cancellation. */
export function signupContacts(
  db: EntityManager,
  meetingId: string,
): Promise<{ name: string; email: string }[]> {
  return db.query(
    `SELECT name, email FROM gathering_registrations
      WHERE gathering_id = $1 AND status IN ('confirmed', 'waitlisted')`,
    [meetingId],
  );
}

export async function signupCount(db: EntityManager, meetingId: string): Promise<number> {
  const [{ n }] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM gathering_registrations
      WHERE gathering_id = $1 AND status = 'confirmed'`,
    [meetingId],
  );
  return n;
}

/** One page of a meeting's sign-ups in the order they came. */
export function signupPage(
  db: EntityManager,
  meetingId: string,
  skip: number,
  take: number,
): Promise<SignupRow[]> {
  return db.query(
    `SELECT id, name, email, village_name, municipality_name, reminded_at, created_at
       FROM gathering_registrations WHERE gathering_id = $1 AND status = 'confirmed'
      ORDER BY seq LIMIT $2 OFFSET $3`,
    [meetingId, take, skip],
  );
}

/** The meeting under a row lock, so concurrent sign-ups take turns. */
export async function lockMeeting(
  em: EntityManager,
  id: string,
): Promise<LockedMeeting | undefined> {
  const [m] = await em.query<LockedMeeting[]>(
    `SELECT id, title, starts_at, cancelled_at, capacity FROM gatherings
      WHERE id = $1 AND kind = 'info_meeting' FOR UPDATE`,
    [id],
  );
  return m;
}

export async function isSignedUp(
  em: EntityManager,
  meetingId: string,
  email: string,
): Promise<boolean> {
  const [dupe] = await em.query<unknown[]>(
    `SELECT 1 FROM gathering_registrations WHERE gathering_id = $1 AND email = $2`,
    [meetingId, email],
  );
  return dupe !== undefined;
}

export async function insertSignup(
  em: EntityManager,
  signup: {
    meetingId: string;
    name: string;
    email: string;
    villageName: string | null;
    municipalityName: string | null;
    cancelTokenHash: string;
    remindedAt: Date | null;
    checkInCode: string;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO gathering_registrations
       (gathering_id, name, email, village_name, municipality_name, cancel_token_hash, reminded_at,
        status, check_in_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'confirmed', $8)`,
    [
      signup.meetingId,
      signup.name,
      signup.email,
      signup.villageName,
      signup.municipalityName,
      signup.cancelTokenHash,
      signup.remindedAt,
      signup.checkInCode,
    ],
  );
}

/** The sign-up a cancel link names, with its meeting. */
export async function signupByCancelHash(
  db: EntityManager,
  tokenHash: string,
): Promise<{ signup_id: string; name: string; title: string; starts_at: Date } | undefined> {
  const [found] = await db.query<
    { signup_id: string; name: string; title: string; starts_at: Date }[]
  >(
    `SELECT s.id AS signup_id, s.name, m.title, m.starts_at
       FROM gathering_registrations s JOIN gatherings m ON m.id = s.gathering_id
      WHERE s.cancel_token_hash = $1 AND m.kind = 'info_meeting'`,
    [tokenHash],
  );
  return found;
}

/** Deletes a sign-up; false when it was gone already. */
export async function deleteSignup(db: EntityManager, id: string): Promise<boolean> {
  const [deleted] = await db.query<[unknown[], number]>(
    `DELETE FROM gathering_registrations WHERE id = $1 RETURNING id`,
    [id],
  );
  return deleted.length > 0;
}

export async function meetingForReminder(
  db: EntityManager,
  id: string,
): Promise<ReminderMeeting | undefined> {
  const [meeting] = await db.query<ReminderMeeting[]>(
    `SELECT id, kind, title, starts_at, ends_at, url, address, mode, cancelled_at
       FROM gatherings WHERE id = $1`,
    [id],
  );
  return meeting;
}

/** The sign-ups of the meeting not reminded yet. */
export async function unremindedSignupIds(db: EntityManager, meetingId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT id FROM gathering_registrations
      WHERE gathering_id = $1 AND status = 'confirmed' AND reminded_at IS NULL`,
    [meetingId],
  );
  return rows.map((r) => r.id);
}

/**
 * Marks the sign-up reminded if it was not yet, and gives who to mail; undefined when another
 * run reminded it first (or it is gone).
 */
export async function markReminded(
  em: EntityManager,
  signupId: string,
): Promise<{ name: string; email: string } | undefined> {
  const [rows] = await em.query<[{ name: string; email: string }[], number]>(
    `UPDATE gathering_registrations SET reminded_at = now()
      WHERE id = $1 AND reminded_at IS NULL AND status = 'confirmed'
      RETURNING name, email`,
    [signupId],
  );
  return rows[0];
}

/** Every future, uncancelled meeting (at most 5,000), for the reminder sweep. */
export function futureMeetings(db: EntityManager): Promise<{ id: string; starts_at: Date }[]> {
  return db.query(
    `SELECT id, starts_at FROM gatherings
      WHERE cancelled_at IS NULL AND starts_at > now() ORDER BY starts_at LIMIT 5000`,
  );
}
