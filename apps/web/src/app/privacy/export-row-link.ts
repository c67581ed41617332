import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { PrivacyExportDto } from '@blup/contracts';
import { I18nService, TranslatePipe } from '@blup/web/core';
import { dateTime } from './privacy-labels';

/** An export's size, and its download link with until when it works, in a list row. */
@Component({
  selector: 'blup-export-row-link',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    @let e = export();
    @if (e.downloadUrl) {
      <a class="link" [href]="e.downloadUrl" download>{{ 'privacy.download' | t }}</a>
      @if (e.expiresAt) {
        <span class="blup-row-meta">
          {{ 'privacy.validUntil' | t: { time: when(e.expiresAt) } }}
        </span>
      }
    }
  `,
})
export class ExportRowLink {
  private readonly i18n = inject(I18nService);
  readonly export = input.required<PrivacyExportDto>();

  protected when(iso: string): string {
    return dateTime(iso, this.i18n.locale());
  }
}
