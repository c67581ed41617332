import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@blup/contracts';
import { AuthStore } from '@blup/web/core';
import { passwordsMatch } from '../shared/forms';
import { submitter } from '../shared/submitter';
import { AUTH_PAGE_IMPORTS } from './auth-page';
import { isDeadLink } from './return-url';

/** Where a password-reset link lands: a new password, twice, and then the person is signed in. */
@Component({
  selector: 'blup-reset-page',
  imports: [...AUTH_PAGE_IMPORTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      @if (token() && !dead()) {
        <blup-page-header [heading]="'auth.resetTitle' | t" />
        <blup-submit-form
          [submitter]="submitter"
          [submitLabel]="'auth.saveAndSignIn' | t"
          submitTestId="submit"
          (submitted)="submit()"
        >
          <blup-new-password-fields
            [password]="form.controls.password"
            [repeat]="form.controls.repeat"
            testId="password"
            repeatTestId="repeat-password"
          />
        </blup-submit-form>
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
