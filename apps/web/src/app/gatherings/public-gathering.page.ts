import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { GATHERING_LIMITS } from '@blup/contracts';
import { GatheringsApi, TranslatePipe } from '@blup/web/core';
import { Notice } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldErrorPipe } from '../shared/forms';
import { submitter } from '../shared/submitter';
import { answersForm, answersFrom } from './answers';
import { GatheringTimePipe } from './gathering-date.pipe';
import { kindKey, modeKey } from './gathering-labels';
import { PUBLIC_STYLES } from './public-styles';
import { PublicQuestions } from './public-questions';

/**
 * `/moede/:id` (no account): a gathering open to guests — when and where, and a short form (name,
 * email, the questions). After sending: "Tjek din mail"; the place is held once confirmed.
 */
@Component({
  selector: 'blup-public-gathering-page',
  imports: [
    ReactiveFormsModule,
    Notice,
    ApiErrorMessage,
    PublicQuestions,
    FieldErrorPipe,
    GatheringTimePipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      @if (gathering.isLoading()) {
        <p class="note" role="status">{{ 'app.loading' | t }}</p>
      }
      @if (gathering.error()) {
        <blup-notice
          icon="error"
          data-testid="not-found"
          [level]="1"
          [heading]="'gatherings.notFoundTitle' | t"
          [message]="'gatherings.notFoundText' | t"
        />
      }
      @if (gathering.hasValue()) {
        @let g = gathering.value();
        @if (sentTo(); as email) {
          <blup-notice
            icon="mail"
            data-testid="check-mail"
            [level]="1"
            [heading]="'gatherings.checkMailTitle' | t"
            [message]="'gatherings.checkMailText' | t: { email }"
          />
        } @else {
          <h1>{{ g.title }}</h1>
          <div class="about">
            <p>{{ kindKey(g.kind) | t }}{{ g.villageName ? ' · ' + g.villageName : '' }}</p>
            <p class="when">{{ g | gatheringTime }}</p>
            <p>
              {{ modeKey(g.mode) | t }}
              @if (g.address) {
                · <span data-testid="address">{{ g.address }}</span>
              }
            </p>
            <p data-testid="places">{{ 'gatherings.placesLeft' | t: { count: g.placesLeft } }}</p>
          </div>
          @if (g.description) {
            <p class="description">{{ g.description }}</p>
          }
          @if (g.closed) {
            <blup-notice icon="error" [message]="'gatherings.publicClosed' | t" />
          } @else {
            <section class="box" aria-labelledby="register-heading">
              <h2 id="register-heading">{{ 'gatherings.publicRegisterHeading' | t }}</h2>
              @if (g.full) {
                <p>{{ 'gatherings.publicFull' | t }}</p>
              }
              <form novalidate [formGroup]="form" (ngSubmit)="send()">
                <div class="field">
                  <label for="guest-name">{{ 'gatherings.guestName' | t }}</label>
                  <input
                    id="guest-name"
                    type="text"
                    autocomplete="name"
                    formControlName="name"
                    data-testid="guest-name"
                    [attr.aria-invalid]="form.controls.name.touched && form.controls.name.invalid"
                  />
                  @if (form.controls.name.touched && form.controls.name.invalid) {
                    <p class="error">{{ form.controls.name | fieldError }}</p>
                  }
                </div>
                <div class="field">
                  <label for="guest-email">{{ 'gatherings.guestEmail' | t }}</label>
                  <input
                    id="guest-email"
                    type="email"
                    inputmode="email"
                    autocomplete="email"
                    formControlName="email"
                    data-testid="guest-email"
                    [attr.aria-invalid]="form.controls.email.touched && form.controls.email.invalid"
                  />
                  @if (form.controls.email.touched && form.controls.email.invalid) {
                    <p class="error">{{ form.controls.email | fieldError }}</p>
                  }
                </div>
                <blup-public-questions [questions]="g.questions" [form]="answers()" />
                <p class="note">{{ 'gatherings.guestNote' | t }}</p>
                <blup-api-error [error]="submit.error()" />
                <button
                  type="submit"
                  class="plain-button filled"
                  data-testid="send"
                  [attr.aria-busy]="submit.busy()"
                >
                  {{ 'gatherings.sendGuest' | t }}
                </button>
              </form>
            </section>
          }
        }
      }
    </div>
  `,
  styles: `
    ${PUBLIC_STYLES}
    h2 {
      margin: 0 0 12px;
      font: var(--mat-sys-title-large);
    }
    .description {
      white-space: pre-wrap;
    }
    button[type='submit'] {
      inline-size: 100%;
    }
  `,
})
export class PublicGatheringPage {
  private readonly api = inject(GatheringsApi);

  readonly id = input.required<string>();

  protected readonly submit = submitter();
  protected readonly sentTo = signal<string | null>(null);
  protected readonly gathering = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.publicGathering(params),
  });
  protected readonly kindKey = kindKey;
  protected readonly modeKey = modeKey;
  protected readonly answers = computed(() =>
    answersForm(this.gathering.hasValue() ? this.gathering.value().questions : []),
  );
  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(GATHERING_LIMITS.name)],
    }),
    email: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.email,
        Validators.maxLength(GATHERING_LIMITS.email),
      ],
    }),
  });

  protected send(): void {
    const g = this.gathering.value();
    if (!g) return;
    const answers = this.answers();
    if (answers.invalid) {
      answers.markAllAsTouched();
      if (this.form.valid) return;
    }
    const { name, email } = this.form.getRawValue();
    this.submit.run(
      this.form,
      () =>
        this.api.registerGuest(g.id, {
          name: name.trim(),
          email: email.trim(),
          answers: answersFrom(g.questions, answers.getRawValue()),
        }),
      () => this.sentTo.set(email.trim()),
    );
  }
}
