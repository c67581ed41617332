import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { QuestionKind, type QuestionResultDto, type SurveyQuestionDto } from '@blup/contracts';
import { I18nService, TranslatePipe } from '@blup/web/core';
import { BarChart } from './bar-chart';
import { isText } from './survey-model';
import {
  type ChartRow,
  choiceRows,
  formatMean,
  matrixTable,
  rankingRows,
  scaleRows,
} from './survey-results';
import { TextAnswers } from './text-answers';

/**
 * One question's result, by its kind: bars for choices and the scale (with its mean), places
 * for a ranking, a table of counts for a matrix, and the written answers for text.
 */
@Component({
  selector: 'blup-question-result',
  imports: [BarChart, TextAnswers, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let q = question();
    <h3 [id]="'result-' + q.id">{{ q.title }}</h3>
    @if (!isText(q.kind)) {
      <p class="meta" data-testid="answered">
        {{ 'surveyAdmin.answered' | t: { count: result()?.answered ?? 0 } }}
      </p>
    }
    @switch (q.kind) {
      @case (kinds.SingleChoice) {
        <blup-bar-chart [rows]="bars()" [caption]="q.title" />
        <p class="meta">{{ 'surveyAdmin.percentNote' | t }}</p>
      }
      @case (kinds.MultipleChoice) {
        <blup-bar-chart [rows]="bars()" [caption]="q.title" />
        <p class="meta">
          {{ 'surveyAdmin.percentNote' | t }}. {{ 'surveyAdmin.multipleNote' | t }}
        </p>
      }
      @case (kinds.Scale) {
        <blup-bar-chart [rows]="bars()" [caption]="q.title" />
        <p class="mean" data-testid="mean">
          {{ 'surveyAdmin.mean' | t: { mean: mean() } }}
        </p>
      }
      @case (kinds.Ranking) {
        <ol class="ranking" [attr.aria-labelledby]="'result-' + q.id">
          @for (row of ranking(); track row.id) {
            <li>
              <strong>{{ row.label }}</strong>
              <span class="meta">
                {{ 'surveyAdmin.rankingMean' | t: { mean: format(row.meanPosition) } }} ·
                {{ 'surveyAdmin.rankingFirst' | t: { count: row.firstPlaces } }}
              </span>
            </li>
          }
        </ol>
      }
      @case (kinds.Matrix) {
        <div class="scroll" tabindex="0" [attr.aria-labelledby]="'result-' + q.id">
          <table>
            <caption>
              {{
                'surveyAdmin.matrixCaption' | t
              }}
            </caption>
            <thead>
              <tr>
                <td></td>
                @for (column of matrix().columns; track column.id) {
                  <th scope="col">{{ column.label }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of matrix().rows; track row.id) {
                <tr>
                  <th scope="row">{{ row.label }}</th>
                  @for (count of row.counts; track $index) {
                    <td>{{ count }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      @case (kinds.ShortText) {
        <h4>{{ 'surveyAdmin.textAnswers' | t }}</h4>
        <blup-text-answers
          [surveyId]="surveyId()"
          [questionId]="q.id"
          [tick]="tick()"
          [filter]="filter()"
        />
      }
      @case (kinds.LongText) {
        <h4>{{ 'surveyAdmin.textAnswers' | t }}</h4>
        <blup-text-answers
          [surveyId]="surveyId()"
          [questionId]="q.id"
          [tick]="tick()"
          [filter]="filter()"
        />
      }
    }
  `,
  styles: `
    :host {
      display: block;
      padding-block: 16px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    h3 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    h4 {
      margin: 8px 0;
      font: var(--mat-sys-title-small);
    }
    .meta {
      margin: 4px 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .mean {
      font-weight: 600;
    }
    .ranking {
      margin: 0;
      padding-inline-start: 1.5em;
      display: grid;
      gap: 6px;
    }
    .ranking li {
      display: grid;
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: start;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      padding-block-end: 4px;
    }
    th,
    td {
      padding: 6px 8px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      text-align: end;
    }
    th[scope='row'] {
      position: sticky;
      inset-inline-start: 0;
      background: var(--mat-sys-surface);
      text-align: start;
      font-weight: 400;
    }
  `,
})
export class QuestionResult {
  private readonly i18n = inject(I18nService);
  readonly surveyId = input.required<string>();
  readonly question = input.required<SurveyQuestionDto>();
  readonly result = input<QuestionResultDto | null>(null);
  readonly tick = input(0);
  readonly filter = input<{ questionId: string; optionId: string } | null>(null);

  protected readonly kinds = QuestionKind;
  protected readonly isText = isText;

  protected readonly bars = computed<ChartRow[]>(() => {
    const q = this.question();
    const r = this.result();
    if (!r) return [];
    return q.kind === QuestionKind.Scale
      ? scaleRows(q, r)
      : choiceRows(q.options, r.options, r.answered);
  });
  protected readonly mean = computed(() => this.format(this.result()?.mean ?? null));
  protected readonly ranking = computed(() => {
    const r = this.result();
    return r ? rankingRows(this.question().options, r) : [];
  });
  protected readonly matrix = computed(() => {
    const r = this.result();
    return r ? matrixTable(this.question(), r) : { columns: [], rows: [] };
  });

  protected format(value: number | null): string {
    return formatMean(value, this.i18n.locale());
  }
}
