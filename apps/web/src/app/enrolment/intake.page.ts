import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  type ApplicationSummaryDto,
  type EnrolmentDto,
  MAX_PAGE_SIZE,
  OfferingKind,
  Role,
} from '@blup/contracts';
import {
  AuthStore,
  EnrolmentApi,
  LocalDatePipe,
  OrganisationsApi,
  pagedList,
} from '@blup/web/core';
import { of, tap } from 'rxjs';
import { ListFrame } from '../shared/list-frame';
import { RowList } from '../shared/row-list';
import { Checklist } from './checklist';
import { applicationStatusKey, enrolmentStatusKey } from './enrolment-labels';
import { PAGE_PARTS } from '../shared/page-parts';

type IntakeFilters = { status: ApplicationStatus; municipalityId: string; offeringId: string };

/**
 * `/enrolment/intake`: the applications for a full process by status, with the three
 * requirements as chips. The secretariat sees every municipality and decides; a coordinator
 * sees their own municipality's applications (read-only) and its villages' enrolments.
 */
@Component({
  selector: 'blup-intake-page',
  imports: [
    PAGE_PARTS,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    ListFrame,
    RowList,
    Checklist,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="'enrolment.intake.title' | t"
      [subheading]="
        (secretariat() ? 'enrolment.intake.intro' : 'enrolment.intake.introCoordinator') | t
      "
    >
      @if (secretariat()) {
        <a matButton="outlined" routerLink="/enrolment/offerings" data-testid="offerings-link">
          <blup-icon matButtonIcon name="cohort" />
          {{ 'enrolment.intake.offerings' | t }}
        </a>
      }
      <a matButton routerLink="/enrolment/apply">{{ 'enrolment.intake.applyLink' | t }}</a>
    </blup-page-header>

    <div
      class="statuses"
      role="group"
      [attr.aria-label]="'enrolment.intake.status' | t"
      data-testid="status-filter"
    >
      @for (s of statuses; track s) {
        <button
          matButton="tonal"
          type="button"
          [class.active]="list.query().status === s"
          [attr.aria-pressed]="list.query().status === s"
          [attr.data-testid]="'status-' + s"
          (click)="list.filter({ status: s })"
        >
          {{
            'enrolment.intake.count' | t: { label: (statusKey(s) | t), count: counts()?.[s] ?? '–' }
          }}
        </button>
      }
    </div>

    <blup-list-frame [list]="list" emptyText="enrolment.intake.empty">
      @if (secretariat()) {
        <mat-form-field filters class="filter" subscriptSizing="dynamic">
          <mat-label>{{ 'enrolment.intake.municipality' | t }}</mat-label>
          <mat-select
            [value]="list.query().municipalityId ?? ''"
            (valueChange)="list.filter({ municipalityId: $event || undefined })"
            data-testid="municipality-filter"
          >
            <mat-option value="">{{ 'enrolment.intake.allMunicipalities' | t }}</mat-option>
            @for (m of municipalities(); track m.id) {
              <mat-option [value]="m.id">{{ m.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      <mat-form-field filters class="filter" subscriptSizing="dynamic">
        <mat-label>{{ 'enrolment.intake.offering' | t }}</mat-label>
        <mat-select
          [value]="list.query().offeringId ?? ''"
          (valueChange)="list.filter({ offeringId: $event || undefined })"
          data-testid="offering-filter"
        >
          <mat-option value="">{{ 'enrolment.intake.allOfferings' | t }}</mat-option>
          @for (o of cohorts(); track o.id) {
            <mat-option [value]="o.id">{{ o.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <ul blupRows data-testid="applications">
        @for (a of list.items(); track a.id) {
          <li class="blup-row row" [attr.data-testid]="'application-' + a.id">
            <a class="blup-row-link" [routerLink]="['/enrolment/applications', a.id]">
              <span>{{ a.villageName }}</span>
              <blup-icon class="blup-row-go" name="next" />
            </a>
            <span class="blup-row-meta">
              {{ a.municipalityName }} · {{ a.offeringName }}
              @if (a.isNewVillage) {
                · {{ 'enrolment.intake.newVillage' | t }}
              }
            </span>
            <span class="blup-row-meta">
              {{ statusKey(a.status) | t }} ·
              {{ 'enrolment.intake.received' | t: { date: (a.createdAt | localDate) } }}
            </span>
            <blup-checklist [checklist]="a.checklist" [compact]="true" />
          </li>
        }
      </ul>
    </blup-list-frame>

    @if (!secretariat()) {
      <h2 class="section-title">{{ 'enrolment.intake.enrolmentsTitle' | t }}</h2>
      <blup-list-frame [list]="enrolments" emptyText="enrolment.intake.enrolmentsEmpty">
        <ul blupRows data-testid="enrolments">
          @for (e of enrolments.items(); track e.id) {
            <li class="blup-row row">
              <span class="blup-row-title">{{ who(e) }}</span>
              <span class="blup-row-meta">{{ e.offeringName }}</span>
              <span class="blup-row-meta">{{ enrolmentStatusKey(e.status) | t }}</span>
            </li>
          }
        </ul>
      </blup-list-frame>
    }
  `,
  styles: `
    .statuses {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block-end: 16px;
    }
    .filter {
      flex: 1 1 240px;
      margin-block-end: 8px;
    }
    .statuses button {
      min-block-size: 48px;
    }
    .statuses .active {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .row {
      gap: 4px;
    }
  `,
})
export class IntakePage {
  private readonly api = inject(EnrolmentApi);
  private readonly organisations = inject(OrganisationsApi);
  private readonly auth = inject(AuthStore);

  protected readonly statuses = APPLICATION_STATUSES;
  protected readonly statusKey = applicationStatusKey;
  protected readonly enrolmentStatusKey = enrolmentStatusKey;
  protected readonly secretariat = computed(() => this.auth.role() === Role.Secretariat);
  protected readonly counts = signal<Record<ApplicationStatus, number> | null>(null);

  protected readonly list = pagedList<ApplicationSummaryDto, IntakeFilters>(
    (query) =>
      this.api
        .applications({
          status: query.status,
          municipalityId: query.municipalityId,
          offeringId: query.offeringId,
          page: query.page,
          pageSize: query.pageSize,
        })
        .pipe(tap((answer) => this.counts.set(answer.counts))),
    { filters: { status: 'submitted' as ApplicationStatus } },
  );

  protected readonly enrolments = pagedList<EnrolmentDto, { municipalityId: string }>((query) =>
    this.secretariat()
      ? of({ items: [], total: 0, page: 1, pageSize: query.pageSize })
      : this.api.enrolments({
          municipalityId: this.auth.user()?.municipalityId ?? undefined,
          page: query.page,
          pageSize: query.pageSize,
        }),
  );

  private readonly municipalityOptions = rxResource({
    params: () => this.secretariat() || undefined,
    stream: () => this.organisations.municipalities({ pageSize: MAX_PAGE_SIZE }),
  });
  protected readonly municipalities = computed(() =>
    this.municipalityOptions.hasValue() ? this.municipalityOptions.value().items : [],
  );
  private readonly cohortOptions = rxResource({
    stream: () => this.api.offerings({ kind: OfferingKind.Cohort, pageSize: MAX_PAGE_SIZE }),
  });
  protected readonly cohorts = computed(() =>
    this.cohortOptions.hasValue() ? this.cohortOptions.value().items : [],
  );

  protected who(e: EnrolmentDto): string {
    return e.village?.name ?? e.person?.name ?? '';
  }
}
