import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ChartRow } from './survey-results';

/**
 * Horizontal bars in plain HTML and CSS: per row its label, a bar as long as its percent, and
 * the count and percent as text (the bar itself is hidden from screen readers). At phone width
 * the label has its own line and the bar and numbers share the next.
 */
@Component({
  selector: 'blup-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="bars" [attr.aria-label]="caption()">
      @for (row of rows(); track row.id) {
        <li class="bar-row" [attr.data-testid]="'bar-' + row.id">
          <span class="label">{{ row.label }}</span>
          <span class="track" aria-hidden="true">
            <span class="fill" [style.inline-size.%]="row.percent"></span>
          </span>
          <span class="num" data-testid="bar-count"> {{ row.count }} ({{ row.percent }} %) </span>
        </li>
      }
    </ul>
  `,
  styles: `
    .bars {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 10px;
    }
    .bar-row {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: center;
      gap: 2px 12px;
    }
    .label {
      grid-column: 1 / -1;
      overflow-wrap: anywhere;
    }
    .track {
      block-size: 16px;
      border-radius: var(--mat-sys-corner-extra-small);
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
    }
    .fill {
      display: block;
      block-size: 100%;
      background: var(--mat-sys-primary);
      transition: inline-size 300ms ease-out;
    }
    .num {
      min-inline-size: 6.5em;
      text-align: end;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    @media print {
      .fill {
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
    }
  `,
})
export class BarChart {
  readonly rows = input.required<readonly ChartRow[]>();
  /** Names the list for screen readers: the question. */
  readonly caption = input<string | null>(null);
}
