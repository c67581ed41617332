import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import type { PrivacyExportDto } from '@blup/contracts';
import { I18nService, PrivacyApi, TranslatePipe } from '@blup/web/core';
import { Icon, PercentBar } from '@blup/web/ui';
import { EMPTY, catchError, switchMap, tap } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { followExport } from './export-polling';
import { dateTime, exportMessageKey, isExportActive } from './privacy-labels';

/**
 * One export as it is made: what is happening (in a live region), a progress bar while it is
 * queued or running (asked again every 2 s, until the component goes), then the download link
 * and until when it works.
 */
@Component({
  selector: 'blup-export-progress',
  imports: [MatButton, Icon, PercentBar, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let e = current();
    <p class="status" role="status" data-testid="export-status">
      {{ messageKey(e.status) | t }}
    </p>
    @if (active(e)) {
      <blup-percent-bar
        data-testid="export-progress"
        [value]="e.progress"
        [label]="'privacy.progressLabel' | t"
        [text]="'privacy.percent' | t: { percent: e.progress }"
      />
    }
    @if (e.downloadUrl) {
      <a
        matButton="filled"
        class="download"
        [href]="e.downloadUrl"
        download
        data-testid="export-download"
      >
        <blup-icon name="download" />
        {{ 'privacy.download' | t }}
      </a>
      @if (e.expiresAt) {
        <p class="hint" data-testid="export-valid-until">
          {{ 'privacy.validUntil' | t: { time: when(e.expiresAt) } }}
        </p>
      }
    }
    <blup-api-error [error]="error()" />
  `,
  styles: `
    :host {
      display: grid;
      gap: 8px;
      margin-block: 16px;
    }
    .status {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
    .download {
      min-block-size: 48px;
      justify-self: start;
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ExportProgress {
  private readonly api = inject(PrivacyApi);
  private readonly i18n = inject(I18nService);

  readonly item = input.required<PrivacyExportDto>();
  /** The export once it is no longer queued or running. */
  readonly settled = output<PrivacyExportDto>();

  private readonly latest = signal<PrivacyExportDto | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly current = computed(() => {
    const latest = this.latest();
    return latest && latest.id === this.item().id ? latest : this.item();
  });
  protected readonly active = isExportActive;
  protected readonly messageKey = exportMessageKey;

  constructor() {
    toObservable(this.item)
      .pipe(
        switchMap((first) =>
          followExport(first, (id) => this.api.export(id)).pipe(
            tap((item) => {
              this.latest.set(item);
              if (isExportActive(first) && !isExportActive(item)) this.settled.emit(item);
            }),
            catchError((error: unknown) => {
              this.error.set(error);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected when(iso: string): string {
    return dateTime(iso, this.i18n.locale());
  }
}
