import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  untracked,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import { LessonKind, type LessonProgressDto, VideoStatus } from '@blup/contracts';
import {
  CoursesApi,
  I18nService,
  formatBytes,
  formatClock,
  lessonKindKey,
  videoStatusKey,
} from '@blup/web/core';
import { Notice, PercentBar } from '@blup/web/ui';
import { of } from 'rxjs';
import { LessonPlayer } from './lesson-player';
import { nextLesson } from './next-lesson';
import { PAGE_PARTS } from '../shared/page-parts';
import { LinkedDocuments } from '../library/linked-documents';

/** Resume only when there is something left to watch: not in the last 5 s or 10 % of it. */
const RESUME_MARGIN_SECONDS = 5;
const RESUME_MARGIN_SHARE = 0.1;

/** One lesson: a video to watch, a text to read (done when opened) or a file to download. */
@Component({
  selector: 'blup-lesson-page',
  imports: [PAGE_PARTS, Notice, PercentBar, LessonPlayer, LinkedDocuments],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="lesson.isLoading()" [error]="lesson.error()" />
    @if (lesson.hasValue()) {
      @let l = lesson.value();
      <a class="back" [routerLink]="['/courses', l.courseId]">
        <blup-icon name="back" />
        {{ courseTitle() ?? ('courses.toCourse' | t) }}
      </a>
      <blup-page-header [heading]="l.title" [subheading]="lessonKindKey(l.kind) | t" />
      @switch (l.kind) {
        @case (kinds.Video) {
          @if (readyPlayback(); as pb) {
            <blup-lesson-player
              [lessonId]="l.id"
              [playback]="pb"
              [title]="l.title"
              [startAt]="startAt()"
              (reported)="progress.set($event)"
            />
            @if (startAt() > 0) {
              <p class="hint">{{ 'courses.resumeAt' | t: { time: clock(startAt()) } }}</p>
            }
          } @else if (l.videoStatus === statuses.Ready) {
            <blup-load-state [loading]="playback.isLoading()" [error]="playback.error()" />
          } @else {
            <blup-notice
              data-testid="video-status"
              [icon]="l.videoStatus === statuses.Errored ? 'error' : 'play'"
              [message]="videoStatusKey(l.videoStatus) | t"
            >
              <button matButton="outlined" type="button" (click)="lesson.reload()">
                <blup-icon matButtonIcon name="refresh" />
                {{ 'courses.refresh' | t }}
              </button>
            </blup-notice>
          }
        }
        @case (kinds.Text) {
          <article class="body" data-testid="lesson-body" [innerHTML]="l.body"></article>
        }
        @case (kinds.Resource) {
          @if (l.resource; as file) {
            <p>
              {{ 'courses.fileSize' | t: { name: file.fileName, size: bytes(file.sizeBytes) } }}
            </p>
            <div class="actions">
              <a matButton="filled" data-testid="download" [href]="resourceUrl()" download>
                <blup-icon matButtonIcon name="download" />
                {{ 'courses.download' | t }}
              </a>
              @if (!progress().completed) {
                <button
                  matButton="outlined"
                  type="button"
                  data-testid="mark-done"
                  [attr.aria-busy]="completing()"
                  (click)="markDone()"
                >
                  <blup-icon matButtonIcon name="check" />
                  {{ 'courses.markDone' | t }}
                </button>
              }
            </div>
          } @else {
            <p>{{ 'courses.noResource' | t }}</p>
          }
        }
      }
      <blup-linked-documents target="lesson" [targetId]="id()" />
      <blup-percent-bar
        class="progress"
        data-testid="lesson-percent"
        [value]="progress().percent"
        [label]="'courses.progressLabel' | t"
        [text]="
          progress().completed
            ? ('courses.done' | t)
            : ('courses.percent' | t: { percent: progress().percent })
        "
      />
      <blup-api-error [error]="completeError()" />
      @if (next(); as n) {
        <a
          matButton="tonal"
          class="next"
          data-testid="next-lesson"
          [routerLink]="['/lessons', n.id]"
        >
          {{ 'courses.nextLesson' | t }}: {{ n.title }}
          <blup-icon matButtonIcon name="next" />
        </a>
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
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .body {
      max-inline-size: 70ch;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .progress {
      margin-block: 24px;
    }
    .next {
      max-inline-size: 100%;
    }
  `,
})
export class LessonPage {
  private readonly api = inject(CoursesApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly id = input.required<string>();
  protected readonly lesson = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.lesson(params),
  });
  protected readonly course = rxResource({
    params: () => (this.lesson.hasValue() ? this.lesson.value().courseId : undefined),
    stream: ({ params }) => (params ? this.api.course(params) : of(null)),
  });
  /** Signed and short-lived, so fetched fresh for each visit (the lesson itself never has it). */
  protected readonly playback = rxResource({
    params: () => {
      const lesson = this.lesson.hasValue() ? this.lesson.value() : null;
      return lesson?.kind === LessonKind.Video && lesson.videoStatus === VideoStatus.Ready
        ? lesson.id
        : undefined;
    },
    stream: ({ params }) => (params ? this.api.playback(params) : of(null)),
  });
  protected readonly readyPlayback = computed(() =>
    this.playback.hasValue() ? this.playback.value() : null,
  );
  /** Starts from the lesson's saved progress; heartbeats and "done" update it. */
  protected readonly progress = linkedSignal<LessonProgressDto>(() =>
    this.lesson.hasValue()
      ? this.lesson.value().progress
      : { positionSeconds: 0, coveredSeconds: 0, percent: 0, completed: false },
  );
  protected readonly startAt = computed(() => {
    if (!this.lesson.hasValue()) return 0;
    const { progress, durationSeconds } = this.lesson.value();
    const position = progress.positionSeconds;
    const margin = durationSeconds
      ? Math.min(RESUME_MARGIN_SECONDS, durationSeconds * RESUME_MARGIN_SHARE)
      : 0;
    return durationSeconds && position >= durationSeconds - margin ? 0 : position;
  });
  protected readonly courseTitle = computed(() =>
    this.course.hasValue() ? (this.course.value()?.title ?? null) : null,
  );
  protected readonly next = computed(() => {
    const course = this.course.hasValue() ? this.course.value() : null;
    return course ? nextLesson(course, this.id()) : null;
  });
  protected readonly resourceUrl = computed(() => this.api.resourceUrl(this.id()));
  protected readonly completing = linkedSignal({ source: this.id, computation: () => false });
  protected readonly completeError = linkedSignal<string, unknown>({
    source: this.id,
    computation: () => null,
  });

  protected readonly kinds = LessonKind;
  protected readonly statuses = VideoStatus;
  protected readonly lessonKindKey = lessonKindKey;
  protected readonly videoStatusKey = videoStatusKey;
  protected readonly clock = formatClock;
  protected readonly bytes = formatBytes;

  constructor() {
    // A text lesson is done when it is opened.
    effect(() => {
      const lesson = this.lesson.hasValue() ? this.lesson.value() : null;
      if (lesson?.kind === LessonKind.Text && !lesson.progress.completed)
        untracked(() => this.complete(false));
    });
  }

  protected markDone(): void {
    this.complete(true);
  }

  private complete(announce: boolean): void {
    if (this.completing()) return;
    this.completing.set(true);
    this.completeError.set(null);
    this.api.complete(this.id()).subscribe({
      next: (progress) => {
        this.completing.set(false);
        this.progress.set(progress);
        if (announce)
          this.snackBar.open(this.i18n.t('courses.markedDone'), undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.completing.set(false);
        this.completeError.set(error);
      },
    });
  }
}
