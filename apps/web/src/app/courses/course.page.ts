import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import {
  CoursesApi,
  TranslatePipe,
  audienceKey,
  durationMinutes,
  lessonKindKey,
  phaseKey,
} from '@blup/web/core';
import { Icon, PageHeader, PercentBar } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { LESSON_KIND_ICONS } from './lesson-kind';
import { LoadState } from '../shared/load-state';

/** One course: its modules in order, each with its lessons and how far the person is. */
@Component({
  selector: 'blup-course-page',
  imports: [LoadState, RouterLink, Icon, PageHeader, PercentBar, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="course.isLoading()" />
    <a class="back" routerLink="/courses">
      <blup-icon name="back" />
      {{ 'courses.allCourses' | t }}
    </a>
    <blup-api-error [error]="course.error()" />
    @if (course.hasValue()) {
      @let c = course.value();
      <blup-page-header [heading]="c.title" [subheading]="c.summary || null" />
      <p class="audience">{{ audienceKey(c.audience) | t }}</p>
      <blup-percent-bar
        class="course-progress"
        data-testid="course-percent"
        [value]="c.percent"
        [label]="'courses.progressLabel' | t"
        [text]="'courses.percent' | t: { percent: c.percent }"
      />
      @for (module of c.modules; track module.id) {
        <section class="module" [attr.aria-labelledby]="'module-' + module.id">
          <h2 [id]="'module-' + module.id">{{ module.title }}</h2>
          @if (module.phase || module.months) {
            <p class="when">
              @if (module.phase) {
                {{ phaseKey(module.phase) | t }}
              }
              @if (module.phase && module.months) {
                ·
              }
              {{ module.months }}
            </p>
          }
          @if (module.summary) {
            <p class="summary">{{ module.summary }}</p>
          }
          <blup-percent-bar
            [value]="module.percent"
            [label]="('courses.progressLabel' | t) + ': ' + module.title"
            [text]="'courses.percent' | t: { percent: module.percent }"
          />
          @if (module.lessons.length === 0) {
            <p class="summary">{{ 'courses.noLessons' | t }}</p>
          }
          <ol class="lessons">
            @for (lesson of module.lessons; track lesson.id) {
              <li>
                <a
                  class="lesson"
                  [routerLink]="['/lessons', lesson.id]"
                  [attr.data-testid]="'lesson-' + lesson.id"
                >
                  <blup-icon class="kind" [name]="kindIcons[lesson.kind]" />
                  <span class="text">
                    <span class="title">{{ lesson.title }}</span>
                    <span class="meta">
                      {{ lessonKindKey(lesson.kind) | t }}
                      @if (lesson.durationSeconds) {
                        · {{ 'courses.minutes' | t: { minutes: minutes(lesson.durationSeconds) } }}
                      }
                      @if (lesson.inspiration) {
                        · {{ 'courses.inspiration' | t }}
                      }
                    </span>
                  </span>
                  @if (lesson.progress.completed) {
                    <span class="state done">
                      <blup-icon name="check" />
                      <span class="sr-only">{{ 'courses.done' | t }}</span>
                    </span>
                  } @else if (lesson.progress.percent > 0) {
                    <span class="state">{{ lesson.progress.percent }} %</span>
                  }
                </a>
              </li>
            }
          </ol>
        </section>
      }
    }
  `,
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-block-size: 48px;
      margin-block-end: 8px;
    }
    .audience,
    .when {
      margin: 0 0 8px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
    .course-progress {
      margin-block-end: 24px;
    }
    .module {
      margin-block-end: 24px;
      padding: 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
    }
    h2 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-large);
      color: var(--mat-sys-on-surface);
    }
    .summary {
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .lessons {
      margin: 12px 0 0;
      padding: 0;
      list-style: none;
    }
    .lesson {
      display: flex;
      align-items: center;
      gap: 16px;
      min-block-size: 56px;
      padding: 8px;
      border-radius: var(--mat-sys-corner-small);
      color: var(--mat-sys-on-surface);
      text-decoration: none;
    }
    .lesson:hover {
      background: var(--mat-sys-surface-container-high);
    }
    .kind {
      color: var(--mat-sys-primary);
    }
    .text {
      display: flex;
      flex: 1;
      flex-direction: column;
      min-inline-size: 0;
    }
    .title {
      font: var(--mat-sys-body-large);
    }
    .meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .state {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .done {
      color: var(--mat-sys-primary);
    }
  `,
})
export class CoursePage {
  private readonly api = inject(CoursesApi);

  readonly id = input.required<string>();
  protected readonly course = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.course(params),
  });
  protected readonly kindIcons = LESSON_KIND_ICONS;
  protected readonly audienceKey = audienceKey;
  protected readonly phaseKey = phaseKey;
  protected readonly lessonKindKey = lessonKindKey;
  protected readonly minutes = durationMinutes;
}
