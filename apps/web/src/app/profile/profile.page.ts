import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  LOCALES,
  type Locale,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@blup/contracts';
import { AuthApi, AuthStore, I18nService, TranslatePipe, localeKey } from '@blup/web/core';
import { PageHeader } from '@blup/web/ui';
import { passwordsMatch } from '../shared/forms';
import { submitter } from '../shared/submitter';
import { TextField } from '../shared/text-field';
import { NewPasswordFields } from '../shared/new-password-fields';
import { SubmitForm } from '../shared/submit-form';
import { MyData } from '../privacy/my-data';
import { MyErasure } from '../privacy/my-erasure';

/** The person's name, language and password; a copy of their data, and deleting the account. */
@Component({
  selector: 'blup-profile-page',
  imports: [
    TextField,
    NewPasswordFields,
    SubmitForm,
    MatButtonToggleGroup,
    MatButtonToggle,
    PageHeader,
    TranslatePipe,
    MyData,
    MyErasure,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'profile.title' | t" [subheading]="user()?.email ?? null" />

    <section aria-labelledby="details-title">
      <h2 class="section-title" id="details-title">{{ 'profile.details' | t }}</h2>
      <blup-submit-form
        [submitter]="details"
        [submitLabel]="'common.save' | t"
        submitTestId="save-details"
        testId="details-form"
        (submitted)="saveDetails()"
      >
        <blup-text-field
          [control]="detailsForm.controls.name"
          [label]="'common.name' | t"
          autocomplete="name"
          testId="name"
        />
      </blup-submit-form>
    </section>

    <section aria-labelledby="language-title">
      <h2 class="section-title" id="language-title">{{ 'language.label' | t }}</h2>
      <p class="hint" id="language-hint">{{ 'profile.languageHint' | t }}</p>
      <mat-button-toggle-group
        aria-labelledby="language-title"
        aria-describedby="language-hint"
        data-testid="profile-language"
        [value]="i18n.locale()"
        (change)="setLocale($event.value)"
      >
        @for (locale of locales; track locale) {
          <mat-button-toggle [value]="locale" [attr.lang]="locale">{{
            localeKey(locale) | t
          }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
    </section>

    <section aria-labelledby="password-title">
      <h2 class="section-title" id="password-title">{{ 'profile.changePassword' | t }}</h2>
      <blup-submit-form
        [submitter]="password"
        [submitLabel]="'profile.changePassword' | t"
        submitTestId="change-password"
        testId="password-form"
        (submitted)="changePassword()"
      >
        <blup-text-field
          [control]="passwordForm.controls.currentPassword"
          [label]="'profile.currentPassword' | t"
          type="password"
          autocomplete="current-password"
        />
        <blup-new-password-fields
          [password]="passwordForm.controls.newPassword"
          [repeat]="passwordForm.controls.repeat"
        />
      </blup-submit-form>
    </section>

    <blup-my-data />
    <blup-my-erasure />
  `,
  styles: `
    mat-button-toggle-group {
      margin-block: 8px 4px;
    }
    .hint {
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ProfilePage {
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);

  protected readonly locales = LOCALES;
  protected readonly details = submitter();
  protected readonly password = submitter();
  protected readonly user = this.auth.user;

  protected readonly detailsForm = this.fb.group({
    name: [
      this.auth.user()?.name ?? '',
      [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)],
    ],
  });
  protected readonly passwordForm = this.fb.group(
    {
      currentPassword: ['', Validators.required],
      newPassword: [
        '',
        [
          Validators.required,
          Validators.minLength(PASSWORD_MIN_LENGTH),
          Validators.maxLength(PASSWORD_MAX_LENGTH),
        ],
      ],
      repeat: ['', Validators.required],
    },
    { validators: passwordsMatch('newPassword', 'repeat') },
  );

  protected readonly localeKey = localeKey;

  /** Saved on the profile by AuthStore, which follows the language while signed in. */
  protected setLocale(locale: Locale): void {
    this.i18n.setLocale(locale);
  }

  protected saveDetails(): void {
    this.details.run(
      this.detailsForm,
      () => this.api.updateMe(this.detailsForm.getRawValue()),
      (user) => {
        this.auth.update(user);
        this.detailsForm.reset({ name: user.name });
        this.snackBar.open(this.i18n.t('profile.saved'), undefined, { duration: 4000 });
      },
    );
  }

  protected changePassword(): void {
    const { currentPassword, newPassword } = this.passwordForm.getRawValue();
    this.password.run(
      this.passwordForm,
      () => this.api.changePassword({ currentPassword, newPassword }),
      () => {
        this.passwordForm.reset();
        this.snackBar.open(this.i18n.t('profile.passwordChanged'), undefined, { duration: 6000 });
      },
    );
  }
}
