import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { SURVEY_LIMITS, type SurveyOptionDto } from '@blup/contracts';
import { TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { blankOption, move, removeAt, replaceAt } from './survey-model';

/**
 * The options of a choice, ranking or matrix question (or a matrix's rows): one field each,
 * moved with up and down buttons, removed, added. Options that already have answers cannot be
 * removed (`locked`).
 */
@Component({
  selector: 'blup-options-editor',
  imports: [MatButton, MatIconButton, MatFormField, MatLabel, MatInput, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset>
      <legend>{{ (rows() ? 'surveyAdmin.rows' : legend()) | t }}</legend>
      <ol class="options">
        @for (item of items(); track item.id; let i = $index, first = $first, last = $last) {
          <li class="option">
            <mat-form-field subscriptSizing="dynamic" class="label">
              <mat-label>
                {{ (rows() ? 'surveyAdmin.row' : 'surveyAdmin.option') | t: { n: i + 1 } }}
              </mat-label>
              <input
                matInput
                [value]="item.label"
                [maxLength]="maxLength"
                [attr.data-testid]="testId() + '-' + i"
                (input)="label(i, $any($event.target).value)"
              />
            </mat-form-field>
            <button
              matIconButton
              type="button"
              [disabled]="first"
              [attr.aria-label]="'surveyAdmin.optionUp' | t: { n: item.label || i + 1 }"
              (click)="changed.emit(move(items(), i, -1))"
            >
              <blup-icon name="up" />
            </button>
            <button
              matIconButton
              type="button"
              [disabled]="last"
              [attr.aria-label]="'surveyAdmin.optionDown' | t: { n: item.label || i + 1 }"
              (click)="changed.emit(move(items(), i, 1))"
            >
              <blup-icon name="down" />
            </button>
            <button
              matIconButton
              type="button"
              [disabled]="locked().has(item.id)"
              [attr.aria-label]="
                (rows() ? 'surveyAdmin.removeRow' : 'surveyAdmin.removeOption') | t: { n: i + 1 }
              "
              (click)="changed.emit(removeAt(items(), i))"
            >
              <blup-icon name="delete" />
            </button>
          </li>
        }
      </ol>
      <button
        matButton="outlined"
        type="button"
        class="add"
        [disabled]="items().length >= max()"
        [attr.data-testid]="testId() + '-add'"
        (click)="changed.emit([...items(), blankOption()])"
      >
        <blup-icon matButtonIcon name="add" />
        {{ (rows() ? 'surveyAdmin.addRow' : 'surveyAdmin.addOption') | t }}
      </button>
    </fieldset>
  `,
  styles: `
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-block-end: 8px;
    }
    .options {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 8px;
    }
    .option {
      display: flex;
      align-items: center;
      gap: 0;
    }
    .label {
      flex: 1 1 auto;
      min-inline-size: 0;
    }
    .option button {
      flex: none;
      inline-size: 48px;
      block-size: 48px;
    }
    .add {
      margin-block-start: 8px;
      min-block-size: 48px;
    }
  `,
})
export class OptionsEditor {
  readonly items = input.required<readonly SurveyOptionDto[]>();
  /** A matrix's rows rather than options. */
  readonly rows = input(false);
  readonly legend = input<'surveyAdmin.options' | 'surveyAdmin.columns'>('surveyAdmin.options');
  /** Ids that answers already use: these cannot be removed. */
  readonly locked = input<ReadonlySet<string>>(new Set());
  readonly testId = input('option');
  readonly changed = output<SurveyOptionDto[]>();

  protected readonly maxLength = SURVEY_LIMITS.optionLabelMaxLength;
  protected readonly max = () =>
    this.rows() ? SURVEY_LIMITS.matrixRowsMax : SURVEY_LIMITS.optionsMax;
  protected readonly move = move;
  protected readonly removeAt = removeAt;
  protected readonly blankOption = () => blankOption();

  protected label(index: number, label: string): void {
    const items = this.items();
    this.changed.emit(replaceAt(items, index, { ...items[index], label }));
  }
}
