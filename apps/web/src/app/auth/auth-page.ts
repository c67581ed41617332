import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@blup/web/core';
import { FormActions, Notice, PageHeader } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { NewPasswordFields } from '../shared/new-password-fields';
import { SubmitForm } from '../shared/submit-form';
import { TextField } from '../shared/text-field';

/**
 * What the sign-in, forgot, reset and invitation pages are made of: a header, a form of text
 * fields with its actions, and a notice when the mail is sent or the link has expired.
 */
export const AUTH_PAGE_IMPORTS = [
  ReactiveFormsModule,
  RouterLink,
  MatButton,
  PageHeader,
  Notice,
  FormActions,
  TextField,
  NewPasswordFields,
  SubmitForm,
  ApiErrorMessage,
  TranslatePipe,
] as const;
