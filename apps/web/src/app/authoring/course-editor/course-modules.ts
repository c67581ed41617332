import { CdkDrag, type CdkDragDrop, CdkDragHandle, CdkDropList } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { type CourseModuleDto } from '@blup/contracts';
import { CoursesApi, I18nService, TranslatePipe, phaseKey } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { ModuleForm } from '../module-form';
import { idsOf, isMove, moveItem } from '../reorder';
import { CourseEditing } from './course-editing';
import { ModuleLessons } from './module-lessons';
import { MoveButtons } from './move-buttons';
import { REORDER_STYLES } from './reorder-styles';

/**
 * The course editor's modules: reordered by dragging or with the up and down buttons,
 * published, edited, deleted and added, each with its lessons.
 */
@Component({
  selector: 'blup-course-modules',
  imports: [
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
    MatButton,
    MatIconButton,
    MatSlideToggle,
    Icon,
    ModuleForm,
    ModuleLessons,
    MoveButtons,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="section">{{ 'authoring.modules' | t }}</h2>
    @if (modules().length === 0) {
      <p class="hint">{{ 'authoring.noModules' | t }}</p>
    }
    <ol class="modules" cdkDropList (cdkDropListDropped)="drop($event)" data-testid="modules">
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
            <blup-move-buttons
              [key]="module.id"
              [title]="module.title"
              [first]="first"
              [last]="last"
              (up)="move(i, i - 1)"
              (down)="move(i, i + 1)"
            />
          </div>
          <div class="tools">
            <mat-slide-toggle
              [checked]="module.published"
              (change)="setPublished(module, $event.checked)"
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
              [courseId]="courseId()"
              [module]="module"
              (saved)="saved()"
              (cancelled)="editing.set(null)"
            />
          }
          <blup-module-lessons [module]="module" />
        </li>
      }
    </ol>
    @if (editing() === 'new') {
      <h3>{{ 'authoring.addModule' | t }}</h3>
      <blup-module-form [courseId]="courseId()" (saved)="saved()" (cancelled)="editing.set(null)" />
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
  `,
  styles: [
    REORDER_STYLES,
    `
      .hint {
        font: var(--mat-sys-body-small);
        color: var(--mat-sys-on-surface-variant);
      }
      .section {
        margin-block: 32px 8px;
        font: var(--mat-sys-title-large);
      }
      .modules {
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
      .head {
        display: flex;
        align-items: center;
        gap: 4px;
      }
      .head .text {
        display: flex;
        flex: 1;
        flex-direction: column;
        min-inline-size: 0;
      }
      h3 {
        margin: 0;
        font: var(--mat-sys-title-medium);
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        margin-block: 8px;
      }
    `,
  ],
})
export class CourseModules {
  private readonly api = inject(CoursesApi);
  private readonly i18n = inject(I18nService);
  private readonly editor = inject(CourseEditing);

  readonly courseId = input.required<string>();

  protected readonly modules = this.editor.modules;
  /** A module id, `'new'`, or null. */
  protected readonly editing = signal<string | null>(null);
  protected readonly phaseKey = phaseKey;

  protected drop(event: CdkDragDrop<unknown>): void {
    this.move(event.previousIndex, event.currentIndex);
  }

  protected move(from: number, to: number): void {
    const modules = this.modules();
    if (!isMove(modules.length, from, to)) return;
    const moved = moveItem(modules, from, to);
    this.modules.set(moved);
    this.editor.announceMove(modules[from].title, to);
    this.editor.request(this.api.reorderModules(this.courseId(), { ids: idsOf(moved) }));
  }

  protected setPublished(module: CourseModuleDto, published: boolean): void {
    this.editor.request(this.api.updateModule(module.id, { published }), () =>
      this.editor.reload(),
    );
  }

  protected saved(): void {
    this.editing.set(null);
    this.editor.toast('common.saved');
    this.editor.reload();
  }

  protected deleteModule(module: CourseModuleDto): void {
    void this.editor.delete(
      this.i18n.t('authoring.confirmDeleteModule', { title: module.title }),
      () => this.api.deleteModule(module.id),
    );
  }
}
