import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import type { PanelPreferencesDto } from '@blup/contracts';
import { PanelApi, TranslatePipe } from '@blup/web/core';
import { Notice, PageHeader } from '@blup/web/ui';
import { of } from 'rxjs';
import { isUnusableLink } from '../auth/return-url';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';
import { LoadState } from '../shared/load-state';

/**
 * The page behind every newsletter's unsubscribe link: who the mails go to, and one button to
 * leave (or come back). Works for panel subscribers and circle members alike.
 */
@Component({
  selector: 'blup-panel-preferences-page',
  imports: [LoadState, MatButton, Notice, PageHeader, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      <blup-load-state [loading]="loaded.isLoading()" />
      @if (!token() || (loaded.error() && isUnusableLink(loaded.error()))) {
        <blup-notice
          icon="error"
          data-testid="link-dead"
          [level]="1"
          [heading]="'panel.linkInvalidTitle' | t"
          [message]="'panel.linkInvalidText' | t"
        />
      } @else if (loaded.error()) {
        <blup-api-error [error]="loaded.error()" />
      }
      @if (current(); as p) {
        <blup-page-header
          [heading]="'panel.preferencesTitle' | t"
          [subheading]="
            p.kind === 'subscriber'
              ? ('panel.preferencesSubscriber' | t: { village: p.villageName, email: p.email })
              : ('panel.preferencesUser' | t: { email: p.email })
          "
        />
        <p class="state" data-testid="subscription-state" role="status">
          @if (done(); as d) {
            <strong>{{ d | t }}</strong>
          }
          {{ (p.subscribed ? 'panel.subscribedNow' : 'panel.unsubscribedNow') | t }}
        </p>
        <blup-api-error [error]="submitter.error()" />
        @if (p.subscribed) {
          <button
            matButton="filled"
            type="button"
            data-testid="unsubscribe"
            [attr.aria-busy]="submitter.busy()"
            (click)="set(false)"
          >
            {{ 'panel.unsubscribe' | t }}
          </button>
        } @else {
          <button
            matButton="outlined"
            type="button"
            data-testid="resubscribe"
            [attr.aria-busy]="submitter.busy()"
            (click)="set(true)"
          >
            {{ 'panel.resubscribe' | t }}
          </button>
        }
      }
    </div>
  `,
  styles: `
    .state {
      font: var(--mat-sys-body-large);
    }
  `,
})
export class PreferencesPage {
  private readonly api = inject(PanelApi);

  readonly token = input<string>();
  protected readonly isUnusableLink = isUnusableLink;
  protected readonly submitter = submitter();
  protected readonly changed = signal<PanelPreferencesDto | null>(null);
  protected readonly done = signal<'panel.unsubscribedDone' | 'panel.resubscribedDone' | null>(
    null,
  );
  protected readonly loaded = rxResource({
    params: () => this.token(),
    stream: ({ params }) => (params ? this.api.preferences(params) : of(null)),
  });
  protected readonly current = computed(
    () => this.changed() ?? (this.loaded.hasValue() ? this.loaded.value() : null),
  );

  protected set(subscribed: boolean): void {
    const token = this.token();
    if (!token) return;
    this.submitter.run(
      null,
      () => this.api.setPreferences(token, subscribed),
      (result) => {
        this.changed.set(result);
        this.done.set(subscribed ? 'panel.resubscribedDone' : 'panel.unsubscribedDone');
      },
    );
  }
}
