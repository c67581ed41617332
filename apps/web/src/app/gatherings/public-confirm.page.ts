import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import type { GuestRegistrationDto } from '@blup/contracts';
import { ApiError, GatheringsApi, TranslatePipe } from '@blup/web/core';
import { Notice } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';
import { GuestRegistration } from './guest-registration';
import { PUBLIC_STYLES } from './public-styles';

/**
 * `/moede/bekraeft?token=…`, where the confirmation mail's link lands. Opening it spends nothing
 * (mail scanners open links too): the guest presses the button, then sees their status, the
 * calendar file and the check-in QR code. Confirming twice is harmless.
 */
@Component({
  selector: 'blup-public-confirm-page',
  imports: [Notice, ApiErrorMessage, GuestRegistration, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      @if (done(); as r) {
        <blup-guest-registration [registration]="r" />
      } @else if (gone() || !token()) {
        <blup-notice
          icon="error"
          data-testid="link-gone"
          [level]="1"
          [heading]="'gatherings.linkGoneTitle' | t"
          [message]="'gatherings.linkGoneText' | t"
        />
      } @else {
        <h1>{{ 'gatherings.confirmTitle' | t }}</h1>
        <p>{{ 'gatherings.confirmText' | t }}</p>
        <blup-api-error [error]="submit.error()" />
        <button
          type="button"
          class="plain-button filled"
          data-testid="confirm"
          [attr.aria-busy]="submit.busy()"
          (click)="confirm()"
        >
          {{ 'gatherings.confirmButton' | t }}
        </button>
      }
    </div>
  `,
  styles: PUBLIC_STYLES,
})
export class PublicConfirmPage {
  private readonly api = inject(GatheringsApi);

  readonly token = input<string>();
  protected readonly submit = submitter();
  protected readonly done = signal<GuestRegistrationDto | null>(null);
  protected readonly gone = signal(false);

  protected confirm(): void {
    const token = this.token();
    if (!token) return;
    this.submit.run(
      null,
      () => this.api.confirmGuest(token),
      (r) => this.done.set(r),
      (error) => {
        if (!(error instanceof ApiError) || ![400, 404, 410].includes(error.status)) return false;
        this.gone.set(true);
        return true;
      },
    );
  }
}
