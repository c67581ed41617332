import type { Role } from '@blup/contracts';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { OneTimeTokenKind, User, UserSession } from '../database/entities';
import type { AuthUser } from './auth-user';

type Db = DataSource | EntityManager;

/** A live session's row with its person and their places' names. */
export interface SessionRow {
  session_id: string;
  last_seen_at: Date;
  expires_at: Date;
  id: string;
  email: string;
  name: string;
  role: AuthUser['role'];
  locale: AuthUser['locale'];
  municipality_id: string | null;
  village_id: string | null;
  coordination_group: boolean;
  learner_kind: AuthUser['learnerKind'];
  municipality_name: string | null;
  village_name: string | null;
}

/** The channel the database's triggers announce stale sessions on (migration AuthNotify). */
export const AUTH_CHANNEL = 'blup_auth';

/** Subscribes a dedicated connection to the announcements of changed sessions and people. */
export async function listenForAuthChanges(client: {
  query: (text: string) => Promise<unknown>;
}): Promise<void> {
  await client.query(`LISTEN ${AUTH_CHANNEL}`);
}

/** The unexpired session with this token hash, if its person is not disabled. */
export async function findLiveSession(db: Db, tokenHash: string): Promise<SessionRow | null> {
  const rows: SessionRow[] = await db.query(
    `SELECT s.id AS session_id, s.last_seen_at, s.expires_at, u.id, u.email, u.name, u.role, u.locale,
            u.municipality_id, u.village_id, u.coordination_group, u.learner_kind,
            m.name AS municipality_name, v.name AS village_name
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       LEFT JOIN municipalities m ON m.id = u.municipality_id
       LEFT JOIN villages v ON v.id = u.village_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/** Deletes every session of a person, except perhaps one. */
export async function deleteSessionsOf(
  sessions: Repository<UserSession>,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  const qb = sessions.createQueryBuilder().delete().where('user_id = :userId', { userId });
  if (exceptSessionId) qb.andWhere('id <> :exceptSessionId', { exceptSessionId });
  await qb.execute();
}

/** The person with this email, with the password hash the entity normally leaves out. */
export function findUserWithPassword(users: Repository<User>, email: string): Promise<User | null> {
  return users
    .createQueryBuilder('u')
    .addSelect('u.passwordHash')
    .where('u.email = :email', { email })
    .getOne();
}

/** The person (who must exist) with their password hash. */
export function getUserWithPassword(users: Repository<User>, id: string): Promise<User> {
  return users
    .createQueryBuilder('u')
    .addSelect('u.passwordHash')
    .where('u.id = :id', { id })
    .getOneOrFail();
}

/**
 * Marks the token used if it is live: the right kind, unused, unexpired, and its person not
 * disabled, in one UPDATE. Returns the person's id, or null when the token is not usable.
 */
export async function consumeToken(
  db: Db,
  kind: OneTimeTokenKind,
  tokenHash: string,
): Promise<string | null> {
  const [rows] = (await db.query(
    `UPDATE one_time_tokens t
        SET used_at = now()
       FROM users u
      WHERE t.token_hash = $1 AND t.kind = $2 AND t.used_at IS NULL AND t.expires_at > now()
        AND u.id = t.user_id AND u.disabled_at IS NULL
  RETURNING t.user_id`,
    [tokenHash, kind],
  )) as [{ user_id: string }[], number];
  return rows[0]?.user_id ?? null;
}

/** Deletes tokens that expired more than `days` days ago; returns how many. */
export async function deleteTokensExpiredBefore(db: Db, days: number): Promise<number> {
  const [, deleted] = (await db.query(
    `DELETE FROM one_time_tokens WHERE expires_at < now() - make_interval(days => $1)`,
    [days],
  )) as [unknown, number];
  return deleted;
}

/** What an invitation link shows: the invited person, their places and who invited them. */
export interface InvitationRow {
  email: string;
  name: string;
  role: Role;
  municipality_name: string | null;
  village_name: string | null;
  invited_by_name: string | null;
}

/** The live invitation with this token hash, or null when it is used, expired or disabled. */
export async function findLiveInvitation(db: Db, tokenHash: string): Promise<InvitationRow | null> {
  const rows: InvitationRow[] = await db.query(
    `SELECT u.email, u.name, u.role, m.name AS municipality_name, v.name AS village_name,
            COALESCE(sender.name, inviter.name) AS invited_by_name
       FROM one_time_tokens t
       JOIN users u ON u.id = t.user_id
       LEFT JOIN municipalities m ON m.id = u.municipality_id
       LEFT JOIN villages v ON v.id = u.village_id
       LEFT JOIN users sender ON sender.id = t.created_by_id
       LEFT JOIN users inviter ON inviter.id = u.invited_by_id
      WHERE t.token_hash = $1 AND t.kind = 'invitation' AND t.used_at IS NULL AND t.expires_at > now()
        AND u.disabled_at IS NULL`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/**
 * Retention (issue 17): the ids of accounts disabled more than `days` before `now`, longest
 * disabled first, at most `limit`. Only read here: erasing them is the erasure service's work.
 */
export async function disabledAccountsDue(
  db: Db,
  now: Date,
  days: number,
  limit: number,
): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM users u
      WHERE disabled_at < $1::timestamptz - make_interval(days => $2)
        AND NOT EXISTS (SELECT 1 FROM erasure_requests r
                         WHERE r.user_id = u.id AND r.state <> 'cancelled')
      ORDER BY disabled_at, id
      LIMIT $3`,
    [now, days, limit],
  );
  return rows.map((r) => r.id);
}
