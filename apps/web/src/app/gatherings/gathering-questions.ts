import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type GatheringQuestion, GatheringQuestionKind } from '@blup/contracts';
import { FORM_FIELDS } from '../shared/form-fields';
import { type AnswersForm, numberChoices } from './answers';

/** The registration questions of a gathering as form fields (signed in and on the public page). */
@Component({
  selector: 'blup-gathering-questions',
  imports: [FORM_FIELDS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    @for (q of questions(); track q.id) {
      @let control = form().controls[q.id];
      @if (control) {
        <mat-form-field>
          <mat-label>{{ q.label }}</mat-label>
          @switch (q.kind) {
            @case (kinds.Number) {
              <mat-select [formControl]="control" [attr.data-testid]="'answer-' + q.id">
                @for (n of numberChoices(q); track n) {
                  <mat-option [value]="'' + n">{{ n }}</mat-option>
                }
              </mat-select>
            }
            @case (kinds.Choice) {
              <mat-select [formControl]="control" [attr.data-testid]="'answer-' + q.id">
                @if (!q.required) {
                  <mat-option value="">–</mat-option>
                }
                @for (option of q.options ?? []; track option) {
                  <mat-option [value]="option">{{ option }}</mat-option>
                }
              </mat-select>
            }
            @default {
              <input matInput [formControl]="control" [attr.data-testid]="'answer-' + q.id" />
            }
          }
          <mat-error>{{ control | fieldError }}</mat-error>
        </mat-form-field>
      }
    }
  `,
})
export class GatheringQuestions {
  readonly questions = input.required<readonly GatheringQuestion[]>();
  readonly form = input.required<AnswersForm>();
  protected readonly kinds = GatheringQuestionKind;
  protected readonly numberChoices = numberChoices;
}
