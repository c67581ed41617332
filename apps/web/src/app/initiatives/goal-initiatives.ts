import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { InitiativesApi, TranslatePipe, loadTextSection } from '@blup/web/core';
import { LoadState } from '../shared/load-state';
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
  styles: `
    .cards {
      display: grid;
      gap: 8px;
      padding: 0;
      list-style: none;
    }
    .card {
      display: grid;
      gap: 4px;
      min-block-size: 48px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
      text-decoration: none;
    }
  `,
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
