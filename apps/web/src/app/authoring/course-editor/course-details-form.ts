import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  COURSE_AUDIENCES,
  COURSE_SUMMARY_MAX_LENGTH,
  COURSE_TITLE_MAX_LENGTH,
  CourseAudience,
  type CourseDto,
  LOCALES,
  type Locale,
} from '@blup/contracts';
import { CoursesApi, TranslatePipe, audienceKey, localeKey } from '@blup/web/core';
import { FormActions } from '@blup/web/ui';
import { ApiErrorMessage } from '../../shared/api-error-message';
import { FieldErrorPipe } from '../../shared/forms';
import { submitter } from '../../shared/submitter';
import { CourseEditing } from './course-editing';

/** The course's own fields in the course editor: title, summary, audience and language. */
@Component({
  selector: 'blup-course-details-form',
  imports: [
    FormActions,
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    ApiErrorMessage,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" novalidate [formGroup]="form" (ngSubmit)="save()" data-testid="course-form">
      <blup-api-error [error]="submitter.error()" />
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'authoring.courseTitle' | t }}</mat-label>
        <input matInput formControlName="title" data-testid="title" />
        <mat-error>{{ form.controls.title | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'authoring.summary' | t }}</mat-label>
        <textarea matInput formControlName="summary" rows="4" data-testid="summary"></textarea>
        <mat-error>{{ form.controls.summary | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'authoring.audience' | t }}</mat-label>
        <mat-select formControlName="audience">
          @for (audience of audiences; track audience) {
            <mat-option [value]="audience">{{ audienceKey(audience) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'authoring.language' | t }}</mat-label>
        <mat-select formControlName="language">
          @for (locale of locales; track locale) {
            <mat-option [value]="locale">{{ localeKey(locale) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <blup-form-actions [submitLabel]="'common.save' | t" [busy]="submitter.busy()" />
    </form>
  `,
})
export class CourseDetailsForm {
  private readonly api = inject(CoursesApi);
  private readonly editor = inject(CourseEditing);

  readonly course = input.required<CourseDto>();

  protected readonly submitter = submitter();
  protected readonly audiences = COURSE_AUDIENCES;
  protected readonly locales = LOCALES;
  protected readonly audienceKey = audienceKey;
  protected readonly localeKey = localeKey;

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(COURSE_TITLE_MAX_LENGTH)]],
    summary: ['', Validators.maxLength(COURSE_SUMMARY_MAX_LENGTH)],
    audience: [CourseAudience.Academy as CourseAudience],
    language: ['da' as Locale],
  });

  constructor() {
    effect(() => {
      const { title, summary, audience, language } = this.course();
      this.form.reset({ title, summary, audience, language });
    });
  }

  protected save(): void {
    this.submitter.run(
      this.form,
      () => this.api.updateCourse(this.course().id, this.form.getRawValue()),
      () => {
        this.editor.toast('common.saved');
        this.editor.reload();
      },
    );
  }
}
