import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  QuestionKind,
  type PublishedSurveyResultsDto,
  type QuestionResultDto,
  type SurveyQuestionDto,
} from '@blup/contracts';
import { I18nService, SurveysApi, TranslatePipe } from '@blup/web/core';
import { catchError, of } from 'rxjs';
import { BarChart } from './bar-chart';
import {
  type ChartRow,
  choiceRows,
  formatMean,
  matrixTable,
  rankingRows,
  scaleRows,
} from './survey-results';

interface PublicQuestion {
  id: string;
  title: string;
  kind: QuestionKind;
  bars: ChartRow[];
  mean: string | null;
  ranking: { id: string; label: string; mean: string }[];
  matrix: ReturnType<typeof matrixTable> | null;
}

/** A published question as what the public section draws. */
export function publicQuestion(
  question: SurveyQuestionDto,
  result: QuestionResultDto,
  language: string,
): PublicQuestion {
  const kind = question.kind;
  return {
    id: question.id,
    title: question.title,
    kind,
    bars:
      kind === QuestionKind.Scale
        ? scaleRows(question, result)
        : kind === QuestionKind.SingleChoice || kind === QuestionKind.MultipleChoice
          ? choiceRows(question.options, result.options, result.answered)
          : [],
    mean: kind === QuestionKind.Scale ? formatMean(result.mean, language) : null,
    ranking:
      kind === QuestionKind.Ranking
        ? rankingRows(question.options, result).map((r) => ({
            id: r.id,
            label: r.label,
            mean: formatMean(r.meanPosition, language),
          }))
        : [],
    matrix: kind === QuestionKind.Matrix ? matrixTable(question, result) : null,
  };
}

/**
 * The survey results a village chose to publish, on its public page: a small section in the
 * results page's bar style, numbers as text. Nothing at all when there are none.
 */
@Component({
  selector: 'blup-public-survey-results',
  imports: [BarChart, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (surveys().length) {
      <section aria-labelledby="surveys-heading" data-testid="public-surveys">
        <h2 id="surveys-heading">{{ 'plans.public.surveysHeading' | t }}</h2>
        @for (survey of surveys(); track survey.surveyId) {
          <article class="survey">
            <h3>{{ survey.title }}</h3>
            <p class="meta">
              {{ 'plans.public.surveyResponses' | t: { count: survey.responses } }}.
              {{ 'plans.public.surveyPercentNote' | t }}
            </p>
            @for (q of survey.questions; track q.id) {
              <div class="question">
                <h4>{{ q.title }}</h4>
                @if (q.bars.length) {
                  <blup-bar-chart [rows]="q.bars" [caption]="q.title" />
                }
                @if (q.mean) {
                  <p class="meta">{{ 'plans.public.surveyMean' | t: { mean: q.mean } }}</p>
                }
                @if (q.ranking.length) {
                  <ol>
                    @for (r of q.ranking; track r.id) {
                      <li>{{ r.label }} ({{ 'plans.public.surveyRank' | t: { mean: r.mean } }})</li>
                    }
                  </ol>
                }
                @if (q.matrix; as m) {
                  <div class="scroll" tabindex="0" [attr.aria-label]="q.title">
                    <table>
                      <thead>
                        <tr>
                          <td></td>
                          @for (c of m.columns; track c.id) {
                            <th scope="col">{{ c.label }}</th>
                          }
                        </tr>
                      </thead>
                      <tbody>
                        @for (row of m.rows; track row.id) {
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
              </div>
            }
          </article>
        }
      </section>
    }
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 32px 0 8px;
      color: var(--mat-sys-primary);
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 4px;
    }
    h4 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 8px;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0;
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      padding: 4px 8px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      text-align: end;
    }
    th[scope='row'] {
      text-align: start;
      font-weight: 400;
    }
  `,
})
export class PublicSurveyResults {
  private readonly api = inject(SurveysApi);
  private readonly i18n = inject(I18nService);
  readonly slug = input.required<string>();

  private readonly published = rxResource({
    params: () => this.slug(),
    // Nothing published (or no plan) is not an error here: the page simply has no section.
    stream: ({ params }) =>
      this.api.publishedResults(params, { pageSize: 10 }).pipe(catchError(() => of(null))),
  });
  protected readonly surveys = computed(() =>
    (this.published.value()?.items ?? [])
      .filter((s: PublishedSurveyResultsDto) => s.questions.length > 0)
      .map((s) => ({
        surveyId: s.surveyId,
        title: s.title,
        responses: s.responses,
        questions: s.questions.map((q) => publicQuestion(q.question, q.result, this.i18n.locale())),
      })),
  );
}
