import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { WheelActivity } from '@blup/contracts';
import { I18nService, TranslatePipe } from '@blup/web/core';
import { activitiesByMonth, monthKey, whenLabel } from './wheel-labels';

/**
 * The annual wheel drawn as a year: twelve months in a grid (one column on a phone, more on
 * wider screens), each listing its activities with when and who. Editable, an activity is a
 * button that opens it.
 */
@Component({
  selector: 'blup-month-grid',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="grid" data-testid="month-grid">
      @for (m of months(); track m.month) {
        <li class="month" [attr.data-month]="m.month">
          @if (headingLevel() === 3) {
            <h3>{{ monthKey(m.month) | t }}</h3>
          } @else {
            <h2>{{ monthKey(m.month) | t }}</h2>
          }
          @if (m.activities.length) {
            <ul>
              @for (a of m.activities; track a.id) {
                <li>
                  @if (editable()) {
                    <button
                      type="button"
                      class="activity"
                      [attr.data-testid]="'activity-' + a.id"
                      (click)="selected.emit(a.id)"
                    >
                      <strong>{{ a.title }}</strong>
                      <span>{{ when(a) }}</span>
                      <span>{{ 'wheel.who' | t: { who: a.who } }}</span>
                      @if (a.place) {
                        <span>{{ 'wheel.where' | t: { place: a.place } }}</span>
                      }
                      <span class="cdk-visually-hidden">{{ 'wheel.edit' | t }}</span>
                    </button>
                  } @else {
                    <div class="activity" [attr.data-testid]="'activity-' + a.id">
                      <strong>{{ a.title }}</strong>
                      <span>{{ when(a) }}</span>
                      <span>{{ 'wheel.who' | t: { who: a.who } }}</span>
                      @if (a.place) {
                        <span>{{ 'wheel.where' | t: { place: a.place } }}</span>
                      }
                    </div>
                  }
                </li>
              }
            </ul>
          } @else {
            <p class="none">{{ 'wheel.monthEmpty' | t }}</p>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .grid {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 280px), 1fr));
      gap: 12px;
    }
    .month {
      padding: 12px 16px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
    }
    h2,
    h3 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
      color: var(--mat-sys-on-surface);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .activity {
      display: grid;
      gap: 2px;
      inline-size: 100%;
      min-block-size: 48px;
      padding: 8px 12px;
      border: 0;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-large);
      text-align: start;
    }
    button.activity {
      cursor: pointer;
    }
    button.activity:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
    }
    .none {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MonthGrid {
  private readonly i18n = inject(I18nService);
  readonly activities = input.required<readonly WheelActivity[]>();
  readonly editable = input(false);
  /** The months' heading level: 2 on the wheel's own page, 3 inside a section. */
  readonly headingLevel = input<2 | 3>(2);
  readonly selected = output<string>();

  protected readonly months = computed(() => activitiesByMonth(this.activities()));
  protected readonly monthKey = monthKey;
  protected when(activity: WheelActivity): string {
    return whenLabel(this.i18n, activity);
  }
}
