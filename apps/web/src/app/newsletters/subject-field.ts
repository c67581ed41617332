import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  input,
  viewChild,
} from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { NEWSLETTER_LIMITS, NEWSLETTER_MERGE_FIELDS } from '@blup/contracts';
import { TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { FieldErrorPipe } from '../shared/forms';

/** The newsletter's subject, with buttons that put a merge field in at the caret. */
@Component({
  selector: 'blup-subject-field',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    Icon,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'newsletters.subject' | t }}</mat-label>
      <input
        #subject
        matInput
        [formControl]="control()"
        data-testid="subject"
        [maxlength]="limits.subject"
      />
      <mat-hint>{{ 'newsletters.subjectHint' | t }}</mat-hint>
      <mat-error>{{ control() | fieldError }}</mat-error>
    </mat-form-field>
    <div class="merge" role="group" [attr.aria-label]="'newsletters.mergeFields' | t">
      <button
        matButton
        type="button"
        data-testid="subject-merge-name"
        (click)="insert(mergeFields[0])"
      >
        <blup-icon matButtonIcon name="add" />
        {{ 'newsletters.mergeName' | t }}
      </button>
      <button
        matButton
        type="button"
        data-testid="subject-merge-village"
        (click)="insert(mergeFields[1])"
      >
        <blup-icon matButtonIcon name="add" />
        {{ 'newsletters.mergeVillage' | t }}
      </button>
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .merge {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin-block-start: -4px;
    }
    .merge button {
      min-block-size: 48px;
    }
  `,
})
export class SubjectField {
  readonly control = input.required<FormControl<string>>();

  protected readonly limits = NEWSLETTER_LIMITS;
  protected readonly mergeFields = NEWSLETTER_MERGE_FIELDS;
  private readonly subjectInput = viewChild<ElementRef<HTMLInputElement>>('subject');

  protected insert(field: string): void {
    const control = this.control();
    const input = this.subjectInput()?.nativeElement;
    const value = control.value;
    const start = input?.selectionStart ?? value.length;
    const end = input?.selectionEnd ?? value.length;
    control.setValue(value.slice(0, start) + field + value.slice(end));
    control.markAsDirty();
    if (input) {
      input.focus();
      const caret = start + field.length;
      queueMicrotask(() => input.setSelectionRange(caret, caret));
    }
  }
}
