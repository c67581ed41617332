import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  ACTIVE_ENROLMENT_STATUSES,
  type EnrolmentDto,
  EnrolmentStatus,
  type OfferingDto,
  OfferingState,
} from '@blup/contracts';
import {
  EnrolmentApi,
  I18nService,
  LocalDatePipe,
  type TranslationKey,
  pagedList,
} from '@blup/web/core';
import type { Observable } from 'rxjs';
import { confirmAction } from '../shared/confirm-action';
import { ListFrame } from '../shared/list-frame';
import { RowList } from '../shared/row-list';
import {
  enrolmentStatusKey,
  formatDkk,
  kindKey,
  offeringStateKey,
  payerKey,
} from './enrolment-labels';
import { PAGE_PARTS } from '../shared/page-parts';

/**
 * `/enrolment/offerings/:id` (secretariat): one offering, publish / close it, its enrolments
 * (place-holders first, then the waitlist in arrival order) with approve, reject and cancel,
 * and the invoice basis as CSV.
 */
@Component({
  selector: 'blup-offering-page',
  imports: [
    PAGE_PARTS,
    FormsModule,
    MatFormField,
    MatLabel,
    MatInput,
    ListFrame,
    RowList,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="offering.isLoading()" [error]="offering.error() ?? error()" />
    @if (detail(); as o) {
      <blup-page-header
        [heading]="o.name"
        [subheading]="(kindKey(o.kind) | t) + ' · ' + (stateKey(o.state) | t)"
      >
        <a matButton routerLink="/enrolment/offerings">
          <blup-icon matButtonIcon name="back" />
          {{ 'common.back' | t }}
        </a>
        <a matButton="outlined" routerLink="edit">
          <blup-icon matButtonIcon name="edit" />
          {{ 'common.edit' | t }}
        </a>
        @if (o.state === draft) {
          <button
            matButton="filled"
            type="button"
            (click)="change({ published: true }, 'enrolment.offerings.publishedDone')"
            data-testid="publish"
          >
            {{ 'enrolment.offerings.publish' | t }}
          </button>
        } @else if (o.state === open) {
          <button
            matButton="outlined"
            type="button"
            (click)="change({ closed: true }, 'enrolment.offerings.closedDone')"
            data-testid="close"
          >
            {{ 'enrolment.offerings.close' | t }}
          </button>
        }
      </blup-page-header>
      <p class="details">
        @if (o.startsOn) {
          {{ o.startsOn | localDate }}
          @if (o.endsOn) {
            – {{ o.endsOn | localDate }}
          }
          ·
        }
        {{
          o.priceDkk
            ? ('enrolment.catalogue.price' | t: { price: dkk(o.priceDkk) })
            : ('enrolment.catalogue.free' | t)
        }}
        ·
        @if (o.capacity !== null) {
          {{
            'enrolment.offerings.held'
              | t: { held: o.placesTaken, capacity: o.capacity, waitlisted: o.waitlistCount }
          }}
        } @else {
          {{ 'enrolment.offerings.heldUnlimited' | t: { held: o.placesTaken } }}
        }
      </p>

      <h2>{{ 'enrolment.offerings.enrolments' | t }}</h2>
      <blup-list-frame [list]="enrolments" emptyText="enrolment.offerings.enrolmentsEmpty">
        <ol blupRows data-testid="enrolments">
          @for (e of enrolments.items(); track e.id) {
            <li class="blup-row" [attr.data-testid]="'enrolment-' + e.id">
              <span class="blup-row-title">{{ e.village?.name ?? e.person?.name }}</span>
              <span class="blup-row-meta">
                {{ statusKey(e.status) | t }}
                @if (e.waitlistPosition) {
                  ·
                  {{ 'enrolment.offerings.waitlistPosition' | t: { position: e.waitlistPosition } }}
                }
                · {{ e.createdAt | localDate }}
                @if (e.municipalityName) {
                  · {{ e.municipalityName }}
                }
              </span>
              @if (e.amountDkk) {
                <span class="blup-row-meta">{{
                  'enrolment.mine.amount'
                    | t: { amount: dkk(e.amountDkk), payer: (payerKey(e.payer) | t) }
                }}</span>
              }
              <div class="actions">
                @if (e.status === pending) {
                  <button
                    matButton="filled"
                    type="button"
                    (click)="act(api.approveEnrolment(e.id))"
                  >
                    {{ 'enrolment.offerings.approve' | t }}
                  </button>
                  <button
                    matButton="outlined"
                    type="button"
                    (click)="act(api.rejectEnrolment(e.id))"
                  >
                    {{ 'enrolment.offerings.rejectEnrolment' | t }}
                  </button>
                }
                @if (active(e)) {
                  <button matButton type="button" (click)="cancel(e)">
                    {{ 'enrolment.offerings.cancelEnrolment' | t }}
                  </button>
                }
              </div>
            </li>
          }
        </ol>
      </blup-list-frame>

      <h2>{{ 'enrolment.offerings.invoices' | t }}</h2>
      <div class="invoice">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'enrolment.offerings.from' | t }}</mat-label>
          <input matInput type="date" [(ngModel)]="from" />
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'enrolment.offerings.to' | t }}</mat-label>
          <input matInput type="date" [(ngModel)]="to" />
        </mat-form-field>
        <a matButton="filled" [href]="invoicesUrl()" download data-testid="invoices">
          <blup-icon matButtonIcon name="download" />
          {{ 'enrolment.offerings.invoices' | t }}
        </a>
      </div>
    }
  `,
  styles: `
    .details {
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
    h2 {
      margin: 24px 0 8px;
      font: var(--mat-sys-title-large);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .actions:empty {
      display: none;
    }
    .actions button {
      min-block-size: 48px;
    }
    .invoice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
    }
    .invoice a {
      min-block-size: 48px;
    }
  `,
})
export class OfferingPage {
  protected readonly api = inject(EnrolmentApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly confirm = confirmAction();

  readonly id = input.required<string>();

  protected readonly kindKey = kindKey;
  protected readonly stateKey = offeringStateKey;
  protected readonly statusKey = enrolmentStatusKey;
  protected readonly payerKey = payerKey;
  protected readonly draft = OfferingState.Draft;
  protected readonly open = OfferingState.Open;
  protected readonly pending = EnrolmentStatus.Pending;
  protected readonly error = signal<unknown>(null);
  protected readonly from = signal('');
  protected readonly to = signal('');

  protected readonly offering = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.offering(params),
  });
  private readonly updated = signal<OfferingDto | null>(null);
  protected readonly detail = computed(() => {
    const fresh = this.updated();
    if (fresh && fresh.id === this.id()) return fresh;
    return this.offering.hasValue() ? this.offering.value() : null;
  });
  protected readonly enrolments = pagedList<EnrolmentDto>((query) =>
    this.api.offeringEnrolments(this.id(), { page: query.page, pageSize: query.pageSize }),
  );
  protected readonly invoicesUrl = computed(() =>
    this.api.invoicesUrl({
      offeringId: this.id(),
      from: this.from() || undefined,
      to: this.to() || undefined,
    }),
  );

  protected dkk(amount: number): string {
    return formatDkk(amount, this.i18n.locale());
  }

  protected active(e: EnrolmentDto): boolean {
    return ACTIVE_ENROLMENT_STATUSES.includes(e.status);
  }

  protected change(body: { published?: boolean; closed?: boolean }, done: TranslationKey): void {
    this.error.set(null);
    this.api.updateOffering(this.id(), body).subscribe({
      next: (o) => {
        this.updated.set(o);
        this.snackBar.open(this.i18n.t(done), undefined, { duration: 4000 });
      },
      error: (error: unknown) => this.error.set(error),
    });
  }

  protected act(request: Observable<EnrolmentDto>): void {
    this.error.set(null);
    request.subscribe({
      next: () => this.reload(),
      error: (error: unknown) => this.error.set(error),
    });
  }

  protected cancel(e: EnrolmentDto): void {
    this.confirm({
      ask: {
        title: this.i18n.t('enrolment.offerings.cancelEnrolmentTitle', {
          name: e.village?.name ?? e.person?.name ?? '',
        }),
        message: this.i18n.t('enrolment.offerings.cancelEnrolmentText'),
        confirm: this.i18n.t('enrolment.offerings.cancelEnrolment'),
        cancel: this.i18n.t('common.back'),
      },
      act: () => this.api.cancelEnrolment(e.id),
      done: 'enrolment.mine.cancelled',
      then: () => this.reload(),
      failed: (error) => this.error.set(error),
    });
  }

  private reload(): void {
    this.updated.set(null);
    this.offering.reload();
    this.enrolments.reload();
  }
}
