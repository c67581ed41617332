import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  CONSENT_TEXT_VERSION,
  ErrorCode,
  PANEL_CONFIRM_DAYS,
  PANEL_CONSENT_TEXT,
  type Locale,
  type PanelConfirmResponse,
  type PanelPreferencesDto,
  type PanelSignUpResponse,
  type PanelVillageDto,
  type UnsubscribeResponse,
} from '@blup/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AccountsService } from '../auth/accounts.service';
import { SignInRateLimiter } from '../auth/sign-in-rate-limiter';
import { hashToken, newToken } from '../auth/tokens';
import { AppException, fieldError, notFound } from '../common/app-exception';
import { inBatches } from '../common/batches';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailProducer } from '../mail/mail.producer';
import type { PanelSignUpBody } from './citizen-panel.dto';
import {
  confirmSubscriber,
  deleteToken,
  deleteUnconfirmedSignups,
  findVillage,
  insertConfirmToken,
  insertConsent,
  lockConfirmToken,
  lockOrInsertSubscriber,
  recentConfirmLink,
  renameSubscriber,
  resubscribe,
  subscriberPreferencesRow,
  unsubscribeRow,
  userPreferencesRow,
  useTokensOf,
  type VillageRow,
} from './citizen-panel.queries';
import {
  readUnsubscribeToken,
  unsubscribeToken,
  type UnsubscribeSubject,
} from './unsubscribe-link';

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

function consentTextFor(villageName: string): Record<Locale, string> {
  return {
    da: PANEL_CONSENT_TEXT.da.replace('{landsby}', villageName),
    en: PANEL_CONSENT_TEXT.en.replace('{landsby}', villageName),
  };
}

/**
 * Each village's citizen panel, as the public meets it. Sign-up is double opt-in: a `pending`
 * row and a single-use, expiring confirmation link; only the confirmation makes someone
 * `subscribed`. Every step a person takes is appended to `panel_consents` with the consent
 * text's version and, where there is one, the IP address. The preferences page and the
 * one-click unsubscribe serve panel subscribers and people with an account alike (whose
 * opt-out AccountsService writes).
 */
@Injectable()
export class CitizenPanelService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly mail: MailProducer,
    private readonly limit: SignInRateLimiter,
    private readonly accounts: AccountsService,
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
      const subscriber = await lockOrInsertSubscriber(m, village.id, body.email, name, locale);
      if (subscriber.status === 'subscribed') return null;
      // The row is locked: requests for one address take their turn here.
      if (await recentConfirmLink(m, subscriber.id, CONFIRM_MAIL_INTERVAL_MINUTES)) return null;
      if (name) await renameSubscriber(m, subscriber.id, name, locale);
      await insertConsent(m, subscriber.id, 'requested', ip ?? null, null);
      await insertConfirmToken(m, subscriber.id, hashToken(token));
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
        await deleteToken(this.dataSource.manager, hashToken(token)).catch(() => undefined);
        throw error;
      }
    }
    return { status: 'check_mail' };
  }

  /** A used or expired link changes nothing and says which it was. */
  async confirm(token: string, ip: string | undefined): Promise<PanelConfirmResponse> {
    return this.dataSource.transaction(async (m) => {
      const row = await lockConfirmToken(m, hashToken(token));
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
      await useTokensOf(m, row.subscriber_id);
      const updated = await confirmSubscriber(m, row.subscriber_id);
      await insertConsent(m, updated.id, 'confirmed', ip ?? null, null);
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
        await this.accounts.setNewslettersOptedOut(subject.id, !subscribed, m);
      } else if (subscribed) {
        await resubscribe(m, subject.id);
        await insertConsent(m, subject.id, 'resubscribed', ip ?? null, null);
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
      await this.accounts.setNewslettersOptedOut(subject.id, true);
    } else {
      await this.dataSource.transaction((m) => this.unsubscribeSubscriber(m, subject.id, ip));
    }
    return { unsubscribed: true };
  }

  preferencesUrl(token: string): string {
    return `${this.config.publicUrl}/panel/preferences?token=${encodeURIComponent(token)}`;
  }

  // ---- helpers --------------------------------------------------------------------------------

  private async findVillage(villageId: string): Promise<VillageRow> {
    const village = await findVillage(this.dataSource.manager, villageId);
    if (!village) throw notFound('There is no such village.');
    return village;
  }

  private async unsubscribeSubscriber(
    m: EntityManager,
    id: string,
    ip: string | undefined,
  ): Promise<void> {
    if (await unsubscribeRow(m, id)) await insertConsent(m, id, 'unsubscribed', ip ?? null, null);
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
      const user = await userPreferencesRow(m, subject.id);
      if (!user) throw LINK_INVALID;
      return {
        kind: 'user',
        email: user.email,
        name: user.name,
        villageName: user.village_name,
        subscribed: user.subscribed,
      };
    }
    const row = await subscriberPreferencesRow(m, subject.id);
    if (!row) throw LINK_INVALID;
    return {
      kind: 'subscriber',
      email: row.email,
      name: row.name,
      villageName: row.village_name,
      subscribed: row.status === 'subscribed',
    };
  }

  /**
   * Retention: deletes the sign-ups never confirmed whose last sign-up lies more than `days`
   * before `now` (RETAIN_UNCONFIRMED_PANEL_DAYS), in batches; returns how many.
   */
  deleteUnconfirmedSignups(now: Date, days: number): Promise<number> {
    return inBatches((limit) =>
      deleteUnconfirmedSignups(this.dataSource.manager, now, days, limit),
    );
  }
}
