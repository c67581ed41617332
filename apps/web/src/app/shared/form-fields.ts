import { ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslatePipe } from '@blup/web/core';
import { FieldErrorPipe } from './forms';
import { TextField } from './text-field';

/**
 * What a component with reactive Material form fields imports, as one entry:
 * `imports: [FORM_FIELDS, …]` (text inputs, selects, hints and errors, the `t` and
 * `fieldError` pipes that label them, and `blup-text-field` for a plain labelled input).
 */
export const FORM_FIELDS = [
  ReactiveFormsModule,
  MatFormField,
  MatLabel,
  MatHint,
  MatError,
  MatInput,
  MatSelect,
  MatOption,
  TranslatePipe,
  FieldErrorPipe,
  TextField,
] as const;
