import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  type OnInit,
  output,
  signal,
} from '@angular/core';
import { FormControl } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  LIBRARY_LINK_TARGETS,
  LibraryLinkTarget,
  type LibraryDocumentDetailDto,
  type LibraryLinkDto,
} from '@blup/contracts';
import { I18nService, LibraryApi, type TranslationKey } from '@blup/web/core';
import type { Observable } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { confirmAction } from '../shared/confirm-action';
import { FORM_FIELDS } from '../shared/form-fields';
import { linkFromAddress } from './link-address';

const targetKey = (target: string): TranslationKey =>
  `library.linkTargets.${target}` as TranslationKey;

/** The secretariat's tools on one document: a new version, the description, links, delete. */
@Component({
  selector: 'blup-library-document-admin',
  imports: [FORM_FIELDS, MatButton, ApiErrorMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="admin" data-testid="document-admin">
      <h3>{{ 'library.newVersion' | t }}</h3>
      <label class="file">
        <span>{{ 'library.file' | t }}</span>
        <input
          type="file"
          accept=".pdf,.docx,.xlsx,.pptx"
          (change)="picked($any($event.target).files)"
        />
      </label>
      <mat-form-field>
        <mat-label>{{ 'library.versionNote' | t }}</mat-label>
        <input matInput [formControl]="note" maxlength="500" />
      </mat-form-field>
      <button matButton="tonal" type="button" [disabled]="busy()" (click)="uploadVersion()">
        {{ 'library.uploadVersion' | t }}
      </button>

      <h3>{{ 'library.edit' | t }}</h3>
      <mat-form-field>
        <mat-label>{{ 'library.description' | t }}</mat-label>
        <textarea matInput rows="3" [formControl]="description"></textarea>
      </mat-form-field>
      <button matButton="tonal" type="button" [disabled]="busy()" (click)="saveDescription()">
        {{ 'library.save' | t }}
      </button>

      <h3>{{ 'library.links' | t }}</h3>
      <ul class="links">
        @for (l of doc().links; track l.target + l.targetId) {
          <li>
            <span>{{ targetKey(l.target) | t }}: {{ l.targetId }}</span>
            <button matButton type="button" (click)="unlink(l)">{{ 'library.unlink' | t }}</button>
          </li>
        }
      </ul>
      <mat-form-field>
        <mat-label>{{ 'library.linkTarget' | t }}</mat-label>
        <mat-select [formControl]="linkTarget">
          @for (target of targets; track target) {
            <mat-option [value]="target">{{ targetKey(target) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'library.linkId' | t }}</mat-label>
        <input matInput [formControl]="linkId" autocomplete="off" />
        <mat-hint>{{ 'library.linkIdHint' | t }}</mat-hint>
      </mat-form-field>
      <button matButton="tonal" type="button" [disabled]="busy()" (click)="addLink()">
        {{ 'library.link' | t }}
      </button>

      <blup-api-error [error]="error()" />
      <button matButton type="button" class="delete" (click)="remove()">
        {{ 'library.delete' | t }}
      </button>
    </div>
  `,
  styles: `
    .admin {
      display: grid;
      gap: 8px;
      margin-block-start: 16px;
      padding-block-start: 8px;
      border-block-start: 1px solid var(--mat-sys-outline-variant);
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 8px 0 0;
    }
    .file {
      display: grid;
      gap: 8px;
    }
    .links {
      list-style: none;
      padding: 0;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .delete {
      color: var(--mat-sys-error);
      justify-self: start;
    }
  `,
})
export class DocumentAdmin implements OnInit {
  private readonly api = inject(LibraryApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  private readonly confirm = confirmAction();

  readonly doc = input.required<LibraryDocumentDetailDto>();
  readonly changed = output<LibraryDocumentDetailDto>();
  readonly removed = output<void>();

  protected readonly targets = LIBRARY_LINK_TARGETS;
  protected readonly targetKey = targetKey;
  protected readonly note = new FormControl('', { nonNullable: true });
  protected readonly description = new FormControl('', { nonNullable: true });
  protected readonly linkTarget = new FormControl<LibraryLinkTarget>(LibraryLinkTarget.Session, {
    nonNullable: true,
  });
  protected readonly linkId = new FormControl('', { nonNullable: true });
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  private file: File | null = null;

  ngOnInit(): void {
    this.description.setValue(this.doc().description);
  }

  protected picked(files: FileList | null): void {
    this.file = files?.[0] ?? null;
  }

  protected uploadVersion(): void {
    if (!this.file) {
      this.error.set(new Error(this.i18n.t('library.noFile')));
      return;
    }
    this.run(
      this.api.addVersion(this.doc().id, this.file, this.note.value),
      'library.versionAdded',
    );
  }

  protected saveDescription(): void {
    this.run(
      this.api.update(this.doc().id, { description: this.description.value }),
      'library.saved',
    );
  }

  protected addLink(): void {
    const id = this.doc().id;
    const pasted = linkFromAddress(this.linkId.value);
    if (!pasted) {
      this.error.set(new Error(this.i18n.t('library.linkIdMissing')));
      return;
    }
    const target = pasted.target ?? this.linkTarget.value;
    const targetId = pasted.targetId;
    this.busy.set(true);
    this.api.link(id, target, targetId).subscribe({
      next: () => {
        this.linkId.setValue('');
        this.run(this.api.get(id), 'library.linked');
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected unlink(link: LibraryLinkDto): void {
    const id = this.doc().id;
    this.busy.set(true);
    this.api.unlink(id, link.target, link.targetId).subscribe({
      next: () => this.run(this.api.get(id), 'library.unlinked'),
      error: (error: unknown) => this.failed(error),
    });
  }

  protected remove(): void {
    const d = this.doc();
    this.confirm({
      ask: {
        title: this.i18n.t('library.delete'),
        message: this.i18n.t('library.deleteConfirm', { title: d.title }),
        confirm: this.i18n.t('library.delete'),
        cancel: this.i18n.t('library.cancel'),
      },
      act: () => this.api.remove(d.id),
      done: 'library.deleted',
      then: () => this.removed.emit(),
      failed: (error) => this.error.set(error),
    });
  }

  private run(call: Observable<LibraryDocumentDetailDto>, done: TranslationKey): void {
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: (detail) => {
        this.busy.set(false);
        this.note.setValue('');
        this.snackBar.open(this.i18n.t(done), undefined, { duration: 4000 });
        this.changed.emit(detail);
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.error.set(error);
  }
}
