import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  effect,
  inject,
  input,
} from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { FieldErrorPipe } from '../shared/forms';

let nextId = 0;

/**
 * The sign-in page's text field: a native label, input and error message styled with the
 * theme's tokens, bound to a control like `<blup-text-field>` but without Angular Material's
 * form field, whose code and start-up work the first page someone opens should not wait for.
 * The error shows, as in a Material field, once the control is invalid and touched.
 */
@Component({
  selector: 'blup-plain-text-field',
  imports: [ReactiveFormsModule, FieldErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label [for]="id">{{ label() }}</label>
    <input
      [id]="id"
      [type]="type()"
      [formControl]="control()"
      [attr.autocomplete]="autocomplete()"
      [attr.inputmode]="type() === 'email' ? 'email' : null"
      [attr.aria-invalid]="showError()"
      [attr.aria-describedby]="showError() ? id + '-error' : null"
      [attr.data-testid]="testId()"
    />
    @if (showError()) {
      <p class="field-error" [id]="id + '-error'">{{ control() | fieldError }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    label {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    input {
      box-sizing: border-box;
      inline-size: 100%;
      block-size: 56px;
      padding: 0 16px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-extra-small);
      background: transparent;
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-large);
    }
    input:hover {
      border-color: var(--mat-sys-on-surface);
    }
    input:focus {
      outline: none;
      border: 2px solid var(--mat-sys-primary);
      padding-inline: 15px;
    }
    input[aria-invalid='true'] {
      border-color: var(--mat-sys-error);
    }
    .field-error {
      margin: 0;
      padding-inline: 16px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-error);
    }
  `,
})
export class PlainTextField {
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<string>();
  readonly type = input<'text' | 'email' | 'password'>('text');
  readonly autocomplete = input<string>();
  readonly testId = input<string>();

  protected readonly id = `plain-field-${nextId++}`;
  private readonly changes = inject(ChangeDetectorRef);

  constructor() {
    // The control changes outside this view (the form marks every field touched on submit,
    // the API's messages land on it): look again whenever it does.
    effect((onCleanup) => {
      const subscription = this.control().events.subscribe(() => this.changes.markForCheck());
      onCleanup(() => subscription.unsubscribe());
    });
  }

  /** Read on every check of this view, which every change of the control asks for. */
  protected showError(): boolean {
    const control = this.control();
    return control.invalid && control.touched;
  }
}
