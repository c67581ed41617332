import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import {
  daysBeforeSendAt,
  NEWSLETTER_LIMITS,
  type NewsletterDto,
  NewsletterSendMode,
  SESSION_TARGET_KINDS,
  type ScheduleNewsletterRequest,
} from '@blup/contracts';
import { I18nService, NewslettersApi } from '@blup/web/core';
import { ApiErrorMessage } from '../shared/api-error-message';
import { DIALOG_PARTS } from '../shared/dialog-parts';
import { FORM_FIELDS } from '../shared/form-fields';
import { submitter } from '../shared/submitter';
import { copenhagenToIso } from '../circles/copenhagen-time';
import { formatWhen } from './newsletter-labels';

export interface ScheduleDialogData {
  newsletter: NewsletterDto;
}

/**
 * The days to offer first: the saved number, else 7; fewer when that time has passed already
 * (a session a few days away), and null when even the session's own morning has passed.
 */
export function defaultDaysBefore(
  startsAt: string | null,
  saved: number | null,
  now = Date.now(),
): number | null {
  const first = saved ?? NEWSLETTER_LIMITS.defaultDaysBefore;
  if (!startsAt) return first;
  for (let days = first; days >= NEWSLETTER_LIMITS.daysBeforeMin; days--) {
    if (daysBeforeSendAt(new Date(startsAt), days).getTime() > now) return days;
  }
  return null;
}

/** When to send: N days before the session, at a set time, or now. Closes with the saved newsletter. */
@Component({
  selector: 'blup-schedule-dialog',
  imports: [FORM_FIELDS, DIALOG_PARTS, MatRadioGroup, MatRadioButton, ApiErrorMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'newsletters.scheduleTitle' | t }}</h2>
    <form novalidate [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <blup-api-error [error]="save.error()" />
        <mat-radio-group
          class="modes"
          formControlName="mode"
          [attr.aria-label]="'newsletters.scheduleTitle' | t"
        >
          @if (forSession) {
            <mat-radio-button [value]="modes.DaysBefore" data-testid="mode-days-before">
              {{ 'newsletters.modeDaysBefore' | t }}
            </mat-radio-button>
          }
          <mat-radio-button [value]="modes.At" data-testid="mode-at">
            {{ 'newsletters.modeAt' | t }}
          </mat-radio-button>
          <mat-radio-button [value]="modes.Now" data-testid="mode-now">
            {{ 'newsletters.modeNow' | t }}
          </mat-radio-button>
        </mat-radio-group>

        @switch (mode()) {
          @case (modes.DaysBefore) {
            <mat-form-field subscriptSizing="dynamic" class="field">
              <mat-label>{{ 'newsletters.daysBefore' | t }}</mat-label>
              <input
                matInput
                type="number"
                inputmode="numeric"
                formControlName="daysBefore"
                data-testid="days-before"
                [min]="limits.daysBeforeMin"
                [max]="limits.daysBeforeMax"
              />
              <mat-hint>{{ daysBeforeHint() }}</mat-hint>
              <mat-error>{{ form.controls.daysBefore | fieldError }}</mat-error>
            </mat-form-field>
          }
          @case (modes.At) {
            <div class="row">
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>{{ 'newsletters.sendDate' | t }}</mat-label>
                <input matInput type="date" formControlName="date" data-testid="send-date" />
                <mat-error>{{ form.controls.date | fieldError }}</mat-error>
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>{{ 'newsletters.sendTime' | t }}</mat-label>
                <input matInput type="time" formControlName="time" data-testid="send-time" />
                <mat-hint>{{ 'newsletters.sendAtHint' | t }}</mat-hint>
                <mat-error>{{ form.controls.time | fieldError }}</mat-error>
              </mat-form-field>
            </div>
          }
          @default {
            <p class="note">{{ 'newsletters.sendNowNote' | t }}</p>
          }
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="null">
          {{ 'common.cancel' | t }}
        </button>
        <button
          matButton="filled"
          type="submit"
          data-testid="confirm-schedule"
          [disabled]="save.busy()"
        >
          {{
            (mode() === modes.Now ? 'newsletters.sendNowButton' : 'newsletters.scheduleButton') | t
          }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .modes {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-block-end: 16px;
    }
    .modes mat-radio-button {
      min-block-size: 48px;
      display: flex;
      align-items: center;
    }
    .field {
      inline-size: 100%;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
      gap: 16px;
      padding-block-start: 4px;
    }
    .note {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
  `,
})
export class ScheduleDialog {
  private readonly api = inject(NewslettersApi);
  private readonly i18n = inject(I18nService);
  private readonly ref = inject<MatDialogRef<ScheduleDialog, NewsletterDto | null>>(MatDialogRef);
  private readonly newsletter = inject<ScheduleDialogData>(MAT_DIALOG_DATA).newsletter;

  protected readonly modes = NewsletterSendMode;
  protected readonly limits = NEWSLETTER_LIMITS;
  protected readonly forSession =
    SESSION_TARGET_KINDS.includes(this.newsletter.target.kind) && !!this.newsletter.target.startsAt;
  private readonly firstDays = defaultDaysBefore(
    this.newsletter.target.startsAt,
    this.newsletter.daysBefore,
  );
  protected readonly save = submitter();

  protected readonly form = inject(NonNullableFormBuilder).group({
    mode: [
      this.forSession && this.firstDays !== null
        ? NewsletterSendMode.DaysBefore
        : NewsletterSendMode.Now,
    ],
    daysBefore: [
      this.firstDays ?? NEWSLETTER_LIMITS.defaultDaysBefore,
      [
        Validators.required,
        Validators.min(NEWSLETTER_LIMITS.daysBeforeMin),
        Validators.max(NEWSLETTER_LIMITS.daysBeforeMax),
      ],
    ],
    date: ['', Validators.required],
    time: ['09:00', Validators.required],
  });
  protected readonly mode = toSignal(this.form.controls.mode.valueChanges, {
    initialValue: this.form.controls.mode.value,
  });
  private readonly days = toSignal(this.form.controls.daysBefore.valueChanges, {
    initialValue: this.form.controls.daysBefore.value,
  });

  /** "Sendes tir. 18. mar. 2027 09.00 …", worked out here the way the API works it out. */
  protected readonly daysBeforeHint = computed(() => {
    const startsAt = this.newsletter.target.startsAt;
    const days = Number(this.days());
    const at =
      startsAt && Number.isInteger(days)
        ? daysBeforeSendAt(new Date(startsAt), days).toISOString()
        : null;
    return at
      ? this.i18n.t('newsletters.sendsOn', { when: formatWhen(at, this.i18n) })
      : this.i18n.t('newsletters.daysBeforeHint', { days: this.days() });
  });

  constructor() {
    // Only the fields of the chosen way count.
    this.form.controls.mode.valueChanges.subscribe((mode) => this.enableFor(mode));
    this.enableFor(this.form.controls.mode.value);
  }

  protected submit(): void {
    const { mode, daysBefore, date, time } = this.form.getRawValue();
    const body: ScheduleNewsletterRequest = { mode };
    if (mode === NewsletterSendMode.DaysBefore) body.daysBefore = Number(daysBefore);
    if (mode === NewsletterSendMode.At) {
      const sendAt = copenhagenToIso(date, time);
      if (sendAt) body.sendAt = sendAt;
    }
    this.save.run(
      this.form,
      () => this.api.schedule(this.newsletter.id, body),
      (saved) => this.ref.close(saved),
    );
  }

  private enableFor(mode: NewsletterSendMode): void {
    const { daysBefore, date, time } = this.form.controls;
    for (const control of [daysBefore, date, time]) control.disable({ emitEvent: false });
    if (mode === NewsletterSendMode.DaysBefore) daysBefore.enable({ emitEvent: false });
    if (mode === NewsletterSendMode.At) {
      date.enable({ emitEvent: false });
      time.enable({ emitEvent: false });
    }
  }
}
