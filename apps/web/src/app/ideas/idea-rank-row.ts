import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { ErrorCode, type IdeaDto, type IdeaHelperDto } from '@blup/contracts';
import { ApiError, GoalsApi, IdeasApi, InitiativesApi, TranslatePipe } from '@blup/web/core';
import { MatButton } from '@angular/material/button';
import { ErrorMessage } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';

/**
 * One idea in the ranking: its rank and dots (online and on paper), big − and + targets for the
 * paper dots from a meeting, who would help (for those who may edit), and the one step that makes
 * it an initiative (a focus area and the goals it serves).
 */
@Component({
  selector: 'blup-idea-rank-row',
  imports: [RouterLink, MatButton, TranslatePipe, ApiErrorMessage, ErrorMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let i = idea();
    <article class="row" data-testid="ranked-idea" [attr.aria-labelledby]="'rank-' + i.id">
      <div class="head">
        <span class="rank">{{ 'ideas.rank' | t: { rank: i.rank } }}</span>
        <h3 [id]="'rank-' + i.id">{{ i.title }}</h3>
      </div>
      <p class="total" data-testid="total-dots">{{ 'ideas.dots' | t: { count: i.totalDots } }}</p>
      <p class="hint">
        {{ 'ideas.dotsSplit' | t: { online: i.onlineDots, paper: i.paperDots } }} ·
        {{ 'ideas.helpers' | t: { count: i.helperCount } }}
      </p>
      @if (i.canEdit) {
        <div class="paper" role="group" [attr.aria-label]="'ideas.paperDots' | t">
          <span>{{ 'ideas.paperDots' | t }}</span>
          <button
            type="button"
            class="step"
            data-testid="paper-less"
            [disabled]="i.paperDots === 0 || paper.busy()"
            [attr.aria-label]="'ideas.paperLess' | t: { title: i.title }"
            (click)="setPaper(i.paperDots - 1)"
          >
            −
          </button>
          <span class="count" data-testid="paper-dots">{{ i.paperDots }}</span>
          <button
            type="button"
            class="step"
            data-testid="paper-more"
            [disabled]="paper.busy()"
            [attr.aria-label]="'ideas.paperMore' | t: { title: i.title }"
            (click)="setPaper(i.paperDots + 1)"
          >
            +
          </button>
        </div>
        <blup-api-error [error]="paper.error()" />
        @if (i.helperCount > 0) {
          <button matButton type="button" data-testid="toggle-helpers" (click)="toggleHelpers()">
            {{ (helpersShown() ? 'ideas.hideHelpers' : 'ideas.showHelpers') | t }}
          </button>
          @if (helpersShown() && helpers.hasValue()) {
            <ul class="helpers" data-testid="helpers">
              @for (h of helpers.value().items; track $index) {
                <li>{{ contact(h) }}</li>
              }
            </ul>
          }
        }
      }
      <blup-api-error [error]="choose.error()" />
      @if (i.initiativeId) {
        <p class="chosen">
          {{ 'ideas.chosen' | t }} ·
          <a [routerLink]="['/initiatives', i.initiativeId]">{{ 'ideas.openInitiative' | t }}</a>
        </p>
      } @else if (i.canEdit) {
        @if (!choosing()) {
          <button
            matButton="tonal"
            type="button"
            data-testid="make-initiative"
            (click)="choosing.set(true)"
          >
            {{ 'ideas.makeInitiative' | t }}
          </button>
        } @else {
          <form class="choose" novalidate (submit)="makeInitiative($event)">
            @if (areas.hasValue() && goals.hasValue()) {
              @if (areas.value().items.length && goals.value().items.length) {
                <label [for]="'area-' + i.id">{{ 'ideas.focusArea' | t }}</label>
                <select
                  [id]="'area-' + i.id"
                  data-testid="initiative-area"
                  (change)="area.set(value($event))"
                >
                  @for (a of areas.value().items; track a.id) {
                    <option [value]="a.id" [selected]="a.id === chosenArea()">{{ a.name }}</option>
                  }
                </select>
                <fieldset>
                  <legend>{{ 'ideas.goals' | t }}</legend>
                  @for (g of goals.value().items; track g.id) {
                    <label class="check">
                      <input
                        type="checkbox"
                        data-testid="initiative-goal"
                        [checked]="chosenGoals().has(g.id)"
                        (change)="toggleGoal(g.id)"
                      />
                      {{ g.title }}
                    </label>
                  }
                </fieldset>
                <blup-error-message [message]="goalMissing() ? ('ideas.goalRequired' | t) : null" />
                <div class="actions">
                  <button matButton="filled" type="submit" data-testid="confirm-initiative">
                    {{ 'ideas.confirmInitiative' | t }}
                  </button>
                  <button matButton type="button" (click)="choosing.set(false)">
                    {{ 'ideas.cancel' | t }}
                  </button>
                </div>
              } @else {
                <p>{{ 'ideas.needsAreas' | t }}</p>
              }
            }
          </form>
        }
      }
    </article>
  `,
  styles: `
    .row {
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    .head {
      display: flex;
      align-items: baseline;
      gap: 12px;
    }
    .rank {
      flex: none;
      white-space: nowrap;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .total {
      margin: 4px 0 0;
      font: var(--mat-sys-title-small);
    }
    .hint {
      margin: 0 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .paper {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-block: 8px;
    }
    .step {
      inline-size: 56px;
      block-size: 56px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-primary);
      font-size: 28px;
      cursor: pointer;
    }
    .step:disabled {
      color: var(--mat-sys-on-surface-variant);
      cursor: default;
    }
    .count {
      min-inline-size: 3ch;
      text-align: center;
      font: var(--mat-sys-title-large);
    }
    .choose {
      display: grid;
      gap: 8px;
    }
    select {
      block-size: 48px;
      font: var(--mat-sys-body-large);
    }
    .check {
      display: flex;
      align-items: center;
      gap: 12px;
      min-block-size: 48px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class IdeaRankRow {
  private readonly api = inject(IdeasApi);
  private readonly initiatives = inject(InitiativesApi);
  private readonly goalsApi = inject(GoalsApi);

  readonly idea = input.required<IdeaDto>();
  readonly villageId = input.required<string>();
  readonly changed = output<void>();

  protected readonly paper = submitter();
  protected readonly choose = submitter();
  protected readonly helpersShown = signal(false);
  protected readonly choosing = signal(false);
  /** Sending without a goal: the API needs at least one, so say so before sending. */
  protected readonly goalMissing = signal(false);
  protected readonly area = signal<string | null>(null);
  protected readonly chosenGoals = signal<ReadonlySet<string>>(new Set());

  protected readonly helpers = rxResource({
    params: () => (this.helpersShown() ? this.idea().id : undefined),
    stream: ({ params }) => this.api.helpers(params, { pageSize: 100 }),
  });
  protected readonly areas = rxResource({
    params: () => (this.choosing() ? this.villageId() : undefined),
    stream: ({ params }) => this.initiatives.focusAreas(params, { pageSize: 100 }),
  });
  protected readonly goals = rxResource({
    params: () => (this.choosing() ? this.villageId() : undefined),
    stream: ({ params }) => this.goalsApi.goals(params, { pageSize: 100 }),
  });
  protected readonly chosenArea = computed(
    () => this.area() ?? (this.areas.hasValue() ? this.areas.value().items[0]?.id : null) ?? null,
  );

  protected setPaper(dots: number): void {
    this.paper.run(
      null,
      () => this.api.setPaperDots(this.idea().id, Math.max(0, dots)),
      () => this.changed.emit(),
    );
  }

  protected toggleHelpers(): void {
    this.helpersShown.update((shown) => !shown);
  }

  protected contact(helper: IdeaHelperDto): string {
    const ways = [helper.phone, helper.email].filter(Boolean).join(', ');
    return ways ? `${helper.name} (${ways})` : helper.name;
  }

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected toggleGoal(id: string): void {
    const next = new Set(this.chosenGoals());
    if (!next.delete(id)) next.add(id);
    this.chosenGoals.set(next);
    if (next.size) this.goalMissing.set(false);
  }

  protected makeInitiative(event: Event): void {
    event.preventDefault();
    const focusAreaId = this.chosenArea();
    if (!focusAreaId) return;
    const goalIds = [...this.chosenGoals()];
    this.goalMissing.set(goalIds.length === 0);
    if (!goalIds.length) return;
    this.choose.run(
      null,
      () => this.api.toInitiative(this.idea().id, { focusAreaId, goalIds }),
      () => {
        this.choosing.set(false);
        this.changed.emit();
      },
      (error) => {
        // Someone made it an initiative meanwhile: say so, and show the link to it.
        if (error instanceof ApiError && error.code === ErrorCode.IdeaAlreadyChosen) {
          this.choose.error.set(error);
          this.choosing.set(false);
          this.changed.emit();
          return true;
        }
        return false;
      },
    );
  }
}
