import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { type PagedList, type TranslationKey, TranslatePipe } from '@blup/web/core';

/**
 * One filter of a list page, put in `<blup-list-frame>`'s filter row with the `filters`
 * attribute: a select of the field's values plus "all", which removes the filter.
 */
@Component({
  selector: 'blup-list-filter',
  imports: [MatFormField, MatLabel, MatSelect, MatOption, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ label() | t }}</mat-label>
      <mat-select [attr.data-testid]="testId()" [value]="value()" (valueChange)="change($event)">
        <mat-option value="">{{ allLabel() | t }}</mat-option>
        @for (option of options(); track option) {
          <mat-option [value]="option">{{ optionKey()(option) | t }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
})
export class ListFilter<O extends string> {
  readonly list = input.required<PagedList<unknown, object>>();
  /** The query field this select sets, e.g. `status`. */
  readonly field = input.required<string>();
  readonly options = input.required<readonly O[]>();
  readonly optionKey = input.required<(option: O) => TranslationKey>();
  readonly label = input.required<TranslationKey>();
  readonly allLabel = input.required<TranslationKey>();
  readonly testId = input.required<string>();

  protected readonly value = computed(
    () => (this.list().query() as Record<string, unknown>)[this.field()] ?? '',
  );

  protected change(value: string): void {
    this.list().filter({ [this.field()]: value || undefined });
  }
}
