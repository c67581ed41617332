import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslatePipe, type TranslationKey } from '@blup/web/core';

/**
 * A list page's filter: one of `options`, or all of them (the empty choice, emitted as
 * `undefined`). Project it into `<blup-list-frame>` with the `filters` attribute:
 * `<blup-filter-select filters [label]="…" [options]="roles" [optionKey]="roleKey"
 * [value]="list.query().role" (changed)="list.filter({ role: $event })" />`.
 */
@Component({
  selector: 'blup-filter-select',
  imports: [MatFormField, MatLabel, MatSelect, MatOption, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-select
        [attr.data-testid]="testId()"
        [value]="value() ?? ''"
        (valueChange)="changed.emit($event || undefined)"
      >
        <mat-option value="">{{ allLabel() }}</mat-option>
        @for (option of options(); track option) {
          <mat-option [value]="option">{{ optionKey()(option) | t }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      inline-size: 100%;
    }
  `,
})
export class FilterSelect<T extends string> {
  readonly label = input.required<string>();
  /** The empty choice's text, e.g. "All roles". */
  readonly allLabel = input.required<string>();
  readonly options = input.required<readonly T[]>();
  readonly optionKey = input.required<(option: T) => TranslationKey>();
  readonly value = input<T | undefined>();
  readonly testId = input<string>();
  readonly changed = output<T | undefined>();
}
