import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { ErrorCode, GOAL_LIMITS, type VillageGoalDto } from '@blup/contracts';
import { GoalsApi } from '@blup/web/core';
import { MatButton } from '@angular/material/button';
import { editForm } from '../shared/edit-form';
import { EditFormFrame } from '../shared/edit-form-frame';
import { FORM_FIELDS } from '../shared/form-fields';
import { INDICATOR_VALUE, indicatorValue } from './goal-labels';
import { SdgTargetPicker, sdgOfTarget } from './sdg-target-picker';
import { SdgTiles } from './sdg-tiles';

/** Add a goal (`/villages/:villageId/goals/new`) or change one (`/goals/:id/edit`). */
@Component({
  selector: 'blup-goal-form-page',
  imports: [FORM_FIELDS, EditFormFrame, SdgTiles, SdgTargetPicker, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-edit-form-frame
      [formGroup]="form"
      [edit]="edit"
      [heading]="(id() ? 'goals.editTitle' : 'goals.createTitle') | t"
      [cancelLink]="id() ? ['/goals', id()] : ['/villages', villageId(), 'goals']"
      testId="goal-form"
    >
      <blup-text-field
        [control]="form.controls.title"
        [label]="'goals.fieldTitle' | t"
        [hint]="'goals.fieldTitleHint' | t"
        testId="title"
      />
      <fieldset class="sdgs">
        <legend>{{ 'goals.fieldSdgs' | t }}</legend>
        <p class="hint">{{ 'goals.fieldSdgsHint' | t }}</p>
        <blup-sdg-tiles
          [label]="'goals.fieldSdgs' | t"
          [value]="form.controls.sdgs.value"
          (valueChange)="chooseSdgs($event)"
        />
        @if (form.controls.sdgs.invalid && form.controls.sdgs.touched) {
          <p class="error" role="alert" data-testid="sdgs-error">{{ 'goals.sdgsMissing' | t }}</p>
        }
      </fieldset>
      @if (form.controls.sdgs.value.length > 0) {
        <fieldset class="sdgs">
          <legend>{{ 'goals.fieldTargets' | t }}</legend>
          <p class="hint">{{ 'goals.fieldTargetsHint' | t }}</p>
          @for (sdg of form.controls.sdgs.value; track sdg) {
            <blup-sdg-target-picker
              [sdg]="sdg"
              [value]="form.controls.targets.value"
              (valueChange)="form.controls.targets.setValue($event)"
            />
          }
        </fieldset>
      }
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'goals.fieldWhy' | t }}</mat-label>
        <textarea matInput rows="3" formControlName="why" data-testid="why"></textarea>
        <mat-error>{{ form.controls.why | fieldError }}</mat-error>
      </mat-form-field>
      <blup-text-field
        [control]="form.controls.owner"
        [label]="'goals.fieldOwner' | t"
        [hint]="'goals.fieldOwnerHint' | t"
        testId="owner"
      />
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'goals.fieldHorizon' | t }}</mat-label>
        <input matInput type="date" formControlName="horizon" data-testid="horizon" />
        <mat-error>{{ form.controls.horizon | fieldError }}</mat-error>
      </mat-form-field>
      <blup-text-field
        [control]="form.controls.indicator"
        [label]="'goals.fieldIndicator' | t"
        [hint]="'goals.fieldIndicatorHint' | t"
        testId="indicator"
      />
      <div class="numbers">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'goals.fieldBaseline' | t }}</mat-label>
          <input matInput inputmode="decimal" formControlName="baseline" data-testid="baseline" />
          <mat-error>{{ form.controls.baseline | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'goals.fieldTarget' | t }}</mat-label>
          <input matInput inputmode="decimal" formControlName="targetValue" data-testid="target" />
          <mat-error>{{ form.controls.targetValue | fieldError }}</mat-error>
        </mat-form-field>
      </div>
    </blup-edit-form-frame>
    @if (edit.changedMeanwhile()) {
      <p class="conflict">
        <button
          matButton="tonal"
          type="button"
          data-testid="load-their-version"
          (click)="edit.loadTheirVersion()"
        >
          {{ 'goals.loadTheirVersion' | t }}
        </button>
      </p>
    }
  `,
  styles: `
    .sdgs {
      margin: 0;
      padding: 0;
      border: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
    }
    .hint {
      margin: 4px 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .conflict {
      margin-block: 12px;
    }
    .numbers {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 12px;
    }
  `,
})
export class GoalFormPage {
  private readonly api = inject(GoalsApi);

  /** Set when editing. */
  readonly id = input<string>();
  /** Set when adding, from the village's goals. */
  readonly villageId = input<string>();
  private readonly version = signal(1);

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(GOAL_LIMITS.titleMaxLength)]],
    sdgs: [[] as number[], Validators.required],
    targets: [[] as string[]],
    why: ['', Validators.maxLength(GOAL_LIMITS.whyMaxLength)],
    owner: ['', Validators.maxLength(GOAL_LIMITS.ownerMaxLength)],
    horizon: [''],
    indicator: ['', Validators.maxLength(GOAL_LIMITS.indicatorMaxLength)],
    baseline: ['', Validators.pattern(INDICATOR_VALUE)],
    targetValue: ['', Validators.pattern(INDICATOR_VALUE)],
  });
  protected readonly edit = editForm({
    id: this.id,
    form: this.form,
    load: (id) => this.api.goal(id),
    fill: (goal: VillageGoalDto) => {
      this.version.set(goal.version);
      this.form.reset({
        title: goal.title,
        sdgs: goal.sdgs,
        targets: goal.targets.map((target) => target.code),
        why: goal.why,
        owner: goal.owner,
        horizon: goal.horizon ?? '',
        indicator: goal.indicator,
        baseline: goal.baseline === null ? '' : String(goal.baseline),
        targetValue: goal.targetValue === null ? '' : String(goal.targetValue),
      });
    },
    create: () => this.api.createGoal(this.villageId() ?? '', this.body()),
    update: (id) => this.api.updateGoal(id, { ...this.body(), version: this.version() }),
    created: 'goals.created',
    route: '/goals',
    changed: ErrorCode.GoalChanged,
  });

  protected chooseSdgs(sdgs: number[]): void {
    this.form.controls.sdgs.setValue(sdgs);
    this.form.controls.sdgs.markAsTouched();
    // A target under an SDG no longer chosen goes with it.
    const targets = this.form.controls.targets.value;
    this.form.controls.targets.setValue(targets.filter((code) => sdgs.includes(sdgOfTarget(code))));
  }

  private body() {
    const v = this.form.getRawValue();
    return {
      title: v.title,
      sdgs: v.sdgs,
      targets: v.targets,
      why: v.why,
      owner: v.owner,
      horizon: v.horizon || null,
      indicator: v.indicator,
      baseline: indicatorValue(v.baseline),
      targetValue: indicatorValue(v.targetValue),
    };
  }
}
