import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { TranslatePipe } from '@blup/web/core';
import { ApiErrorMessage } from './api-error-message';

/**
 * What a page shows while its data loads and when loading fails: a progress bar named for
 * screen readers, then the failure's message. Every page that loads something starts with it.
 */
@Component({
  selector: 'blup-load-state',
  imports: [MatProgressBar, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
    }
    <blup-api-error [error]="error()" />
  `,
})
export class LoadState {
  readonly loading = input(false);
  readonly error = input<unknown>(null);
}
