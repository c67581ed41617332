import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatListItem, MatListItemLine, MatListItemTitle, MatNavList } from '@angular/material/list';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { type CircleSummaryDto, CircleKind, MAX_PAGE_SIZE } from '@blup/contracts';
import {
  CirclesApi,
  I18nService,
  OrganisationsApi,
  TranslatePipe,
  pagedList,
} from '@blup/web/core';
import { PageHeader } from '@blup/web/ui';
import { ListFrame } from '../shared/list-frame';
import { NextSession } from './next-session';

/**
 * `/circles`: the circles a person may see. The secretariat sees every circle; a coordinator
 * their municipality's village circles and their coordinator circle.
 */
@Component({
  selector: 'blup-circles-page',
  imports: [
    RouterLink,
    MatNavList,
    MatListItem,
    MatListItemTitle,
    MatListItemLine,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    PageHeader,
    ListFrame,
    NextSession,
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
      <mat-nav-list data-testid="list">
        @for (circle of list.items(); track circle.id) {
          <a mat-list-item [routerLink]="circle.id" lines="3">
            <span matListItemTitle>{{ name(circle) }}</span>
            <span matListItemLine>
              {{ circle.cohortName }} ·
              {{ 'circles.members' | t: { count: circle.memberCount } }}
            </span>
            <span matListItemLine><blup-next-session [circleId]="circle.id" /></span>
          </a>
        }
      </mat-nav-list>
    </blup-list-frame>
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
}
