import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MAX_PAGE_SIZE, type Material, MaterialKind, SESSION_LIMITS } from '@blup/contracts';
import { CoursesApi } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { FORM_FIELDS } from '../shared/form-fields';
import { materialKindKey } from './circle-labels';

export type MaterialGroup = FormGroup<{
  kind: FormControl<MaterialKind>;
  title: FormControl<string>;
  url: FormControl<string>;
  lessonId: FormControl<string | null>;
}>;

export function materialGroup(m: Material): MaterialGroup {
  return new FormGroup({
    kind: new FormControl(m.kind, { nonNullable: true }),
    title: new FormControl(m.title, {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(SESSION_LIMITS.materialTitle)],
    }),
    url: new FormControl(m.url ?? '', {
      nonNullable: true,
      validators: m.kind === MaterialKind.Lesson ? [] : [Validators.required],
    }),
    lessonId: new FormControl(m.lessonId),
  });
}

/** The materials as the API takes them: a lesson has no url, a link no lesson. */
export function materialsValue(materials: FormArray<MaterialGroup>): Material[] {
  return materials.getRawValue().map((m) => ({
    kind: m.kind,
    title: m.title.trim(),
    url: m.kind === MaterialKind.Lesson ? null : m.url.trim(),
    lessonId: m.kind === MaterialKind.Lesson ? m.lessonId : null,
  }));
}

/** A session's materials: lessons picked from a course, and links. */
@Component({
  selector: 'blup-materials-editor',
  imports: [FORM_FIELDS, MatButton, MatIconButton, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!materials().length) {
      <p class="muted">{{ 'circles.noMaterials' | t }}</p>
    }
    <ul class="materials" data-testid="materials">
      @for (m of materials().controls; track m; let i = $index) {
        <li class="material" [formGroup]="m">
          <span class="kind">{{ materialKindKey(m.controls.kind.value) | t }}</span>
          <mat-form-field subscriptSizing="dynamic" class="m-title">
            <mat-label>{{ 'circles.materialTitle' | t }}</mat-label>
            <input matInput formControlName="title" />
            <mat-error>{{ m.controls.title | fieldError }}</mat-error>
          </mat-form-field>
          @if (m.controls.kind.value !== lessonKind) {
            <mat-form-field subscriptSizing="dynamic" class="m-url">
              <mat-label>{{ 'circles.materialUrl' | t }}</mat-label>
              <input matInput type="url" formControlName="url" />
              <mat-error>{{ m.controls.url | fieldError }}</mat-error>
            </mat-form-field>
          }
          <button
            matIconButton
            type="button"
            [attr.aria-label]="'circles.removeMaterial' | t: { title: m.controls.title.value }"
            (click)="materials().removeAt(i)"
          >
            <blup-icon name="delete" />
          </button>
        </li>
      }
    </ul>
    <div class="add-material">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'circles.course' | t }}</mat-label>
        <mat-select [value]="courseId()" (valueChange)="courseId.set($event)">
          @for (course of courses(); track course.id) {
            <mat-option [value]="course.id">{{ course.title }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'circles.lesson' | t }}</mat-label>
        <mat-select
          [value]="lessonId()"
          (valueChange)="lessonId.set($event)"
          [disabled]="!lessons().length"
        >
          @for (lesson of lessons(); track lesson.id) {
            <mat-option [value]="lesson.id">{{ lesson.title }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <button matButton="outlined" type="button" (click)="addLesson()" [disabled]="!lessonId()">
        <blup-icon matButtonIcon name="school" />
        {{ 'circles.addLesson' | t }}
      </button>
      <button matButton="outlined" type="button" (click)="addLink()">
        <blup-icon matButtonIcon name="link" />
        {{ 'circles.addLink' | t }}
      </button>
    </div>
  `,
  styles: `
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .materials {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .material {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px;
    }
    .kind {
      inline-size: 6em;
      padding-block-start: 16px;
      font: var(--mat-sys-label-large);
    }
    .m-title {
      flex: 2 1 200px;
    }
    .m-url {
      flex: 3 1 240px;
    }
    .add-material {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-block: 12px;
    }
    .add-material mat-form-field {
      flex: 1 1 200px;
    }
  `,
})
export class MaterialsEditor {
  private readonly coursesApi = inject(CoursesApi);

  /** The session form's materials; the editor adds and removes rows in place. */
  readonly materials = input.required<FormArray<MaterialGroup>>();

  protected readonly materialKindKey = materialKindKey;
  protected readonly lessonKind = MaterialKind.Lesson;

  protected readonly courseId = signal<string | null>(null);
  protected readonly lessonId = signal<string | null>(null);
  private readonly courseList = rxResource({
    stream: () => this.coursesApi.courses({ pageSize: MAX_PAGE_SIZE }),
  });
  protected readonly courses = computed(() =>
    this.courseList.hasValue() ? this.courseList.value().items : [],
  );
  private readonly course = rxResource({
    params: () => this.courseId() ?? undefined,
    stream: ({ params }) => this.coursesApi.course(params),
  });
  protected readonly lessons = computed(() =>
    this.course.hasValue() ? this.course.value().modules.flatMap((m) => m.lessons) : [],
  );

  protected addLesson(): void {
    const lesson = this.lessons().find((l) => l.id === this.lessonId());
    if (!lesson) return;
    this.materials().push(
      materialGroup({
        kind: MaterialKind.Lesson,
        title: lesson.title,
        url: null,
        lessonId: lesson.id,
      }),
    );
    this.lessonId.set(null);
  }

  protected addLink(): void {
    this.materials().push(
      materialGroup({ kind: MaterialKind.Link, title: '', url: '', lessonId: null }),
    );
  }
}
