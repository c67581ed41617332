import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormArray, FormControl, FormGroup, type ValidatorFn, Validators } from '@angular/forms';
import { MatIconButton } from '@angular/material/button';
import { PHASES, type Phase, SESSION_LIMITS } from '@blup/contracts';
import { Icon } from '@blup/web/ui';
import { FORM_FIELDS } from '../shared/form-fields';
import { phaseKey } from './circle-labels';
import type { PlanRow } from './plan-series';
import { TIME_PATTERN } from './session-times';

export type PlanRowGroup = FormGroup<{
  date: FormControl<string>;
  time: FormControl<string>;
  durationMinutes: FormControl<number>;
  title: FormControl<string>;
  phase: FormControl<Phase>;
  topic: FormControl<string>;
}>;

/** One previewed row as a form group, so each session can be adjusted before saving. */
export function planRowGroup(row: PlanRow): PlanRowGroup {
  return new FormGroup({
    date: text(row.date, [Validators.required]),
    time: text(row.time, [Validators.required, Validators.pattern(TIME_PATTERN)]),
    durationMinutes: new FormControl(row.durationMinutes, { nonNullable: true }),
    title: text(row.title, [Validators.required, Validators.maxLength(SESSION_LIMITS.title)]),
    phase: new FormControl(row.phase, { nonNullable: true }),
    topic: text(row.topic, [Validators.maxLength(SESSION_LIMITS.topic)]),
  });
}

function text(value: string, validators: ValidatorFn[]): FormControl<string> {
  return new FormControl(value, { nonNullable: true, validators });
}

/** The planner's preview: the series' sessions as editable rows, each removable. */
@Component({
  selector: 'blup-plan-preview-rows',
  imports: [FORM_FIELDS, MatIconButton, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="rows">
      @for (row of rows().controls; track row; let i = $index) {
        <li class="row" [formGroup]="row" data-testid="preview-row">
          <span class="number" aria-hidden="true">{{ i + 1 }}</span>
          <mat-form-field subscriptSizing="dynamic" class="date">
            <mat-label>{{ 'circles.date' | t }}</mat-label>
            <input matInput type="date" formControlName="date" />
            <mat-error>{{ row.controls.date | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic" class="time">
            <mat-label>{{ 'circles.startTime' | t }}</mat-label>
            <input matInput type="time" formControlName="time" />
            <mat-error>{{ row.controls.time | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic" class="title">
            <mat-label>{{ 'circles.sessionTitle' | t }}</mat-label>
            <input matInput formControlName="title" />
            <mat-error>{{ row.controls.title | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic" class="phase">
            <mat-label>{{ 'circles.phase' | t }}</mat-label>
            <mat-select formControlName="phase">
              @for (phase of phases; track phase) {
                <mat-option [value]="phase">{{ phaseKey(phase) | t }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic" class="topic">
            <mat-label>{{ 'circles.topic' | t }}</mat-label>
            <input matInput formControlName="topic" />
            <mat-error>{{ row.controls.topic | fieldError }}</mat-error>
          </mat-form-field>
          <button
            matIconButton
            type="button"
            class="remove"
            (click)="rows().removeAt(i)"
            [attr.aria-label]="'circles.removeRow' | t: { n: i + 1 }"
          >
            <blup-icon name="delete" />
          </button>
        </li>
      }
    </ol>
  `,
  styles: `
    .rows {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px;
      padding-block-end: 12px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .number {
      inline-size: 2ch;
      padding-block-start: 16px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .date {
      flex: 1 1 150px;
    }
    .time {
      flex: 0 1 120px;
    }
    .title {
      flex: 2 1 160px;
    }
    .phase {
      flex: 1 1 150px;
    }
    .topic {
      flex: 3 1 160px;
    }
    .remove {
      margin-block-start: 4px;
    }
  `,
})
export class PlanPreviewRows {
  /** The rows the page saves; removing one here removes it from the plan to save. */
  readonly rows = input.required<FormArray<PlanRowGroup>>();

  protected readonly phases = PHASES;
  protected readonly phaseKey = phaseKey;
}
