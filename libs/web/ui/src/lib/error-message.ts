import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Icon } from './icon';

/** An error that screen readers announce at once. Renders nothing while `message` is empty. */
@Component({
  selector: 'blup-error-message',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'alert', 'data-testid': 'error-message' },
  template: `
    @if (message()) {
      <div class="box">
        <blup-icon name="error" />
        <div>
          <p>{{ message() }}</p>
          @if (detail()) {
            <p class="detail">{{ detail() }}</p>
          }
        </div>
      </div>
    }
  `,
  styles: `
    .box {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 12px 16px;
      margin-block: 8px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    p {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
    .detail {
      margin-block-start: 4px;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class ErrorMessage {
  readonly message = input<string | null | undefined>(null);
  /** A second, smaller line, e.g. the request id to quote. */
  readonly detail = input<string | null | undefined>(null);
}
