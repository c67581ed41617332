import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { NewsletterStatus } from '@blup/contracts';
import { TranslatePipe } from '@blup/web/core';
import { newsletterStatusKey } from './newsletter-labels';

/** A newsletter's state as a small coloured label. */
@Component({
  selector: 'blup-newsletter-status',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': 'status()', 'data-testid': 'newsletter-status' },
  template: `{{ key(status()) | t }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 4px 12px;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-large);
      white-space: nowrap;
    }
    :host(.draft) {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    :host(.sent) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    :host(.partly_failed) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class NewsletterStatusChip {
  readonly status = input.required<NewsletterStatus>();
  protected readonly key = newsletterStatusKey;
}
