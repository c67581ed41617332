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
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { GATHERING_LIMITS, type GatheringDto, MAX_PAGE_SIZE } from '@blup/contracts';
import { GoalsApi, GatheringsApi, InitiativesApi, TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { forkJoin, map, of } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';

interface Linkable {
  id: string;
  title: string;
}

/**
 * The minutes after a gathering, linked to the village's goals and initiatives (their pages at
 * `/goals/:id` and `/initiatives/:id`). Organisers write them here.
 */
@Component({
  selector: 'blup-gathering-minutes',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatInput,
    Icon,
    ApiErrorMessage,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="minutes-heading" data-testid="minutes">
      <h2 id="minutes-heading">{{ 'gatherings.minutes' | t }}</h2>
      @let g = gathering();
      @if (editing()) {
        <form novalidate (submit)="$event.preventDefault(); save()">
          <mat-form-field>
            <mat-label>{{ 'gatherings.minutesLabel' | t }}</mat-label>
            <textarea matInput rows="8" [formControl]="text" data-testid="minutes-text"></textarea>
          </mat-form-field>
          @if (links.hasValue()) {
            @let l = links.value();
            @if (l.goals.length) {
              <fieldset>
                <legend>{{ 'gatherings.minutesGoals' | t }}</legend>
                @for (goal of l.goals; track goal.id) {
                  <mat-checkbox
                    [checked]="goalIds().has(goal.id)"
                    (change)="toggle(goalIds, goal.id)"
                  >
                    {{ goal.title }}
                  </mat-checkbox>
                }
              </fieldset>
            }
            @if (l.initiatives.length) {
              <fieldset>
                <legend>{{ 'gatherings.minutesInitiatives' | t }}</legend>
                @for (i of l.initiatives; track i.id) {
                  <mat-checkbox
                    [checked]="initiativeIds().has(i.id)"
                    (change)="toggle(initiativeIds, i.id)"
                  >
                    {{ i.title }}
                  </mat-checkbox>
                }
              </fieldset>
            }
          }
          <blup-api-error [error]="submit.error()" />
          <div class="actions">
            <button matButton="filled" type="submit" data-testid="save-minutes">
              {{ 'common.save' | t }}
            </button>
            <button matButton="outlined" type="button" (click)="editing.set(false)">
              {{ 'common.cancel' | t }}
            </button>
          </div>
        </form>
      } @else {
        @if (g.minutes) {
          <p class="text" data-testid="minutes-shown">{{ g.minutes }}</p>
        } @else {
          <p class="meta">{{ 'gatherings.noMinutes' | t }}</p>
        }
        @if (linked().length) {
          <h3>{{ 'gatherings.minutesLinks' | t }}</h3>
          <ul>
            @for (item of linked(); track item.link) {
              <li>
                <a [routerLink]="item.link">{{ item.title }}</a>
              </li>
            }
          </ul>
        }
        @if (g.canEdit) {
          <button matButton="outlined" type="button" data-testid="edit-minutes" (click)="start()">
            <blup-icon matButtonIcon name="edit" />
            {{ 'gatherings.editMinutes' | t }}
          </button>
        }
      }
    </section>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
    }
    form,
    fieldset {
      display: flex;
      flex-direction: column;
    }
    fieldset {
      margin: 0 0 16px;
      border: 0;
      padding: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-block-end: 4px;
    }
    .text {
      white-space: pre-wrap;
      font: var(--mat-sys-body-large);
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
    }
    li a {
      display: inline-block;
      min-block-size: 32px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
  `,
})
export class GatheringMinutes {
  private readonly api = inject(GatheringsApi);
  private readonly goalsApi = inject(GoalsApi);
  private readonly initiativesApi = inject(InitiativesApi);

  readonly gathering = input.required<GatheringDto>();
  readonly saved = output<GatheringDto>();

  protected readonly editing = signal(false);
  protected readonly submit = submitter();
  protected readonly text = new FormControl('', { nonNullable: true });
  protected readonly goalIds = signal(new Set<string>());
  protected readonly initiativeIds = signal(new Set<string>());

  /** The village's goals and initiatives (to show the linked ones, and to choose from). */
  protected readonly links = rxResource({
    params: () => this.gathering().villageId,
    stream: ({ params }) =>
      params
        ? forkJoin({
            goals: this.goalsApi.goals(params, { pageSize: MAX_PAGE_SIZE }),
            initiatives: this.initiativesApi.initiatives(params, { pageSize: MAX_PAGE_SIZE }),
          }).pipe(
            map(({ goals, initiatives }) => ({
              goals: goals.items.map(({ id, title }): Linkable => ({ id, title })),
              initiatives: initiatives.items.map(({ id, title }): Linkable => ({ id, title })),
            })),
          )
        : of({ goals: [] as Linkable[], initiatives: [] as Linkable[] }),
  });

  protected readonly linked = computed(() => {
    const g = this.gathering();
    const l = this.links.hasValue() ? this.links.value() : null;
    if (!l) return [];
    return [
      ...l.goals
        .filter((x) => g.minutesGoalIds.includes(x.id))
        .map((x) => ({ title: x.title, link: `/goals/${x.id}` })),
      ...l.initiatives
        .filter((x) => g.minutesInitiativeIds.includes(x.id))
        .map((x) => ({ title: x.title, link: `/initiatives/${x.id}` })),
    ];
  });

  protected start(): void {
    const g = this.gathering();
    this.text.setValue(g.minutes ?? '');
    this.goalIds.set(new Set(g.minutesGoalIds));
    this.initiativeIds.set(new Set(g.minutesInitiativeIds));
    this.editing.set(true);
  }

  protected toggle(ids: typeof this.goalIds, id: string): void {
    ids.update((set) => {
      const next = new Set(set);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  protected save(): void {
    const minutes = this.text.value.slice(0, GATHERING_LIMITS.minutes);
    this.submit.run(
      null,
      () =>
        this.api.saveMinutes(this.gathering().id, {
          minutes,
          goalIds: [...this.goalIds()],
          initiativeIds: [...this.initiativeIds()],
        }),
      (g) => {
        this.editing.set(false);
        this.saved.emit(g);
      },
    );
  }
}
