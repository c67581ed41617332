import { type Provider, inject } from '@angular/core';
import { ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslatePipe } from '@blup/web/core';
import { FieldErrorPipe } from '../../shared/forms';

/** What every step's template uses: form fields with their labels, hints and errors. */
export const APPLY_STEP_IMPORTS = [
  ReactiveFormsModule,
  MatFormField,
  MatLabel,
  MatHint,
  MatError,
  MatInput,
  TranslatePipe,
  FieldErrorPipe,
] as const;

/**
 * For a step's `viewProviders`: its `formControlName`s bind to the page's one `[formGroup]`
 * (the form directive around the step), so every step edits the same form.
 */
export const inParentForm: Provider = {
  provide: ControlContainer,
  useFactory: () => inject(ControlContainer, { skipSelf: true }),
};

/** Styles the steps share. The host adds no box, so a step's parts sit in the form's column. */
export const APPLY_STEP_STYLES = `
  :host {
    display: contents;
  }
  .fields {
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  .choice {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .choice-label {
    font: var(--mat-sys-title-small);
  }
  .radios {
    display: flex;
    flex-direction: column;
  }
  .radios mat-radio-button {
    min-block-size: 48px;
    display: flex;
    align-items: center;
  }
  .hint {
    margin: 0 0 8px;
    font: var(--mat-sys-body-medium);
    color: var(--mat-sys-on-surface-variant);
  }
  .wide-button {
    min-block-size: 48px;
    align-self: stretch;
  }
`;
