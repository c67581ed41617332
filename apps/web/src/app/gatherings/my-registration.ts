import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { ReactiveFormsModule } from '@angular/forms';
import {
  GATHERING_PATHS,
  type GatheringDto,
  type MyRegistrationDto,
  RegistrationStatus,
} from '@blup/contracts';
import { GatheringsApi, I18nService, TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { confirmAction } from '../shared/confirm-action';
import { submitter } from '../shared/submitter';
import { answersForm, answersFrom } from './answers';
import { GatheringQuestions } from './gathering-questions';
import { myStatusKey } from './gathering-labels';
import { formatClock } from '../sessions/session-time';
import { QrCode } from './qr-code';

/**
 * The person's own part of a gathering page: the questions and "Meld mig til", or their status,
 * waitlist place, calendar file, check-in QR code and "Meld mig fra".
 */
@Component({
  selector: 'blup-my-registration',
  imports: [
    ReactiveFormsModule,
    MatButton,
    Icon,
    ApiErrorMessage,
    GatheringQuestions,
    QrCode,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="box" aria-labelledby="mine-heading" data-testid="my-registration">
      <h2 id="mine-heading">{{ 'gatherings.registerHeading' | t }}</h2>
      @let g = gathering();
      @if (active(); as r) {
        <p class="status" data-testid="my-status">{{ myStatusKey(r.status) | t }}</p>
        @if (r.status === waitlisted && r.waitlistPosition) {
          <p>{{ 'gatherings.waitlistPosition' | t: { position: r.waitlistPosition } }}</p>
        }
        @if (r.places > 1) {
          <p>{{ 'gatherings.youTake' | t: { count: r.places } }}</p>
        }
        @if (r.checkedInAt) {
          <p>{{ 'gatherings.checkedInAt' | t: { time: clock(r.checkedInAt) } }}</p>
        }
        <div class="actions">
          <a
            matButton="outlined"
            [href]="calendarUrl()"
            download="event.ics"
            data-testid="calendar"
          >
            <blup-icon matButtonIcon name="download" />
            {{ 'gatherings.calendar' | t }}
          </a>
          @if (!g.cancelledAt) {
            <button
              matButton="outlined"
              type="button"
              data-testid="cancel-mine"
              (click)="cancelMine()"
            >
              {{ 'gatherings.cancelMine' | t }}
            </button>
          }
        </div>
        <blup-api-error [error]="cancelError()" />
        @if (r.status === confirmed) {
          <div class="code" data-testid="my-code">
            <h3>{{ 'gatherings.myCode' | t }}</h3>
            <blup-qr-code
              [value]="qrValue(r)"
              [label]="'gatherings.qrLabel' | t: { code: r.checkInCode }"
            />
            <p class="code-text">{{ r.checkInCode }}</p>
            <p class="hint">{{ 'gatherings.myCodeHint' | t }}</p>
          </div>
        }
      } @else if (g.canRegister) {
        <form novalidate [formGroup]="form()" (ngSubmit)="register()">
          <blup-gathering-questions [questions]="g.questions" [form]="form()" />
          <blup-api-error [error]="submit.error()" />
          <button
            matButton="filled"
            class="big"
            type="submit"
            data-testid="register"
            [attr.aria-busy]="submit.busy()"
          >
            {{ (g.placesLeft > 0 ? 'gatherings.register' : 'gatherings.registerFull') | t }}
          </button>
        </form>
      } @else {
        <p>
          {{
            (g.cancelledAt || closed() ? 'gatherings.registerClosed' : 'gatherings.notInAudience')
              | t
          }}
        </p>
      }
    </section>
  `,
  styles: `
    .box {
      padding: 16px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container);
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    h3 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    p {
      margin: 0 0 8px;
      font: var(--mat-sys-body-large);
    }
    .status {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
    }
    form {
      display: flex;
      flex-direction: column;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .big,
    .actions > * {
      min-block-size: 48px;
    }
    .code-text {
      font: var(--mat-sys-headline-small);
      letter-spacing: 0.15em;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MyRegistration {
  private readonly api = inject(GatheringsApi);
  private readonly i18n = inject(I18nService);
  private readonly confirm = confirmAction();

  readonly gathering = input.required<GatheringDto>();
  /** After registering or cancelling: reload the gathering. */
  readonly changed = output<void>();

  protected readonly submit = submitter();
  protected readonly cancelError = signal<unknown>(null);
  protected readonly confirmed = RegistrationStatus.Confirmed;
  protected readonly waitlisted = RegistrationStatus.Waitlisted;
  protected readonly myStatusKey = myStatusKey;
  protected readonly form = computed(() => answersForm(this.gathering().questions));
  protected readonly active = computed(() => {
    const r = this.gathering().myRegistration;
    return r && r.status !== RegistrationStatus.Cancelled ? r : null;
  });
  protected readonly closed = computed(
    () => new Date(this.gathering().registrationClosesAt).getTime() <= Date.now(),
  );
  protected readonly calendarUrl = computed(() => this.api.calendarUrl(this.gathering().id));

  protected clock(iso: string): string {
    return formatClock(iso, this.i18n.locale());
  }

  protected qrValue(r: MyRegistrationDto): string {
    return `${location.origin}${GATHERING_PATHS.checkIn(this.gathering().id, r.checkInCode)}`;
  }

  protected register(): void {
    const g = this.gathering();
    const form = this.form();
    this.submit.run(
      form,
      () => this.api.register(g.id, { answers: answersFrom(g.questions, form.getRawValue()) }),
      () => this.changed.emit(),
    );
  }

  protected cancelMine(): void {
    this.cancelError.set(null);
    this.confirm({
      ask: {
        title: this.i18n.t('gatherings.cancelMineTitle'),
        message: this.i18n.t('gatherings.cancelMineText'),
        confirm: this.i18n.t('gatherings.cancelMine'),
        cancel: this.i18n.t('common.cancel'),
      },
      act: () => this.api.cancelMine(this.gathering().id),
      done: 'gatherings.cancelledMine',
      then: () => this.changed.emit(),
      failed: (error) => this.cancelError.set(error),
    });
  }
}
