import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { copyText } from './copy-text';
import { Icon, type IconName } from './icon';

/**
 * An address to pass on: shown read-only (selected on focus, so it can be copied by hand) with a
 * button that copies it. `copied` says whether the copy worked or the person must do it.
 */
@Component({
  selector: 'blup-copy-field',
  imports: [MatButton, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="copy-row">
      <input
        #field
        class="url"
        type="text"
        readonly
        [attr.id]="inputId()"
        [attr.data-testid]="inputTestId()"
        [attr.aria-label]="ariaLabel()"
        [attr.aria-describedby]="describedBy()"
        [value]="value()"
        (focus)="field.select()"
      />
      <button
        matButton="filled"
        type="button"
        class="big"
        [attr.data-testid]="buttonTestId()"
        (click)="copy(field)"
      >
        <blup-icon matButtonIcon [name]="icon()" />
        {{ buttonLabel() }}
      </button>
    </div>
  `,
  styles: `
    .copy-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .url {
      flex: 1 1 16rem;
      min-inline-size: 0;
      min-block-size: 48px;
      box-sizing: border-box;
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
    }
    .url:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .big {
      min-block-size: 48px;
    }
  `,
})
export class CopyField {
  private readonly document = inject(DOCUMENT);

  readonly value = input.required<string>();
  readonly buttonLabel = input.required<string>();
  readonly icon = input<IconName>('link');
  /** For a `<label for>` outside; without one, give `ariaLabel`. */
  readonly inputId = input<string | null>(null);
  readonly ariaLabel = input<string | null>(null);
  readonly describedBy = input<string | null>(null);
  readonly inputTestId = input<string | null>(null);
  readonly buttonTestId = input<string | null>(null);
  /** After each click: true when copied, false when the text is selected for copying by hand. */
  readonly copied = output<boolean>();

  protected async copy(field: HTMLInputElement): Promise<void> {
    this.copied.emit(await copyText(this.value(), field, this.document));
  }
}
