import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  QUESTION_KINDS,
  QuestionKind,
  SURVEY_LIMITS,
  type SurveyOptionDto,
  type SurveyPageDto,
  type SurveyQuestionDto,
} from '@blup/contracts';
import { TranslatePipe } from '@blup/web/core';
import { OptionsEditor } from './options-editor';
import { questionKindKey } from './survey-labels';
import {
  canPublish,
  changeKind,
  conditionProblem,
  conditionSources,
  hasOptions,
  isText,
} from './survey-model';

const L = SURVEY_LIMITS;

/**
 * One question, opened for editing: its words, its kind's settings, its options, a condition
 * on an earlier choice, personal data with consent, and whether its result is public.
 * Every change goes out whole through `changed`; the page keeps the questionnaire.
 */
@Component({
  selector: 'blup-question-editor',
  imports: [
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    TranslatePipe,
    OptionsEditor,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let q = question();
    <div class="editor" data-testid="question-editor">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'surveyAdmin.fieldKind' | t }}</mat-label>
        <mat-select
          [value]="q.kind"
          [disabled]="locked()"
          data-testid="question-kind"
          (selectionChange)="changed.emit(changeKind(q, $event.value))"
        >
          @for (kind of kinds; track kind) {
            <mat-option [value]="kind">{{ kindKey(kind) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>
          {{ (q.kind === info ? 'surveyAdmin.fieldInfo' : 'surveyAdmin.fieldQuestion') | t }}
        </mat-label>
        <textarea
          matInput
          rows="2"
          [value]="q.title"
          [maxLength]="limits.questionTitleMaxLength"
          data-testid="question-title"
          (input)="patch({ title: $any($event.target).value })"
        ></textarea>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>
          {{ (q.kind === info ? 'surveyAdmin.fieldInfoText' : 'surveyAdmin.fieldHelp') | t }}
        </mat-label>
        <textarea
          matInput
          [rows]="q.kind === info ? 5 : 2"
          [value]="q.help"
          [maxLength]="limits.helpMaxLength"
          (input)="patch({ help: $any($event.target).value })"
        ></textarea>
      </mat-form-field>
      @if (q.kind !== info) {
        <mat-checkbox [checked]="q.required" (change)="patch({ required: $event.checked })">
          {{ 'surveyAdmin.required' | t }}
        </mat-checkbox>
      }

      @if (hasOptions(q.kind)) {
        <blup-options-editor
          [items]="q.options"
          [legend]="q.kind === matrix ? 'surveyAdmin.columns' : 'surveyAdmin.options'"
          [locked]="lockedOptions()"
          testId="option"
          (changed)="patch({ options: $event })"
        />
      }
      @if (q.kind === matrix) {
        <blup-options-editor
          [items]="q.rows"
          [rows]="true"
          [locked]="lockedRows()"
          testId="row"
          (changed)="patch({ rows: $event })"
        />
      }
      @if (q.kind === multiple) {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'surveyAdmin.maxChoices' | t }}</mat-label>
          <input
            matInput
            type="number"
            inputmode="numeric"
            min="1"
            [max]="q.options.length"
            [value]="q.maxChoices ?? ''"
            (input)="patch({ maxChoices: positive($any($event.target).value) })"
          />
        </mat-form-field>
      }
      @if (isText(q.kind)) {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'surveyAdmin.maxLength' | t: { max: textCeiling() } }}</mat-label>
          <input
            matInput
            type="number"
            inputmode="numeric"
            min="1"
            [max]="textCeiling()"
            [value]="q.maxLength ?? ''"
            (input)="patch({ maxLength: positive($any($event.target).value, textCeiling()) })"
          />
        </mat-form-field>
      }
      @if (q.kind === scale) {
        <div class="pair">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'surveyAdmin.scaleLow' | t }}</mat-label>
            <input
              matInput
              [value]="q.scaleLabels?.low ?? ''"
              [maxLength]="limits.scaleLabelMaxLength"
              (input)="scaleLabel('low', $any($event.target).value)"
            />
            <mat-hint>{{ 'surveyAdmin.scaleLowHint' | t }}</mat-hint>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'surveyAdmin.scaleHigh' | t }}</mat-label>
            <input
              matInput
              [value]="q.scaleLabels?.high ?? ''"
              [maxLength]="limits.scaleLabelMaxLength"
              (input)="scaleLabel('high', $any($event.target).value)"
            />
            <mat-hint>{{ 'surveyAdmin.scaleHighHint' | t }}</mat-hint>
          </mat-form-field>
        </div>
      }

      <fieldset class="condition">
        <legend>
          <mat-checkbox
            [checked]="!!q.condition"
            [disabled]="!q.condition && sources().length === 0"
            data-testid="condition-toggle"
            (change)="toggleCondition($event.checked)"
          >
            {{ 'surveyAdmin.condition' | t }}
          </mat-checkbox>
        </legend>
        @if (!q.condition && sources().length === 0) {
          <p class="hint">{{ 'surveyAdmin.conditionNone' | t }}</p>
        }
        @if (q.condition; as condition) {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'surveyAdmin.conditionQuestion' | t }}</mat-label>
            <mat-select
              [value]="condition.questionId"
              data-testid="condition-question"
              (selectionChange)="patch({ condition: { questionId: $event.value, optionIds: [] } })"
            >
              @for (source of sources(); track source.id) {
                <mat-option [value]="source.id">{{ source.title || source.id }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @if (sourceOptions().length) {
            <p class="is">{{ 'surveyAdmin.conditionIs' | t }}</p>
            <div class="choices">
              @for (option of sourceOptions(); track option.id) {
                <mat-checkbox
                  [checked]="condition.optionIds.includes(option.id)"
                  (change)="toggleConditionOption(option.id, $event.checked)"
                >
                  {{ option.label }}
                </mat-checkbox>
              }
            </div>
          }
          @switch (problem()) {
            @case ('source') {
              <p class="error" role="alert">{{ 'surveyAdmin.conditionSource' | t }}</p>
            }
            @case ('options') {
              <p class="error" role="alert">{{ 'surveyAdmin.conditionOptions' | t }}</p>
            }
          }
        }
      </fieldset>

      @if (q.kind !== info) {
        <mat-checkbox
          [checked]="q.personalData"
          data-testid="personal-data"
          (change)="personalData($event.checked)"
        >
          {{ 'surveyAdmin.personalData' | t }}
        </mat-checkbox>
        @if (q.personalData) {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'surveyAdmin.consentText' | t }}</mat-label>
            <textarea
              matInput
              rows="3"
              [value]="q.consentText ?? ''"
              [maxLength]="limits.consentTextMaxLength"
              data-testid="consent-text"
              (input)="patch({ consentText: $any($event.target).value })"
            ></textarea>
            <mat-hint>{{ 'surveyAdmin.consentTextHint' | t }}</mat-hint>
          </mat-form-field>
        }
      }
      @if (mayPublish() && canPublish(q)) {
        <mat-checkbox
          [checked]="q.published"
          data-testid="published"
          (change)="patch({ published: $event.checked })"
        >
          {{ 'surveyAdmin.published' | t }}
        </mat-checkbox>
        <p class="hint">{{ 'surveyAdmin.publishedHint' | t }}</p>
      }
      <button matButton="tonal" type="button" class="done" (click)="done.emit()">
        {{ 'surveyAdmin.doneQuestion' | t }}
      </button>
    </div>
  `,
  styles: `
    .editor {
      display: grid;
      gap: 12px;
    }
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
      gap: 12px;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    legend {
      padding: 0;
    }
    .choices {
      display: grid;
    }
    .is {
      margin: 0;
      font: var(--mat-sys-label-large);
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .done {
      justify-self: start;
      min-block-size: 48px;
    }
  `,
})
export class QuestionEditor {
  readonly question = input.required<SurveyQuestionDto>();
  /** The whole questionnaire, for the condition's earlier questions. */
  readonly pages = input.required<readonly SurveyPageDto[]>();
  /** Saved `questionId` and `questionId/optionId` that answers may use (see `savedIds`). */
  readonly answered = input<ReadonlySet<string>>(new Set());
  /** Whether results may go on the village's public page (a village's own survey). */
  readonly mayPublish = input(false);
  readonly changed = output<SurveyQuestionDto>();
  readonly done = output<void>();

  protected readonly kinds = QUESTION_KINDS;
  protected readonly kindKey = questionKindKey;
  protected readonly limits = L;
  protected readonly info = QuestionKind.Info;
  protected readonly matrix = QuestionKind.Matrix;
  protected readonly multiple = QuestionKind.MultipleChoice;
  protected readonly scale = QuestionKind.Scale;
  protected readonly hasOptions = hasOptions;
  protected readonly isText = isText;
  protected readonly canPublish = canPublish;
  protected readonly changeKind = changeKind;

  /** It has answers: its kind stays. */
  protected readonly locked = computed(() => this.answered().has(this.question().id));
  protected readonly lockedOptions = computed(() => this.lockedOf(this.question().options));
  protected readonly lockedRows = computed(() => this.lockedOf(this.question().rows));
  protected readonly sources = computed(() => conditionSources(this.pages(), this.question().id));
  protected readonly sourceOptions = computed(() => {
    const id = this.question().condition?.questionId;
    return this.sources().find((q) => q.id === id)?.options ?? [];
  });
  protected readonly problem = computed(() => conditionProblem(this.pages(), this.question()));
  protected readonly textCeiling = computed(() =>
    this.question().kind === QuestionKind.ShortText ? L.shortTextMaxLength : L.longTextMaxLength,
  );

  protected patch(change: Partial<SurveyQuestionDto>): void {
    this.changed.emit({ ...this.question(), ...change });
  }

  protected scaleLabel(end: 'low' | 'high', value: string): void {
    const labels = this.question().scaleLabels ?? { low: '', high: '' };
    this.patch({ scaleLabels: { ...labels, [end]: value } });
  }

  protected personalData(on: boolean): void {
    this.patch({ personalData: on, published: on ? false : this.question().published });
  }

  protected toggleCondition(on: boolean): void {
    const first = this.sources().at(-1);
    this.patch({ condition: on && first ? { questionId: first.id, optionIds: [] } : null });
  }

  protected toggleConditionOption(optionId: string, on: boolean): void {
    const condition = this.question().condition;
    if (!condition) return;
    const optionIds = condition.optionIds.filter((id) => id !== optionId);
    this.patch({
      condition: { ...condition, optionIds: on ? [...optionIds, optionId] : optionIds },
    });
  }

  /** A positive whole number from a number field, or null when empty. */
  protected positive(value: string, ceiling = Infinity): number | null {
    const n = Math.floor(Number(value));
    return value === '' || !Number.isFinite(n) || n < 1 ? null : Math.min(n, ceiling);
  }

  private lockedOf(options: readonly SurveyOptionDto[]): ReadonlySet<string> {
    const id = this.question().id;
    return new Set(options.filter((o) => this.answered().has(`${id}/${o.id}`)).map((o) => o.id));
  }
}
