import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { CoursesApi } from '@blup/web/core';
import { CourseDetailsForm } from './course-editor/course-details-form';
import { CourseEditing } from './course-editor/course-editing';
import { CourseModules } from './course-editor/course-modules';
import { PAGE_PARTS } from '../shared/page-parts';

/**
 * Edits one course: its fields and published state, its modules and their lessons. Modules and
 * lessons are reordered by dragging, or with the up and down buttons from the keyboard. The
 * parts share the loaded course through `CourseEditing`.
 */
@Component({
  selector: 'blup-course-editor-page',
  imports: [PAGE_PARTS, MatSlideToggle, CourseDetailsForm, CourseModules],
  providers: [CourseEditing],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="course.isLoading()" />
    <a class="back" routerLink="/authoring">
      <blup-icon name="back" />
      {{ 'authoring.title' | t }}
    </a>
    <blup-api-error [error]="course.error() ?? error()" />
    @if (course.hasValue()) {
      @let c = course.value();
      <blup-page-header [heading]="c.title">
        <a matButton="outlined" [routerLink]="['/courses', c.id]">{{ 'authoring.preview' | t }}</a>
      </blup-page-header>
      <mat-slide-toggle
        class="publish"
        data-testid="published"
        [checked]="c.published"
        (change)="setPublished($event.checked)"
      >
        {{ 'authoring.published' | t }}
      </mat-slide-toggle>
      <p class="hint">{{ 'authoring.publishedHint' | t }}</p>
      <blup-course-details-form [course]="c" />
      <blup-course-modules [courseId]="c.id" />
    }
  `,
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-block-size: 48px;
    }
    .publish {
      display: block;
    }
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CourseEditorPage {
  private readonly api = inject(CoursesApi);
  private readonly editor = inject(CourseEditing);

  readonly id = input.required<string>();
  protected readonly course = this.editor.course;
  protected readonly error = this.editor.error;

  constructor() {
    effect(() => this.editor.id.set(this.id()));
  }

  protected setPublished(published: boolean): void {
    this.editor.request(this.api.updateCourse(this.id(), { published }), () =>
      this.editor.reload(),
    );
  }
}
