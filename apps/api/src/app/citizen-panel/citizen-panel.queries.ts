import {
  CONSENT_TEXT_VERSION,
  PANEL_CONFIRM_DAYS,
  type Locale,
  type PanelCounts,
  type PanelImportRowReport,
  type PanelSubscriberSource,
  type PanelSubscriberStatus,
} from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { PanelConsentAction } from '../database/entities/citizen-panel';

/** The citizen panel's SQL: `panel_*` tables (its own), and the villages and users it reads. */

export interface VillageRow {
  id: string;
  name: string;
  municipality_id: string;
  municipality_name: string;
}

export interface SubscriberRow {
  id: string;
  email: string;
  name: string;
  status: PanelSubscriberStatus;
  source: PanelSubscriberSource;
  confirmed_at: Date | null;
  unsubscribed_at: Date | null;
  created_at: Date;
}

/** Rows per INSERT in an import: well under PostgreSQL's parameter limit with unnest arrays. */
const IMPORT_CHUNK = 1000;

export async function findVillage(
  em: EntityManager,
  villageId: string,
): Promise<VillageRow | undefined> {
  const [village] = (await em.query(
    `SELECT v.id, v.name, v.municipality_id, m.name AS municipality_name
       FROM villages v JOIN municipalities m ON m.id = v.municipality_id WHERE v.id = $1`,
    [villageId],
  )) as VillageRow[];
  return village;
}

// ---- sign-up and confirmation ----------------------------------------------------------------

/**
 * The subscriber row of this address in this village, locked; inserted as `pending` when there
 * is none. Requests for one address take their turn on the lock.
 */
export async function lockOrInsertSubscriber(
  m: EntityManager,
  villageId: string,
  email: string,
  name: string,
  locale: Locale,
): Promise<{ id: string; status: PanelSubscriberStatus; name: string }> {
  const select = `SELECT id, status, name FROM panel_subscribers
                   WHERE village_id = $1 AND email = $2 FOR UPDATE`;
  const [found] = await m.query(select, [villageId, email]);
  if (found) return found;
  const [inserted] = await m.query(
    `INSERT INTO panel_subscribers (village_id, email, name, locale, status, source)
     VALUES ($1, $2, $3, $4, 'pending', 'signup')
     ON CONFLICT (village_id, email) DO NOTHING RETURNING id, status, name`,
    [villageId, email, name, locale],
  );
  if (inserted) return inserted;
  // Someone signed up with the same address at the same moment: take their row.
  const [raced] = await m.query(select, [villageId, email]);
  return raced;
}

/** Whether an unused confirmation link went out to this subscriber in the last `minutes`. */
export async function recentConfirmLink(
  m: EntityManager,
  subscriberId: string,
  minutes: number,
): Promise<boolean> {
  const [recent] = await m.query(
    `SELECT 1 FROM panel_tokens
      WHERE subscriber_id = $1 AND kind = 'confirm' AND used_at IS NULL
        AND created_at > now() - make_interval(mins => $2)
      LIMIT 1`,
    [subscriberId, minutes],
  );
  return recent !== undefined;
}

export async function renameSubscriber(
  m: EntityManager,
  subscriberId: string,
  name: string,
  locale: Locale,
): Promise<void> {
  await m.query(
    `UPDATE panel_subscribers SET name = $2, locale = $3, updated_at = now() WHERE id = $1`,
    [subscriberId, name, locale],
  );
}

/** A confirmation link (its hash), valid for PANEL_CONFIRM_DAYS. */
export async function insertConfirmToken(
  m: EntityManager,
  subscriberId: string,
  tokenHash: string,
): Promise<void> {
  await m.query(
    `INSERT INTO panel_tokens (subscriber_id, kind, token_hash, expires_at)
     VALUES ($1, 'confirm', $2, now() + make_interval(days => $3))`,
    [subscriberId, tokenHash, PANEL_CONFIRM_DAYS],
  );
}

export async function deleteToken(em: EntityManager, tokenHash: string): Promise<void> {
  await em.query(`DELETE FROM panel_tokens WHERE token_hash = $1`, [tokenHash]);
}

/** A confirmation link by its hash, locked. */
export async function lockConfirmToken(
  m: EntityManager,
  tokenHash: string,
): Promise<
  { id: string; subscriber_id: string; used_at: Date | null; expired: boolean } | undefined
> {
  const [row] = (await m.query(
    `SELECT t.id, t.subscriber_id, t.used_at, t.expires_at < now() AS expired
       FROM panel_tokens t WHERE t.token_hash = $1 AND t.kind = 'confirm' FOR UPDATE`,
    [tokenHash],
  )) as { id: string; subscriber_id: string; used_at: Date | null; expired: boolean }[];
  return row;
}

/** Spends every open link of the subscriber. */
export async function useTokensOf(m: EntityManager, subscriberId: string): Promise<void> {
  await m.query(
    `UPDATE panel_tokens SET used_at = now() WHERE subscriber_id = $1 AND used_at IS NULL`,
    [subscriberId],
  );
}

/** `→ subscribed` by confirmation; the subscriber with their village's name. */
export async function confirmSubscriber(
  m: EntityManager,
  subscriberId: string,
): Promise<{ id: string; email: string; village_id: string; village_name: string }> {
  const [subscriber] = (await m.query(
    `UPDATE panel_subscribers
        SET status = 'subscribed', confirmed_at = now(), unsubscribed_at = NULL, updated_at = now()
      WHERE id = $1
      RETURNING id, email, village_id, (SELECT name FROM villages WHERE id = village_id) AS village_name`,
    [subscriberId],
  )) as [{ id: string; email: string; village_id: string; village_name: string }[], number];
  return subscriber[0];
}

// ---- preferences and unsubscribing -----------------------------------------------------------

/** `→ subscribed` again from the preferences page (confirmed before, or now). */
export async function resubscribe(m: EntityManager, subscriberId: string): Promise<void> {
  await m.query(
    `UPDATE panel_subscribers
        SET status = 'subscribed', confirmed_at = coalesce(confirmed_at, now()),
            unsubscribed_at = NULL, updated_at = now()
      WHERE id = $1`,
    [subscriberId],
  );
}

/** `→ unsubscribed`; false when they had left already. */
export async function unsubscribeRow(m: EntityManager, subscriberId: string): Promise<boolean> {
  const [rows] = (await m.query(
    `UPDATE panel_subscribers SET status = 'unsubscribed', unsubscribed_at = now(), updated_at = now()
      WHERE id = $1 AND status <> 'unsubscribed' RETURNING id`,
    [subscriberId],
  )) as [{ id: string }[], number];
  return rows.length > 0;
}

/** One step of consent, with the consent text's version. */
export async function insertConsent(
  m: EntityManager,
  subscriberId: string,
  action: PanelConsentAction,
  ip: string | null,
  actorId: string | null,
): Promise<void> {
  await m.query(
    `INSERT INTO panel_consents (subscriber_id, action, consent_text_version, ip, actor_id)
     VALUES ($1, $2, $3, $4, $5)`,
    [subscriberId, action, CONSENT_TEXT_VERSION, ip?.slice(0, 64) ?? null, actorId],
  );
}

/** A person with an account, as their preferences page shows them. */
export async function userPreferencesRow(
  m: EntityManager,
  userId: string,
): Promise<
  { email: string; name: string; village_name: string | null; subscribed: boolean } | undefined
> {
  const [user] = (await m.query(
    `SELECT u.email, u.name, v.name AS village_name, u.newsletters_opted_out_at IS NULL AS subscribed
       FROM users u LEFT JOIN villages v ON v.id = u.village_id WHERE u.id = $1`,
    [userId],
  )) as { email: string; name: string; village_name: string | null; subscribed: boolean }[];
  return user;
}

/** A panel subscriber, as their preferences page shows them. */
export async function subscriberPreferencesRow(
  m: EntityManager,
  subscriberId: string,
): Promise<
  { email: string; name: string; status: PanelSubscriberStatus; village_name: string } | undefined
> {
  const [row] = (await m.query(
    `SELECT s.email, s.name, s.status, v.name AS village_name
       FROM panel_subscribers s JOIN villages v ON v.id = s.village_id WHERE s.id = $1`,
    [subscriberId],
  )) as { email: string; name: string; status: PanelSubscriberStatus; village_name: string }[];
  return row;
}

// ---- the village's list and import -----------------------------------------------------------

/** One page of a village's panel, newest first, by status and a search in email and name. */
export async function subscriberPage(
  em: EntityManager,
  villageId: string,
  filter: { status?: PanelSubscriberStatus; q: string | null; take: number; skip: number },
): Promise<{ rows: SubscriberRow[]; total: number }> {
  const where = ['village_id = $1'];
  const params: unknown[] = [villageId];
  if (filter.status) {
    params.push(filter.status);
    where.push(`status = $${params.length}`);
  }
  if (filter.q) {
    params.push(filter.q);
    where.push(`(email ILIKE $${params.length} OR name ILIKE $${params.length})`);
  }
  const [rows, totals] = await Promise.all([
    em.query(
      `SELECT id, email, name, status, source, confirmed_at, unsubscribed_at, created_at
         FROM panel_subscribers WHERE ${where.join(' AND ')}
        ORDER BY created_at DESC, id
        LIMIT ${filter.take} OFFSET ${filter.skip}`,
      params,
    ) as Promise<SubscriberRow[]>,
    em.query(
      `SELECT count(*)::int AS total FROM panel_subscribers WHERE ${where.join(' AND ')}`,
      params,
    ) as Promise<{ total: number }[]>,
  ]);
  return { rows, total: totals[0].total };
}

export async function panelCounts(em: EntityManager, villageId: string): Promise<PanelCounts> {
  const rows = (await em.query(
    `SELECT status, count(*)::int AS n FROM panel_subscribers WHERE village_id = $1 GROUP BY status`,
    [villageId],
  )) as { status: PanelSubscriberStatus; n: number }[];
  const counts: PanelCounts = { pending: 0, subscribed: 0, unsubscribed: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** Removes the person and (by cascade) their consent log; false when not on this panel. */
export async function deleteSubscriber(
  em: EntityManager,
  villageId: string,
  subscriberId: string,
): Promise<boolean> {
  const [, affected] = (await em.query(
    `DELETE FROM panel_subscribers WHERE id = $1 AND village_id = $2`,
    [subscriberId, villageId],
  )) as [unknown, number];
  return affected > 0;
}

/** The village's subscribers with these addresses, locked for the import. */
export function lockSubscribersByEmail(
  m: EntityManager,
  villageId: string,
  emails: readonly string[],
): Promise<{ id: string; email: string; status: PanelSubscriberStatus }[]> {
  return m.query(
    `SELECT id, email, status FROM panel_subscribers
      WHERE village_id = $1 AND email = ANY($2::text[]) FOR UPDATE`,
    [villageId, emails],
  );
}

/** `pending → subscribed` for people an import names (the importer attests to consent). */
export async function confirmByImport(m: EntityManager, ids: readonly string[]): Promise<void> {
  await m.query(
    `UPDATE panel_subscribers
        SET status = 'subscribed', confirmed_at = now(), updated_at = now()
      WHERE id = ANY($1::uuid[])`,
    [ids],
  );
}

/** New imported subscribers, in chunks; the ids of those inserted (not already there). */
export async function insertImported(
  m: EntityManager,
  villageId: string,
  people: readonly { email: string; name: string }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < people.length; i += IMPORT_CHUNK) {
    const chunk = people.slice(i, i + IMPORT_CHUNK);
    const inserted = (await m.query(
      `INSERT INTO panel_subscribers (village_id, email, name, status, source, confirmed_at)
       SELECT $1, x.email, x.name, 'subscribed', 'import', now()
         FROM unnest($2::text[], $3::text[]) AS x(email, name)
       ON CONFLICT (village_id, email) DO NOTHING
       RETURNING id`,
      [villageId, chunk.map((p) => p.email), chunk.map((p) => p.name)],
    )) as { id: string }[];
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** The `imported` consent of each person an import added or confirmed, naming the importer. */
export async function insertImportConsents(
  m: EntityManager,
  subscriberIds: readonly string[],
  actorId: string,
  ip: string | undefined,
): Promise<void> {
  await m.query(
    `INSERT INTO panel_consents (subscriber_id, action, consent_text_version, ip, actor_id)
     SELECT id, 'imported', $2, $4, $3 FROM unnest($1::uuid[]) AS id`,
    [subscriberIds, CONSENT_TEXT_VERSION, actorId, ip?.slice(0, 64) ?? null],
  );
}

/** The import's record: who, the attestation, the counts and the row report. */
export async function insertImportRecord(
  m: EntityManager,
  record: {
    villageId: string;
    actorId: string;
    attestation: string;
    added: number;
    merged: number;
    invalid: number;
    report: readonly PanelImportRowReport[];
  },
): Promise<string> {
  const [saved] = (await m.query(
    `INSERT INTO panel_imports
       (village_id, created_by_id, attestation, consent_text_version, added, merged, invalid, report)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) RETURNING id`,
    [
      record.villageId,
      record.actorId,
      record.attestation,
      CONSENT_TEXT_VERSION,
      record.added,
      record.merged,
      record.invalid,
      JSON.stringify(record.report),
    ],
  )) as { id: string }[];
  return saved.id;
}

/**
 * Retention (issue 17): deletes at most `limit` sign-ups never confirmed whose last sign-up (its
 * creation, or a repeated sign-up that sent a new link) lies more than `days` before `now`.
 * Their consent records and links go with them (ON DELETE CASCADE); a delivery that named one
 * keeps its row without the link (ON DELETE SET NULL). Returns how many were deleted.
 */
export async function deleteUnconfirmedSignups(
  em: EntityManager,
  now: Date,
  days: number,
  limit: number,
): Promise<number> {
  const [, deleted] = await em.query<[unknown, number]>(
    `DELETE FROM panel_subscribers
      WHERE id IN (SELECT id FROM panel_subscribers
                    WHERE status = 'pending' AND confirmed_at IS NULL
                      AND updated_at < $1::timestamptz - make_interval(days => $2)
                    LIMIT $3)`,
    [now, days, limit],
  );
  return deleted;
}
