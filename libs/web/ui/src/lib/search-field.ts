import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  output,
} from '@angular/core';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Icon } from './icon';

/** A search box that reports what was typed once the person pauses, or at once on Enter. */
@Component({
  selector: 'blup-search-field',
  imports: [MatFormField, MatLabel, MatPrefix, MatInput, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <blup-icon matPrefix name="search" />
      <input
        matInput
        type="search"
        enterkeyhint="search"
        autocomplete="off"
        data-testid="search"
        [value]="value()"
        (input)="typed($any($event.target).value)"
        (keydown.enter)="emit($any($event.target).value)"
      />
    </mat-form-field>
  `,
  styles: `
    mat-form-field {
      inline-size: 100%;
    }
    blup-icon {
      margin-inline: 12px 4px;
    }
  `,
})
export class SearchField {
  readonly label = input.required<string>();
  readonly value = input('');
  readonly queryChange = output<string>();

  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected typed(text: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.queryChange.emit(text), 350);
  }

  protected emit(text: string): void {
    clearTimeout(this.timer);
    this.queryChange.emit(text);
  }
}
