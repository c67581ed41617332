import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import { GOAL_LIMITS, GOAL_STATUSES, type GoalStatus } from '@blup/contracts';
import { GoalsApi, I18nService, LocalDatePipe } from '@blup/web/core';
import { GoalInitiatives } from '../initiatives/goal-initiatives';
import { FORM_FIELDS } from '../shared/form-fields';
import { PAGE_PARTS } from '../shared/page-parts';
import { SubmitForm } from '../shared/submit-form';
import { submitter } from '../shared/submitter';
import { INDICATOR_VALUE, goalStatusKey, indicatorValue } from './goal-labels';
import { SdgBadges } from './sdg-tiles';

/** `/goals/:id`: one village goal, where it stands (changed in one tap), and its timeline. */
@Component({
  selector: 'blup-goal-page',
  imports: [
    PAGE_PARTS,
    FORM_FIELDS,
    ReactiveFormsModule,
    SubmitForm,
    SdgBadges,
    LocalDatePipe,
    GoalInitiatives,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="goal.isLoading()" [error]="goal.error()" />
    @if (goal.hasValue()) {
      @let g = goal.value();
      <a matButton [routerLink]="['/villages', g.villageId, 'goals']">
        <blup-icon matButtonIcon name="back" />
        {{ 'goals.back' | t }}
      </a>
      <blup-page-header [heading]="g.title" [subheading]="g.villageName">
        @if (g.canEdit) {
          <a matButton="outlined" routerLink="edit" data-testid="edit-goal">
            <blup-icon matButtonIcon name="edit" />
            {{ 'common.edit' | t }}
          </a>
        }
      </blup-page-header>
      <blup-sdg-badges [numbers]="g.sdgs" />
      <p class="status" data-testid="goal-status">
        {{ 'goals.statusLabel' | t }}: <strong>{{ statusKey(g.status) | t }}</strong>
      </p>
      @if (g.why) {
        <p class="why">{{ g.why }}</p>
      }
      <ul class="goal-facts">
        @if (g.owner) {
          <li>{{ 'goals.owner' | t: { owner: g.owner } }}</li>
        }
        @if (g.horizon) {
          <li>{{ 'goals.horizon' | t: { date: (g.horizon | localDate) } }}</li>
        }
        @if (g.indicator && (g.currentValue ?? g.baseline) !== null) {
          <li data-testid="goal-measure">
            @if (g.targetValue !== null) {
              {{
                'goals.measure'
                  | t
                    : {
                        indicator: g.indicator,
                        current: g.currentValue ?? g.baseline,
                        target: g.targetValue,
                      }
              }}
            } @else {
              {{
                'goals.measureNoTarget'
                  | t: { indicator: g.indicator, current: g.currentValue ?? g.baseline }
              }}
            }
          </li>
        }
      </ul>

      @if (g.canEdit) {
        <section aria-labelledby="progress-title">
          <h2 id="progress-title">{{ 'goals.progressTitle' | t }}</h2>
          <p class="hint">{{ 'goals.progressIntro' | t }}</p>
          <div class="statuses" role="group" [attr.aria-label]="'goals.statusLabel' | t">
            @for (status of statuses; track status) {
              <button
                matButton="outlined"
                type="button"
                class="choice"
                [class.on]="(chosen() ?? g.status) === status"
                [attr.aria-pressed]="(chosen() ?? g.status) === status"
                [attr.data-testid]="'status-' + status"
                (click)="chosen.set(status)"
              >
                {{ statusKey(status) | t }}
              </button>
            }
          </div>
          <blup-submit-form
            [submitter]="progress"
            [submitLabel]="'goals.progressSave' | t"
            submitTestId="save-progress"
            testId="progress-form"
            (submitted)="saveProgress(g.status)"
          >
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'goals.progressNote' | t }}</mat-label>
              <textarea
                matInput
                rows="2"
                [formControl]="progressForm.controls.note"
                data-testid="progress-note"
              ></textarea>
              <mat-error>{{ progressForm.controls.note | fieldError }}</mat-error>
            </mat-form-field>
            @if (g.indicator) {
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>{{ 'goals.progressValue' | t }}</mat-label>
                <input
                  matInput
                  inputmode="decimal"
                  [formControl]="progressForm.controls.value"
                  data-testid="progress-value"
                />
                <mat-error>{{ progressForm.controls.value | fieldError }}</mat-error>
              </mat-form-field>
            }
          </blup-submit-form>
        </section>
      }

      <blup-goal-initiatives [goalId]="g.id" />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{{ 'goals.timelineTitle' | t }}</h2>
        <blup-load-state [loading]="timeline.isLoading()" [error]="timeline.error()" />
        @if (timeline.hasValue()) {
          <ol class="timeline" data-testid="timeline">
            @for (entry of timeline.value().items; track entry.id) {
              <li>
                <strong>{{
                  'goals.timelineEntry'
                    | t
                      : {
                          status: (statusKey(entry.status) | t),
                          who: entry.createdBy?.name ?? ('goals.someone' | t),
                        }
                }}</strong>
                <span class="when">{{ entry.createdAt | localDate }}</span>
                @if (entry.note) {
                  <p>{{ entry.note }}</p>
                }
                @if (entry.value !== null) {
                  <p>{{ 'goals.timelineValue' | t: { value: entry.value } }}</p>
                }
              </li>
            } @empty {
              <li>{{ 'goals.timelineEmpty' | t }}</li>
            }
          </ol>
        }
      </section>
    }
  `,
  styles: `
    .status {
      font: var(--mat-sys-title-medium);
    }
    .why {
      white-space: pre-line;
    }
    .goal-facts {
      padding-inline-start: 20px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .statuses {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block-end: 12px;
    }
    .choice {
      min-block-size: 48px;
    }
    .choice.on {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font-weight: 700;
    }
    .timeline {
      padding-inline-start: 20px;
    }
    .timeline li {
      margin-block-end: 12px;
    }
    .when {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class GoalPage {
  private readonly api = inject(GoalsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly id = input.required<string>();
  protected readonly statuses: readonly GoalStatus[] = GOAL_STATUSES;
  protected readonly statusKey = goalStatusKey;
  protected readonly chosen = signal<GoalStatus | null>(null);
  protected readonly progress = submitter();
  protected readonly progressForm = inject(NonNullableFormBuilder).group({
    note: ['', Validators.maxLength(GOAL_LIMITS.noteMaxLength)],
    value: ['', Validators.pattern(INDICATOR_VALUE)],
  });
  protected readonly goal = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.goal(params),
  });
  protected readonly timeline = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.updates(params, { pageSize: 50 }),
  });

  protected saveProgress(current: GoalStatus): void {
    const { note, value } = this.progressForm.getRawValue();
    this.progress.run(
      this.progressForm,
      () =>
        this.api.addUpdate(this.id(), {
          status: this.chosen() ?? current,
          note,
          value: indicatorValue(value),
        }),
      () => {
        this.snackBar.open(this.i18n.t('goals.progressSaved'), undefined, { duration: 4000 });
        this.progressForm.reset();
        this.chosen.set(null);
        this.goal.reload();
        this.timeline.reload();
      },
    );
  }
}
