import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { EMAIL_MAX_LENGTH } from '@blup/contracts';
import { AuthApi, I18nService } from '@blup/web/core';
import { submitter } from '../shared/submitter';
import { AUTH_PAGE_IMPORTS } from './auth-page';

/** Asks for a password-reset mail. The answer is the same whether or not the address is known. */
@Component({
  selector: 'blup-forgot-page',
  imports: [...AUTH_PAGE_IMPORTS],
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
