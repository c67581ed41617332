import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { I18nService, SessionsApi, TranslatePipe } from '@blup/web/core';
import { ConfirmDialog, type ConfirmDialogData, CopyField, Icon } from '@blup/web/ui';
import { firstValueFrom } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';

/**
 * "Kalender i din telefon": the person's secret calendar address, to copy or open in a
 * calendar app, and a way to make a new one when the old has been shared by mistake.
 */
@Component({
  selector: 'blup-calendar-feed',
  imports: [MatButton, Icon, CopyField, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="feed" aria-labelledby="feed-heading" data-testid="calendar-feed">
      <h2 id="feed-heading">{{ 'sessions.feed.title' | t }}</h2>
      <p>{{ 'sessions.feed.text' | t }}</p>
      <blup-api-error [error]="feed.error() ?? error()" />
      @if (feed.hasValue()) {
        @let f = feed.value();
        <label class="label" for="feed-url">{{ 'sessions.feed.label' | t }}</label>
        <blup-copy-field
          [value]="f.url"
          inputId="feed-url"
          describedBy="feed-private"
          inputTestId="feed-url"
          buttonTestId="copy-feed"
          icon="article"
          [buttonLabel]="'sessions.feed.copy' | t"
          (copied)="copiedFeed($event)"
        />
        <p class="private" id="feed-private">{{ 'sessions.feed.private' | t }}</p>
        <p class="status" role="status" data-testid="copy-status">
          @if (copied() === 'done') {
            <blup-icon name="check" />
            {{ 'sessions.feed.copied' | t }}
          } @else if (copied() === 'manual') {
            {{ 'sessions.feed.copyFailed' | t }}
          } @else if (resetDone()) {
            {{ 'sessions.feed.resetDone' | t }}
          }
        </p>
        <div class="buttons">
          <a matButton="outlined" class="big" data-testid="open-feed" [href]="f.webcalUrl">
            <blup-icon matButtonIcon name="cohort" />
            {{ 'sessions.feed.open' | t }}
          </a>
          <button
            matButton
            type="button"
            class="big"
            data-testid="reset-feed"
            [disabled]="busy()"
            (click)="reset()"
          >
            <blup-icon matButtonIcon name="refresh" />
            {{ 'sessions.feed.reset' | t }}
          </button>
        </div>
      }
    </section>
  `,
  styles: `
    .feed {
      margin-block-start: 32px;
      padding: 16px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container-low);
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    p {
      margin: 0 0 12px;
      font: var(--mat-sys-body-large);
    }
    .label {
      display: block;
      margin-block-end: 4px;
      font: var(--mat-sys-title-small);
    }
    .big {
      min-block-size: 48px;
    }
    .private {
      margin-block: 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .status {
      display: flex;
      align-items: center;
      gap: 8px;
      color: var(--mat-sys-primary);
      font: var(--mat-sys-title-small);
    }
    .status:empty {
      display: none;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class CalendarFeed {
  private readonly api = inject(SessionsApi);
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);

  protected readonly feed = rxResource({ stream: () => this.api.calendarFeed() });
  protected readonly copied = signal<'done' | 'manual' | null>(null);
  protected readonly resetDone = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);

  protected copiedFeed(copied: boolean): void {
    this.resetDone.set(false);
    this.copied.set(copied ? 'done' : 'manual');
  }

  protected async reset(): Promise<void> {
    if (!(await this.confirmReset())) return;
    this.busy.set(true);
    this.error.set(null);
    this.copied.set(null);
    this.api.resetCalendarFeed().subscribe({
      next: (feed) => {
        this.busy.set(false);
        this.feed.set(feed);
        this.resetDone.set(true);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(error);
      },
    });
  }

  private async confirmReset(): Promise<boolean> {
    const data: ConfirmDialogData = {
      title: this.i18n.t('sessions.feed.resetTitle'),
      message: this.i18n.t('sessions.feed.resetText'),
      confirm: this.i18n.t('sessions.feed.reset'),
      cancel: this.i18n.t('common.cancel'),
    };
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data,
      maxWidth: 'calc(100vw - 16px)',
    });
    return (await firstValueFrom(ref.afterClosed())) === true;
  }
}
