import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatProgressBar } from '@angular/material/progress-bar';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from '@blup/contracts';
import { I18nService, PanelApi, TranslatePipe } from '@blup/web/core';
import { FormActions, Notice, PageHeader } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';
import { isDeadLink } from '../auth/return-url';
import { TextField } from '../shared/text-field';

/**
 * The public sign-up page of one village's citizen panel: the consent text in the reader's
 * language, a box to tick, and then "check your mail" (double opt-in). No account needed.
 */
@Component({
  selector: 'blup-panel-join-page',
  imports: [
    TextField,
    ReactiveFormsModule,
    MatCheckbox,
    MatProgressBar,
    FormActions,
    Notice,
    PageHeader,
    ApiErrorMessage,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      @if (village.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
      @if (village.error(); as error) {
        @if (isDeadLink(error) || isBadId(error)) {
          <blup-notice
            icon="error"
            data-testid="village-unknown"
            [level]="1"
            [heading]="'panel.villageUnknownTitle' | t"
            [message]="'panel.villageUnknownText' | t"
          />
        } @else {
          <blup-api-error [error]="error" />
        }
      }
      @if (village.hasValue()) {
        @let v = village.value();
        @if (sentTo(); as email) {
          <blup-notice
            icon="mail"
            data-testid="check-mail"
            [level]="1"
            [heading]="'panel.checkMailTitle' | t"
            [message]="'panel.checkMailText' | t: { email }"
          />
        } @else {
          <blup-page-header
            [heading]="'panel.joinTitle' | t: { village: v.villageName }"
            [subheading]="'panel.joinIntro' | t"
          />
          <blup-api-error [error]="submitter.error()" />
          <form class="form" novalidate [formGroup]="form" (ngSubmit)="submit()">
            <blup-text-field
              [control]="form.controls.email"
              [label]="'panel.emailLabel' | t"
              type="email"
              autocomplete="email"
              testId="email"
            />
            <blup-text-field
              [control]="form.controls.name"
              [label]="'panel.nameLabel' | t"
              autocomplete="name"
              testId="name"
            />
            <section class="consent" aria-labelledby="consent-heading">
              <h2 id="consent-heading">{{ 'panel.consentHeading' | t }}</h2>
              <p data-testid="consent-text">{{ consentText() }}</p>
              <p class="version">
                {{ 'panel.consentVersion' | t: { version: v.consentTextVersion } }}
              </p>
              <mat-checkbox formControlName="consent" data-testid="consent">
                {{ 'panel.consentCheckbox' | t }}
              </mat-checkbox>
              @if (form.controls.consent.touched && form.controls.consent.invalid) {
                <p class="missing" role="alert">{{ 'panel.consentMissing' | t }}</p>
              }
            </section>
            <blup-form-actions
              [submitLabel]="'panel.join' | t"
              submitTestId="join"
              [busy]="submitter.busy()"
            />
          </form>
        }
      }
    </div>
  `,
  styles: `
    .consent {
      margin-block: 8px 16px;
      padding: 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
    }
    .consent h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .consent p {
      margin: 0 0 8px;
      font: var(--mat-sys-body-large);
    }
    .consent .version {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .missing {
      color: var(--mat-sys-error);
    }
    mat-checkbox {
      min-block-size: 48px;
    }
  `,
})
export class JoinPage {
  private readonly api = inject(PanelApi);
  private readonly i18n = inject(I18nService);

  readonly villageId = input.required<string>();
  protected readonly isDeadLink = isDeadLink;
  protected readonly submitter = submitter();
  protected readonly sentTo = signal<string | null>(null);
  protected readonly village = rxResource({
    params: () => this.villageId(),
    stream: ({ params }) => this.api.village(params),
  });
  protected readonly consentText = computed(() =>
    this.village.hasValue() ? this.village.value().consentText[this.i18n.locale()] : '',
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    name: ['', [Validators.maxLength(NAME_MAX_LENGTH)]],
    consent: [false, [Validators.requiredTrue]],
  });

  protected isBadId(error: unknown): boolean {
    return (error as { status?: number } | null)?.status === 400;
  }

  protected submit(): void {
    const { email, name, consent } = this.form.getRawValue();
    this.submitter.run(
      this.form,
      () =>
        this.api.signUp(this.villageId(), {
          email,
          name: name.trim() || undefined,
          consent,
          locale: this.i18n.locale(),
        }),
      () => this.sentTo.set(email.trim()),
    );
  }
}
