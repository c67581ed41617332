import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  COURSE_TITLE_MAX_LENGTH,
  LESSON_BODY_MAX_LENGTH,
  LessonKind,
  type UpdateLessonRequest,
} from '@blup/contracts';
import {
  CoursesApi,
  I18nService,
  type TranslationKey,
  formatBytes,
  lessonKindKey,
  videoStatusKey,
} from '@blup/web/core';
import type { Observable } from 'rxjs';
import { FieldErrorPipe } from '../shared/forms';
import { submitter } from '../shared/submitter';
import { RichTextEditor } from './rich-text-editor';
import { VideoUpload } from './video-upload';
import { PAGE_PARTS } from '../shared/page-parts';

const RESOURCE_TYPES =
  '.pdf,.docx,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Edits one lesson: title, flags, and by kind its text, its file, or its video and captions. */
@Component({
  selector: 'blup-lesson-editor-page',
  imports: [
    PAGE_PARTS,
    ReactiveFormsModule,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSlideToggle,
    RichTextEditor,
    VideoUpload,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="lesson.isLoading()" [error]="lesson.error()" />
    @if (lesson.hasValue()) {
      @let l = lesson.value();
      <a class="back" [routerLink]="['/authoring/courses', l.courseId]">
        <blup-icon name="back" />
        {{ 'authoring.backToCourse' | t }}
      </a>
      <blup-page-header [heading]="l.title" [subheading]="lessonKindKey(l.kind) | t">
        <a matButton="outlined" [routerLink]="['/lessons', l.id]">{{ 'authoring.preview' | t }}</a>
      </blup-page-header>
      <form
        class="form"
        novalidate
        [formGroup]="form"
        (ngSubmit)="save()"
        data-testid="lesson-form"
      >
        <blup-api-error [error]="submitter.error()" />
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'authoring.lessonTitle' | t }}</mat-label>
          <input matInput formControlName="title" data-testid="title" />
          <mat-error>{{ form.controls.title | fieldError }}</mat-error>
        </mat-form-field>
        <mat-slide-toggle formControlName="published" data-testid="published">
          {{ 'authoring.published' | t }}
        </mat-slide-toggle>
        @if (l.kind === kinds.Video) {
          <mat-checkbox formControlName="inspiration" data-testid="inspiration">
            {{ 'authoring.inspiration' | t }}
          </mat-checkbox>
        }
        @if (l.kind === kinds.Text) {
          <blup-rich-text-editor [label]="'authoring.body' | t" [(value)]="body" />
        }
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

      @if (l.kind === kinds.Resource) {
        <section class="part" aria-labelledby="resource-heading">
          <h2 id="resource-heading">{{ 'authoring.resource' | t }}</h2>
          @if (l.resource; as file) {
            <p>
              {{ 'authoring.currentFile' | t: { name: file.fileName } }} ({{
                bytes(file.sizeBytes)
              }})
            </p>
          }
          <p class="hint">{{ 'authoring.resourceHint' | t }}</p>
          <input
            #resourcePicker
            hidden
            type="file"
            data-testid="resource-file"
            [accept]="resourceTypes"
            (change)="uploadFile(resourcePicker, 'resource')"
          />
          <button
            matButton="tonal"
            type="button"
            data-testid="upload-resource"
            [attr.aria-busy]="fileBusy()"
            (click)="resourcePicker.click()"
          >
            <blup-icon matButtonIcon name="upload" />
            {{ 'authoring.chooseFile' | t }}
          </button>
        </section>
      }

      @if (l.kind === kinds.Video) {
        <section class="part" aria-labelledby="video-heading">
          <h2 id="video-heading">{{ 'authoring.video' | t }}</h2>
          <p data-testid="video-status">
            {{ 'authoring.status' | t: { status: (videoStatusKey(l.videoStatus) | t) } }}
          </p>
          <div class="row">
            <button
              matButton="outlined"
              type="button"
              data-testid="refresh"
              (click)="lesson.reload()"
            >
              <blup-icon matButtonIcon name="refresh" />
              {{ 'authoring.refresh' | t }}
            </button>
          </div>
          <blup-video-upload [lessonId]="l.id" (uploaded)="videoUploaded()" />
          <h3>{{ 'authoring.captions' | t }}</h3>
          <input
            #captionsPicker
            hidden
            type="file"
            accept=".vtt,text/vtt"
            data-testid="captions-file"
            (change)="uploadFile(captionsPicker, 'captions')"
          />
          <button
            matButton="tonal"
            type="button"
            data-testid="upload-captions"
            [attr.aria-busy]="fileBusy()"
            (click)="captionsPicker.click()"
          >
            <blup-icon matButtonIcon name="upload" />
            {{ 'authoring.chooseCaptions' | t }}
          </button>
        </section>
      }
      <blup-api-error [error]="fileError()" />
    }
  `,
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-block-size: 48px;
    }
    .part {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
      margin-block: 32px;
      max-inline-size: 640px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    h3 {
      margin: 16px 0 0;
      font: var(--mat-sys-title-medium);
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    blup-video-upload {
      align-self: stretch;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    mat-slide-toggle,
    mat-checkbox {
      min-block-size: 48px;
      display: flex;
      align-items: center;
    }
  `,
})
export class LessonEditorPage {
  private readonly api = inject(CoursesApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly id = input.required<string>();
  protected readonly lesson = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.lesson(params),
  });
  protected readonly submitter = submitter();
  protected readonly body = signal('');
  protected readonly fileBusy = signal(false);
  protected readonly fileError = signal<unknown>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(COURSE_TITLE_MAX_LENGTH)]],
    published: [false],
    inspiration: [false],
  });

  protected readonly kinds = LessonKind;
  protected readonly resourceTypes = RESOURCE_TYPES;
  protected readonly lessonKindKey = lessonKindKey;
  protected readonly videoStatusKey = videoStatusKey;
  protected readonly bytes = formatBytes;

  constructor() {
    effect(() => {
      const lesson = this.lesson.hasValue() ? this.lesson.value() : null;
      if (!lesson) return;
      this.form.reset({
        title: lesson.title,
        published: lesson.published,
        inspiration: lesson.inspiration,
      });
      this.body.set(lesson.body);
    });
  }

  protected save(): void {
    const lesson = this.lesson.value();
    if (!lesson) return;
    const { title, published, inspiration } = this.form.getRawValue();
    const body: UpdateLessonRequest = { title, published };
    if (lesson.kind === LessonKind.Video) body.inspiration = inspiration;
    if (lesson.kind === LessonKind.Text) {
      if (this.body().length > LESSON_BODY_MAX_LENGTH) {
        this.submitter.error.set(
          new Error(this.i18n.t('common.maxLength', { max: LESSON_BODY_MAX_LENGTH })),
        );
        return;
      }
      body.body = this.body();
    }
    this.submitter.run(
      this.form,
      () => this.api.updateLesson(lesson.id, body),
      (saved) => {
        this.lesson.set(saved);
        this.toast('common.saved');
      },
    );
  }

  protected uploadFile(picker: HTMLInputElement, what: 'resource' | 'captions'): void {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file || this.fileBusy()) return;
    const call: Observable<unknown> =
      what === 'resource'
        ? this.api.uploadResource(this.id(), file)
        : this.api.uploadCaptions(this.id(), file);
    this.fileBusy.set(true);
    this.fileError.set(null);
    call.subscribe({
      next: () => {
        this.fileBusy.set(false);
        this.lesson.reload();
        this.toast(
          what === 'resource' ? 'authoring.resourceUploaded' : 'authoring.captionsUploaded',
        );
      },
      error: (error: unknown) => {
        this.fileBusy.set(false);
        this.fileError.set(error);
      },
    });
  }

  protected videoUploaded(): void {
    this.toast('authoring.uploaded');
    this.lesson.reload();
  }

  private toast(key: TranslationKey): void {
    this.snackBar.open(this.i18n.t(key), undefined, { duration: 4000 });
  }
}
