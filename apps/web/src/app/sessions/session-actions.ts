import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  RsvpAnswer,
  type SessionDto,
  SessionStatus,
  type SessionSummaryDto,
} from '@blup/contracts';
import { I18nService, SessionsApi, TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { rsvpKey } from './session-labels';
import { hasEnded } from './session-time';

/**
 * What a member does with a session: join the meeting (until it has ended), answer whether
 * they come, and put it in their calendar. Used on the home card and on the session page.
 */
@Component({
  selector: 'blup-session-actions',
  imports: [MatButton, Icon, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = session();
    @if (cancelled()) {
      <p class="cancelled" data-testid="session-cancelled">
        <blup-icon name="error" />
        <strong>{{ 'sessions.cancelled' | t }}</strong>
        <span>{{ 'sessions.cancelledText' | t }}</span>
      </p>
    } @else {
      @if (ended()) {
        <p class="ended" data-testid="session-ended">
          <blup-icon name="check" />
          {{ 'sessions.ended' | t }}
        </p>
      } @else if (s.meetingUrl) {
        <a
          matButton="filled"
          class="join"
          data-testid="join"
          target="_blank"
          rel="noopener noreferrer"
          [href]="s.meetingUrl"
        >
          <blup-icon matButtonIcon name="play" />
          {{ 'sessions.join' | t }}
          <span class="sr-only">({{ 'sessions.joinHint' | t }})</span>
        </a>
      } @else {
        <p class="muted">{{ 'sessions.noRoom' | t }}</p>
      }

      @if (s.canRsvp || answer()) {
        <div class="rsvp" role="group" [attr.aria-labelledby]="questionId">
          <span class="question" [id]="questionId">{{ 'sessions.question' | t }}</span>
          <div class="choices">
            @for (choice of answers; track choice) {
              <button
                matButton="outlined"
                type="button"
                class="choice"
                [class.chosen]="answer() === choice"
                [attr.data-testid]="'rsvp-' + choice"
                [attr.aria-pressed]="answer() === choice"
                [disabled]="!open() || busy()"
                (click)="choose(choice)"
              >
                @if (answer() === choice) {
                  <blup-icon matButtonIcon name="check" />
                }
                {{ rsvpKey(choice) | t }}
              </button>
            }
          </div>
          @if (!open()) {
            <p class="muted">{{ 'sessions.answerClosed' | t }}</p>
          }
        </div>
      }
    }
    <p class="status" role="status" data-testid="rsvp-status">{{ message() }}</p>
    <blup-api-error [error]="error()" />
    <div class="more">
      <a matButton="outlined" data-testid="add-to-calendar" [href]="calendarUrl()" download>
        <blup-icon matButtonIcon name="cohort" />
        {{ 'sessions.addToCalendar' | t }}
      </a>
      <ng-content />
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .join {
      min-block-size: 56px;
      font: var(--mat-sys-title-medium);
    }
    .cancelled {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 0;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-large);
    }
    .ended {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .cancelled strong {
      font: var(--mat-sys-title-medium);
    }
    .question {
      display: block;
      margin-block-end: 8px;
      font: var(--mat-sys-title-small);
    }
    .choices {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: 8px;
    }
    .choice {
      min-block-size: 48px;
    }
    .choice.chosen {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      border-color: var(--mat-sys-primary);
    }
    .muted {
      margin: 4px 0 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .status {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .status:empty {
      display: none;
    }
    .more {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .more a {
      min-block-size: 48px;
    }
  `,
})
export class SessionActions {
  private readonly api = inject(SessionsApi);
  private readonly i18n = inject(I18nService);
  private static next = 0;

  readonly session = input.required<SessionSummaryDto>();
  /** The session as the API answered an RSVP. */
  readonly answered = output<SessionDto>();

  protected readonly questionId = `rsvp-question-${SessionActions.next++}`;
  /** In the order people say it: yes, maybe, no. */
  protected readonly answers = [RsvpAnswer.Yes, RsvpAnswer.Maybe, RsvpAnswer.No] as const;
  protected readonly rsvpKey = rsvpKey;
  protected readonly answer = linkedSignal(() => this.session().myRsvp);
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly message = signal('');
  protected readonly cancelled = computed(() => this.session().status === SessionStatus.Cancelled);
  /** Once a session has ended there is nothing to join; it says so instead. */
  protected readonly ended = computed(() => hasEnded(this.session().endsAt));
  /** Answers are taken until the session ends. */
  protected readonly open = computed(() => this.session().canRsvp && !this.ended());
  protected readonly calendarUrl = computed(() => this.api.calendarFileUrl(this.session().id));

  protected choose(answer: RsvpAnswer): void {
    if (this.busy()) return;
    const before = this.answer();
    this.busy.set(true);
    this.error.set(null);
    this.message.set('');
    this.answer.set(answer);
    this.api.rsvp(this.session().id, answer).subscribe({
      next: (session) => {
        this.busy.set(false);
        this.answer.set(session.myRsvp);
        this.message.set(
          this.i18n.t('sessions.answerSaved', { answer: this.i18n.t(rsvpKey(answer)) }),
        );
        this.answered.emit(session);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.answer.set(before);
        this.error.set(error);
      },
    });
  }
}
