import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CourseSummaryDto } from '@blup/contracts';
import { CoursesApi, TranslatePipe, audienceKey, pagedList } from '@blup/web/core';
import { CARD_LIST_STYLES, Icon, PageHeader, PercentBar } from '@blup/web/ui';
import { ListFrame } from '../shared/list-frame';

/** The catalogue: the courses the person may take, with how far they are. */
@Component({
  selector: 'blup-courses-page',
  imports: [RouterLink, Icon, PageHeader, PercentBar, ListFrame, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'courses.title' | t" [subheading]="'courses.intro' | t" />
    <blup-list-frame [list]="list" emptyText="courses.empty">
      <ul class="cards" data-testid="list">
        @for (course of list.items(); track course.id) {
          <li>
            <a class="card" [routerLink]="course.id" [attr.data-testid]="'course-' + course.id">
              <span class="audience">
                <blup-icon name="school" />
                {{ audienceKey(course.audience) | t }}
              </span>
              <h2>{{ course.title }}</h2>
              @if (course.summary) {
                <p class="summary">{{ course.summary }}</p>
              }
              <span class="counts"
                >{{ 'courses.moduleCount' | t: { n: course.moduleCount } }} ·
                {{ 'courses.lessonCount' | t: { n: course.lessonCount } }}</span
              >
              <blup-percent-bar
                [value]="course.percent"
                [label]="'courses.progressLabel' | t"
                [text]="'courses.percent' | t: { percent: course.percent }"
              />
            </a>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: [
    CARD_LIST_STYLES,
    `
      .cards {
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
        gap: 16px;
      }
      .card {
        gap: 8px;
        block-size: 100%;
        box-sizing: border-box;
        background: var(--mat-sys-surface-container-low);
        outline-offset: 2px;
      }
      .card:hover {
        background: var(--mat-sys-surface-container);
      }
      .audience {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        font: var(--mat-sys-label-large);
        color: var(--mat-sys-primary);
      }
      h2 {
        margin: 0;
        font: var(--mat-sys-title-large);
      }
      .summary {
        margin: 0;
        flex: 1;
        font: var(--mat-sys-body-medium);
        color: var(--mat-sys-on-surface-variant);
      }
      .counts {
        font: var(--mat-sys-body-small);
        color: var(--mat-sys-on-surface-variant);
      }
    `,
  ],
})
export class CoursesPage {
  private readonly api = inject(CoursesApi);
  protected readonly list = pagedList<CourseSummaryDto>((query) => this.api.courses(query));
  protected readonly audienceKey = audienceKey;
}
