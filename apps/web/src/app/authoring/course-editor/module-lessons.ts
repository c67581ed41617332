import { CdkDrag, type CdkDragDrop, CdkDragHandle, CdkDropList } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  COURSE_TITLE_MAX_LENGTH,
  type CourseModuleDto,
  LESSON_KINDS,
  LessonKind,
  type LessonSummaryDto,
} from '@blup/contracts';
import {
  CoursesApi,
  I18nService,
  TranslatePipe,
  lessonKindKey,
  videoStatusKey,
} from '@blup/web/core';
import { FormActions, Icon } from '@blup/web/ui';
import { LESSON_KIND_ICONS } from '../../courses/lesson-kind';
import { ApiErrorMessage } from '../../shared/api-error-message';
import { FieldErrorPipe } from '../../shared/forms';
import { submitter } from '../../shared/submitter';
import { idsOf, isMove, moveItem } from '../reorder';
import { CourseEditing } from './course-editing';
import { MoveButtons } from './move-buttons';
import { REORDER_STYLES } from './reorder-styles';

/** One module's lessons in the course editor: reordered, deleted, and added by title and kind. */
@Component({
  selector: 'blup-module-lessons',
  imports: [
    FormActions,
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
    Icon,
    MoveButtons,
    ApiErrorMessage,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h4>{{ 'authoring.lessons' | t }}</h4>
    <ol class="lessons" cdkDropList (cdkDropListDropped)="drop($event)">
      @for (
        lesson of module().lessons;
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
          <blup-move-buttons
            [key]="lesson.id"
            [title]="lesson.title"
            [first]="firstLesson"
            [last]="lastLesson"
            (up)="move(j, j - 1)"
            (down)="move(j, j + 1)"
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
    @if (editor.addingLessonTo() === module().id) {
      <form class="add-lesson" novalidate [formGroup]="form" (ngSubmit)="add()">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'authoring.lessonTitle' | t }}</mat-label>
          <input matInput formControlName="title" data-testid="lesson-title" />
          <mat-error>{{ form.controls.title | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'authoring.kind' | t }}</mat-label>
          <mat-select formControlName="kind" data-testid="lesson-kind">
            @for (kind of lessonKinds; track kind) {
              <mat-option [value]="kind">{{ lessonKindKey(kind) | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <blup-api-error [error]="submitter.error()" />
        <blup-form-actions
          [submitLabel]="'common.create' | t"
          submitTestId="save-lesson"
          [busy]="submitter.busy()"
          [cancelLabel]="'common.cancel' | t"
          cancelButton
          (cancelled)="editor.addingLessonTo.set(null)"
        />
      </form>
    } @else {
      <button matButton="tonal" type="button" (click)="start()">
        <blup-icon matButtonIcon name="add" />
        {{ 'authoring.addLesson' | t }}
      </button>
    }
  `,
  styles: [
    REORDER_STYLES,
    `
      .lessons {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .lesson {
        display: flex;
        align-items: center;
        gap: 4px;
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
        display: flex;
        flex: 1;
        flex-direction: column;
        min-inline-size: 0;
        min-block-size: 48px;
        justify-content: center;
        color: var(--mat-sys-on-surface);
        text-decoration: none;
      }
      h4 {
        margin: 12px 0 4px;
        font: var(--mat-sys-title-small);
      }
      .kind {
        color: var(--mat-sys-primary);
      }
      .add-lesson {
        display: flex;
        flex-direction: column;
        gap: 12px;
        margin-block: 12px;
      }
    `,
  ],
})
export class ModuleLessons {
  private readonly api = inject(CoursesApi);
  private readonly i18n = inject(I18nService);
  protected readonly editor = inject(CourseEditing);

  readonly module = input.required<CourseModuleDto>();

  protected readonly submitter = submitter();
  protected readonly lessonKinds = LESSON_KINDS;
  protected readonly videoKind = LessonKind.Video;
  protected readonly kindIcons = LESSON_KIND_ICONS;
  protected readonly lessonKindKey = lessonKindKey;
  protected readonly videoStatusKey = videoStatusKey;

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(COURSE_TITLE_MAX_LENGTH)]],
    kind: [LessonKind.Video as LessonKind],
  });

  protected drop(event: CdkDragDrop<unknown>): void {
    this.move(event.previousIndex, event.currentIndex);
  }

  protected move(from: number, to: number): void {
    const module = this.module();
    if (!isMove(module.lessons.length, from, to)) return;
    const lessons = moveItem(module.lessons, from, to);
    this.editor.modules.update((modules) =>
      modules.map((m) => (m.id === module.id ? { ...m, lessons } : m)),
    );
    this.editor.announceMove(module.lessons[from].title, to);
    this.editor.request(this.api.reorderLessons(module.id, { ids: idsOf(lessons) }));
  }

  protected start(): void {
    this.form.reset({ title: '', kind: LessonKind.Video });
    this.submitter.error.set(null);
    this.editor.addingLessonTo.set(this.module().id);
  }

  protected add(): void {
    this.submitter.run(
      this.form,
      () => this.api.createLesson(this.module().id, this.form.getRawValue()),
      () => {
        this.editor.addingLessonTo.set(null);
        this.editor.reload();
      },
    );
  }

  protected deleteLesson(lesson: LessonSummaryDto): void {
    void this.editor.delete(
      this.i18n.t('authoring.confirmDeleteLesson', { title: lesson.title }),
      () => this.api.deleteLesson(lesson.id),
    );
  }
}
