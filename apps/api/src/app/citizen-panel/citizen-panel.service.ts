import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  CONSENT_TEXT_VERSION,
  ErrorCode,
  PANEL_CONFIRM_DAYS,
  PANEL_CONSENT_TEXT,
  PANEL_IMPORT_ATTESTATION,
  PANEL_IMPORT_MAX_ROWS,
  type Locale,
  type PanelConfirmResponse,
  type PanelCounts,
  type PanelImportResult,
  type PanelImportRowReport,
  type PanelPreferencesDto,
  type PanelSignUpResponse,
  type PanelSubscriberDto,
  type PanelSubscriberPage,
  type PanelSubscriberSource,
  type PanelSubscriberStatus,
  type PanelVillageDto,
  type UnsubscribeResponse,
} from '@blup/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { hashToken, newToken } from '../auth/tokens';
import { SignInRateLimiter } from '../auth/sign-in-rate-limiter';
import { AppException, fieldError, notFound } from '../common/app-exception';
import { likePattern, pageWindow } from '../common/pagination';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { PanelConsentAction } from '../database/entities/citizen-panel';
import { MailProducer } from '../mail/mail.producer';
import type { PanelSignUpBody, PanelSubscribersQueryDto } from './citizen-panel.dto';
import { canManagePanel, canSeePanelVillage } from '../access/panel-access-policy';
import { parsePanelCsv } from './panel-csv';
import {
  readUnsubscribeToken,
  unsubscribeToken,
  type UnsubscribeSubject,
} from './unsubscribe-link';

interface VillageRow {
  id: string;
  name: string;
  municipality_id: string;
  municipality_name: string;
}

interface SubscriberRow {
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

/**
 * At most one confirmation mail per address and village in this many minutes, whoever asks
 * from wherever: the per-IP limit alone would let many networks flood one inbox.
 */
export const CONFIRM_MAIL_INTERVAL_MINUTES = 10;

const LINK_INVALID = new AppException(
  HttpStatus.NOT_FOUND,
  ErrorCode.PanelUnsubscribeLinkInvalid,
  'We do not know this link. Use the link at the bottom of the latest mail you got.',
);

function toSubscriberDto(r: SubscriberRow): PanelSubscriberDto {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    status: r.status,
    source: r.source,
    confirmedAt: r.confirmed_at?.toISOString() ?? null,
    unsubscribedAt: r.unsubscribed_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

function consentTextFor(villageName: string): Record<Locale, string> {
  return {
    da: PANEL_CONSENT_TEXT.da.replace('{landsby}', villageName),
    en: PANEL_CONSENT_TEXT.en.replace('{landsby}', villageName),
  };
}

/**
 * Each village's citizen panel. Sign-up is double opt-in: a `pending` row and a single-use,
 * expiring confirmation link; only the confirmation makes someone `subscribed`. Every step a
 * person (or an importer on their behalf) takes is appended to `panel_consents` with the
 * consent text's version and, where there is one, the IP address.
 */
@Injectable()
export class CitizenPanelService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly mail: MailProducer,
    private readonly limit: SignInRateLimiter,
  ) {}

  // ---- public: sign-up and confirmation -------------------------------------------------------

  async village(villageId: string): Promise<PanelVillageDto> {
    const village = await this.findVillage(villageId);
    return {
      villageId: village.id,
      villageName: village.name,
      municipalityName: village.municipality_name,
      consentText: consentTextFor(village.name),
      consentTextVersion: CONSENT_TEXT_VERSION,
    };
  }

  /**
   * The answer is the same whether the address is new, waiting, on the list already or gone:
   * the form never tells a stranger who is on a panel. Someone already subscribed is left as
   * they are and gets no mail. Nor does someone whose unused confirmation link went out less than
   * CONFIRM_MAIL_INTERVAL_MINUTES ago: that request changes nothing (the link in the first mail
   * still works), and the answer is the same.
   */
  async signUp(
    villageId: string,
    body: PanelSignUpBody,
    ip: string | undefined,
  ): Promise<PanelSignUpResponse> {
    if (body.consent !== true) {
      throw fieldError(
        ErrorCode.PanelConsentRequired,
        'consent',
        'Tick the consent box to sign up: we only add people who agreed.',
      );
    }
    await this.limit.countIp('panel-sign-up', ip);
    const village = await this.findVillage(villageId);
    const locale: Locale = body.locale ?? 'da';
    const name = body.name ?? '';
    const token = newToken();
    const sendTo = await this.dataSource.transaction(async (m) => {
      const subscriber = await this.lockOrInsert(m, village.id, body.email, name, locale);
      if (subscriber.status === 'subscribed') return null;
      // The row is locked: requests for one address take their turn here.
      const [recent] = await m.query(
        `SELECT 1 FROM panel_tokens
          WHERE subscriber_id = $1 AND kind = 'confirm' AND used_at IS NULL
            AND created_at > now() - make_interval(mins => $2)
          LIMIT 1`,
        [subscriber.id, CONFIRM_MAIL_INTERVAL_MINUTES],
      );
      if (recent) return null;
      if (name) {
        await m.query(
          `UPDATE panel_subscribers SET name = $2, locale = $3, updated_at = now() WHERE id = $1`,
          [subscriber.id, name, locale],
        );
      }
      await this.consent(m, subscriber.id, 'requested', ip ?? null, null);
      await m.query(
        `INSERT INTO panel_tokens (subscriber_id, kind, token_hash, expires_at)
         VALUES ($1, 'confirm', $2, now() + make_interval(days => $3))`,
        [subscriber.id, hashToken(token), PANEL_CONFIRM_DAYS],
      );
      return subscriber;
    });
    if (sendTo) {
      try {
        await this.mail.send({
          to: body.email,
          template: 'panel_confirm',
          locale,
          data: {
            name: name || sendTo.name,
            villageName: village.name,
            url: `${this.config.publicUrl}/panel/confirm?token=${token}`,
            days: PANEL_CONFIRM_DAYS,
          },
        });
      } catch (error) {
        // No mail went out: drop its link, so trying again is not held back by the interval.
        await this.dataSource
          .query(`DELETE FROM panel_tokens WHERE token_hash = $1`, [hashToken(token)])
          .catch(() => undefined);
        throw error;
      }
    }
    return { status: 'check_mail' };
  }

  /** A used or expired link changes nothing and says which it was. */
  async confirm(token: string, ip: string | undefined): Promise<PanelConfirmResponse> {
    return this.dataSource.transaction(async (m) => {
      const [row] = (await m.query(
        `SELECT t.id, t.subscriber_id, t.used_at, t.expires_at < now() AS expired
           FROM panel_tokens t WHERE t.token_hash = $1 AND t.kind = 'confirm' FOR UPDATE`,
        [hashToken(token)],
      )) as { id: string; subscriber_id: string; used_at: Date | null; expired: boolean }[];
      if (!row) {
        throw new AppException(
          HttpStatus.NOT_FOUND,
          ErrorCode.PanelConfirmLinkInvalid,
          'We do not know this link. Open the link in the mail again, or copy all of it.',
        );
      }
      if (row.used_at) {
        throw new AppException(
          HttpStatus.GONE,
          ErrorCode.PanelConfirmLinkUsed,
          'This link was used already. Your sign-up is confirmed; there is nothing more to do.',
        );
      }
      if (row.expired) {
        throw new AppException(
          HttpStatus.GONE,
          ErrorCode.PanelConfirmLinkExpired,
          `This link has expired (it works for ${PANEL_CONFIRM_DAYS} days). Sign up again to get a new one.`,
          { params: { days: PANEL_CONFIRM_DAYS } },
        );
      }
      // Every open link of this person is spent: one confirmation is enough.
      await m.query(
        `UPDATE panel_tokens SET used_at = now() WHERE subscriber_id = $1 AND used_at IS NULL`,
        [row.subscriber_id],
      );
      const [subscriber] = (await m.query(
        `UPDATE panel_subscribers
            SET status = 'subscribed', confirmed_at = now(), unsubscribed_at = NULL, updated_at = now()
          WHERE id = $1
          RETURNING id, email, village_id, (SELECT name FROM villages WHERE id = village_id) AS village_name`,
        [row.subscriber_id],
      )) as [{ id: string; email: string; village_id: string; village_name: string }[], number];
      const updated = subscriber[0];
      await this.consent(m, updated.id, 'confirmed', ip ?? null, null);
      return {
        villageId: updated.village_id,
        villageName: updated.village_name,
        email: updated.email,
        status: 'subscribed' as const,
        preferencesToken: unsubscribeToken(this.config.signingSecret, {
          kind: 'subscriber',
          id: updated.id,
        }),
      };
    });
  }

  // ---- public: preferences and one-click unsubscribe ------------------------------------------

  async preferences(token: string): Promise<PanelPreferencesDto> {
    const subject = this.readToken(token);
    return this.preferencesOf(this.dataSource.manager, subject);
  }

  async setPreferences(
    token: string,
    subscribed: boolean,
    ip: string | undefined,
  ): Promise<PanelPreferencesDto> {
    const subject = this.readToken(token);
    return this.dataSource.transaction(async (m) => {
      const current = await this.preferencesOf(m, subject);
      if (current.subscribed === subscribed) return current;
      if (subject.kind === 'user') {
        await m.query(
          `UPDATE users SET newsletters_opted_out_at = ${subscribed ? 'NULL' : 'now()'} WHERE id = $1`,
          [subject.id],
        );
      } else if (subscribed) {
        await m.query(
          `UPDATE panel_subscribers
              SET status = 'subscribed', confirmed_at = coalesce(confirmed_at, now()),
                  unsubscribed_at = NULL, updated_at = now()
            WHERE id = $1`,
          [subject.id],
        );
        await this.consent(m, subject.id, 'resubscribed', ip ?? null, null);
      } else {
        await this.unsubscribeSubscriber(m, subject.id, ip);
      }
      return { ...current, subscribed };
    });
  }

  /**
   * RFC 8058 one-click: the token is the proof. Leaving twice, or leaving a list one was removed
   * from, answers the same and changes nothing.
   */
  async unsubscribe(token: string, ip: string | undefined): Promise<UnsubscribeResponse> {
    const subject = this.readToken(token);
    if (subject.kind === 'user') {
      await this.dataSource.query(
        `UPDATE users SET newsletters_opted_out_at = now()
          WHERE id = $1 AND newsletters_opted_out_at IS NULL`,
        [subject.id],
      );
    } else {
      await this.dataSource.transaction((m) => this.unsubscribeSubscriber(m, subject.id, ip));
    }
    return { unsubscribed: true };
  }

  preferencesUrl(token: string): string {
    return `${this.config.publicUrl}/panel/preferences?token=${encodeURIComponent(token)}`;
  }

  // ---- signed in: the list, removal, import -------------------------------------------------

  async list(
    actor: Actor,
    villageId: string,
    query: PanelSubscribersQueryDto,
  ): Promise<PanelSubscriberPage> {
    const village = await this.findManageable(actor, villageId);
    const where = ['village_id = $1'];
    const params: unknown[] = [village.id];
    if (query.status) {
      params.push(query.status);
      where.push(`status = $${params.length}`);
    }
    if (query.q) {
      params.push(likePattern(query.q));
      where.push(`(email ILIKE $${params.length} OR name ILIKE $${params.length})`);
    }
    const { page, pageSize, skip, take } = pageWindow(query);
    const [rows, totals, counts] = await Promise.all([
      this.dataSource.query(
        `SELECT id, email, name, status, source, confirmed_at, unsubscribed_at, created_at
           FROM panel_subscribers WHERE ${where.join(' AND ')}
          ORDER BY created_at DESC, id
          LIMIT ${take} OFFSET ${skip}`,
        params,
      ) as Promise<SubscriberRow[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM panel_subscribers WHERE ${where.join(' AND ')}`,
        params,
      ) as Promise<{ total: number }[]>,
      this.counts(village.id),
    ]);
    return {
      items: rows.map(toSubscriberDto),
      total: totals[0].total,
      page,
      pageSize,
      villageName: village.name,
      counts,
    };
  }

  /** Removes the person and their consent log (erasure on request). */
  async remove(actor: Actor, villageId: string, subscriberId: string): Promise<void> {
    const village = await this.findManageable(actor, villageId);
    const [, affected] = (await this.dataSource.query(
      `DELETE FROM panel_subscribers WHERE id = $1 AND village_id = $2`,
      [subscriberId, village.id],
    )) as [unknown, number];
    if (!affected) throw notFound('There is no such person on this panel.');
  }

  /**
   * Imported people join at once (the importer attests to their consent, recorded as
   * `imported` naming the importer). Duplicates in the file and people already on the list are
   * merged; people who left the panel are not brought back; malformed rows are reported.
   */
  async import(
    actor: Actor,
    villageId: string,
    input: { csv: string | undefined; attestation: boolean; attestationText?: string },
    ip?: string,
  ): Promise<PanelImportResult> {
    const village = await this.findManageable(actor, villageId);
    if (input.attestation !== true) {
      throw fieldError(
        ErrorCode.PanelAttestationRequired,
        'attestation',
        'Tick the box to confirm that everyone on the list has agreed to join the panel.',
      );
    }
    const parsed = parsePanelCsv(input.csv ?? '');
    if (parsed.rows === 0) {
      throw fieldError(
        ErrorCode.PanelImportEmpty,
        'csv',
        'The file has no rows with email addresses. Choose another file.',
      );
    }
    if (parsed.rows > PANEL_IMPORT_MAX_ROWS) {
      throw fieldError(
        ErrorCode.PanelImportTooLarge,
        'csv',
        `The file has ${parsed.rows} rows. Split it into files of at most ${PANEL_IMPORT_MAX_ROWS} rows.`,
        { max: PANEL_IMPORT_MAX_ROWS },
      );
    }
    const attestation = input.attestationText?.trim() || PANEL_IMPORT_ATTESTATION.da;
    return this.dataSource.transaction(async (m) => {
      const emails = parsed.people.map((p) => p.email);
      const existing = (await m.query(
        `SELECT id, email, status FROM panel_subscribers
          WHERE village_id = $1 AND email = ANY($2::text[]) FOR UPDATE`,
        [village.id, emails],
      )) as { id: string; email: string; status: PanelSubscriberStatus }[];
      const byEmail = new Map(existing.map((e) => [e.email, e]));
      const skipped: PanelImportRowReport[] = [];
      const fresh: { email: string; name: string }[] = [];
      const confirmNow: string[] = [];
      let merged = parsed.duplicates;
      for (const person of parsed.people) {
        const known = byEmail.get(person.email);
        if (!known) fresh.push(person);
        else if (known.status === 'unsubscribed') {
          skipped.push({ row: person.row, value: person.email, reason: 'skipped_unsubscribed' });
        } else {
          merged++;
          if (known.status === 'pending') confirmNow.push(known.id);
        }
      }
      const consented = [...confirmNow];
      if (confirmNow.length) {
        await m.query(
          `UPDATE panel_subscribers
              SET status = 'subscribed', confirmed_at = now(), updated_at = now()
            WHERE id = ANY($1::uuid[])`,
          [confirmNow],
        );
      }
      let added = 0;
      for (let i = 0; i < fresh.length; i += IMPORT_CHUNK) {
        const chunk = fresh.slice(i, i + IMPORT_CHUNK);
        const inserted = (await m.query(
          `INSERT INTO panel_subscribers (village_id, email, name, status, source, confirmed_at)
           SELECT $1, x.email, x.name, 'subscribed', 'import', now()
             FROM unnest($2::text[], $3::text[]) AS x(email, name)
           ON CONFLICT (village_id, email) DO NOTHING
           RETURNING id`,
          [village.id, chunk.map((p) => p.email), chunk.map((p) => p.name)],
        )) as { id: string }[];
        added += inserted.length;
        merged += chunk.length - inserted.length;
        consented.push(...inserted.map((r) => r.id));
      }
      if (consented.length) {
        await m.query(
          `INSERT INTO panel_consents (subscriber_id, action, consent_text_version, ip, actor_id)
           SELECT id, 'imported', $2, $4, $3 FROM unnest($1::uuid[]) AS id`,
          [consented, CONSENT_TEXT_VERSION, actor.id, ip?.slice(0, 64) ?? null],
        );
      }
      const report = [...parsed.invalid, ...skipped].sort((a, b) => a.row - b.row);
      const [saved] = (await m.query(
        `INSERT INTO panel_imports
           (village_id, created_by_id, attestation, consent_text_version, added, merged, invalid, report)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) RETURNING id`,
        [
          village.id,
          actor.id,
          attestation,
          CONSENT_TEXT_VERSION,
          added,
          merged,
          parsed.invalid.length,
          JSON.stringify(report),
        ],
      )) as { id: string }[];
      return {
        id: saved.id,
        added,
        merged,
        invalid: parsed.invalid.length,
        skipped: skipped.length,
        report,
      };
    });
  }

  // ---- helpers --------------------------------------------------------------------------------

  private async findVillage(villageId: string): Promise<VillageRow> {
    const [village] = (await this.dataSource.query(
      `SELECT v.id, v.name, v.municipality_id, m.name AS municipality_name
         FROM villages v JOIN municipalities m ON m.id = v.municipality_id WHERE v.id = $1`,
      [villageId],
    )) as VillageRow[];
    if (!village) throw notFound('There is no such village.');
    return village;
  }

  private async findManageable(actor: Actor, villageId: string): Promise<VillageRow> {
    const village = await this.findVillage(villageId);
    const ref = { id: village.id, municipalityId: village.municipality_id };
    if (!canSeePanelVillage(actor, ref)) throw notFound('There is no such village.');
    if (!canManagePanel(actor, ref)) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.Forbidden,
        `Only the coordination group of ${village.name}, the municipality’s coordinators and the secretariat look after its citizen panel.`,
      );
    }
    return village;
  }

  private async counts(villageId: string): Promise<PanelCounts> {
    const rows = (await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM panel_subscribers WHERE village_id = $1 GROUP BY status`,
      [villageId],
    )) as { status: PanelSubscriberStatus; n: number }[];
    const counts: PanelCounts = { pending: 0, subscribed: 0, unsubscribed: 0 };
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  private async lockOrInsert(
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

  private async unsubscribeSubscriber(
    m: EntityManager,
    id: string,
    ip: string | undefined,
  ): Promise<void> {
    const [rows] = (await m.query(
      `UPDATE panel_subscribers SET status = 'unsubscribed', unsubscribed_at = now(), updated_at = now()
        WHERE id = $1 AND status <> 'unsubscribed' RETURNING id`,
      [id],
    )) as [{ id: string }[], number];
    if (rows.length) await this.consent(m, id, 'unsubscribed', ip ?? null, null);
  }

  private async consent(
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

  private readToken(token: string): UnsubscribeSubject {
    const subject = readUnsubscribeToken(this.config.signingSecret, token);
    if (!subject) throw LINK_INVALID;
    return subject;
  }

  private async preferencesOf(
    m: EntityManager,
    subject: UnsubscribeSubject,
  ): Promise<PanelPreferencesDto> {
    if (subject.kind === 'user') {
      const [user] = (await m.query(
        `SELECT u.email, u.name, v.name AS village_name, u.newsletters_opted_out_at IS NULL AS subscribed
           FROM users u LEFT JOIN villages v ON v.id = u.village_id WHERE u.id = $1`,
        [subject.id],
      )) as { email: string; name: string; village_name: string | null; subscribed: boolean }[];
      if (!user) throw LINK_INVALID;
      return {
        kind: 'user',
        email: user.email,
        name: user.name,
        villageName: user.village_name,
        subscribed: user.subscribed,
      };
    }
    const [row] = (await m.query(
      `SELECT s.email, s.name, s.status, v.name AS village_name
         FROM panel_subscribers s JOIN villages v ON v.id = s.village_id WHERE s.id = $1`,
      [subject.id],
    )) as { email: string; name: string; status: PanelSubscriberStatus; village_name: string }[];
    if (!row) throw LINK_INVALID;
    return {
      kind: 'subscriber',
      email: row.email,
      name: row.name,
      villageName: row.village_name,
      subscribed: row.status === 'subscribed',
    };
  }
}
