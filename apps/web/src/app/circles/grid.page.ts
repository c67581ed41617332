import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { DEFAULT_PAGE_SIZE, type GridCell, type GridRow, SessionStatus } from '@blup/contracts';
import { AuthStore, CirclesApi, I18nService, isSecretariat } from '@blup/web/core';
import { Notice, Paginator } from '@blup/web/ui';
import { TranslatedPaginatorIntl } from '../shared/paginator-intl';
import { CircleTimePipe, circleName, sessionStatusKey } from './circle-labels';
import { PAGE_PARTS } from '../shared/page-parts';

/**
 * `/cohorts/:id/grid`: villages × sessions. Each cell says the status in words (and colour)
 * and how many came; it opens the session. The circle column stays put while the table
 * scrolls sideways on a phone.
 */
@Component({
  selector: 'blup-grid-page',
  imports: [PAGE_PARTS, MatProgressBar, Notice, Paginator, CircleTimePipe],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="'circles.gridTitle' | t: { cohort: cohortName() }"
      [subheading]="'circles.gridIntro' | t"
    >
      @if (canPlan()) {
        <a matButton="outlined" [routerLink]="['/cohorts', id(), 'plan']" data-testid="plan-link">
          <blup-icon matButtonIcon name="cohort" />
          {{ 'circles.plan' | t }}
        </a>
      }
      <a matButton [routerLink]="['/cohorts', id()]">
        <blup-icon matButtonIcon name="back" />
        {{ 'common.back' | t }}
      </a>
    </blup-page-header>
    <div class="progress">
      @if (grid.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    <blup-api-error [error]="grid.error()" />
    @if (grid.hasValue()) {
      @let g = grid.value();
      @if (!g.rows.items.length || !g.columns.length) {
        <blup-notice icon="grid" data-testid="empty" [message]="'circles.gridEmpty' | t" />
      }
      @if (g.rows.items.length && g.columns.length) {
        <p class="note">{{ 'circles.timesNote' | t }}</p>
        <div
          class="scroll"
          tabindex="0"
          role="region"
          [attr.aria-label]="'circles.gridTitle' | t: { cohort: g.cohort.name }"
        >
          <table class="grid" data-testid="grid">
            <thead>
              <tr>
                <th scope="col" class="sticky">{{ 'circles.circleColumn' | t }}</th>
                @for (column of g.columns; track column.planId; let i = $index) {
                  <th scope="col" class="column">
                    <span class="column-title">{{ column.title }}</span>
                    <span class="column-date">{{ column.startsAt | circleTime: 'short' }}</span>
                  </th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of g.rows.items; track row.circleId) {
                <tr data-testid="grid-row">
                  <th scope="row" class="sticky">
                    <a [routerLink]="['/circles', row.circleId]">{{ rowName(row) }}</a>
                    @if (row.municipalityName) {
                      <span class="municipality">{{ row.municipalityName }}</span>
                    }
                  </th>
                  @for (cell of row.cells; track $index) {
                    <td>
                      @if (cell) {
                        <a
                          [class]="'cell status-' + cell.status"
                          [routerLink]="['/sessions', cell.sessionId]"
                          data-testid="grid-cell"
                        >
                          <span class="cdk-visually-hidden">
                            {{ rowName(row) }}, {{ g.columns[$index]?.title }}:
                          </span>
                          <span class="status">{{ statusKey(cell.status) | t }}</span>
                          @if (cell.recorded) {
                            <span class="count" aria-hidden="true">
                              {{ cell.present }}/{{ cell.memberCount }}
                            </span>
                            <span class="cdk-visually-hidden">{{ attendanceText(cell) }}</span>
                          } @else if (cell.status === held) {
                            <span class="missing">{{ 'circles.notRecorded' | t }}</span>
                          }
                        </a>
                      } @else {
                        <span class="none">
                          <span aria-hidden="true">·</span>
                          <span class="cdk-visually-hidden">{{ 'circles.noSessionCell' | t }}</span>
                        </span>
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      <blup-paginator
        [total]="g.rows.total"
        [page]="page()"
        [pageSize]="pageSize()"
        (pageChange)="page.set($event.page); pageSize.set($event.pageSize)"
      />
    }
  `,
  styles: `
    .progress {
      block-size: 4px;
      margin-block: 4px 8px;
    }
    .note {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .scroll {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .scroll:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .grid {
      border-collapse: separate;
      border-spacing: 0;
      font: var(--mat-sys-body-medium);
      min-inline-size: 100%;
    }
    th,
    td {
      padding: 6px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
      vertical-align: middle;
    }
    thead th {
      font: var(--mat-sys-label-large);
      vertical-align: bottom;
      background: var(--mat-sys-surface-container);
    }
    .column {
      min-inline-size: 96px;
    }
    .column-title,
    .column-date {
      display: block;
    }
    .column-date {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
    }
    .sticky {
      position: sticky;
      inset-inline-start: 0;
      z-index: 1;
      background: var(--mat-sys-surface-container);
      min-inline-size: 96px;
      max-inline-size: 34vw;
      border-inline-end: 1px solid var(--mat-sys-outline-variant);
    }
    tbody .sticky a {
      color: var(--mat-sys-primary);
      font: var(--mat-sys-title-small);
    }
    .municipality {
      display: block;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .cell {
      display: flex;
      flex-direction: column;
      justify-content: center;
      min-block-size: 48px;
      min-inline-size: 84px;
      padding: 4px 8px;
      border-radius: 8px;
      text-decoration: none;
      border: 1px solid var(--mat-sys-outline-variant);
      color: var(--mat-sys-on-surface);
      background: var(--mat-sys-surface);
    }
    .cell:hover,
    .cell:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .status {
      font: var(--mat-sys-label-medium);
    }
    .count {
      font: var(--mat-sys-title-medium);
    }
    .missing {
      font: var(--mat-sys-label-small);
    }
    .status-held {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      border-color: transparent;
    }
    .status-cancelled {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
      border-style: dashed;
    }
    .status-cancelled .status {
      text-decoration: line-through;
    }
    .none {
      display: block;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class GridPage {
  private readonly api = inject(CirclesApi);
  private readonly i18n = inject(I18nService);
  private readonly auth = inject(AuthStore);

  /** The cohort's id, from the route. */
  readonly id = input.required<string>();
  protected readonly page = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly held = SessionStatus.Held;
  protected readonly statusKey = sessionStatusKey;
  protected readonly canPlan = computed(() => isSecretariat(this.auth.user()));

  protected readonly grid = rxResource({
    params: () => ({ id: this.id(), page: this.page(), pageSize: this.pageSize() }),
    stream: ({ params }) =>
      this.api.grid(params.id, { page: params.page, pageSize: params.pageSize }),
  });
  protected readonly cohortName = computed(() =>
    this.grid.hasValue() ? this.grid.value().cohort.name : '…',
  );

  protected rowName(row: GridRow): string {
    return circleName(row, this.i18n);
  }

  /** The attendance in words, for screen readers (the "4/9" is hidden from them). */
  protected attendanceText(cell: GridCell): string {
    return this.i18n.t('circles.attendanceLabel', {
      present: cell.present,
      members: cell.memberCount,
    });
  }
}
