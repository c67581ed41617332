import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  QuestionKind,
  type OptionCountDto,
  type QuestionResultDto,
  type SurveyComparisonDto,
  type SurveyOptionDto,
} from '@blup/contracts';
import { I18nService, SurveysApi } from '@blup/web/core';
import { PAGE_PARTS } from '../shared/page-parts';
import { catchError, of } from 'rxjs';
import { allQuestions } from './survey-model';
import { formatMean, percent } from './survey-results';

/** One cell: what it says, and the bar's length (null: no bar, e.g. a ranking's mean place). */
export interface ComparisonCell {
  text: string;
  percent: number | null;
}

/** One line of a comparison table: a label and a cell per copy (null: that copy dropped it). */
export interface ComparisonLine {
  id: string;
  label: string;
  cells: (ComparisonCell | null)[];
}

type ComparedQuestion = SurveyComparisonDto['questions'][number];

function percentCell(count: number, answered: number): ComparisonCell {
  const p = percent(count, answered);
  return { text: `${p} %`, percent: p };
}

const countIn = (counts: readonly OptionCountDto[], optionId: string) =>
  counts.find((o) => o.optionId === optionId)?.count ?? 0;

/**
 * One question of the comparison as table lines, a cell per copy: the percent of those who
 * answered there for each option (a scale's 1–5, a matrix's row and option), or a ranking's
 * mean place per option.
 */
export function comparisonLines(
  question: ComparedQuestion,
  language: string,
  rows: readonly SurveyOptionDto[] = [],
): ComparisonLine[] {
  const per = (cell: (r: QuestionResultDto) => ComparisonCell) =>
    question.results.map((r) => (r ? cell(r) : null));
  switch (question.kind) {
    case QuestionKind.Scale:
      return [1, 2, 3, 4, 5].map((value) => ({
        id: String(value),
        label: String(value),
        cells: per((r) =>
          percentCell(r.scale.find((s) => s.value === value)?.count ?? 0, r.answered),
        ),
      }));
    case QuestionKind.Ranking:
      return question.options.map((option) => ({
        id: option.id,
        label: option.label,
        cells: per((r) => {
          const mean = r.ranking.find((x) => x.optionId === option.id)?.meanPosition ?? null;
          return { text: formatMean(mean, language), percent: null };
        }),
      }));
    case QuestionKind.Matrix: {
      // The rows' words come from the template (the comparison names only the options).
      const rowIds = [
        ...new Set(question.results.flatMap((r) => (r ? r.rows.map((x) => x.rowId) : []))),
      ];
      const rowLabel = (id: string) => rows.find((row) => row.id === id)?.label ?? id;
      return rowIds.flatMap((rowId) =>
        question.options.map((option) => ({
          id: `${rowId}/${option.id}`,
          label: `${rowLabel(rowId)}: ${option.label}`,
          cells: per((r) =>
            percentCell(
              countIn(r.rows.find((x) => x.rowId === rowId)?.options ?? [], option.id),
              r.answered,
            ),
          ),
        })),
      );
    }
    default:
      return question.options.map((option) => ({
        id: option.id,
        label: option.label,
        cells: per((r) => percentCell(countIn(r.options, option.id), r.answered)),
      }));
  }
}

/**
 * `/surveys/templates/:templateId/comparison`, for the secretariat: the needs analysis side by
 * side, one column per municipality's copy, one table per choice or scale question, each cell
 * the percent of those who answered there (and the count).
 */
@Component({
  selector: 'blup-survey-comparison-page',
  imports: [PAGE_PARTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a matButton routerLink="/surveys/templates">
      <blup-icon matButtonIcon name="back" />
      {{ 'surveyAdmin.templatesTitle' | t }}
    </a>
    <blup-load-state [loading]="comparison.isLoading()" [error]="comparison.error()" />
    @if (comparison.hasValue() ? comparison.value() : null; as c) {
      <blup-page-header
        [heading]="'surveyAdmin.comparisonTitle' | t"
        [subheading]="c.templateTitle"
      />
      <p class="meta">{{ 'surveyAdmin.comparisonIntro' | t }}</p>
      @if (c.columns.length === 0) {
        <p data-testid="comparison-empty">{{ 'surveyAdmin.comparisonNone' | t }}</p>
      } @else {
        @for (q of tables(); track q.questionId) {
          <section class="question" [attr.aria-labelledby]="'cmp-' + q.questionId">
            <h2 [id]="'cmp-' + q.questionId">{{ q.title }}</h2>
            <div class="scroll" tabindex="0" [attr.aria-labelledby]="'cmp-' + q.questionId">
              <table data-testid="comparison-table">
                <thead>
                  <tr>
                    <th scope="col">{{ 'surveyAdmin.comparisonOption' | t }}</th>
                    @for (column of c.columns; track column.surveyId) {
                      <th scope="col">
                        {{
                          'surveyAdmin.comparisonColumn'
                            | t: { name: column.ownerName, count: column.responses }
                        }}
                      </th>
                    }
                  </tr>
                </thead>
                <tbody>
                  @for (line of q.lines; track line.id) {
                    <tr>
                      <th scope="row">{{ line.label }}</th>
                      @for (cell of line.cells; track $index) {
                        <td>
                          @if (cell) {
                            <span class="pct">{{ cell.text }}</span>
                            @if (cell.percent !== null) {
                              <span class="bar" aria-hidden="true">
                                <span class="fill" [style.inline-size.%]="cell.percent"></span>
                              </span>
                            }
                          } @else {
                            <span class="meta">{{ 'surveyAdmin.comparisonDropped' | t }}</span>
                          }
                        </td>
                      }
                    </tr>
                  }
                  @if (q.means) {
                    <tr>
                      <th scope="row">{{ 'surveyAdmin.meanLabel' | t }}</th>
                      @for (mean of q.means; track $index) {
                        <td class="pct">{{ mean }}</td>
                      }
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          </section>
        }
      }
    }
  `,
  styles: `
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .question {
      margin-block: 24px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
      overflow-wrap: anywhere;
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 6px 8px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
      vertical-align: top;
      min-inline-size: 5.5em;
    }
    thead th {
      font: var(--mat-sys-label-large);
    }
    tbody th {
      position: sticky;
      inset-inline-start: 0;
      background: var(--mat-sys-surface);
      font-weight: 400;
      max-inline-size: 10em;
    }
    .pct {
      font-weight: 600;
    }
    .bar {
      display: block;
      block-size: 6px;
      margin-block-start: 2px;
      background: var(--mat-sys-surface-container-highest);
    }
    .fill {
      display: block;
      block-size: 100%;
      background: var(--mat-sys-primary);
    }
  `,
})
export class SurveyComparisonPage {
  private readonly api = inject(SurveysApi);
  private readonly i18n = inject(I18nService);

  readonly templateId = input.required<string>();
  protected readonly comparison = rxResource({
    params: () => this.templateId(),
    stream: ({ params }) => this.api.comparison(params),
  });
  private readonly template = rxResource({
    params: () => this.templateId(),
    stream: ({ params }) => this.api.survey(params).pipe(catchError(() => of(null))),
  });
  protected readonly tables = computed(() => {
    const c = this.comparison.hasValue() ? this.comparison.value() : null;
    if (!c) return [];
    const templateQuestions = allQuestions(this.template.value()?.pages ?? []);
    const rowsOf = (id: string) => templateQuestions.find((q) => q.id === id)?.rows ?? [];
    return c.questions.map((q) => ({
      questionId: q.questionId,
      title: q.title,
      lines: comparisonLines(q, this.i18n.locale(), rowsOf(q.questionId)),
      means:
        q.kind === QuestionKind.Scale
          ? q.results.map((r) =>
              r
                ? formatMean(r.mean, this.i18n.locale())
                : this.i18n.t('surveyAdmin.comparisonDropped'),
            )
          : null,
    }));
  });
}
