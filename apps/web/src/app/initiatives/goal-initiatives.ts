import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { InitiativesApi, TranslatePipe, loadTextSection } from '@blup/web/core';
import { LoadState } from '../shared/load-state';
import { INITIATIVE_CARDS_STYLES } from './initiative-cards';
import { initiativeStatusKey } from './initiative-labels';
import { ProgressBar } from './progress-bar';

/** On a goal's page: the initiatives that serve it, each with its status and progress. */
@Component({
  selector: 'blup-goal-initiatives',
  imports: [RouterLink, TranslatePipe, LoadState, ProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="goal-initiatives-title" data-testid="goal-initiatives">
      <h2 id="goal-initiatives-title">{{ 'initiatives.goalInitiatives' | t }}</h2>
      <blup-load-state [loading]="initiatives.isLoading()" [error]="initiatives.error()" />
      @if (initiatives.hasValue()) {
        <ul class="cards">
          @for (initiative of initiatives.value().items; track initiative.id) {
            <li>
              <a class="card" [routerLink]="['/initiatives', initiative.id]">
                <strong>{{ initiative.title }}</strong>
                <span>{{ statusKey(initiative.status) | t }}</span>
                <blup-progress-bar [value]="initiative.progress" />
              </a>
            </li>
          } @empty {
            <li>{{ 'initiatives.goalInitiativesEmpty' | t }}</li>
          }
        </ul>
      }
    </section>
  `,
  styles: [
    INITIATIVE_CARDS_STYLES,
    `
      .cards {
        gap: 8px;
      }
    `,
  ],
})
export class GoalInitiatives {
  private readonly api = inject(InitiativesApi);
  readonly goalId = input.required<string>();
  protected readonly statusKey = initiativeStatusKey;
  protected readonly initiatives = rxResource({
    params: () => this.goalId(),
    stream: ({ params }) => this.api.forGoal(params, { pageSize: 50 }),
  });

  constructor() {
    // Its texts live in the initiatives section, which the goal's route does not load.
    void loadTextSection('initiatives')();
  }
}
