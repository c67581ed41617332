import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  LIBRARY_DOCUMENT_KINDS,
  LIBRARY_LIMITS,
  LibraryDocumentKind,
  PHASES,
  Phase,
  type LibraryDocumentDto,
} from '@blup/contracts';
import { I18nService, LibraryApi } from '@blup/web/core';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FORM_FIELDS } from '../shared/form-fields';
import { kindKey, phaseKey } from './library-labels';

/** The secretariat's form for a new document: phase, kind, title, description and the file. */
@Component({
  selector: 'blup-library-upload-form',
  imports: [FORM_FIELDS, MatButton, ApiErrorMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="upload" [formGroup]="form" (ngSubmit)="save()" data-testid="upload-form">
      <h2>{{ 'library.addTitle' | t }}</h2>
      <mat-form-field>
        <mat-label>{{ 'library.docTitle' | t }}</mat-label>
        <input
          matInput
          formControlName="title"
          data-testid="doc-title"
          [maxlength]="limits.titleMaxLength"
        />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'library.phase' | t }}</mat-label>
        <mat-select formControlName="phase" data-testid="doc-phase">
          @for (p of phases; track p) {
            <mat-option [value]="p">{{ phaseKey(p) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'library.kind' | t }}</mat-label>
        <mat-select formControlName="kind">
          @for (k of kinds; track k) {
            <mat-option [value]="k">{{ kindKey(k) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'library.description' | t }}</mat-label>
        <textarea matInput rows="3" formControlName="description"></textarea>
        <mat-hint>{{ 'library.descriptionHint' | t }}</mat-hint>
      </mat-form-field>
      <label class="file">
        <span>{{ 'library.file' | t }}</span>
        <input
          type="file"
          accept=".pdf,.docx,.xlsx,.pptx"
          data-testid="doc-file"
          (change)="picked($any($event.target).files)"
        />
      </label>
      <blup-api-error [error]="error()" />
      <div class="actions">
        <button matButton="filled" type="submit" [disabled]="busy()" data-testid="save-document">
          {{ 'library.save' | t }}
        </button>
        <button matButton type="button" (click)="cancelled.emit()">
          {{ 'library.cancel' | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .upload {
      display: grid;
      gap: 8px;
      padding: 16px;
      margin-block-end: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    .file {
      display: grid;
      gap: 8px;
      min-block-size: 48px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class UploadForm {
  private readonly api = inject(LibraryApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly done = output<LibraryDocumentDto>();
  readonly cancelled = output<void>();

  protected readonly phases = PHASES;
  protected readonly kinds = LIBRARY_DOCUMENT_KINDS;
  protected readonly limits = LIBRARY_LIMITS;
  protected readonly phaseKey = phaseKey;
  protected readonly kindKey = kindKey;
  protected readonly form = new FormGroup({
    title: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    phase: new FormControl<Phase>(Phase.KickOff, { nonNullable: true }),
    kind: new FormControl<LibraryDocumentKind>(LibraryDocumentKind.Template, { nonNullable: true }),
    description: new FormControl('', { nonNullable: true }),
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  private file: File | null = null;

  protected picked(files: FileList | null): void {
    this.file = files?.[0] ?? null;
  }

  protected save(): void {
    if (this.form.invalid || !this.file) {
      this.form.markAllAsTouched();
      this.error.set(new Error(this.i18n.t(this.file ? 'errors.generic' : 'library.noFile')));
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.api.create(this.form.getRawValue(), this.file).subscribe({
      next: (doc) => {
        this.busy.set(false);
        this.snackBar.open(this.i18n.t('library.created'), undefined, { duration: 4000 });
        this.done.emit(doc);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(error);
      },
    });
  }
}
