import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import {
  COURSE_SUMMARY_MAX_LENGTH,
  COURSE_TITLE_MAX_LENGTH,
  type CourseModuleDto,
  PHASES,
  type Phase,
} from '@blup/contracts';
import { CoursesApi, phaseKey } from '@blup/web/core';
import { FormActions } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FORM_FIELDS } from '../shared/form-fields';
import { submitter } from '../shared/submitter';

const MONTHS_MAX_LENGTH = 40;

/** Adds a module to a course, or edits one: title, summary, phase and months. */
@Component({
  selector: 'blup-module-form',
  imports: [FORM_FIELDS, FormActions, ApiErrorMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" novalidate [formGroup]="form" (ngSubmit)="save()" data-testid="module-form">
      <blup-api-error [error]="submitter.error()" />
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'authoring.moduleTitle' | t }}</mat-label>
        <input matInput formControlName="title" data-testid="module-title" />
        <mat-error>{{ form.controls.title | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'authoring.summary' | t }}</mat-label>
        <textarea matInput formControlName="summary" rows="3"></textarea>
        <mat-error>{{ form.controls.summary | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'authoring.phase' | t }}</mat-label>
        <mat-select formControlName="phase">
          <mat-option value="">{{ 'authoring.noPhase' | t }}</mat-option>
          @for (phase of phases; track phase) {
            <mat-option [value]="phase">{{ phaseKey(phase) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'authoring.months' | t }}</mat-label>
        <input matInput formControlName="months" />
        <mat-hint>{{ 'authoring.monthsHint' | t }}</mat-hint>
        <mat-error>{{ form.controls.months | fieldError }}</mat-error>
      </mat-form-field>
      <blup-form-actions
        [submitLabel]="(module() ? 'common.save' : 'common.create') | t"
        submitTestId="save-module"
        [busy]="submitter.busy()"
        [cancelLabel]="'common.cancel' | t"
        cancelButton
        (cancelled)="cancelled.emit()"
      />
    </form>
  `,
})
export class ModuleForm {
  private readonly api = inject(CoursesApi);

  readonly courseId = input.required<string>();
  /** Set when editing. */
  readonly module = input<CourseModuleDto | null>(null);
  readonly saved = output<CourseModuleDto>();
  readonly cancelled = output<void>();

  protected readonly submitter = submitter();
  protected readonly phases = PHASES;
  protected readonly phaseKey = phaseKey;
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(COURSE_TITLE_MAX_LENGTH)]],
    summary: ['', Validators.maxLength(COURSE_SUMMARY_MAX_LENGTH)],
    phase: ['' as Phase | ''],
    months: ['', Validators.maxLength(MONTHS_MAX_LENGTH)],
  });

  constructor() {
    effect(() => {
      const module = this.module();
      if (module)
        this.form.reset({
          title: module.title,
          summary: module.summary,
          phase: module.phase ?? '',
          months: module.months,
        });
    });
  }

  protected save(): void {
    const { title, summary, phase, months } = this.form.getRawValue();
    const body = { title, summary, phase: phase || null, months };
    const module = this.module();
    this.submitter.run(
      this.form,
      () =>
        module
          ? this.api.updateModule(module.id, body)
          : this.api.createModule(this.courseId(), body),
      (saved) => this.saved.emit(saved),
    );
  }
}
