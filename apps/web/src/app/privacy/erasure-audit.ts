import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { ErasureAuditEntryDto } from '@blup/contracts';
import { I18nService, PrivacyApi, TranslatePipe, pagedList } from '@blup/web/core';
import { ListFrame } from '../shared/list-frame';
import { auditEventText, dateTime } from './privacy-labels';

/** The audit log of one erasure request: what was done and when, never the erased data. */
@Component({
  selector: 'blup-erasure-audit',
  imports: [ListFrame, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-list-frame [list]="list" emptyText="privacy.auditEmpty">
      <ol class="audit" data-testid="erasure-audit">
        @for (entry of list.items(); track entry.id) {
          <li data-testid="erasure-audit-entry">
            <span class="when">{{ when(entry.at) }}</span>
            <span>
              {{ event(entry.event).key | t: event(entry.event).params }}
              @if (entry.rows !== null) {
                · {{ 'privacy.auditRows' | t: { count: entry.rows } }}
              }
            </span>
            @if (entry.error) {
              <span class="error">{{ 'privacy.lastError' | t: { error: entry.error } }}</span>
            }
          </li>
        }
      </ol>
    </blup-list-frame>
  `,
  styles: `
    .audit {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 4px;
    }
    li {
      display: flex;
      flex-direction: column;
      padding-block: 4px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-body-medium);
    }
    .when {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ErasureAudit {
  private readonly api = inject(PrivacyApi);
  private readonly i18n = inject(I18nService);

  readonly requestId = input.required<string>();
  /** Made once the row is opened, so the id is there (rows are tracked by id). */
  protected readonly list = pagedList<ErasureAuditEntryDto>((query) =>
    this.api.audit(this.requestId(), query),
  );
  protected readonly event = auditEventText;

  protected when(iso: string): string {
    return dateTime(iso, this.i18n.locale());
  }
}
