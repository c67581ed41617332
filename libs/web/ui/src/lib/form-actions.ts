import { ChangeDetectionStrategy, Component, booleanAttribute, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink, type UrlTree } from '@angular/router';

/**
 * The buttons under a form: a filled submit button (`aria-busy` while sending) and,
 * when `cancelLink` is set, a link back, or with `cancelButton` a button that emits
 * `cancelled` (for a form that closes in place). Place it inside the `<form>`; the labels
 * come translated from the page.
 */
@Component({
  selector: 'blup-form-actions',
  imports: [MatButton, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'form-actions' },
  template: `
    <button
      matButton="filled"
      type="submit"
      [attr.data-testid]="submitTestId()"
      [attr.aria-busy]="busy()"
    >
      {{ submitLabel() }}
    </button>
    @if (cancelLink(); as link) {
      <a matButton [routerLink]="link">{{ cancelLabel() }}</a>
    } @else if (cancelButton()) {
      <button matButton type="button" (click)="cancelled.emit()">{{ cancelLabel() }}</button>
    }
  `,
})
export class FormActions {
  /** The submit button's text, e.g. "Save" when editing and "Create" otherwise. */
  readonly submitLabel = input.required<string>();
  readonly submitTestId = input('save');
  /** True while the form is being sent. */
  readonly busy = input(false);
  /** Where the link back goes; no link when unset. */
  readonly cancelLink = input<string | readonly unknown[] | UrlTree | null>(null);
  readonly cancelLabel = input('');
  /** Shows a cancel button (when there is no `cancelLink`) that emits `cancelled`. */
  readonly cancelButton = input(false, { transform: booleanAttribute });
  readonly cancelled = output();
}
