import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { type PagedList, type TranslationKey, TranslatePipe } from '@blup/web/core';
import { Notice, Paginator, SearchField } from '@blup/web/ui';
import { ApiErrorMessage } from './api-error-message';
import { TranslatedPaginatorIntl } from './paginator-intl';

/**
 * Everything around the rows of a list page: search, filters (projected with `filters`),
 * loading bar, error, the empty state and the paginator. The page projects its rows.
 */
@Component({
  selector: 'blup-list-frame',
  imports: [MatProgressBar, Notice, Paginator, SearchField, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  template: `
    <div class="filters">
      @if (searchLabel(); as label) {
        <blup-search-field
          class="search"
          [label]="label | t"
          [value]="list().query().q"
          (queryChange)="list().search($event)"
        />
      }
      <ng-content select="[filters]" />
    </div>
    <div class="progress">
      @if (list().loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    <blup-api-error [error]="list().error()" />
    @if (!list().loading() && !list().error() && list().items().length === 0) {
      <blup-notice icon="search" data-testid="empty" [message]="emptyText() | t" />
    }
    <div [attr.aria-busy]="list().loading()"><ng-content /></div>
    <blup-paginator
      [total]="list().total()"
      [page]="list().query().page"
      [pageSize]="list().query().pageSize"
      (pageChange)="list().goTo($event.page, $event.pageSize)"
    />
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .filters > * {
      flex: 1 1 240px;
    }
    .filters:empty {
      display: none;
    }
    .progress {
      block-size: 4px;
      margin-block: 4px 8px;
    }
  `,
})
export class ListFrame {
  readonly list = input.required<PagedList<unknown, object>>();
  /** Omit for lists the API cannot search. */
  readonly searchLabel = input<TranslationKey | null>(null);
  readonly emptyText = input.required<TranslationKey>();
}
