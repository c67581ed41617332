import { Inject, Injectable } from '@nestjs/common';
import type { Locale } from '@blup/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { NewsletterRecipient } from '../newsletters/newsletter-ports';
import { deliveryMessageId } from './newsletter-delivery.constants';

/** A delivery row as a batch holds it while sending. */
export interface ClaimedDelivery {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  userId: string | null;
  subscriberId: string | null;
  villageId: string | null;
  sessionId: string | null;
  /** This try's number (1 for the first). */
  attempts: number;
  messageId: string;
  /** The claim's time, to the millisecond: the batch's proof it still owns the row. */
  claimedAt: Date;
}

export interface OpenDeliveries {
  /** Rows still pending or sending. */
  open: number;
  /** When the next of them may be claimed (now or earlier: at once); null when none is open. */
  nextDueAt: Date | null;
}

const INSERT_CHUNK = 5000;

interface ClaimedRow {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  user_id: string | null;
  subscriber_id: string | null;
  village_id: string | null;
  session_id: string | null;
  attempts: number;
  message_id: string;
  claimed_at: Date;
}

/**
 * The delivery module's SQL: it writes only `newsletter_deliveries` (the newsletter's status
 * moves through NewsletterLifecycle, owned by newsletters/) and reads the newsletters it sends.
 * Each row goes `pending → sending → sent | failed | bounced`; `sending` carries `claimed_at`, a
 * lease: a row claimed longer ago than NEWSLETTER_LEASE_SECONDS belongs to a worker that died
 * and may be claimed again. A pending row that failed before waits its backoff (from
 * `updated_at`).
 */
@Injectable()
export class DeliveryQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async newsletterState(
    newsletterId: string,
  ): Promise<{ status: string; sendAt: Date | null } | null> {
    const [row] = await this.dataSource.query<{ status: string; send_at: Date | null }[]>(
      `SELECT status, send_at FROM newsletters WHERE id = $1`,
      [newsletterId],
    );
    return row ? { status: row.status, sendAt: row.send_at } : null;
  }

  /**
   * One pending row per recipient, in the caller's transaction (the one that moved the
   * newsletter to `sending`), so the snapshot is taken once.
   */
  async insertPending(
    em: EntityManager,
    newsletterId: string,
    recipients: readonly NewsletterRecipient[],
  ): Promise<void> {
    for (let i = 0; i < recipients.length; i += INSERT_CHUNK) {
      const chunk = recipients.slice(i, i + INSERT_CHUNK);
      const ids = chunk.map(() => randomUUID());
      await em.query(
        `INSERT INTO newsletter_deliveries
           (id, newsletter_id, email, name, locale, user_id, subscriber_id, village_id, session_id, message_id)
         SELECT r.id, $1, r.email, r.name, r.locale, r.user_id, r.subscriber_id, r.village_id,
                r.session_id, r.message_id
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[],
                       $8::uuid[], $9::uuid[], $10::text[])
                AS r(id, email, name, locale, user_id, subscriber_id, village_id, session_id, message_id)
         ON CONFLICT (newsletter_id, email) DO NOTHING`,
        [
          newsletterId,
          ids,
          chunk.map((r) => r.email.toLowerCase()),
          chunk.map((r) => r.name.slice(0, 200)),
          chunk.map((r) => r.locale),
          chunk.map((r) => r.userId),
          chunk.map((r) => r.subscriberId),
          chunk.map((r) => r.villageId),
          chunk.map((r) => r.sessionId),
          ids.map(deliveryMessageId),
        ],
      );
    }
  }

  // TypeORM answers an UPDATE on PostgreSQL with [rows, affected count], hence the casts below.

  /**
   * Claims up to `limit` rows that may be tried now: pending ones past their backoff, and
   * sending ones whose lease ran out. Rows another batch is claiming are skipped, not waited for.
   */
  async claim(newsletterId: string, limit: number): Promise<ClaimedDelivery[]> {
    const { retryDelayMs, leaseMs } = this.config.newsletters;
    const [rows] = (await this.dataSource.query(
      `WITH picked AS (
         SELECT id FROM newsletter_deliveries
          WHERE newsletter_id = $1
            AND ((status = 'pending'
                  AND (attempts = 0
                       OR updated_at <= now() - make_interval(secs => $2::float8 / 1000 * power(2, least(attempts, 17) - 1))))
              OR (status = 'sending' AND claimed_at <= now() - make_interval(secs => $3::float8 / 1000)))
          LIMIT $4
          FOR UPDATE SKIP LOCKED)
       UPDATE newsletter_deliveries d
          SET status = 'sending', attempts = d.attempts + 1,
              claimed_at = date_trunc('milliseconds', now()), updated_at = now()
         FROM picked WHERE d.id = picked.id
       RETURNING d.id, d.email, d.name, d.locale, d.user_id, d.subscriber_id, d.village_id,
                 d.session_id, d.attempts, d.message_id, d.claimed_at`,
      [newsletterId, retryDelayMs, leaseMs, limit],
    )) as [ClaimedRow[], number];
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      locale: r.locale,
      userId: r.user_id,
      subscriberId: r.subscriber_id,
      villageId: r.village_id,
      sessionId: r.session_id,
      attempts: r.attempts,
      messageId: r.message_id,
      claimedAt: r.claimed_at,
    }));
  }

  /**
   * Right after the servers' 250s, one UPDATE for a group of rows (see GroupCommit): the ids of
   * the rows marked; a row missing from them was no longer its batch's. It commits without
   * waiting for the WAL flush (`synchronous_commit` off for this transaction only): a worker
   * dying loses nothing, and a PostgreSQL crash can lose only the marks of its last fraction of
   * a second, whose messages then go again with the same Message-ID, as after a crash between
   * the 250 and the UPDATE. Waiting for the disk per group cost about half the sending rate.
   */
  async markSent(rows: readonly ClaimedDelivery[]): Promise<Set<string>> {
    if (!rows.length) return new Set();
    const [updated] = (await this.dataSource.query(
      `UPDATE newsletter_deliveries d
          SET status = 'sent', sent_at = now(), last_error = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::timestamptz[]) AS r(id, claimed_at),
              (SELECT set_config('synchronous_commit', 'off', true)) AS no_flush_wait(setting)
        WHERE d.id = r.id AND d.status = 'sending' AND d.claimed_at = r.claimed_at
       RETURNING d.id`,
      [rows.map((r) => r.id), rows.map((r) => r.claimedAt)],
    )) as [{ id: string }[], number];
    return new Set(updated.map((r) => r.id));
  }

  /** Final: `failed` or `bounced`, with the server's reply. */
  async markFinal(
    row: ClaimedDelivery,
    status: 'failed' | 'bounced',
    error: string,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE newsletter_deliveries SET status = $3, last_error = $4, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND claimed_at = $2`,
      [row.id, row.claimedAt, status, error],
    );
  }

  /** Back to pending after a temporary error; claimable again after its backoff. */
  async markRetry(row: ClaimedDelivery, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE newsletter_deliveries
          SET status = 'pending', last_error = $3, claimed_at = NULL, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND claimed_at = $2`,
      [row.id, row.claimedAt, error],
    );
  }

  /** Gives back rows a batch claimed but did not try (stopping, or near the end of its lease). */
  async release(rows: readonly ClaimedDelivery[]): Promise<void> {
    if (!rows.length) return;
    await this.dataSource.query(
      `UPDATE newsletter_deliveries d
          SET status = 'pending', attempts = d.attempts - 1, claimed_at = NULL
         FROM unnest($1::uuid[], $2::timestamptz[]) AS r(id, claimed_at)
        WHERE d.id = r.id AND d.status = 'sending' AND d.claimed_at = r.claimed_at`,
      [rows.map((r) => r.id), rows.map((r) => r.claimedAt)],
    );
  }

  async open(newsletterId: string): Promise<OpenDeliveries> {
    const { retryDelayMs, leaseMs } = this.config.newsletters;
    const [row] = await this.dataSource.query<{ open: number; next_due_at: Date | null }[]>(
      `SELECT count(*)::int AS open,
              min(CASE WHEN status = 'sending'
                         THEN claimed_at + make_interval(secs => $3::float8 / 1000)
                       WHEN attempts = 0 THEN now()
                       ELSE updated_at + make_interval(secs => $2::float8 / 1000 * power(2, least(attempts, 17) - 1))
                  END) AS next_due_at
         FROM newsletter_deliveries
        WHERE newsletter_id = $1 AND status IN ('pending', 'sending')`,
      [newsletterId, retryDelayMs, leaseMs],
    );
    return { open: row?.open ?? 0, nextDueAt: row?.next_due_at ?? null };
  }

  /** Newsletters a worker should look at: scheduled ones (all) and those under way. */
  async sweepable(): Promise<{ id: string; status: string; sendAt: Date | null }[]> {
    const rows = await this.dataSource.query<
      { id: string; status: string; send_at: Date | null }[]
    >(
      `SELECT id, status, send_at FROM newsletters
        WHERE status IN ('scheduled', 'sending') ORDER BY send_at NULLS FIRST`,
    );
    return rows.map((r) => ({ id: r.id, status: r.status, sendAt: r.send_at }));
  }

  /**
   * Retention (issue 17): in at most `limit` deliveries finished (sent, failed or bounced) more
   * than `days` before `now` and not anonymised yet, replaces the address by
   * `slettet-<id>@slettet.invalid` (unique, so the (newsletter, email) key holds) and clears the
   * name and the last error (an SMTP answer may quote the address). Status and times stay, so
   * the newsletter's statistics do. Returns how many rows changed.
   */
  async anonymiseFinished(now: Date, days: number, limit: number): Promise<number> {
    const [, changed] = await this.dataSource.query<[unknown, number]>(
      `UPDATE newsletter_deliveries
          SET email = 'slettet-' || id || '@slettet.invalid', name = '', last_error = NULL
        WHERE id IN (SELECT id FROM newsletter_deliveries
                      WHERE status IN ('sent', 'failed', 'bounced')
                        AND coalesce(sent_at, updated_at) < $1::timestamptz - make_interval(days => $2)
                        AND email NOT LIKE '%@slettet.invalid'
                      LIMIT $3)`,
      [now, days, limit],
    );
    return changed;
  }
}
