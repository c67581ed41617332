import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router } from '@angular/router';
import {
  COURSE_AUDIENCES,
  COURSE_TITLE_MAX_LENGTH,
  CourseAudience,
  type CourseSummaryDto,
} from '@blup/contracts';
import { CoursesApi, audienceKey, pagedList } from '@blup/web/core';
import { FormActions } from '@blup/web/ui';
import { FieldErrorPipe } from '../shared/forms';
import { ListFrame } from '../shared/list-frame';
import { submitter } from '../shared/submitter';
import { PAGE_PARTS } from '../shared/page-parts';

/** The secretariat's list of every course, published or not, and a form for a new one. */
@Component({
  selector: 'blup-authoring-courses-page',
  imports: [
    PAGE_PARTS,
    FormActions,
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    ListFrame,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'authoring.title' | t" [subheading]="'authoring.intro' | t">
      @if (!creating()) {
        <button matButton="filled" type="button" data-testid="create" (click)="creating.set(true)">
          <blup-icon matButtonIcon name="add" />
          {{ 'authoring.newCourse' | t }}
        </button>
      }
    </blup-page-header>
    @if (creating()) {
      <form
        class="form"
        novalidate
        [formGroup]="form"
        (ngSubmit)="create()"
        data-testid="course-form"
      >
        <blup-api-error [error]="submitter.error()" />
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'authoring.courseTitle' | t }}</mat-label>
          <input matInput formControlName="title" data-testid="title" />
          <mat-error>{{ form.controls.title | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'authoring.audience' | t }}</mat-label>
          <mat-select formControlName="audience" data-testid="audience">
            @for (audience of audiences; track audience) {
              <mat-option [value]="audience">{{ audienceKey(audience) | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <blup-form-actions
          [submitLabel]="'common.create' | t"
          [busy]="submitter.busy()"
          [cancelLabel]="'common.cancel' | t"
          cancelButton
          (cancelled)="creating.set(false)"
        />
      </form>
    }
    <blup-list-frame [list]="list" emptyText="authoring.empty">
      <ul class="rows" data-testid="list">
        @for (course of list.items(); track course.id) {
          <li>
            <a class="row" [routerLink]="['courses', course.id]">
              <span class="title">{{ course.title }}</span>
              <span class="meta">
                {{ audienceKey(course.audience) | t }} ·
                {{ (course.published ? 'authoring.published' : 'authoring.draft') | t }} ·
                {{ 'courses.moduleCount' | t: { n: course.moduleCount } }} ·
                {{ 'courses.lessonCount' | t: { n: course.lessonCount } }}
              </span>
            </a>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .form {
      margin-block-end: 24px;
    }
    .rows {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .row {
      display: flex;
      flex-direction: column;
      justify-content: center;
      min-block-size: 56px;
      padding: 8px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      color: var(--mat-sys-on-surface);
      text-decoration: none;
    }
    .row:hover {
      background: var(--mat-sys-surface-container);
    }
    .title {
      font: var(--mat-sys-body-large);
    }
    .meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AuthoringCoursesPage {
  private readonly api = inject(CoursesApi);
  private readonly router = inject(Router);

  protected readonly list = pagedList<CourseSummaryDto>((query) => this.api.courses(query));
  protected readonly creating = signal(false);
  protected readonly submitter = submitter();
  protected readonly audiences = COURSE_AUDIENCES;
  protected readonly audienceKey = audienceKey;
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(COURSE_TITLE_MAX_LENGTH)]],
    audience: [CourseAudience.Academy, Validators.required],
  });

  protected create(): void {
    this.submitter.run(
      this.form,
      () => this.api.createCourse(this.form.getRawValue()),
      (course) => void this.router.navigate(['/authoring/courses', course.id]),
    );
  }
}
