import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  MAX_PAGE_SIZE,
  type Page,
  type PersonProgressDto,
  type VillageProgressDto,
} from '@blup/contracts';
import {
  CoursesApi,
  LocalDatePipe,
  OrganisationsApi,
  type ProgressQuery,
  TranslatePipe,
  pagedList,
} from '@blup/web/core';
import { Icon, Notice, PageHeader, PercentBar } from '@blup/web/ui';
import { of } from 'rxjs';
import { ListFrame } from '../shared/list-frame';

const nothing = <T>(): Page<T> => ({ items: [], total: 0, page: 1, pageSize: 1 });

/**
 * Course progress for the secretariat and coordinators (the API keeps each to their scope):
 * per village as an aggregate, and per person in one village. `?courseId=&villageId=`.
 */
@Component({
  selector: 'blup-progress-page',
  imports: [
    LocalDatePipe,
    RouterLink,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    Icon,
    Notice,
    PageHeader,
    PercentBar,
    ListFrame,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'progress.title' | t" />
    <mat-form-field class="course" subscriptSizing="dynamic">
      <mat-label>{{ 'progress.course' | t }}</mat-label>
      <mat-select
        data-testid="course"
        [value]="courseId() ?? ''"
        (valueChange)="go({ courseId: $event || null, villageId: null })"
      >
        @for (course of courses(); track course.id) {
          <mat-option [value]="course.id">{{ course.title }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    @if (!courseId()) {
      <blup-notice icon="insights" [message]="'progress.chooseCourse' | t" />
    } @else if (villageId()) {
      <a class="back" routerLink="." [queryParams]="{ courseId: courseId() }">
        <blup-icon name="back" />
        {{ 'progress.backToVillages' | t }}
      </a>
      <h2>{{ 'progress.peopleIn' | t: { village: villageName() } }}</h2>
      <blup-list-frame [list]="people" emptyText="progress.empty">
        <ul class="rows" data-testid="people">
          @for (person of people.items(); track person.userId) {
            <li class="row">
              <span class="name">{{ person.name }}</span>
              <span class="meta">
                {{ 'progress.lessonsCompleted' | t: { count: person.lessonsCompleted } }} ·
                @if (person.lastActivityAt) {
                  {{ 'progress.lastActivity' | t: { date: (person.lastActivityAt | localDate) } }}
                } @else {
                  {{ 'progress.noActivity' | t }}
                }
              </span>
              <blup-percent-bar
                [value]="person.percent"
                [label]="('courses.progressLabel' | t) + ': ' + person.name"
                [text]="person.percent + ' %'"
              />
            </li>
          }
        </ul>
      </blup-list-frame>
    } @else {
      <h2>{{ 'progress.villages' | t }}</h2>
      <blup-list-frame [list]="villages" emptyText="progress.empty">
        <ul class="rows" data-testid="villages">
          @for (village of villages.items(); track village.villageId) {
            <li>
              <a
                class="row"
                routerLink="."
                [queryParams]="{ courseId: courseId(), villageId: village.villageId }"
              >
                <span class="name">{{ village.villageName }}</span>
                <span class="meta">
                  {{ village.municipalityName }} ·
                  {{ 'progress.members' | t: { count: village.members } }} ·
                  {{ 'progress.lessonsCompleted' | t: { count: village.lessonsCompleted } }}
                </span>
                <blup-percent-bar
                  [value]="village.percent"
                  [label]="('courses.progressLabel' | t) + ': ' + village.villageName"
                  [text]="village.percent + ' %'"
                />
              </a>
            </li>
          }
        </ul>
      </blup-list-frame>
    }
  `,
  styles: `
    .course {
      inline-size: 100%;
      max-inline-size: 480px;
      margin-block-end: 16px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      color: var(--mat-sys-on-surface);
    }
    .back {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-block-size: 48px;
    }
    .rows {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .row {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-block-size: 48px;
      padding: 12px 8px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      color: var(--mat-sys-on-surface);
      text-decoration: none;
    }
    a.row:hover {
      background: var(--mat-sys-surface-container);
    }
    .name {
      font: var(--mat-sys-body-large);
    }
    .meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ProgressPage {
  private readonly api = inject(CoursesApi);
  private readonly organisations = inject(OrganisationsApi);
  private readonly router = inject(Router);

  /** From the query string. */
  readonly courseId = input<string>();
  readonly villageId = input<string>();

  private readonly courseOptions = rxResource({
    stream: () => this.api.courses({ pageSize: MAX_PAGE_SIZE }),
  });
  protected readonly courses = computed(() =>
    this.courseOptions.hasValue() ? this.courseOptions.value().items : [],
  );
  protected readonly villages = pagedList<VillageProgressDto, ProgressQuery>(
    (query) =>
      query.courseId ? this.api.villageProgress(query) : of(nothing<VillageProgressDto>()),
    { scope: () => ({ courseId: this.courseId() }) },
  );
  protected readonly people = pagedList<PersonProgressDto, ProgressQuery>(
    (query) =>
      query.courseId && query.villageId
        ? this.api.peopleProgress(query)
        : of(nothing<PersonProgressDto>()),
    { scope: () => ({ courseId: this.courseId(), villageId: this.villageId() }) },
  );
  private readonly village = rxResource({
    params: () => this.villageId(),
    stream: ({ params }) => (params ? this.organisations.village(params) : of(null)),
  });
  protected readonly villageName = computed(
    () =>
      (this.village.hasValue() ? this.village.value()?.name : null) ??
      this.people.items()[0]?.villageName ??
      '',
  );

  protected go(params: { courseId: string | null; villageId: string | null }): void {
    void this.router.navigate([], { queryParams: params });
  }
}
