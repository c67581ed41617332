import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { PanelPreferencesDto } from '@blup/contracts';
import { PanelApi, TranslatePipe } from '@blup/web/core';
import { Notice, PageHeader } from '@blup/web/ui';
import { of } from 'rxjs';
import { isUnusableLink } from '../auth/return-url';
import { isAccountAddress } from './panel-labels';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';
import { LoadState } from '../shared/load-state';

/**
 * The page behind every newsletter's unsubscribe link: who the mails go to, and one button to
 * leave (or come back). Works for panel subscribers and circle members alike. A subscriber can
 * also have everything about their address erased ("Slet mig helt", issue 17).
 */
@Component({
  selector: 'blup-panel-preferences-page',
  imports: [LoadState, MatButton, Notice, PageHeader, ApiErrorMessage, RouterLink, TranslatePipe],
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
      @if (erased()) {
        <blup-notice
          icon="check"
          data-testid="panel-erased"
          [level]="1"
          [heading]="'privacy.panelErasedTitle' | t"
          [message]="'privacy.panelErasedText' | t"
        />
      } @else if (current(); as p) {
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
        @if (p.kind === 'subscriber') {
          <section class="erase" aria-labelledby="erase-title" data-testid="panel-erase-section">
            <h2 id="erase-title">{{ 'privacy.panelEraseTitle' | t }}</h2>
            <p>{{ 'privacy.panelEraseIntro' | t }}</p>
            @if (confirming()) {
              <p class="confirm-text" data-testid="panel-erase-text">
                <strong>{{ 'privacy.panelEraseText' | t }}</strong>
              </p>
              <div class="buttons">
                <button
                  matButton="filled"
                  type="button"
                  class="danger-filled"
                  data-testid="panel-erase-confirm"
                  [attr.aria-busy]="eraser.busy()"
                  (click)="erase()"
                >
                  {{ 'privacy.panelEraseConfirm' | t }}
                </button>
                <button
                  matButton="outlined"
                  type="button"
                  data-testid="panel-erase-keep"
                  (click)="confirming.set(false)"
                >
                  {{ 'privacy.panelEraseKeep' | t }}
                </button>
              </div>
            } @else {
              <button
                matButton="outlined"
                type="button"
                class="danger"
                data-testid="panel-erase"
                (click)="confirming.set(true)"
              >
                {{ 'privacy.panelEraseButton' | t }}
              </button>
            }
            @if (isAccountAddress(eraser.error())) {
              <p class="account" role="alert" data-testid="panel-erase-account">
                {{ 'privacy.panelEraseAccount' | t }}
                <a routerLink="/profile">{{ 'privacy.panelEraseProfileLink' | t }}</a>
              </p>
            } @else {
              <blup-api-error [error]="eraser.error()" />
            }
          </section>
        }
      }
    </div>
  `,
  styles: `
    .state {
      font: var(--mat-sys-body-large);
    }
    .erase {
      margin-block-start: 48px;
      padding-block-start: 16px;
      border-block-start: 1px solid var(--mat-sys-outline-variant);
    }
    .erase h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .erase p {
      font: var(--mat-sys-body-large);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .erase button {
      min-block-size: 48px;
    }
    .danger {
      --mat-button-outlined-label-text-color: var(--mat-sys-error);
      --mat-button-outlined-outline-color: var(--mat-sys-error);
    }
    .danger-filled {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class PreferencesPage {
  private readonly api = inject(PanelApi);

  readonly token = input<string>();
  protected readonly isUnusableLink = isUnusableLink;
  protected readonly isAccountAddress = isAccountAddress;
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

  protected readonly eraser = submitter();
  /** The "erase me" confirm step is showing. */
  protected readonly confirming = signal(false);
  protected readonly erased = signal(false);

  /** Erases the subscriber and everything held about their address, at once (issue 17). */
  protected erase(): void {
    const token = this.token();
    if (!token) return;
    this.eraser.run(
      null,
      () => this.api.erase(token),
      () => this.erased.set(true),
    );
  }

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
