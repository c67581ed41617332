import { ChangeDetectionStrategy, Component, ViewEncapsulation } from '@angular/core';

/**
 * The card rows of a list page: `<ul blupRows>` (or `<ol blupRows>`) holding
 * `<li class="blup-row">` items. Parts of a row:
 * - `.blup-row-link`: the row's name as a link (text in a `<span>`, then `<blup-icon class="blup-row-go">`),
 *   a 48px touch target;
 * - `.blup-row-title`: the row's name when it is not a link;
 * - `.blup-row-meta`: a quieter line of details.
 *
 * The styles are not encapsulated so that they reach the rows the page projects. They are loaded
 * with the first list page (lazy), not with the initial bundle. Every selector is one class, so a
 * page's own (encapsulated) rule for the same element wins.
 */
@Component({
  // An attribute on the list itself keeps the page's own ul/ol (and its list semantics).
  // eslint-disable-next-line @angular-eslint/component-selector
  selector: 'ul[blupRows], ol[blupRows]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  host: { class: 'blup-rows' },
  template: '<ng-content />',
  styles: `
    .blup-rows {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .blup-row {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
    }
    .blup-row-link {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      min-block-size: 48px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface);
      text-decoration: none;
    }
    .blup-row-link:hover span {
      text-decoration: underline;
    }
    .blup-row-go {
      color: var(--mat-sys-on-surface-variant);
    }
    .blup-row-title {
      font: var(--mat-sys-title-medium);
    }
    .blup-row-meta {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class RowList {}
