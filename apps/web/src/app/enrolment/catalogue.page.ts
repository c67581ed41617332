import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  EnrolmentStatus,
  MAX_PAGE_SIZE,
  OFFERING_KINDS,
  type OfferingDto,
  OfferingApproval,
  OfferingAudience,
  OfferingKind,
  Role,
} from '@blup/contracts';
import {
  AuthStore,
  EnrolmentApi,
  I18nService,
  LocalDatePipe,
  OrganisationsApi,
  type TranslationKey,
  type TranslationParams,
  pagedList,
} from '@blup/web/core';
import { ListFrame } from '../shared/list-frame';
import { audienceKey, formatDkk, kindKey } from './enrolment-labels';
import { PAGE_PARTS } from '../shared/page-parts';

/**
 * `/enrolment`: the offerings open now (cohorts, mini-BLUP, academy courses), each with what
 * the person (or their village) has: enrolled, pending, or their place on the waitlist, and
 * otherwise the button to enrol (a cohort is applied for instead). A coordinator or the
 * secretariat picks the village a mini-BLUP is for.
 */
@Component({
  selector: 'blup-catalogue-page',
  imports: [PAGE_PARTS, MatFormField, MatLabel, MatSelect, MatOption, ListFrame, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="'enrolment.catalogue.title' | t"
      [subheading]="'enrolment.catalogue.intro' | t"
    >
      <a matButton="outlined" routerLink="/enrolment/mine" data-testid="mine-link">
        {{ 'enrolment.catalogue.mine' | t }}
      </a>
    </blup-page-header>
    <blup-list-frame [list]="list" emptyText="enrolment.catalogue.empty">
      <mat-form-field filters class="filter" subscriptSizing="dynamic">
        <mat-label>{{ 'enrolment.catalogue.kindFilter' | t }}</mat-label>
        <mat-select
          [value]="list.query().kind ?? ''"
          (valueChange)="list.filter({ kind: $event || undefined })"
          data-testid="kind-filter"
        >
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (k of kinds; track k) {
            <mat-option [value]="k">{{ kindKey(k) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <ul class="cards" data-testid="offerings">
        @for (o of list.items(); track o.id) {
          @let place = placeText(o);
          <li class="card" [attr.data-testid]="'offering-' + o.id">
            <span class="kind">{{ kindKey(o.kind) | t }}</span>
            <h2>{{ o.name }}</h2>
            @if (o.kind === academy && o.courseTitle && o.courseTitle !== o.name) {
              <p>{{ o.courseTitle }}</p>
            }
            @if (o.moduleTitle) {
              <p>{{ 'enrolment.catalogue.module' | t: { module: o.moduleTitle } }}</p>
            }
            @if (o.description) {
              <p class="description">{{ o.description }}</p>
            }
            <ul class="details">
              <li>
                @if (o.selfPaced || !o.startsOn) {
                  {{ 'enrolment.catalogue.selfPaced' | t }}
                } @else if (o.endsOn) {
                  {{
                    'enrolment.catalogue.dates'
                      | t: { from: (o.startsOn | localDate), to: (o.endsOn | localDate) }
                  }}
                } @else {
                  {{ 'enrolment.catalogue.starts' | t: { date: (o.startsOn | localDate) } }}
                }
              </li>
              @if (o.audience) {
                <li>{{ audienceKey(o.audience) | t }}</li>
              }
              <li>
                {{
                  o.priceDkk
                    ? ('enrolment.catalogue.price' | t: { price: dkk(o.priceDkk) })
                    : ('enrolment.catalogue.free' | t)
                }}
              </li>
              <li>{{ place.key | t: place.params }}</li>
              @if (o.enrolClosesAt) {
                <li>
                  {{ 'enrolment.catalogue.closes' | t: { date: (o.enrolClosesAt | localDate) } }}
                </li>
              }
              @if (o.approval === bySecretariat && o.kind !== cohort) {
                <li>{{ 'enrolment.catalogue.approvalSecretariat' | t }}</li>
              }
            </ul>
            @if (error()?.id === o.id) {
              <blup-api-error [error]="error()?.error" />
            }
            <div class="action">
              @if (o.myEnrolment; as mine) {
                @let status = statusText(mine.status, mine.waitlistPosition);
                <p class="mine" role="status" [attr.data-testid]="'my-status-' + o.id">
                  <blup-icon name="check" />
                  {{ status.key | t: status.params }}
                </p>
              } @else if (o.kind === cohort) {
                <a matButton="filled" [routerLink]="['/enrolment/apply', o.id]" data-testid="apply">
                  {{ 'enrolment.catalogue.apply' | t }}
                </a>
              } @else if (o.kind === miniBlup) {
                @if (pickVillage()) {
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>{{ 'enrolment.apply.village' | t }}</mat-label>
                    <mat-select
                      [value]="villageFor()[o.id] ?? ''"
                      (valueChange)="setVillage(o.id, $event)"
                    >
                      @for (v of villages(); track v.id) {
                        <!-- A village in a cohort has the full process: no mini-BLUP on top. -->
                        @if (v.cohortName) {
                          <mat-option [value]="v.id" disabled>
                            {{
                              'enrolment.catalogue.villageInCohort'
                                | t: { village: v.name, cohort: v.cohortName }
                            }}
                          </mat-option>
                        } @else {
                          <mat-option [value]="v.id">{{ v.name }}</mat-option>
                        }
                      }
                    </mat-select>
                  </mat-form-field>
                  <button
                    matButton="filled"
                    type="button"
                    [disabled]="!villageFor()[o.id] || busy() === o.id"
                    (click)="enrol(o, villageFor()[o.id])"
                    [attr.data-testid]="'enrol-' + o.id"
                  >
                    {{ 'enrolment.catalogue.enrol' | t }}
                  </button>
                } @else if (ownCohort(); as name) {
                  <p class="not-for-you" [attr.data-testid]="'in-full-process-' + o.id">
                    {{ 'enrolment.catalogue.inFullProcess' | t: { name } }}
                  </p>
                } @else if (auth.user()?.villageName; as village) {
                  <button
                    matButton="filled"
                    type="button"
                    [disabled]="busy() === o.id"
                    (click)="enrol(o)"
                    [attr.data-testid]="'enrol-' + o.id"
                  >
                    {{ 'enrolment.catalogue.enrolVillage' | t: { village } }}
                  </button>
                } @else {
                  <p class="not-for-you" [attr.data-testid]="'mini-blup-who-' + o.id">
                    {{ 'enrolment.catalogue.miniBlupWho' | t }}
                  </p>
                }
              } @else if (fitsAudience(o)) {
                <button
                  matButton="filled"
                  type="button"
                  [disabled]="busy() === o.id"
                  (click)="enrol(o)"
                  [attr.data-testid]="'enrol-' + o.id"
                >
                  {{ 'enrolment.catalogue.enrol' | t }}
                </button>
              } @else {
                <p class="not-for-you" [attr.data-testid]="'not-for-you-' + o.id">
                  {{ 'enrolment.catalogue.notForYou' | t }}
                </p>
              }
            </div>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .not-for-you {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .filter {
      flex: 1 1 240px;
      margin-block-end: 8px;
    }
    .cards {
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 16px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
    }
    .kind {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    p {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
    .description {
      color: var(--mat-sys-on-surface-variant);
      white-space: pre-line;
    }
    .details {
      margin: 8px 0;
      padding-inline-start: 20px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .action {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-block-start: auto;
    }
    .action button,
    .action a {
      min-block-size: 48px;
    }
    .action mat-form-field {
      flex: 1 1 180px;
    }
    .mine {
      display: flex;
      align-items: center;
      gap: 8px;
      color: var(--mat-sys-primary);
      font: var(--mat-sys-title-small);
    }
  `,
})
export class CataloguePage {
  private readonly api = inject(EnrolmentApi);
  private readonly organisations = inject(OrganisationsApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly auth = inject(AuthStore);

  protected readonly kinds = OFFERING_KINDS;
  protected readonly kindKey = kindKey;
  protected readonly audienceKey = audienceKey;
  protected readonly cohort = OfferingKind.Cohort;
  protected readonly miniBlup = OfferingKind.MiniBlup;
  protected readonly academy = OfferingKind.AcademyCourse;
  protected readonly bySecretariat = OfferingApproval.Secretariat;

  protected readonly busy = signal<string | null>(null);
  protected readonly error = signal<{ id: string; error: unknown } | null>(null);
  protected readonly villageFor = signal<Record<string, string>>({});

  protected readonly list = pagedList<OfferingDto, { kind: OfferingKind }>((query) =>
    this.api.offerings({
      kind: query.kind,
      open: true,
      page: query.page,
      pageSize: query.pageSize,
    }),
  );

  /** Coordinators and the secretariat enrol a village of their choice in a mini-BLUP. */
  protected readonly pickVillage = computed(() => {
    const role = this.auth.role();
    return role === Role.Coordinator || role === Role.Secretariat;
  });
  /** The API's rule: people enrol themselves only in courses for everyone or for their kind. */
  protected fitsAudience(o: OfferingDto): boolean {
    if (this.pickVillage() || !o.audience || o.audience === OfferingAudience.Everyone) return true;
    return (o.audience as string) === this.auth.user()?.learnerKind;
  }

  private readonly villageOptions = rxResource({
    params: () => (this.pickVillage() ? (this.auth.user()?.municipalityId ?? '') : undefined),
    stream: ({ params }) =>
      this.organisations.villages({ municipalityId: params || undefined, pageSize: MAX_PAGE_SIZE }),
  });
  protected readonly villages = computed(() =>
    this.villageOptions.hasValue() ? this.villageOptions.value().items : [],
  );

  /** A steering member's own village: if it is in a cohort, it has the full process already. */
  private readonly ownVillage = rxResource({
    params: () =>
      this.auth.role() === Role.SteeringMember
        ? (this.auth.user()?.villageId ?? undefined)
        : undefined,
    stream: ({ params }) => this.organisations.village(params),
  });
  /** The name of the cohort the steering member's village is in, if any. */
  protected readonly ownCohort = computed(() =>
    this.ownVillage.hasValue() ? this.ownVillage.value().cohortName : null,
  );

  protected dkk(amount: number): string {
    return formatDkk(amount, this.i18n.locale());
  }

  protected setVillage(offeringId: string, villageId: string): void {
    this.villageFor.update((current) => ({ ...current, [offeringId]: villageId }));
  }

  protected placeText(o: OfferingDto): { key: TranslationKey; params?: TranslationParams } {
    if (o.capacity === null || o.placesLeft === null)
      return { key: 'enrolment.catalogue.unlimited' };
    if (o.placesLeft <= 0) return { key: 'enrolment.catalogue.full' };
    return {
      key: 'enrolment.catalogue.places',
      params: { left: o.placesLeft, capacity: o.capacity },
    };
  }

  protected statusText(
    status: EnrolmentStatus,
    position: number | null,
  ): { key: TranslationKey; params?: TranslationParams } {
    switch (status) {
      case EnrolmentStatus.Pending:
        return { key: 'enrolment.catalogue.pending' };
      case EnrolmentStatus.Waitlisted:
        return position
          ? { key: 'enrolment.catalogue.waitlisted', params: { position } }
          : { key: 'enrolment.catalogue.waitlistedNoPosition' };
      default:
        return { key: 'enrolment.catalogue.enrolled' };
    }
  }

  protected enrol(o: OfferingDto, villageId?: string): void {
    if (this.busy()) return;
    this.busy.set(o.id);
    this.error.set(null);
    this.api.enrol(o.id, villageId ? { villageId } : {}).subscribe({
      next: () => {
        this.busy.set(null);
        const done =
          o.kind === OfferingKind.MiniBlup
            ? 'enrolment.catalogue.doneMiniBlup'
            : 'enrolment.catalogue.done';
        this.snackBar.open(this.i18n.t(done), undefined, { duration: 6000 });
        this.list.reload();
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.error.set({ id: o.id, error });
      },
    });
  }
}
