import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { ACTIVE_ENROLMENT_STATUSES, type EnrolmentDto } from '@blup/contracts';
import { EnrolmentApi, I18nService, LocalDatePipe, TranslatePipe, pagedList } from '@blup/web/core';
import { PageHeader } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { confirmAction } from '../shared/confirm-action';
import { ListFrame } from '../shared/list-frame';
import { RowList } from '../shared/row-list';
import { enrolmentStatusKey, formatDkk, kindKey, payerKey } from './enrolment-labels';

/** `/enrolment/mine`: the person's own enrolments and their village's, each cancellable. */
@Component({
  selector: 'blup-mine-page',
  imports: [
    RouterLink,
    MatButton,
    PageHeader,
    ListFrame,
    RowList,
    ApiErrorMessage,
    TranslatePipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="'enrolment.mine.title' | t"
      [subheading]="'enrolment.mine.intro' | t"
    >
      <a matButton="outlined" routerLink="/enrolment">{{ 'enrolment.mine.toCatalogue' | t }}</a>
    </blup-page-header>
    <blup-api-error [error]="error()" />
    <blup-list-frame [list]="list" emptyText="enrolment.mine.empty">
      <ul blupRows data-testid="my-enrolments">
        @for (e of list.items(); track e.id) {
          <li class="blup-row" [attr.data-testid]="'enrolment-' + e.id">
            <span class="kind">{{ kindKey(e.offeringKind) | t }}</span>
            <span class="blup-row-title">{{ e.offeringName }}</span>
            @if (e.village) {
              <span class="blup-row-meta">{{
                'enrolment.mine.forVillage' | t: { village: e.village.name }
              }}</span>
            }
            <span class="status" [attr.data-testid]="'status-' + e.id">
              {{ enrolmentStatusKey(e.status) | t }}
              @if (e.waitlistPosition) {
                · {{ 'enrolment.offerings.waitlistPosition' | t: { position: e.waitlistPosition } }}
              }
            </span>
            <span class="blup-row-meta">{{
              'enrolment.mine.enrolledOn' | t: { date: (e.createdAt | localDate) }
            }}</span>
            @if (e.amountDkk) {
              <span class="blup-row-meta">
                {{
                  'enrolment.mine.amount'
                    | t: { amount: dkk(e.amountDkk), payer: (payerKey(e.payer) | t) }
                }}
              </span>
            }
            @if (active(e)) {
              <button
                matButton="outlined"
                type="button"
                class="cancel"
                (click)="cancel(e)"
                [attr.data-testid]="'cancel-' + e.id"
              >
                {{ 'enrolment.mine.cancel' | t }}
              </button>
            }
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .kind {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
    .status {
      font: var(--mat-sys-title-small);
    }
    .cancel {
      align-self: flex-start;
      min-block-size: 48px;
      margin-block-start: 8px;
    }
  `,
})
export class MinePage {
  private readonly api = inject(EnrolmentApi);
  private readonly i18n = inject(I18nService);
  private readonly confirm = confirmAction();

  protected readonly kindKey = kindKey;
  protected readonly enrolmentStatusKey = enrolmentStatusKey;
  protected readonly payerKey = payerKey;
  protected readonly error = signal<unknown>(null);
  protected readonly list = pagedList<EnrolmentDto>((query) =>
    this.api.myEnrolments({ page: query.page, pageSize: query.pageSize }),
  );

  protected dkk(amount: number): string {
    return formatDkk(amount, this.i18n.locale());
  }

  protected active(e: EnrolmentDto): boolean {
    return ACTIVE_ENROLMENT_STATUSES.includes(e.status);
  }

  protected cancel(e: EnrolmentDto): void {
    this.error.set(null);
    this.confirm({
      ask: {
        title: this.i18n.t('enrolment.mine.cancelTitle', { offering: e.offeringName }),
        message: this.i18n.t('enrolment.mine.cancelText'),
        confirm: this.i18n.t('enrolment.mine.cancel'),
        cancel: this.i18n.t('common.back'),
      },
      act: () => this.api.cancelEnrolment(e.id),
      done: 'enrolment.mine.cancelled',
      then: () => this.list.reload(),
      failed: (error) => this.error.set(error),
    });
  }
}
