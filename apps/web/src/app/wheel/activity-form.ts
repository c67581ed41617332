import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  WEEKDAYS,
  WHEEL_FREQUENCIES,
  WHEEL_LIMITS,
  WheelFrequency,
  type Weekday,
  type WheelActivity,
  type WheelDay,
} from '@blup/contracts';
import type { TranslationKey } from '@blup/web/core';
import { FORM_FIELDS } from '../shared/form-fields';
import { MONTHS, monthKey } from './wheel-labels';

type DayKind = 'none' | 'date' | 'weekday';
const NTHS = ['1', '2', '3', '4', '-1'] as const;
const DATES = Array.from({ length: 31 }, (_, i) => i + 1);

/** A yearly activity has one month; the others at least one. */
function monthsRule(group: AbstractControl): ValidationErrors | null {
  const months = group.get('months')?.value as number[];
  const frequency = group.get('frequency')?.value as WheelFrequency;
  if (!months.length) return { monthsMissing: true };
  if (frequency === WheelFrequency.Yearly && months.length > 1) return { oneMonth: true };
  return null;
}

/** One activity of the wheel, added or changed; the page saves the whole wheel. */
@Component({
  selector: 'blup-activity-form',
  imports: [FORM_FIELDS, MatButton, MatCheckbox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" class="form" data-testid="activity-form">
      <blup-text-field
        [control]="form.controls.title"
        [label]="'wheel.fieldTitle' | t"
        testId="title"
      />
      <blup-text-field
        [control]="form.controls.who"
        [label]="'wheel.fieldWho' | t"
        [hint]="'wheel.fieldWhoHint' | t"
        testId="who"
      />
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'wheel.fieldFrequency' | t }}</mat-label>
        <mat-select formControlName="frequency" data-testid="frequency">
          @for (f of frequencies; track f) {
            <mat-option [value]="f">{{ frequencyKey(f) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <fieldset class="months">
        <legend>{{ 'wheel.fieldMonths' | t }}</legend>
        @for (m of months; track m) {
          <mat-checkbox
            [checked]="form.controls.months.value.includes(m)"
            (change)="toggleMonth(m, $event.checked)"
            [attr.data-testid]="'month-' + m"
            >{{ monthKey(m) | t }}</mat-checkbox
          >
        }
        @if (form.errors?.['monthsMissing'] && form.touched) {
          <p class="error" role="alert">{{ 'wheel.monthsMissing' | t }}</p>
        }
        @if (form.errors?.['oneMonth']) {
          <p class="error" role="alert">{{ 'wheel.oneMonth' | t }}</p>
        }
      </fieldset>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'wheel.fieldDayKind' | t }}</mat-label>
        <mat-select formControlName="dayKind" data-testid="day-kind">
          @for (k of dayKinds; track k) {
            <mat-option [value]="k">{{ dayKindKey(k) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (form.controls.dayKind.value === 'date') {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'wheel.fieldDate' | t }}</mat-label>
          <mat-select formControlName="date" data-testid="date">
            @for (d of dates; track d) {
              <mat-option [value]="d">{{ d }}.</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      @if (form.controls.dayKind.value === 'weekday') {
        <div class="pair">
          @if (form.controls.frequency.value !== 'weekly') {
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'wheel.fieldNth' | t }}</mat-label>
              <mat-select formControlName="nth" data-testid="nth">
                @for (n of nths; track n) {
                  <mat-option [value]="n">{{ nthKey(n) | t }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          }
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'wheel.fieldWeekday' | t }}</mat-label>
            <mat-select formControlName="weekday" data-testid="weekday">
              @for (w of weekdays; track w) {
                <mat-option [value]="w">{{ weekdayKey(w) | t }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
      }
      @if (form.controls.dayKind.value !== 'none') {
        <div class="pair">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'wheel.fieldStart' | t }}</mat-label>
            <input matInput type="time" formControlName="startTime" data-testid="start" />
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'wheel.fieldEnd' | t }}</mat-label>
            <input matInput type="time" formControlName="endTime" data-testid="end" />
          </mat-form-field>
        </div>
      }
      <blup-text-field
        [control]="form.controls.place"
        [label]="'wheel.fieldPlace' | t"
        testId="place"
      />
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'wheel.fieldNote' | t }}</mat-label>
        <textarea matInput rows="2" formControlName="note" data-testid="note"></textarea>
      </mat-form-field>
      <div class="actions">
        <button matButton="filled" type="submit" data-testid="activity-done">
          {{ 'wheel.done' | t }}
        </button>
        <button matButton="outlined" type="button" (click)="cancelled.emit()">
          {{ 'wheel.cancel' | t }}
        </button>
        @if (existing()) {
          <button
            matButton
            type="button"
            class="remove"
            data-testid="activity-remove"
            (click)="removed.emit(activity().id)"
          >
            {{ 'wheel.remove' | t }}
          </button>
        }
      </div>
    </form>
  `,
  styles: `
    .form {
      display: grid;
      gap: 12px;
      padding: 16px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-low);
    }
    .months {
      margin: 0;
      padding: 0;
      border: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-block-end: 4px;
    }
    .pair {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 12px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .actions button {
      min-block-size: 48px;
    }
    .remove {
      margin-inline-start: auto;
      color: var(--mat-sys-error);
    }
    .error {
      grid-column: 1 / -1;
      margin: 4px 0 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ActivityForm {
  readonly activity = input.required<WheelActivity>();
  /** Whether the activity is already in the wheel (then it can be removed). */
  readonly existing = input(false);
  readonly done = output<WheelActivity>();
  readonly cancelled = output<void>();
  readonly removed = output<string>();

  protected readonly months = MONTHS;
  protected readonly frequencies = WHEEL_FREQUENCIES;
  protected readonly dayKinds: readonly DayKind[] = ['none', 'date', 'weekday'];
  protected readonly dates = DATES;
  protected readonly nths = NTHS;
  protected readonly weekdays = WEEKDAYS;
  protected readonly monthKey = monthKey;
  protected readonly frequencyKey = (f: string) => `wheel.frequency.${f}` as TranslationKey;
  protected readonly dayKindKey = (k: string) => `wheel.dayKind.${k}` as TranslationKey;
  protected readonly nthKey = (n: string) => `wheel.nth.${n}` as TranslationKey;
  protected readonly weekdayKey = (w: string) => `wheel.weekday.${w}` as TranslationKey;

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      title: ['', [Validators.required, Validators.maxLength(WHEEL_LIMITS.titleMaxLength)]],
      who: ['', [Validators.required, Validators.maxLength(WHEEL_LIMITS.whoMaxLength)]],
      frequency: [WheelFrequency.Yearly as WheelFrequency],
      months: [[] as number[]],
      dayKind: ['none' as DayKind],
      date: [1],
      weekday: ['SA' as Weekday],
      nth: ['1' as (typeof NTHS)[number]],
      startTime: [''],
      endTime: [''],
      place: ['', Validators.maxLength(WHEEL_LIMITS.placeMaxLength)],
      note: ['', Validators.maxLength(WHEEL_LIMITS.noteMaxLength)],
    },
    { validators: monthsRule },
  );

  constructor() {
    effect(() => {
      const a = this.activity();
      this.form.reset({
        title: a.title,
        who: a.who,
        frequency: a.frequency,
        months: [...a.months],
        dayKind: a.day?.kind ?? 'none',
        date: a.day?.kind === 'date' ? a.day.day : 1,
        weekday: a.day?.kind === 'weekday' ? a.day.weekday : 'SA',
        nth: a.day?.kind === 'weekday' && a.day.nth !== null ? (String(a.day.nth) as '1') : '1',
        startTime: a.startTime ?? '',
        endTime: a.endTime ?? '',
        place: a.place,
        note: a.note,
      });
    });
  }

  protected toggleMonth(month: number, on: boolean): void {
    const months = this.form.controls.months.value.filter((m) => m !== month);
    this.form.controls.months.setValue(on ? [...months, month].sort((a, b) => a - b) : months);
    this.form.markAsTouched();
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const v = this.form.getRawValue();
    const weekly = v.frequency === WheelFrequency.Weekly;
    let day: WheelDay | null = null;
    if (v.dayKind === 'date') day = { kind: 'date', day: v.date };
    if (v.dayKind === 'weekday') {
      day = {
        kind: 'weekday',
        weekday: v.weekday,
        nth: weekly ? null : (Number(v.nth) as 1 | 2 | 3 | 4 | -1),
      };
    }
    const start = day && v.startTime ? v.startTime : null;
    this.done.emit({
      id: this.activity().id,
      title: v.title.trim(),
      who: v.who.trim(),
      months: v.months,
      day,
      frequency: v.frequency,
      startTime: start,
      endTime: start && v.endTime ? v.endTime : null,
      place: v.place.trim(),
      note: v.note.trim(),
    });
  }
}
