import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { WheelActivity } from '@blup/contracts';
import { I18nService } from '@blup/web/core';
import { activitiesByMonth, monthKey } from './wheel-labels';

const CENTRE = 200;
const OUTER = 190;
const INNER = 70;
const DOTS_SHOWN = 8;

function point(radius: number, turn: number): string {
  const angle = turn * 2 * Math.PI - Math.PI / 2;
  const x = CENTRE + radius * Math.cos(angle);
  const y = CENTRE + radius * Math.sin(angle);
  return `${x.toFixed(2)} ${y.toFixed(2)}`;
}

/** The ring segment of a month: January at twelve o'clock, clockwise. */
function wedge(month: number): string {
  const from = (month - 1) / 12;
  const to = month / 12;
  return [
    `M ${point(INNER, from)}`,
    `L ${point(OUTER, from)}`,
    `A ${OUTER} ${OUTER} 0 0 1 ${point(OUTER, to)}`,
    `L ${point(INNER, to)}`,
    `A ${INNER} ${INNER} 0 0 0 ${point(INNER, from)}`,
    'Z',
  ].join(' ');
}

/**
 * The year drawn as a wheel, for wide screens: twelve months round a ring, a dot per activity.
 * A picture only (hidden from screen readers): the month grid beside it holds the content.
 */
@Component({
  selector: 'blup-year-wheel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg viewBox="0 0 400 400" aria-hidden="true" focusable="false" data-testid="year-wheel">
      @for (m of months(); track m.month) {
        <g [attr.data-wheel-month]="m.month">
          <path [attr.d]="m.path" [class.odd]="m.month % 2 === 1" />
          <text [attr.x]="m.label.x" [attr.y]="m.label.y" class="month">{{ m.name }}</text>
          @for (dot of m.dots; track $index) {
            <circle [attr.cx]="dot.x" [attr.cy]="dot.y" r="6" />
          }
          @if (m.more) {
            <text [attr.x]="m.more.x" [attr.y]="m.more.y" class="more">+{{ m.more.count }}</text>
          }
        </g>
      }
    </svg>
  `,
  styles: `
    :host {
      display: block;
    }
    svg {
      display: block;
      inline-size: 100%;
      max-inline-size: 420px;
      margin-inline: auto;
    }
    path {
      fill: var(--mat-sys-surface-container-high);
      stroke: var(--mat-sys-surface);
      stroke-width: 2;
    }
    path.odd {
      fill: var(--mat-sys-surface-container-highest);
    }
    text {
      fill: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      text-anchor: middle;
      dominant-baseline: middle;
    }
    circle {
      fill: var(--mat-sys-primary);
    }
  `,
})
export class YearWheel {
  private readonly i18n = inject(I18nService);
  readonly activities = input.required<readonly WheelActivity[]>();

  protected readonly months = computed(() =>
    activitiesByMonth(this.activities()).map(({ month, activities }) => {
      const middle = (month - 0.5) / 12;
      const [lx, ly] = point(163, middle).split(' ');
      const shown = activities.slice(0, DOTS_SHOWN);
      const dots = shown.map((_, i) => {
        // Dots in two rows across the month, between the ring's inner edge and its label.
        const row = i % 2;
        const along = (month - 1 + (Math.floor(i / 2) + 1) / (Math.ceil(DOTS_SHOWN / 2) + 1)) / 12;
        const [x, y] = point(row ? 100 : 125, along).split(' ');
        return { x, y };
      });
      const [mx, my] = point(85, middle).split(' ');
      return {
        month,
        path: wedge(month),
        name: this.i18n.t(monthKey(month)).slice(0, 3),
        label: { x: lx, y: ly },
        dots,
        more:
          activities.length > DOTS_SHOWN
            ? { x: mx, y: my, count: activities.length - DOTS_SHOWN }
            : null,
      };
    }),
  );
}
