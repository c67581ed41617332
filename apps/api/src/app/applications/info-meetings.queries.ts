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
  title: string;
  starts_at: Date;
  ends_at: Date;
  url: string;
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
  SELECT m.*, (SELECT count(*)::int FROM info_meeting_signups s WHERE s.meeting_id = m.id) AS signup_count
    FROM info_meetings m`;

const SELECTIONS: Record<MeetingSelection, string> = {
  all: '',
  not_ended: 'WHERE m.ends_at > now()',
  open: 'WHERE m.cancelled_at IS NULL AND m.starts_at > now()',
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
    `SELECT count(*)::int AS n FROM info_meetings m ${where}`,
  );
  const rows = await db.query<MeetingRow[]>(
    `${SELECT_MEETING} ${where} ORDER BY m.starts_at ${newestFirst ? 'DESC' : 'ASC'}, m.id
     LIMIT $1 OFFSET $2`,
    [take, skip],
  );
  return { rows, total: n };
}

export async function meetingById(db: EntityManager, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db.query<MeetingRow[]>(`${SELECT_MEETING} WHERE m.id = $1`, [id]);
  return row;
}

/** A moved meeting reminds everyone again, for the new time. */
export async function clearReminders(em: EntityManager, meetingId: string): Promise<void> {
  await em.query(`UPDATE info_meeting_signups SET reminded_at = NULL WHERE meeting_id = $1`, [
    meetingId,
  ]);
}

/** Marks the meeting cancelled unless it already is. */
export async function cancelMeeting(db: EntityManager, id: string): Promise<void> {
  await db.query(
    `UPDATE info_meetings SET cancelled_at = now(), updated_at = now() WHERE id = $1 AND cancelled_at IS NULL`,
    [id],
  );
}

/** Everyone signed up for the meeting, to tell them of a cancellation. */
export function signupContacts(
  db: EntityManager,
  meetingId: string,
): Promise<{ name: string; email: string }[]> {
  return db.query(`SELECT name, email FROM info_meeting_signups WHERE meeting_id = $1`, [
    meetingId,
  ]);
}

export async function signupCount(db: EntityManager, meetingId: string): Promise<number> {
  const [{ n }] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM info_meeting_signups WHERE meeting_id = $1`,
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
       FROM info_meeting_signups WHERE meeting_id = $1
      ORDER BY created_at, id LIMIT $2 OFFSET $3`,
    [meetingId, take, skip],
  );
}

/** The meeting under a row lock, so concurrent sign-ups take turns. */
export async function lockMeeting(
  em: EntityManager,
  id: string,
): Promise<LockedMeeting | undefined> {
  const [m] = await em.query<LockedMeeting[]>(
    `SELECT id, title, starts_at, cancelled_at, capacity FROM info_meetings WHERE id = $1 FOR UPDATE`,
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
    `SELECT 1 FROM info_meeting_signups WHERE meeting_id = $1 AND email = $2`,
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
  },
): Promise<void> {
  await em.query(
    `INSERT INTO info_meeting_signups
       (meeting_id, name, email, village_name, municipality_name, cancel_token_hash, reminded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      signup.meetingId,
      signup.name,
      signup.email,
      signup.villageName,
      signup.municipalityName,
      signup.cancelTokenHash,
      signup.remindedAt,
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
       FROM info_meeting_signups s JOIN info_meetings m ON m.id = s.meeting_id
      WHERE s.cancel_token_hash = $1`,
    [tokenHash],
  );
  return found;
}

/** Deletes a sign-up; false when it was gone already. */
export async function deleteSignup(db: EntityManager, id: string): Promise<boolean> {
  const [deleted] = await db.query<[unknown[], number]>(
    `DELETE FROM info_meeting_signups WHERE id = $1 RETURNING id`,
    [id],
  );
  return deleted.length > 0;
}

export async function meetingForReminder(
  db: EntityManager,
  id: string,
): Promise<ReminderMeeting | undefined> {
  const [meeting] = await db.query<ReminderMeeting[]>(
    `SELECT id, title, starts_at, ends_at, url, cancelled_at FROM info_meetings WHERE id = $1`,
    [id],
  );
  return meeting;
}

/** The sign-ups of the meeting not reminded yet. */
export async function unremindedSignupIds(db: EntityManager, meetingId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT id FROM info_meeting_signups WHERE meeting_id = $1 AND reminded_at IS NULL`,
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
    `UPDATE info_meeting_signups SET reminded_at = now()
      WHERE id = $1 AND reminded_at IS NULL RETURNING name, email`,
    [signupId],
  );
  return rows[0];
}

/** Every future, uncancelled meeting (at most 5,000), for the reminder sweep. */
export function futureMeetings(db: EntityManager): Promise<{ id: string; starts_at: Date }[]> {
  return db.query(
    `SELECT id, starts_at FROM info_meetings
      WHERE cancelled_at IS NULL AND starts_at > now() ORDER BY starts_at LIMIT 5000`,
  );
}
