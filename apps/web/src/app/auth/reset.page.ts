import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@blup/contracts';
import { AuthStore, TranslatePipe } from '@blup/web/core';
import { FormActions, Notice, PageHeader } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldErrorPipe, passwordsMatch } from '../shared/forms';
import { submitter } from '../shared/submitter';
import { isDeadLink } from './return-url';

/** Where a password-reset link lands: a new password, twice, and then the person is signed in. */
@Component({
  selector: 'blup-reset-page',
  imports: [
    FormActions,
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    PageHeader,
    Notice,
    ApiErrorMessage,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      @if (token() && !dead()) {
        <blup-page-header [heading]="'auth.resetTitle' | t" />
        <blup-api-error [error]="submitter.error()" />
        <form class="form" novalidate [formGroup]="form" (ngSubmit)="submit()">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'auth.newPassword' | t }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="password"
              autocomplete="new-password"
              data-testid="password"
            />
            <mat-hint>{{ 'auth.passwordHint' | t: { min } }}</mat-hint>
            <mat-error>{{ form.controls.password | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'auth.repeatPassword' | t }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="repeat"
              autocomplete="new-password"
              data-testid="repeat-password"
            />
            <mat-error>{{ form.controls.repeat | fieldError }}</mat-error>
          </mat-form-field>
          <blup-form-actions
            [submitLabel]="'auth.saveAndSignIn' | t"
            submitTestId="submit"
            [busy]="submitter.busy()"
          />
        </form>
      } @else {
        <blup-notice
          icon="error"
          data-testid="link-expired"
          [level]="1"
          [heading]="'auth.linkExpiredTitle' | t"
          [message]="'auth.resetExpiredText' | t"
        >
          <a matButton="filled" routerLink="/auth/forgot">{{ 'auth.askForNewReset' | t }}</a>
        </blup-notice>
      }
    </div>
  `,
})
export class ResetPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  readonly token = input<string>();
  protected readonly min = PASSWORD_MIN_LENGTH;
  protected readonly submitter = submitter();
  protected readonly dead = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      password: [
        '',
        [
          Validators.required,
          Validators.minLength(PASSWORD_MIN_LENGTH),
          Validators.maxLength(PASSWORD_MAX_LENGTH),
        ],
      ],
      repeat: ['', Validators.required],
    },
    { validators: passwordsMatch('password', 'repeat') },
  );

  protected submit(): void {
    const token = this.token();
    if (!token) return;
    this.submitter.run(
      this.form,
      () => this.auth.completePasswordReset({ token, password: this.form.getRawValue().password }),
      () => void this.router.navigateByUrl('/'),
      (error) => isDeadLink(error) && (this.dead.set(true), true),
    );
  }
}
