import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { QuestionKind, type SurveyAnswerValue, type SurveyQuestionDto } from '@blup/contracts';
import { I18nService, TranslatePipe } from '@blup/web/core';
import { moveItem, type QuestionProblem, textLimit } from './survey-answers';
import { answerStyles } from './survey-answer.styles';

/**
 * One question of the answering page, drawn with native inputs (no Angular Material, so the
 * page stays light): a fieldset with a legend for every kind with choices, a label for text,
 * its help, its problem linked by `aria-describedby`, and the consent box of a question that
 * asks for personal data. It holds no answer of its own: it reports each change upwards.
 */
@Component({
  selector: 'blup-survey-question',
  imports: [NgTemplateOutlet, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let q = question();
    @switch (q.kind) {
      @case (kinds.Info) {
        <section class="info" [attr.aria-labelledby]="id + '-title'">
          <h3 [id]="id + '-title'">{{ q.title }}</h3>
          @if (q.help) {
            <p class="help">{{ q.help }}</p>
          }
        </section>
      }
      @case (kinds.ShortText) {
        <ng-container [ngTemplateOutlet]="text" />
      }
      @case (kinds.LongText) {
        <ng-container [ngTemplateOutlet]="text" />
      }
      @default {
        <fieldset [attr.aria-describedby]="describedBy()" [attr.data-testid]="'question-' + q.id">
          <legend>
            <span class="title">{{ q.title }}</span>
            @if (q.required) {
              <span class="required">{{ 'surveyAnswer.required' | t }}</span>
            }
          </legend>
          @if (q.help) {
            <p class="help" [id]="id + '-help'">{{ q.help }}</p>
          }
          @switch (q.kind) {
            @case (kinds.SingleChoice) {
              <div class="options">
                @for (option of q.options; track option.id) {
                  <label class="option">
                    <input
                      type="radio"
                      [name]="id"
                      [value]="option.id"
                      [checked]="value() === option.id"
                      (change)="changed.emit(option.id)"
                    />
                    <span>{{ option.label }}</span>
                  </label>
                }
              </div>
            }
            @case (kinds.MultipleChoice) {
              <p class="hint" [id]="id + '-hint'">
                @if (q.maxChoices !== null) {
                  {{ 'surveyAnswer.chooseAtMost' | t: { max: q.maxChoices } }}
                } @else {
                  {{ 'surveyAnswer.chooseAny' | t }}
                }
              </p>
              <div class="options">
                @for (option of q.options; track option.id) {
                  <label class="option">
                    <input
                      type="checkbox"
                      [value]="option.id"
                      [checked]="chosen().includes(option.id)"
                      (change)="toggle(option.id, $event)"
                    />
                    <span>{{ option.label }}</span>
                  </label>
                }
              </div>
              <p class="live" aria-live="polite" [attr.data-testid]="'limit-' + q.id">
                @if (limitReached()) {
                  {{ 'surveyAnswer.atMostReached' | t: { max: q.maxChoices } }}
                }
              </p>
            }
            @case (kinds.Scale) {
              <div class="scale">
                @for (n of scaleValues; track n) {
                  <label class="scale-step">
                    <input
                      type="radio"
                      [name]="id"
                      [value]="n"
                      [checked]="value() === n"
                      (change)="changed.emit(n)"
                    />
                    <span>{{ n }}</span>
                  </label>
                }
              </div>
              @if (q.scaleLabels; as labels) {
                <p class="scale-ends" aria-hidden="true">
                  <span>{{ labels.low }}</span><span>{{ labels.high }}</span>
                </p>
                <p class="sr-only" [id]="id + '-ends'">
                  {{ 'surveyAnswer.scaleEnds' | t: { low: labels.low, high: labels.high } }}
                </p>
              }
            }
            @case (kinds.Ranking) {
              <p class="hint" [id]="id + '-hint'">{{ 'surveyAnswer.rankingHint' | t }}</p>
              <ol class="ranking">
                @for (optionId of order(); track optionId; let i = $index, last = $last) {
                  <li>
                    <span class="position" aria-hidden="true">{{ i + 1 }}</span>
                    <span class="label">{{ label(optionId) }}</span>
                    <button
                      type="button"
                      class="move"
                      [id]="id + '-' + optionId + '-up'"
                      [attr.aria-disabled]="i === 0"
                      [attr.aria-label]="'surveyAnswer.moveUp' | t: { option: label(optionId) }"
                      (click)="move(i, -1)"
                    >
                      <span aria-hidden="true">▲</span>
                    </button>
                    <button
                      type="button"
                      class="move"
                      [id]="id + '-' + optionId + '-down'"
                      [attr.aria-disabled]="last"
                      [attr.aria-label]="'surveyAnswer.moveDown' | t: { option: label(optionId) }"
                      (click)="move(i, 1)"
                    >
                      <span aria-hidden="true">▼</span>
                    </button>
                  </li>
                }
              </ol>
              @if (value() === undefined) {
                <p class="hint">{{ 'surveyAnswer.rankingUnset' | t }}</p>
                <button
                  type="button"
                  class="keep-order"
                  [attr.data-testid]="'keep-order-' + q.id"
                  (click)="changed.emit(order())"
                >
                  {{ 'surveyAnswer.rankingKeep' | t }}
                </button>
              } @else {
                <p class="hint">{{ 'surveyAnswer.rankingSet' | t }}</p>
              }
              <p class="live" aria-live="polite">{{ announcement() }}</p>
            }
            @case (kinds.Matrix) {
              @for (row of q.rows; track row.id) {
                <fieldset class="matrix-row">
                  <legend>{{ row.label }}</legend>
                  <div class="options">
                    @for (option of q.options; track option.id) {
                      <label class="option">
                        <input
                          type="radio"
                          [name]="id + '-' + row.id"
                          [value]="option.id"
                          [checked]="rowValue(row.id) === option.id"
                          (change)="setRow(row.id, option.id)"
                        />
                        <span>{{ option.label }}</span>
                      </label>
                    }
                  </div>
                </fieldset>
              }
            }
          }
          <ng-container [ngTemplateOutlet]="after" />
        </fieldset>
      }
    }

    <ng-template #text>
      <div class="text-question" [attr.data-testid]="'question-' + q.id">
        <label class="title-label" [for]="id + '-input'">
          <span class="title">{{ q.title }}</span>
          @if (q.required) {
            <span class="required">{{ 'surveyAnswer.required' | t }}</span>
          }
        </label>
        @if (q.help) {
          <p class="help" [id]="id + '-help'">{{ q.help }}</p>
        }
        @if (q.kind === kinds.LongText) {
          <textarea
            rows="5"
            [id]="id + '-input'"
            [value]="textValue()"
            [attr.maxlength]="limit()"
            [attr.aria-invalid]="invalid()"
            [attr.aria-describedby]="describedBy()"
            (input)="changed.emit(inputText($event))"
          ></textarea>
        } @else {
          <input
            type="text"
            [id]="id + '-input'"
            [value]="textValue()"
            [attr.maxlength]="limit()"
            [attr.aria-invalid]="invalid()"
            [attr.aria-describedby]="describedBy()"
            (input)="changed.emit(inputText($event))"
          />
        }
        <p class="counter" [id]="id + '-counter'">
          {{ 'surveyAnswer.characters' | t: { count: textValue().length, max: limit() } }}
        </p>
        <ng-container [ngTemplateOutlet]="after" />
      </div>
    </ng-template>

    <ng-template #after>
      @if (q.personalData && q.consentText) {
        <div class="consent">
          <p [id]="id + '-consent'">{{ q.consentText }}</p>
          <label class="option">
            <input
              type="checkbox"
              [checked]="consented()"
              [attr.data-testid]="'consent-' + q.id"
              (change)="consentChanged.emit(checked($event))"
            />
            <span>{{ 'surveyAnswer.consentCheckbox' | t }}</span>
          </label>
          @if (!consented() && hasAnswer()) {
            <p class="hint">{{ 'surveyAnswer.consentNotSent' | t }}</p>
          }
        </div>
      }
      @if (problemText(); as text) {
        <p class="problem" [id]="id + '-problem'" [attr.data-testid]="'problem-' + q.id">
          {{ text }}
        </p>
      }
    </ng-template>
  `,
  styles: answerStyles,
})
export class SurveyQuestion {
  private readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly question = input.required<SurveyQuestionDto>();
  readonly value = input<SurveyAnswerValue | undefined>(undefined);
  readonly consented = input(false);
  readonly problem = input<QuestionProblem | 'notAccepted' | null>(null);
  readonly changed = output<SurveyAnswerValue | undefined>();
  readonly consentChanged = output<boolean>();

  protected readonly kinds = QuestionKind;
  protected readonly scaleValues = [1, 2, 3, 4, 5];
  protected readonly limitReached = signal(false);
  protected readonly announcement = signal('');

  protected get id(): string {
    return `q-${this.question().id}`;
  }

  protected readonly invalid = computed(() => this.problem() !== null);
  protected readonly limit = computed(() => textLimit(this.question()));
  protected readonly textValue = computed(() => {
    const value = this.value();
    return typeof value === 'string' ? value : '';
  });
  protected readonly chosen = computed(() => {
    const value = this.value();
    return Array.isArray(value) ? value : [];
  });
  /** The ranking as it stands: the respondent's order, or the options' own until they act. */
  protected readonly order = computed(() => {
    const options = this.question().options.map((option) => option.id);
    const value = this.value();
    return Array.isArray(value) && value.length === options.length ? value : options;
  });
  protected readonly hasAnswer = computed(() => {
    const value = this.value();
    if (typeof value === 'string') return value.trim() !== '';
    if (Array.isArray(value)) return value.length > 0;
    return value !== undefined && value !== null;
  });
  protected readonly problemText = computed(() => {
    const problem = this.problem();
    if (!problem) return null;
    const q = this.question();
    return this.i18n.t(`surveyAnswer.problems.${problem}`, {
      max: problem === 'tooLong' ? this.limit() : q.maxChoices,
    });
  });

  /** Help, hints and the problem, for the fieldset or the text field. */
  protected readonly describedBy = computed(() => {
    const q = this.question();
    const ids = [
      q.help ? `${this.id}-help` : null,
      q.kind === QuestionKind.MultipleChoice || q.kind === QuestionKind.Ranking
        ? `${this.id}-hint`
        : null,
      q.kind === QuestionKind.Scale && q.scaleLabels ? `${this.id}-ends` : null,
      q.kind === QuestionKind.ShortText || q.kind === QuestionKind.LongText
        ? `${this.id}-counter`
        : null,
      q.personalData && q.consentText ? `${this.id}-consent` : null,
      this.problem() ? `${this.id}-problem` : null,
    ].filter((id) => id !== null);
    return ids.length > 0 ? ids.join(' ') : null;
  });

  protected label(optionId: string): string {
    return this.question().options.find((option) => option.id === optionId)?.label ?? optionId;
  }

  protected rowValue(rowId: string): string | undefined {
    const value = this.value();
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? value[rowId]
      : undefined;
  }

  protected setRow(rowId: string, optionId: string): void {
    const value = this.value();
    const rows = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
    this.changed.emit({ ...rows, [rowId]: optionId });
  }

  /** Ticks or unticks; a tick past "at most N" is taken back and the reason said. */
  protected toggle(optionId: string, event: Event): void {
    const box = event.target as HTMLInputElement;
    const max = this.question().maxChoices;
    const chosen = this.chosen().filter((id) => id !== optionId);
    if (box.checked && max !== null && chosen.length >= max) {
      box.checked = false;
      this.limitReached.set(true);
      return;
    }
    this.limitReached.set(false);
    const ids = box.checked ? [...chosen, optionId] : chosen;
    const order = this.question().options.map((option) => option.id);
    this.changed.emit(order.filter((id) => ids.includes(id)));
  }

  /** Moves one option and keeps the focus on the same arrow of the option it moved. */
  protected move(index: number, delta: -1 | 1): void {
    const order = this.order();
    const to = index + delta;
    if (to < 0 || to >= order.length) return;
    const optionId = order[index];
    this.changed.emit(moveItem(order, index, delta));
    this.announcement.set(
      this.i18n.t('surveyAnswer.movedTo', {
        option: this.label(optionId),
        position: to + 1,
        count: order.length,
      }),
    );
    const stayOn = `${this.id}-${optionId}-${delta < 0 ? 'up' : 'down'}`;
    afterNextRender(
      () => {
        const button = this.host.nativeElement.querySelector<HTMLElement>(`[id="${stayOn}"]`);
        button?.focus();
      },
      { injector: this.injector },
    );
  }

  protected inputText(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }
}
