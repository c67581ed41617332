import { LiveAnnouncer } from '@angular/cdk/a11y';
import { NgTemplateOutlet } from '@angular/common';
import { CdkDrag, type CdkDragDrop, CdkDragHandle, CdkDropList } from '@angular/cdk/drag-drop';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  COURSE_AUDIENCES,
  COURSE_SUMMARY_MAX_LENGTH,
  COURSE_TITLE_MAX_LENGTH,
  CourseAudience,
  type CourseModuleDto,
  LESSON_KINDS,
  LessonKind,
  LOCALES,
  type LessonSummaryDto,
  type Locale,
} from '@blup/contracts';
import {
  CoursesApi,
  I18nService,
  TranslatePipe,
  audienceKey,
  lessonKindKey,
  localeKey,
  phaseKey,
  videoStatusKey,
} from '@blup/web/core';
import { ConfirmDialog, type ConfirmDialogData, Icon, PageHeader } from '@blup/web/ui';
import { type Observable, firstValueFrom } from 'rxjs';
import { LESSON_KIND_ICONS } from '../courses/lesson-kind';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldErrorPipe } from '../shared/forms';
import { submitter } from '../shared/submitter';
import { ModuleForm } from './module-form';
import { idsOf, isMove, moveItem } from './reorder';

/**
 * Edits one course: its fields and published state, its modules and their lessons. Modules and
 * lessons are reordered by dragging, or with the up and down buttons from the keyboard.
 */
@Component({
  selector: 'blup-course-editor-page',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
    MatButton,
    MatIconButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatSlideToggle,
    MatProgressBar,
    Icon,
    PageHeader,
    ModuleForm,
    ApiErrorMessage,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (course.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
    }
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
      <form
        class="form"
        novalidate
        [formGroup]="form"
        (ngSubmit)="save()"
        data-testid="course-form"
      >
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
        <div class="form-actions">
          <button
            matButton="filled"
            type="submit"
            data-testid="save"
            [attr.aria-busy]="submitter.busy()"
          >
            {{ 'common.save' | t }}
          </button>
        </div>
      </form>

      <h2 class="section">{{ 'authoring.modules' | t }}</h2>
      @if (modules().length === 0) {
        <p class="hint">{{ 'authoring.noModules' | t }}</p>
      }
      <ol
        class="modules"
        cdkDropList
        (cdkDropListDropped)="dropModule($event)"
        data-testid="modules"
      >
        @for (module of modules(); track module.id; let i = $index, first = $first, last = $last) {
          <li class="module" cdkDrag [attr.data-testid]="'module-' + module.id">
            <div class="head">
              <button
                matIconButton
                type="button"
                cdkDragHandle
                class="handle"
                [attr.aria-label]="'authoring.dragHandle' | t: { title: module.title }"
              >
                <blup-icon name="dragHandle" />
              </button>
              <div class="text">
                <h3>{{ module.title }}</h3>
                <span class="meta">
                  @if (module.phase) {
                    {{ phaseKey(module.phase) | t }} ·
                  }
                  {{ module.months }}
                </span>
              </div>
              <ng-container
                *ngTemplateOutlet="
                  moveButtons;
                  context: {
                    key: module.id,
                    title: module.title,
                    first,
                    last,
                    up: upModule(i),
                    down: downModule(i),
                  }
                "
              />
            </div>
            <div class="tools">
              <mat-slide-toggle
                [checked]="module.published"
                (change)="setModulePublished(module, $event.checked)"
              >
                {{ 'authoring.published' | t }}
              </mat-slide-toggle>
              <button matButton type="button" (click)="editing.set(module.id)">
                <blup-icon matButtonIcon name="edit" />
                {{ 'authoring.editModule' | t }}
              </button>
              <button matButton type="button" (click)="deleteModule(module)">
                <blup-icon matButtonIcon name="delete" />
                {{ 'authoring.deleteModule' | t }}
              </button>
            </div>
            @if (editing() === module.id) {
              <blup-module-form
                [courseId]="c.id"
                [module]="module"
                (saved)="moduleSaved()"
                (cancelled)="editing.set(null)"
              />
            }
            <h4>{{ 'authoring.lessons' | t }}</h4>
            <ol class="lessons" cdkDropList (cdkDropListDropped)="dropLesson(module, $event)">
              @for (
                lesson of module.lessons;
                track lesson.id;
                let j = $index, firstLesson = $first, lastLesson = $last
              ) {
                <li class="lesson" cdkDrag>
                  <button
                    matIconButton
                    type="button"
                    cdkDragHandle
                    class="handle"
                    [attr.aria-label]="'authoring.dragHandle' | t: { title: lesson.title }"
                  >
                    <blup-icon name="dragHandle" />
                  </button>
                  <blup-icon class="kind" [name]="kindIcons[lesson.kind]" />
                  <a class="text" [routerLink]="['/authoring/lessons', lesson.id]">
                    <span>{{ lesson.title }}</span>
                    <span class="meta">
                      {{ lessonKindKey(lesson.kind) | t }} ·
                      {{ (lesson.published ? 'authoring.published' : 'authoring.draft') | t }}
                      @if (lesson.kind === videoKind) {
                        · {{ videoStatusKey(lesson.videoStatus) | t }}
                      }
                    </span>
                  </a>
                  <ng-container
                    *ngTemplateOutlet="
                      moveButtons;
                      context: {
                        key: lesson.id,
                        title: lesson.title,
                        first: firstLesson,
                        last: lastLesson,
                        up: upLesson(module, j),
                        down: downLesson(module, j),
                      }
                    "
                  />
                  <button
                    matIconButton
                    type="button"
                    [attr.aria-label]="('authoring.deleteLesson' | t) + ': ' + lesson.title"
                    (click)="deleteLesson(lesson)"
                  >
                    <blup-icon name="delete" />
                  </button>
                </li>
              }
            </ol>
            @if (addingLessonTo() === module.id) {
              <form
                class="add-lesson"
                novalidate
                [formGroup]="lessonForm"
                (ngSubmit)="addLesson(module)"
              >
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'authoring.lessonTitle' | t }}</mat-label>
                  <input matInput formControlName="title" data-testid="lesson-title" />
                  <mat-error>{{ lessonForm.controls.title | fieldError }}</mat-error>
                </mat-form-field>
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'authoring.kind' | t }}</mat-label>
                  <mat-select formControlName="kind" data-testid="lesson-kind">
                    @for (kind of lessonKinds; track kind) {
                      <mat-option [value]="kind">{{ lessonKindKey(kind) | t }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
                <blup-api-error [error]="lessonSubmitter.error()" />
                <div class="form-actions">
                  <button
                    matButton="filled"
                    type="submit"
                    data-testid="save-lesson"
                    [attr.aria-busy]="lessonSubmitter.busy()"
                  >
                    {{ 'common.create' | t }}
                  </button>
                  <button matButton type="button" (click)="addingLessonTo.set(null)">
                    {{ 'common.cancel' | t }}
                  </button>
                </div>
              </form>
            } @else {
              <button matButton="tonal" type="button" (click)="startLesson(module)">
                <blup-icon matButtonIcon name="add" />
                {{ 'authoring.addLesson' | t }}
              </button>
            }
          </li>
        }
      </ol>
      @if (editing() === 'new') {
        <h3>{{ 'authoring.addModule' | t }}</h3>
        <blup-module-form
          [courseId]="c.id"
          (saved)="moduleSaved()"
          (cancelled)="editing.set(null)"
        />
      } @else {
        <button
          matButton="filled"
          type="button"
          data-testid="add-module"
          (click)="editing.set('new')"
        >
          <blup-icon matButtonIcon name="add" />
          {{ 'authoring.addModule' | t }}
        </button>
      }
    }

    <ng-template
      #moveButtons
      let-key="key"
      let-title="title"
      let-first="first"
      let-last="last"
      let-up="up"
      let-down="down"
    >
      <button
        matIconButton
        type="button"
        [disabled]="first"
        [attr.data-move]="key + ':up'"
        [attr.aria-label]="'authoring.moveUp' | t: { title: title }"
        (click)="up(); keepFocus(key, 'up')"
      >
        <blup-icon name="up" />
      </button>
      <button
        matIconButton
        type="button"
        [disabled]="last"
        [attr.data-move]="key + ':down'"
        [attr.aria-label]="'authoring.moveDown' | t: { title: title }"
        (click)="down(); keepFocus(key, 'down')"
      >
        <blup-icon name="down" />
      </button>
    </ng-template>
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
    .section {
      margin-block: 32px 8px;
      font: var(--mat-sys-title-large);
    }
    .modules,
    .lessons {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .module {
      margin-block-end: 16px;
      padding: 12px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
    }
    .head,
    .lesson {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .head .text,
    .lesson .text {
      display: flex;
      flex: 1;
      flex-direction: column;
      min-inline-size: 0;
    }
    .lesson {
      flex-wrap: wrap;
      padding-block: 4px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    /* Phone: icon and title on one line, the buttons under them, to the right. */
    .lesson > * {
      order: 2;
    }
    .lesson > .kind {
      order: 0;
      margin-inline: 8px;
    }
    .lesson > .text {
      order: 1;
      flex-basis: calc(100% - 48px);
    }
    .lesson > .handle {
      margin-inline-start: auto;
    }
    @media (min-width: 600px) {
      .lesson {
        flex-wrap: nowrap;
      }
      .lesson > *,
      .lesson > .kind,
      .lesson > .text {
        order: 0;
      }
      .lesson > .text {
        flex-basis: auto;
      }
      .lesson > .handle {
        margin-inline-start: 0;
      }
    }
    .lesson .text {
      min-block-size: 48px;
      justify-content: center;
      color: var(--mat-sys-on-surface);
      text-decoration: none;
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    h4 {
      margin: 12px 0 4px;
      font: var(--mat-sys-title-small);
    }
    .meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .kind {
      color: var(--mat-sys-primary);
    }
    .handle {
      cursor: grab;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-block: 8px;
    }
    .add-lesson {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin-block: 12px;
    }
    .cdk-drag-preview {
      box-shadow: var(--mat-sys-level3);
    }
    .cdk-drag-placeholder {
      opacity: 0.4;
    }
  `,
})
export class CourseEditorPage {
  private readonly api = inject(CoursesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly id = input.required<string>();
  protected readonly course = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.course(params),
  });
  /** Shown at once when reordered; the course is loaded again if the API disagrees. */
  protected readonly modules = linkedSignal<CourseModuleDto[]>(() =>
    this.course.hasValue() ? this.course.value().modules : [],
  );
  /** A module id, `'new'`, or null. */
  protected readonly editing = signal<string | null>(null);
  protected readonly addingLessonTo = signal<string | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly submitter = submitter();
  protected readonly lessonSubmitter = submitter();

  protected readonly audiences = COURSE_AUDIENCES;
  protected readonly locales = LOCALES;
  protected readonly lessonKinds = LESSON_KINDS;
  protected readonly videoKind = LessonKind.Video;
  protected readonly kindIcons = LESSON_KIND_ICONS;
  protected readonly audienceKey = audienceKey;
  protected readonly localeKey = localeKey;
  protected readonly phaseKey = phaseKey;
  protected readonly lessonKindKey = lessonKindKey;
  protected readonly videoStatusKey = videoStatusKey;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(COURSE_TITLE_MAX_LENGTH)]],
    summary: ['', Validators.maxLength(COURSE_SUMMARY_MAX_LENGTH)],
    audience: [CourseAudience.Academy as CourseAudience],
    language: ['da' as Locale],
  });
  protected readonly lessonForm = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(COURSE_TITLE_MAX_LENGTH)]],
    kind: [LessonKind.Video as LessonKind],
  });

  constructor() {
    effect(() => {
      const course = this.course.hasValue() ? this.course.value() : null;
      if (course)
        this.form.reset({
          title: course.title,
          summary: course.summary,
          audience: course.audience,
          language: course.language,
        });
    });
  }

  protected save(): void {
    this.submitter.run(
      this.form,
      () => this.api.updateCourse(this.id(), this.form.getRawValue()),
      () => {
        this.toast('common.saved');
        this.course.reload();
      },
    );
  }

  protected setPublished(published: boolean): void {
    this.request(this.api.updateCourse(this.id(), { published }), () => this.course.reload());
  }

  protected setModulePublished(module: CourseModuleDto, published: boolean): void {
    this.request(this.api.updateModule(module.id, { published }), () => this.course.reload());
  }

  protected moduleSaved(): void {
    this.editing.set(null);
    this.toast('common.saved');
    this.course.reload();
  }

  protected dropModule(event: CdkDragDrop<unknown>): void {
    this.moveModule(event.previousIndex, event.currentIndex);
  }

  protected upModule(index: number): () => void {
    return () => this.moveModule(index, index - 1);
  }

  protected downModule(index: number): () => void {
    return () => this.moveModule(index, index + 1);
  }

  protected dropLesson(module: CourseModuleDto, event: CdkDragDrop<unknown>): void {
    this.moveLesson(module, event.previousIndex, event.currentIndex);
  }

  protected upLesson(module: CourseModuleDto, index: number): () => void {
    return () => this.moveLesson(module, index, index - 1);
  }

  protected downLesson(module: CourseModuleDto, index: number): () => void {
    return () => this.moveLesson(module, index, index + 1);
  }

  protected startLesson(module: CourseModuleDto): void {
    this.lessonForm.reset({ title: '', kind: LessonKind.Video });
    this.lessonSubmitter.error.set(null);
    this.addingLessonTo.set(module.id);
  }

  protected addLesson(module: CourseModuleDto): void {
    this.lessonSubmitter.run(
      this.lessonForm,
      () => this.api.createLesson(module.id, this.lessonForm.getRawValue()),
      () => {
        this.addingLessonTo.set(null);
        this.course.reload();
      },
    );
  }

  protected async deleteModule(module: CourseModuleDto): Promise<void> {
    if (await this.confirm(this.i18n.t('authoring.confirmDeleteModule', { title: module.title })))
      this.request(this.api.deleteModule(module.id), () => this.deleted());
  }

  protected async deleteLesson(lesson: LessonSummaryDto): Promise<void> {
    if (await this.confirm(this.i18n.t('authoring.confirmDeleteLesson', { title: lesson.title })))
      this.request(this.api.deleteLesson(lesson.id), () => this.deleted());
  }

  /**
   * Moving a row re-inserts its elements, which drops the focus: put it back on the same
   * button, or on the other one when the row reached the end and this one is disabled.
   */
  protected keepFocus(key: string, direction: 'up' | 'down'): void {
    afterNextRender(
      () => {
        const find = (d: string) =>
          this.host.nativeElement.querySelector<HTMLButtonElement>(`[data-move="${key}:${d}"]`);
        const button = find(direction);
        (button && !button.disabled ? button : find(direction === 'up' ? 'down' : 'up'))?.focus();
      },
      { injector: this.injector },
    );
  }

  private moveModule(from: number, to: number): void {
    const modules = this.modules();
    if (!isMove(modules.length, from, to)) return;
    const moved = moveItem(modules, from, to);
    this.modules.set(moved);
    this.announceMove(modules[from].title, to);
    this.request(this.api.reorderModules(this.id(), { ids: idsOf(moved) }));
  }

  private moveLesson(module: CourseModuleDto, from: number, to: number): void {
    if (!isMove(module.lessons.length, from, to)) return;
    const lessons = moveItem(module.lessons, from, to);
    this.modules.update((modules) =>
      modules.map((m) => (m.id === module.id ? { ...m, lessons } : m)),
    );
    this.announceMove(module.lessons[from].title, to);
    this.request(this.api.reorderLessons(module.id, { ids: idsOf(lessons) }));
  }

  private announceMove(title: string, index: number): void {
    void this.announcer.announce(this.i18n.t('authoring.moved', { title, position: index + 1 }));
  }

  private deleted(): void {
    this.toast('authoring.deleted');
    this.course.reload();
  }

  /** A call without a form: its failure is shown at the top, and the course loaded again. */
  private request<T>(call: Observable<T>, done?: (value: T) => void): void {
    this.error.set(null);
    call.subscribe({
      next: (value) => done?.(value),
      error: (error: unknown) => {
        this.error.set(error);
        this.course.reload();
      },
    });
  }

  private async confirm(message: string): Promise<boolean> {
    const data: ConfirmDialogData = {
      title: this.i18n.t('authoring.delete'),
      message,
      confirm: this.i18n.t('authoring.delete'),
      cancel: this.i18n.t('common.cancel'),
    };
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data,
      maxWidth: 'calc(100vw - 16px)',
    });
    return (await firstValueFrom(ref.afterClosed())) === true;
  }

  private toast(key: 'common.saved' | 'authoring.deleted'): void {
    this.snackBar.open(this.i18n.t(key), undefined, { duration: 4000 });
  }
}
