import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { InfoMeetingSignupCancelDto } from '@blup/contracts';
import { EnrolmentApi, LocalDatePipe, TranslatePipe } from '@blup/web/core';
import { Notice } from '@blup/web/ui';
import { of } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';
import { LoadState } from '../shared/load-state';

/**
 * `/enrolment/info-meetings/cancel?token=…` (public, from the confirmation mail): shows which
 * meeting it is and cancels on a button press (opening the link alone changes nothing).
 */
@Component({
  selector: 'blup-info-meeting-cancel-page',
  imports: [
    LoadState,
    RouterLink,
    MatButton,
    Notice,
    ApiErrorMessage,
    TranslatePipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="preview.isLoading()" />
    @if (state(); as s) {
      @if (s.cancelled) {
        <blup-notice
          [level]="1"
          icon="check"
          [heading]="'enrolment.infoMeetings.cancelTitle' | t"
          [message]="'enrolment.infoMeetings.cancelDone' | t"
          data-testid="cancel-done"
        >
          <a matButton="outlined" routerLink="/enrolment/info-meetings">{{
            'enrolment.infoMeetings.title' | t
          }}</a>
        </blup-notice>
      } @else {
        <blup-notice
          [level]="1"
          icon="cohort"
          [heading]="s.meetingTitle"
          [message]="'enrolment.infoMeetings.cancelText' | t"
        >
          <p class="when">{{ s.startsAt | localDate }}</p>
          <blup-api-error [error]="submit.error()" />
          <button
            matButton="filled"
            type="button"
            (click)="cancel()"
            [attr.aria-busy]="submit.busy()"
            data-testid="cancel-signup"
          >
            {{ 'enrolment.infoMeetings.cancelButton' | t }}
          </button>
        </blup-notice>
      }
    } @else if (!preview.isLoading()) {
      <blup-notice
        [level]="1"
        icon="error"
        [heading]="'enrolment.infoMeetings.cancelTitle' | t"
        [message]="'enrolment.infoMeetings.cancelGone' | t"
      >
        <a matButton="outlined" routerLink="/enrolment/info-meetings">{{
          'enrolment.infoMeetings.title' | t
        }}</a>
      </blup-notice>
    }
  `,
  styles: `
    .when {
      flex-basis: 100%;
      margin: 0;
      font: var(--mat-sys-title-small);
    }
  `,
})
export class InfoMeetingCancelPage {
  private readonly api = inject(EnrolmentApi);

  /** From `?token=`. */
  readonly token = input<string>();

  protected readonly submit = submitter();
  protected readonly preview = rxResource({
    params: () => this.token(),
    stream: ({ params }) => (params ? this.api.previewInfoMeetingCancel(params) : of(null)),
  });
  private readonly done = signal<InfoMeetingSignupCancelDto | null>(null);
  protected readonly state = computed(
    () => this.done() ?? (this.preview.hasValue() ? this.preview.value() : null),
  );

  protected cancel(): void {
    const token = this.token();
    if (!token) return;
    this.submit.run(
      null,
      () => this.api.cancelInfoMeetingSignup(token),
      (answer) => this.done.set(answer),
    );
  }
}
