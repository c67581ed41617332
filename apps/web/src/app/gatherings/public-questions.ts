import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { type GatheringQuestion, GatheringQuestionKind } from '@blup/contracts';
import { FieldErrorPipe } from '../shared/forms';
import { type AnswersForm, numberChoices } from './answers';
import { FIELD_STYLES } from './public-styles';

/** The registration questions with native fields, for the light public page. */
@Component({
  selector: 'blup-public-questions',
  imports: [ReactiveFormsModule, FieldErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  styles: FIELD_STYLES,
  template: `
    @for (q of questions(); track q.id) {
      @let control = form().controls[q.id];
      @if (control) {
        @let invalid = control.touched && control.invalid;
        <div class="field">
          <label [for]="'q-' + q.id">{{ q.label }}</label>
          @if (q.kind === kinds.Text) {
            <input
              type="text"
              [id]="'q-' + q.id"
              [formControl]="control"
              [attr.aria-invalid]="invalid"
              [attr.data-testid]="'answer-' + q.id"
            />
          } @else {
            <select
              [id]="'q-' + q.id"
              [formControl]="control"
              [attr.aria-invalid]="invalid"
              [attr.data-testid]="'answer-' + q.id"
            >
              @if (!q.required || q.kind === kinds.Choice) {
                <option value="">–</option>
              }
              @if (q.kind === kinds.Number) {
                @for (n of numberChoices(q); track n) {
                  <option [value]="'' + n">{{ n }}</option>
                }
              } @else {
                @for (option of q.options ?? []; track option) {
                  <option [value]="option">{{ option }}</option>
                }
              }
            </select>
          }
          @if (invalid) {
            <p class="error">{{ control | fieldError }}</p>
          }
        </div>
      }
    }
  `,
})
export class PublicQuestions {
  readonly questions = input.required<readonly GatheringQuestion[]>();
  readonly form = input.required<AnswersForm>();
  protected readonly kinds = GatheringQuestionKind;
  protected readonly numberChoices = numberChoices;
}
