import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormActions } from '@blup/web/ui';
import { ApiErrorMessage } from './api-error-message';
import type { Submitter } from './submitter';

/**
 * A form that does one thing (sign in, accept an invitation, change a password): the failure
 * above it, the projected fields, and its one submit button, busy while the request runs.
 * `(submitted)` fires on the button and on Enter; the page runs its `submitter`.
 */
@Component({
  selector: 'blup-submit-form',
  imports: [ApiErrorMessage, FormActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: block' },
  template: `
    <blup-api-error [error]="submitter().error()" />
    <form class="form" novalidate [attr.data-testid]="testId()" (submit)="submit($event)">
      <ng-content />
      <blup-form-actions
        [submitLabel]="submitLabel()"
        [submitTestId]="submitTestId()"
        [busy]="submitter().busy()"
      />
    </form>
  `,
})
export class SubmitForm {
  readonly submitter = input.required<Submitter>();
  readonly submitLabel = input.required<string>();
  readonly submitTestId = input('save');
  readonly testId = input<string>();
  readonly submitted = output();

  protected submit(event: Event): void {
    event.preventDefault();
    this.submitted.emit();
  }
}
