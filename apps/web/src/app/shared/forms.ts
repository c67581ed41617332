import { type ElementRef, Pipe, type PipeTransform, inject } from '@angular/core';
import {
  type AbstractControl,
  FormControl,
  type FormGroup,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import { ApiError, I18nService } from '@blup/web/core';

/** The first problem with a control, in words: `<mat-error>{{ form.controls.email | fieldError }}</mat-error>`. */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(control: AbstractControl | null | undefined): string {
    const errors = control?.errors;
    if (!errors) return '';
    if (errors['required']) return this.i18n.t('common.required');
    if (errors['email']) return this.i18n.t('common.invalidEmail');
    if (errors['minlength'])
      return this.i18n.t('common.minLength', { min: errors['minlength'].requiredLength });
    if (errors['maxlength'])
      return this.i18n.t('common.maxLength', { max: errors['maxlength'].requiredLength });
    if (errors['mismatch']) return this.i18n.t('auth.passwordMismatch');
    if (typeof errors['server'] === 'string') return errors['server'];
    return this.i18n.t('errors.generic');
  }
}

/**
 * A text field's control: never null (`''` when empty), at most `maxLength` characters (the
 * API's limit), plus any other validators: `textControl(LIMITS.email, Validators.required, Validators.email)`.
 */
export function textControl(maxLength: number, ...validators: ValidatorFn[]): FormControl<string> {
  return new FormControl('', {
    nonNullable: true,
    validators: [...validators, Validators.maxLength(maxLength)],
  });
}

/** Group validator: `repeat` must equal `password`. The error is put on `repeat`, where it is shown. */
export function passwordsMatch(password: string, repeat: string): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const first = group.get(password);
    const second = group.get(repeat);
    if (!first || !second) return null;
    const { mismatch, ...others } = second.errors ?? {};
    const differs = !!second.value && first.value !== second.value;
    if (differs && !mismatch) second.setErrors({ ...others, mismatch: true });
    if (!differs && mismatch) second.setErrors(Object.keys(others).length ? others : null);
    return null;
  };
}

/**
 * Checks a form before sending it: when something is missing, every error is shown and the
 * first wrong field gets focus (so keyboard and screen-reader users land on it).
 */
export function readyToSubmit(form: FormGroup, host: ElementRef<HTMLElement>): boolean {
  if (form.valid) return true;
  form.markAllAsTouched();
  queueMicrotask(() =>
    host.nativeElement
      .querySelector<HTMLElement>('.ng-invalid:is(input, textarea, mat-select)')
      ?.focus(),
  );
  return false;
}

/** Puts the API's per-field messages (400 `details`) on the matching controls. */
export function showFieldErrors(form: FormGroup, error: unknown): void {
  if (!(error instanceof ApiError)) return;
  for (const [field, messages] of Object.entries(error.details)) {
    const control = form.get(field);
    if (control && messages.length) {
      control.setErrors({ ...control.errors, server: messages.join(' ') });
      control.markAsTouched();
    }
  }
}
