import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  input,
  output,
} from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';

/**
 * The up and down buttons that move a module or a lesson from the keyboard (dragging does the
 * same with a pointer). `key` names the row in `data-move`, where the focus is put back.
 */
@Component({
  selector: 'blup-move-buttons',
  imports: [MatIconButton, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      matIconButton
      type="button"
      [disabled]="first()"
      [attr.data-move]="key() + ':up'"
      [attr.aria-label]="'authoring.moveUp' | t: { title: title() }"
      (click)="up.emit(); keepFocus('up')"
    >
      <blup-icon name="up" />
    </button>
    <button
      matIconButton
      type="button"
      [disabled]="last()"
      [attr.data-move]="key() + ':down'"
      [attr.aria-label]="'authoring.moveDown' | t: { title: title() }"
      (click)="down.emit(); keepFocus('down')"
    >
      <blup-icon name="down" />
    </button>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 4px;
    }
  `,
})
export class MoveButtons {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly key = input.required<string>();
  readonly title = input.required<string>();
  readonly first = input(false);
  readonly last = input(false);
  readonly up = output();
  readonly down = output();

  /**
   * Moving a row re-inserts its elements, which drops the focus: put it back on the same
   * button, or on the other one when the row reached the end and this one is disabled.
   */
  protected keepFocus(direction: 'up' | 'down'): void {
    const key = this.key();
    afterNextRender(
      () => {
        const find = (d: string) =>
          this.host.nativeElement.querySelector<HTMLButtonElement>(`[data-move="${key}:${d}"]`);
        const button = find(direction);
        (button && !button.disabled ? button : find(direction === 'up' ? 'down' : 'up'))?.focus();
      },
      { injector: this.injector },
    );
  }
}
