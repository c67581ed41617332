import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { EMAIL_MAX_LENGTH } from '@blup/contracts';
import { AuthApi, AuthStore, I18nService, TranslatePipe } from '@blup/web/core';
import { Notice, PageHeader } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';
import { PLAIN_BUTTON_STYLES } from '../shared/plain-button.styles';
import { PlainTextField } from './plain-text-field';
import { safeReturnUrl } from './return-url';

type Mode = 'password' | 'link';

/**
 * Email and password, or a one-time sign-in link by mail. The page most visits open on, so it is
 * built from native fields and buttons styled with the theme's tokens: no Angular Material code
 * to fetch and start before it shows (the other auth pages use the Material form parts).
 */
@Component({
  selector: 'blup-sign-in-page',
  imports: [RouterLink, PageHeader, Notice, ApiErrorMessage, PlainTextField, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      <blup-page-header
        [heading]="'auth.signInTitle' | t"
        [subheading]="(current() === 'link' ? 'auth.linkIntro' : 'auth.signInIntro') | t"
      />

      @if (sentTo(); as email) {
        <blup-notice
          icon="mail"
          data-testid="check-mail"
          [heading]="'auth.checkMailTitle' | t"
          [message]="'auth.checkMailText' | t: { email }"
        >
          <button class="plain-button outlined" type="button" (click)="switchMode()">
            {{ 'auth.usePassword' | t }}
          </button>
        </blup-notice>
      } @else {
        <blup-api-error [error]="submitter.error()" />
        <form class="form" novalidate data-testid="sign-in-form" (submit)="submit($event)">
          <blup-plain-text-field
            [control]="form.controls.email"
            [label]="'common.email' | t"
            type="email"
            autocomplete="email"
            testId="email"
          />

          @if (current() === 'password') {
            <blup-plain-text-field
              [control]="form.controls.password"
              [label]="'common.password' | t"
              type="password"
              autocomplete="current-password"
              testId="password"
            />
          }
          <div class="form-actions">
            <button
              class="plain-button filled"
              type="submit"
              data-testid="submit"
              [attr.aria-busy]="submitter.busy()"
            >
              {{ (current() === 'link' ? 'auth.sendLink' : 'auth.signIn') | t }}
            </button>
          </div>
        </form>

        <div class="form-actions">
          <button
            class="plain-button text"
            type="button"
            data-testid="toggle-mode"
            (click)="switchMode()"
          >
            {{ (current() === 'link' ? 'auth.usePassword' : 'auth.useLink') | t }}
          </button>
          <a class="plain-button text" routerLink="/auth/forgot" data-testid="forgot-link">{{
            'auth.forgotPassword' | t
          }}</a>
        </div>

        <section class="no-account" aria-labelledby="no-account-heading">
          <h2 id="no-account-heading">{{ 'auth.noAccount' | t }}</h2>
          <a class="plain-button outlined" routerLink="/enrolment/apply" data-testid="apply-link">
            {{ 'auth.applyLink' | t }}
          </a>
          <a
            class="plain-button outlined"
            routerLink="/enrolment/info-meetings"
            data-testid="info-meetings-link"
          >
            {{ 'auth.infoMeetingsLink' | t }}
          </a>
        </section>
      }
    </div>
  `,
  styles: [
    PLAIN_BUTTON_STYLES,
    `
      .no-account {
        display: flex;
        flex-direction: column;
        gap: 12px;
        margin-block-start: 32px;
        padding-block-start: 24px;
        border-block-start: 1px solid var(--mat-sys-outline-variant);
      }
      .no-account h2 {
        margin: 0;
        font: var(--mat-sys-title-medium);
        color: var(--mat-sys-on-surface);
      }
    `,
  ],
})
export class SignInPage {
  private readonly auth = inject(AuthStore);
  private readonly api = inject(AuthApi);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);

  /** Where to go afterwards (query parameter). */
  readonly returnUrl = input<string>();
  /** `?mode=link` opens the sign-in-link form directly. */
  readonly mode = input<string>();

  /** Which form is showing; starts from the query parameter, then follows the toggle. */
  protected readonly current = linkedSignal<Mode>(() =>
    this.mode() === 'link' ? 'link' : 'password',
  );
  protected readonly submitter = submitter();
  /** The address a link was sent to; shows "check your mail". */
  protected readonly sentTo = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    password: ['', Validators.required],
  });

  constructor() {
    // The password is not asked for in link mode, so it must not block that form.
    effect(() => {
      const password = this.form.controls.password;
      if (this.current() === 'link') password.disable();
      else password.enable();
    });
  }

  protected switchMode(): void {
    this.submitter.error.set(null);
    this.sentTo.set(null);
    this.current.update((mode) => (mode === 'password' ? 'link' : 'password'));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const { email, password } = this.form.getRawValue();
    if (this.current() === 'link') {
      this.submitter.run(
        this.form,
        () => this.api.requestLink({ email, locale: this.i18n.locale() }),
        () => this.sentTo.set(email),
      );
    } else {
      this.submitter.run(
        this.form,
        () => this.auth.signIn({ email, password }),
        () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      );
    }
  }
}
