import { Inject, Injectable, Logger, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApplicationAgreementsService } from '../applications/application-agreements.service';
import { AccountsService } from '../auth/accounts.service';
import { CitizenPanelService } from '../citizen-panel/citizen-panel.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RegistrationsService } from '../gatherings/registrations.service';
import { HotlineService } from '../hotline/hotline.service';
import { ErasureService } from '../privacy/erasure.service';
import { DeliveryRetentionService } from '../newsletter-delivery/delivery-retention.service';
import { SurveysService } from '../surveys/surveys.service';
import { DUE_ACCOUNTS_PER_RUN } from './retention.constants';

/** Rows each purpose changed in one run (`disabledAccounts`: erasures started). */
export interface RetentionResult {
  unconfirmedPanelSignups: number;
  gatheringRegistrations: number;
  applicationFiles: number;
  surveyPersonalAnswers: number;
  hotlineRequests: number;
  newsletterRecipients: number;
  disabledAccounts: number;
}

/**
 * Retention (issue 17): deletes or anonymises personal data whose period (config
 * `privacy.retentionDays`) has run out, one purpose at a time, each through the service of the
 * module that owns the table. Run nightly by RetentionProcessor, or directly (tests, an admin).
 * A purpose that fails does not stop the others; the run then fails as a whole, naming them.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly accounts: AccountsService,
    private readonly panel: CitizenPanelService,
    private readonly surveys: SurveysService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async runAll(now: Date): Promise<RetentionResult> {
    const days = this.config.privacy.retentionDays;
    const failed: string[] = [];
    const run = async (purpose: keyof RetentionResult, work: () => Promise<number>) => {
      try {
        return await work();
      } catch (error) {
        failed.push(purpose);
        this.logger.error({ msg: 'retention failed', purpose, err: error });
        return 0;
      }
    };
    const result: RetentionResult = {
      unconfirmedPanelSignups: await run('unconfirmedPanelSignups', () =>
        this.panel.deleteUnconfirmedSignups(now, days.unconfirmedPanelSignup),
      ),
      gatheringRegistrations: await run('gatheringRegistrations', () =>
        this.owner(RegistrationsService).anonymiseEnded(now, days.gatheringRegistration),
      ),
      applicationFiles: await run('applicationFiles', () =>
        this.owner(ApplicationAgreementsService).deleteDecidedFiles(now, days.applicationFiles),
      ),
      surveyPersonalAnswers: await run('surveyPersonalAnswers', () =>
        this.surveys.removePersonalAnswersOfClosed(now, days.surveyContact),
      ),
      hotlineRequests: await run('hotlineRequests', () =>
        this.owner(HotlineService).anonymiseClosed(now, days.hotline),
      ),
      newsletterRecipients: await run('newsletterRecipients', () =>
        this.owner(DeliveryRetentionService).anonymiseFinished(now, days.newsletterRecipient),
      ),
      disabledAccounts: await run('disabledAccounts', async () => {
        const due = await this.disabledAccountsDue(now, DUE_ACCOUNTS_PER_RUN);
        return this.owner(ErasureService).eraseDisabledAccounts(due, days.disabledAccount);
      }),
    };
    if (failed.length) {
      throw new Error(`Retention failed for ${failed.join(', ')}; done: ${JSON.stringify(result)}`);
    }
    return result;
  }

  /**
   * The accounts disabled longer than RETAIN_DISABLED_ACCOUNT_DAYS and not erased or being
   * erased; `runAll` hands them to the erasure service.
   */
  disabledAccountsDue(now: Date, limit: number): Promise<string[]> {
    return this.accounts.disabledAccountsDue(
      now,
      this.config.privacy.retentionDays.disabledAccount,
      limit,
    );
  }

  /**
   * A service of a module that AppModule registers with options (`register({ worker })`).
   * Importing such a module here again would build a second copy of it (its controllers, its
   * queue processors), so its service is looked up in the one the app already has.
   */
  private owner<T>(type: Type<T>): T {
    return this.moduleRef.get(type, { strict: false });
  }
}
