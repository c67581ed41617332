import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { GoalsApi, TranslatePipe, loadTextSection } from '@blup/web/core';
import { LoadState } from '../shared/load-state';
import { initiativeStatusKey } from '../initiatives/initiative-labels';
import { goalStatusKey } from './goal-labels';
import { injectSdgs, sdgColours } from './sdg-tiles';

/**
 * Goals across the villages of a municipality or a cohort: a bar per SDG (its length the number
 * of goals, its colour the SDG's), and goals per status. Each bar is one sentence for screen
 * readers; the numbers are also written, so nothing depends on seeing the bars.
 */
@Component({
  selector: 'blup-goal-summary',
  imports: [LoadState, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="goal-summary-title" data-testid="goal-summary">
      <h2 id="goal-summary-title" class="section-title">{{ 'goals.summaryTitle' | t }}</h2>
      <blup-load-state [loading]="summary.isLoading()" [error]="summary.error()" />
      @if (summary.hasValue()) {
        @let s = summary.value();
        <p data-testid="goal-summary-totals">
          {{
            'goals.summaryTotals'
              | t: { goals: s.goals, withGoals: s.villagesWithGoals, villages: s.villages }
          }}
        </p>
        @if (s.goals === 0) {
          <p>{{ 'goals.summaryEmpty' | t }}</p>
        } @else {
          <ul class="bars">
            @for (row of rows(); track row.number) {
              <li
                class="bar-row"
                [attr.aria-label]="'goals.summaryBar' | t: row"
                [attr.data-testid]="'summary-sdg-' + row.number"
              >
                <span class="number" aria-hidden="true">{{ row.number }}</span>
                <span class="track" aria-hidden="true">
                  @if (row.goals > 0) {
                    <span
                      class="bar"
                      [style.inline-size.%]="row.share"
                      [style.background]="row.colour"
                      [style.color]="row.ink"
                      >{{ row.goals }}</span
                    >
                  }
                </span>
              </li>
            }
          </ul>
          <h3>{{ 'goals.summaryStatuses' | t }}</h3>
          <ul class="statuses">
            @for (row of s.byStatus; track row.status) {
              <li>
                {{ statusKey(row.status) | t }}: <strong>{{ row.goals }}</strong>
              </li>
            }
          </ul>
        }
        <h3>{{ 'initiatives.summaryTitle' | t }}</h3>
        <p data-testid="initiative-summary-total">
          {{ 'initiatives.summaryTotal' | t: { count: s.initiatives } }}
        </p>
        @if (s.initiatives > 0) {
          <ul class="statuses" data-testid="initiative-summary">
            @for (row of s.initiativesByStatus; track row.status) {
              <li>
                {{ initiativeStatusKey(row.status) | t }}: <strong>{{ row.initiatives }}</strong>
              </li>
            }
          </ul>
        }
      }
    </section>
  `,
  styles: `
    .bars {
      display: grid;
      gap: 4px;
      margin: 0 0 16px;
      padding: 0;
      list-style: none;
    }
    .bar-row {
      display: grid;
      grid-template-columns: 3ch 1fr;
      align-items: center;
      gap: 8px;
    }
    .number {
      font: var(--mat-sys-label-large);
      text-align: end;
    }
    .track {
      display: block;
      block-size: 24px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container);
    }
    .bar {
      display: block;
      block-size: 100%;
      min-inline-size: 0;
      border-radius: 4px;
      padding-inline: 6px;
      font: var(--mat-sys-label-large);
      line-height: 24px;
    }
    .statuses {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      padding: 0;
      list-style: none;
    }
  `,
})
export class GoalSummary {
  private readonly api = inject(GoalsApi);
  readonly municipalityId = input<string>();
  readonly cohortId = input<string>();

  protected readonly statusKey = goalStatusKey;
  protected readonly initiativeStatusKey = initiativeStatusKey;
  private readonly sdgs = injectSdgs();
  constructor() {
    // Initiatives by status are named in the initiatives section's words.
    void loadTextSection('initiatives')();
  }

  protected readonly summary = rxResource({
    params: () => ({ municipalityId: this.municipalityId(), cohortId: this.cohortId() }),
    stream: ({ params }) =>
      params.cohortId
        ? this.api.cohortSummary(params.cohortId)
        : this.api.municipalitySummary(params.municipalityId ?? ''),
  });
  protected readonly rows = computed(() => {
    if (!this.summary.hasValue()) return [];
    const summary = this.summary.value();
    const most = Math.max(1, ...summary.bySdg.map((row) => row.goals));
    const colours = sdgColours(this.sdgs());
    return summary.bySdg.map((row) => ({
      ...row,
      ...colours(row.number),
      share: (row.goals / most) * 100,
    }));
  });
}
