import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { EMAIL_MAX_LENGTH } from '@blup/contracts';
import { AuthApi, I18nService, TranslatePipe } from '@blup/web/core';
import { FormActions, Notice, PageHeader } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';
import { TextField } from '../shared/text-field';

/** Asks for a password-reset mail. The answer is the same whether or not the address is known. */
@Component({
  selector: 'blup-forgot-page',
  imports: [
    TextField,
    FormActions,
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    PageHeader,
    Notice,
    ApiErrorMessage,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      <blup-page-header [heading]="'auth.forgotTitle' | t" [subheading]="'auth.forgotIntro' | t" />
      @if (sentTo(); as email) {
        <blup-notice
          icon="mail"
          data-testid="check-mail"
          [heading]="'auth.checkMailTitle' | t"
          [message]="'auth.checkMailText' | t: { email }"
        >
          <a matButton="outlined" routerLink="/sign-in">{{ 'auth.backToSignIn' | t }}</a>
        </blup-notice>
      } @else {
        <blup-api-error [error]="submitter.error()" />
        <form class="form" novalidate [formGroup]="form" (ngSubmit)="submit()">
          <blup-text-field
            [control]="form.controls.email"
            [label]="'common.email' | t"
            type="email"
            autocomplete="email"
            testId="email"
          />
          <blup-form-actions
            [submitLabel]="'auth.sendResetLink' | t"
            submitTestId="submit"
            [cancelLabel]="'auth.backToSignIn' | t"
            cancelLink="/sign-in"
            [busy]="submitter.busy()"
          />
        </form>
      }
    </div>
  `,
})
export class ForgotPage {
  private readonly api = inject(AuthApi);
  private readonly i18n = inject(I18nService);

  protected readonly submitter = submitter();
  protected readonly sentTo = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
  });

  protected submit(): void {
    const { email } = this.form.getRawValue();
    this.submitter.run(
      this.form,
      () => this.api.requestPasswordReset({ email, locale: this.i18n.locale() }),
      () => this.sentTo.set(email),
    );
  }
}
