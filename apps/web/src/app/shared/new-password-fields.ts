import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FormControl } from '@angular/forms';
import { PASSWORD_MIN_LENGTH } from '@blup/contracts';
import { type TranslationKey, TranslatePipe } from '@blup/web/core';
import { TextField } from './text-field';

/**
 * A new password with the length it needs as its hint, and, when the form asks for it twice, the
 * repeat: what invitations, password reset and the profile page share. Both fields tell the
 * browser a new password is wanted, so password managers offer to make one.
 */
@Component({
  selector: 'blup-new-password-fields',
  imports: [TextField, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-text-field
      [control]="password()"
      [label]="label() | t"
      type="password"
      autocomplete="new-password"
      [hint]="'auth.passwordHint' | t: { min }"
      [testId]="testId()"
    />
    @if (repeat(); as repeat) {
      <blup-text-field
        [control]="repeat"
        [label]="'auth.repeatPassword' | t"
        type="password"
        autocomplete="new-password"
        [testId]="repeatTestId()"
      />
    }
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class NewPasswordFields {
  readonly password = input.required<FormControl<string>>();
  readonly repeat = input<FormControl<string>>();
  readonly label = input<TranslationKey>('auth.newPassword');
  readonly testId = input<string>();
  readonly repeatTestId = input<string>();

  protected readonly min = PASSWORD_MIN_LENGTH;
}
