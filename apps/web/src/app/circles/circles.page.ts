import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { type CircleSummaryDto, CircleKind, MAX_PAGE_SIZE } from '@blup/contracts';
import {
  CirclesApi,
  I18nService,
  OrganisationsApi,
  TranslatePipe,
  type TranslationKey,
  type TranslationParams,
  pagedList,
} from '@blup/web/core';
import { Icon, PageHeader } from '@blup/web/ui';
import { SessionTimePipe } from '../sessions/session-time.pipe';
import { ListFrame } from '../shared/list-frame';
import { RowList } from '../shared/row-list';

/**
 * `/circles`: the circles a person may see, each with its next session and its attendance so
 * far (all in the one list request). The secretariat sees every circle; a coordinator their
 * municipality's village circles and their coordinator circle.
 */
@Component({
  selector: 'blup-circles-page',
  imports: [
    RouterLink,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    Icon,
    PageHeader,
    ListFrame,
    RowList,
    SessionTimePipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'circles.title' | t" [subheading]="'circles.intro' | t" />
    <blup-list-frame [list]="list" emptyText="circles.empty">
      <mat-form-field filters subscriptSizing="dynamic">
        <mat-label>{{ 'circles.cohortFilter' | t }}</mat-label>
        <mat-select
          [value]="list.query().cohortId ?? ''"
          (valueChange)="list.filter({ cohortId: $event || undefined })"
          data-testid="cohort-filter"
        >
          <mat-option value="">{{ 'circles.allCohorts' | t }}</mat-option>
          @for (cohort of cohorts(); track cohort.id) {
            <mat-option [value]="cohort.id">{{ cohort.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <ul blupRows data-testid="list">
        @for (circle of list.items(); track circle.id) {
          @let attendance = attendanceText(circle);
          <li class="blup-row" [attr.data-testid]="'circle-' + circle.id">
            <a class="blup-row-link" [routerLink]="circle.id">
              <span>{{ name(circle) }}</span>
              <blup-icon class="blup-row-go" name="next" />
            </a>
            <span class="blup-row-meta">
              {{ circle.cohortName }} ·
              {{ 'circles.members' | t: { count: circle.memberCount } }}
            </span>
            <span class="blup-row-meta line" data-testid="next-session">
              @if (circle.nextSession; as next) {
                {{ 'circles.nextSession' | t: { when: (next | sessionTime) } }} –
                <a [routerLink]="['/sessions', next.id]">{{ next.title }}</a>
              } @else {
                {{ 'circles.noNextSession' | t }}
              }
            </span>
            <span class="blup-row-meta line" data-testid="attendance">{{
              attendance.key | t: attendance.params
            }}</span>
            <a
              class="grid"
              [routerLink]="['/cohorts', circle.cohortId, 'grid']"
              data-testid="grid-link"
            >
              {{ 'circles.openGrid' | t: { cohort: circle.cohortName } }}
            </a>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .line a,
    .grid {
      color: var(--mat-sys-primary);
    }
    .grid {
      display: inline-flex;
      align-items: center;
      align-self: flex-start;
      min-block-size: 48px;
      font: var(--mat-sys-label-large);
    }
  `,
})
export class CirclesPage {
  private readonly api = inject(CirclesApi);
  private readonly organisations = inject(OrganisationsApi);
  private readonly i18n = inject(I18nService);

  protected readonly list = pagedList<CircleSummaryDto, { cohortId: string }>((query) =>
    this.api.circles({ cohortId: query.cohortId, page: query.page, pageSize: query.pageSize }),
  );
  private readonly cohortOptions = rxResource({
    stream: () => this.organisations.cohorts({ pageSize: MAX_PAGE_SIZE }),
  });
  protected readonly cohorts = computed(() =>
    this.cohortOptions.hasValue() ? this.cohortOptions.value().items : [],
  );

  protected name(circle: CircleSummaryDto): string {
    if (circle.kind === CircleKind.Coordinator) return this.i18n.t('circles.coordinatorCircleName');
    return circle.municipalityName
      ? `${circle.villageName} (${circle.municipalityName})`
      : (circle.villageName ?? '');
  }

  /** "Fremmøde: 83 % af 4 møder", or why there is no share yet. */
  protected attendanceText(circle: CircleSummaryDto): {
    key: TranslationKey;
    params?: TranslationParams;
  } {
    const { held, presentRate } = circle.attendance;
    if (held === 0) return { key: 'circles.listNoneHeld' };
    if (presentRate === null) return { key: 'circles.listAttendanceNotRecorded' };
    const percent = Math.round(presentRate * 100);
    return { key: 'circles.listAttendance', params: { percent, held } };
  }
}
