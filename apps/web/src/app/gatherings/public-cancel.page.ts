import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { type GuestRegistrationDto, RegistrationStatus } from '@blup/contracts';
import { GatheringsApi, TranslatePipe } from '@blup/web/core';
import { Notice } from '@blup/web/ui';
import { of } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';
import { GatheringTimePipe } from './gathering-date.pipe';
import { PUBLIC_STYLES } from './public-styles';

/**
 * `/moede/afmeld?token=…` (from any registration mail): shows which gathering it is and cancels
 * on a button press (opening the link alone changes nothing).
 */
@Component({
  selector: 'blup-public-cancel-page',
  imports: [Notice, ApiErrorMessage, GatheringTimePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      @if (preview.isLoading()) {
        <p class="note" role="status">{{ 'app.loading' | t }}</p>
      }
      @if (state(); as r) {
        @if (r.status === cancelled) {
          <blup-notice
            icon="check"
            data-testid="cancel-done"
            [level]="1"
            [heading]="
              (justCancelled() ? 'gatherings.cancelDoneTitle' : 'gatherings.cancelTitle') | t
            "
            [message]="
              (justCancelled() ? 'gatherings.cancelDoneText' : 'gatherings.alreadyCancelled') | t
            "
          />
        } @else {
          <h1>{{ 'gatherings.cancelTitle' | t }}</h1>
          <div class="about">
            <p>
              <strong>{{ r.gathering.title }}</strong>
            </p>
            <p class="when">{{ r.gathering | gatheringTime }}</p>
            @if (r.gathering.address) {
              <p>{{ r.gathering.address }}</p>
            }
          </div>
          <p>{{ 'gatherings.cancelText' | t }}</p>
          <blup-api-error [error]="submit.error()" />
          <button
            type="button"
            class="plain-button filled"
            data-testid="cancel-registration"
            [attr.aria-busy]="submit.busy()"
            (click)="cancel()"
          >
            {{ 'gatherings.cancelButton' | t }}
          </button>
        }
      } @else if (!preview.isLoading()) {
        <blup-notice
          icon="error"
          data-testid="link-gone"
          [level]="1"
          [heading]="'gatherings.linkGoneTitle' | t"
          [message]="'gatherings.linkGoneText' | t"
        />
      }
    </div>
  `,
  styles: PUBLIC_STYLES,
})
export class PublicCancelPage {
  private readonly api = inject(GatheringsApi);

  readonly token = input<string>();
  protected readonly cancelled = RegistrationStatus.Cancelled;
  protected readonly submit = submitter();
  protected readonly preview = rxResource({
    params: () => this.token(),
    stream: ({ params }) => (params ? this.api.previewCancel(params) : of(null)),
  });
  private readonly done = signal<GuestRegistrationDto | null>(null);
  protected readonly justCancelled = computed(() => this.done() !== null);
  protected readonly state = computed(
    () => this.done() ?? (this.preview.hasValue() ? this.preview.value() : null),
  );

  protected cancel(): void {
    const token = this.token();
    if (!token) return;
    this.submit.run(
      null,
      () => this.api.cancelByToken(token),
      (r) => this.done.set(r),
    );
  }
}
