import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel, MatError } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ErrorCode, IDEA_LIMITS, type IdeaDto } from '@blup/contracts';
import { ApiError, I18nService, IdeasApi, TranslatePipe } from '@blup/web/core';
import { forkJoin } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { confirmAction } from '../shared/confirm-action';
import { FieldErrorPipe } from '../shared/forms';
import { submitter } from '../shared/submitter';
import { TextField } from '../shared/text-field';

/**
 * The ideas as residents see them on the voting page, in that order: move one up or down (large
 * targets), change its words, or delete it (after asking: its dots and helpers go with it).
 */
@Component({
  selector: 'blup-idea-editor-list',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    TranslatePipe,
    ApiErrorMessage,
    FieldErrorPipe,
    TextField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="manage-title" data-testid="manage-ideas">
      <h2 id="manage-title">{{ 'ideas.manage' | t }}</h2>
      <p class="hint">{{ 'ideas.manageHint' | t }}</p>
      <blup-api-error [error]="moving.error() ?? removeError()" />
      <ol class="ideas">
        @for (idea of ordered(); track idea.id; let first = $first, last = $last, index = $index) {
          <li data-testid="managed-idea">
            @if (editing() === idea.id) {
              <form class="edit" novalidate (submit)="save($event, idea)">
                <blup-api-error [error]="saving.error()" />
                @if (theirs(); as their) {
                  <div class="theirs" data-testid="their-idea">
                    <p>
                      {{ 'ideas.theirWords' | t }} <strong>{{ their.title }}</strong>
                      @if (their.description) {
                        — {{ their.description }}
                      }
                    </p>
                    <!-- Their words in the form (one's own are dropped), to add one's change to. -->
                    <button
                      matButton="tonal"
                      type="button"
                      data-testid="load-their-idea"
                      (click)="edit(their)"
                    >
                      {{ 'ideas.loadTheirWords' | t }}
                    </button>
                  </div>
                }
                <blup-text-field
                  [control]="form.controls.title"
                  [label]="'ideas.ideaTitle' | t"
                  testId="edit-idea-title"
                />
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'ideas.ideaDescription' | t }}</mat-label>
                  <textarea
                    matInput
                    rows="3"
                    [formControl]="form.controls.description"
                    data-testid="edit-idea-description"
                  ></textarea>
                  <mat-error>{{ form.controls.description | fieldError }}</mat-error>
                </mat-form-field>
                <div class="actions">
                  <button matButton="filled" type="submit" data-testid="save-idea">
                    {{ 'ideas.saveIdea' | t }}
                  </button>
                  <button matButton type="button" (click)="editing.set(null)">
                    {{ 'ideas.cancel' | t }}
                  </button>
                </div>
              </form>
            } @else {
              <span class="title">{{ index + 1 }}. {{ idea.title }}</span>
              <div class="tools">
                <button
                  type="button"
                  class="step"
                  data-testid="idea-up"
                  [disabled]="first || moving.busy()"
                  [attr.aria-label]="'ideas.moveUp' | t: { title: idea.title }"
                  (click)="move(index, -1)"
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="step"
                  data-testid="idea-down"
                  [disabled]="last || moving.busy()"
                  [attr.aria-label]="'ideas.moveDown' | t: { title: idea.title }"
                  (click)="move(index, 1)"
                >
                  ↓
                </button>
                <button
                  matButton="outlined"
                  type="button"
                  data-testid="edit-idea"
                  [attr.aria-label]="'ideas.editIdeaLabel' | t: { title: idea.title }"
                  (click)="edit(idea)"
                >
                  {{ 'ideas.editIdea' | t }}
                </button>
                <button
                  matButton
                  type="button"
                  class="danger"
                  data-testid="remove-idea"
                  [attr.aria-label]="'ideas.removeLabel' | t: { title: idea.title }"
                  (click)="remove(idea)"
                >
                  {{ 'ideas.removeShort' | t }}
                </button>
              </div>
            }
          </li>
        }
      </ol>
    </section>
  `,
  styles: `
    h2 {
      margin: 24px 0 4px;
      font: var(--mat-sys-title-large);
    }
    .hint {
      margin: 0 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .ideas {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
      max-inline-size: 560px;
    }
    li {
      display: grid;
      gap: 4px;
      padding-block: 8px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .title {
      font: var(--mat-sys-body-large);
      overflow-wrap: anywhere;
    }
    .tools,
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .step {
      inline-size: 48px;
      block-size: 48px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-primary);
      font-size: 22px;
      cursor: pointer;
    }
    .step:disabled {
      color: var(--mat-sys-on-surface-variant);
      opacity: 0.5;
      cursor: default;
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .edit {
      display: grid;
      gap: 8px;
    }
    .theirs p {
      margin: 0 0 8px;
      overflow-wrap: anywhere;
    }
  `,
})
export class IdeaEditorList {
  private readonly api = inject(IdeasApi);
  private readonly i18n = inject(I18nService);
  private readonly confirm = confirmAction();

  /** The list's ideas in any order: shown in the voting page's order. */
  readonly ideas = input.required<readonly IdeaDto[]>();
  readonly changed = output<void>();

  protected readonly ordered = computed(() =>
    [...this.ideas()].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id)),
  );
  protected readonly editing = signal<string | null>(null);
  /** The version of the idea's words the form was filled from: sent back with the change. */
  private readonly editingVersion = signal(0);
  protected readonly moving = submitter();
  protected readonly saving = submitter();
  protected readonly removeError = signal<unknown>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(IDEA_LIMITS.titleMaxLength)]],
    description: ['', Validators.maxLength(IDEA_LIMITS.descriptionMaxLength)],
  });

  /** Swaps the idea with its neighbour (their places on the voting page). */
  protected move(index: number, step: -1 | 1): void {
    const list = this.ordered();
    const idea = list[index];
    const other = list[index + step];
    if (!idea || !other) return;
    // Equal places (never expected) still end up apart.
    const [to, from] =
      idea.position === other.position
        ? [other.position + step, idea.position]
        : [other.position, idea.position];
    this.moving.run(
      null,
      () =>
        forkJoin([
          this.api.updateIdea(idea.id, { position: to }),
          this.api.updateIdea(other.id, { position: from }),
        ]),
      () => this.changed.emit(),
    );
  }

  /**
   * After a 409 (someone changed the idea's words while the form was open) and once the list has
   * been read again: the idea as they left it, to read and, if one wants, to start from.
   */
  protected readonly theirs = computed(() => {
    const error = this.saving.error();
    if (!(error instanceof ApiError) || error.code !== ErrorCode.IdeaChanged) return null;
    const idea = this.ideas().find((i) => i.id === this.editing());
    return idea && idea.version !== this.editingVersion() ? idea : null;
  });

  protected edit(idea: IdeaDto): void {
    this.form.reset({ title: idea.title, description: idea.description });
    this.editingVersion.set(idea.version);
    this.saving.error.set(null);
    this.editing.set(idea.id);
  }

  protected save(event: Event, idea: IdeaDto): void {
    event.preventDefault();
    const { title, description } = this.form.getRawValue();
    const version = this.editingVersion();
    this.saving.run(
      this.form,
      () =>
        this.api.updateIdea(idea.id, {
          title: title.trim(),
          description: description.trim(),
          version,
        }),
      () => {
        this.editing.set(null);
        this.changed.emit();
      },
      (error) => {
        // Read the list again, so their words can be shown beside one's own (kept in the form).
        if (error instanceof ApiError && error.code === ErrorCode.IdeaChanged) this.changed.emit();
        return false;
      },
    );
  }

  protected remove(idea: IdeaDto): void {
    this.removeError.set(null);
    this.confirm({
      ask: {
        title: this.i18n.t('ideas.removeTitle', { title: idea.title }),
        message: this.i18n.t('ideas.removeMessage'),
        confirm: this.i18n.t('ideas.remove'),
        cancel: this.i18n.t('ideas.cancel'),
      },
      act: () => this.api.removeIdea(idea.id),
      done: 'ideas.removed',
      then: () => this.changed.emit(),
      failed: (error) => this.removeError.set(error),
    });
  }
}
