import {
  QuestionKind,
  SURVEY_LIMITS as L,
  type QuestionResultDto,
  type SurveyQuestionDto,
} from '@blup/contracts';
import type { CountRow } from './survey-results.queries';

/**
 * Shapes the grouped counts of one survey (`countAnswers`) into a result per question that takes
 * an answer, in the questionnaire's order; options, rows and scale values nobody chose count 0.
 */
export function questionResults(
  questions: SurveyQuestionDto[],
  counts: CountRow[],
): QuestionResultDto[] {
  const byQuestion = new Map<string, CountRow[]>();
  for (const row of counts) {
    if (row.question_id === null) continue;
    const list = byQuestion.get(row.question_id) ?? [];
    list.push(row);
    byQuestion.set(row.question_id, list);
  }
  return questions
    .filter((q) => q.kind !== QuestionKind.Info)
    .map((q) => questionResult(q, byQuestion.get(q.id) ?? []));
}

export function questionResult(q: SurveyQuestionDto, rows: CountRow[]): QuestionResultDto {
  const total = rows.find((r) => r.g === 7);
  const perOption = new Map(rows.filter((r) => r.g === 3).map((r) => [r.option_id, r]));
  const cells = rows.filter((r) => r.g === 0);
  const result: QuestionResultDto = {
    questionId: q.id,
    kind: q.kind,
    answered: total?.respondents ?? 0,
    options: [],
    rows: [],
    scale: [],
    mean: null,
    ranking: [],
  };
  switch (q.kind) {
    case QuestionKind.SingleChoice:
    case QuestionKind.MultipleChoice:
      result.options = q.options.map((o) => ({
        optionId: o.id,
        count: perOption.get(o.id)?.count ?? 0,
      }));
      break;
    case QuestionKind.Matrix:
      result.rows = q.rows.map((row) => ({
        rowId: row.id,
        options: q.options.map((o) => ({
          optionId: o.id,
          count: cells.find((c) => c.row_id === row.id && c.option_id === o.id)?.count ?? 0,
        })),
      }));
      break;
    case QuestionKind.Scale:
      for (let value = L.scaleMin; value <= L.scaleMax; value++) {
        result.scale.push({ value, count: cells.find((c) => c.number === value)?.count ?? 0 });
      }
      result.mean = total?.mean === null || total === undefined ? null : round(total.mean);
      break;
    case QuestionKind.Ranking:
      result.ranking = q.options
        .map((o) => {
          const row = perOption.get(o.id);
          return {
            optionId: o.id,
            meanPosition: row?.mean === null || row === undefined ? 0 : round(row.mean),
            firstPlaces: row?.firsts ?? 0,
          };
        })
        .sort((a, b) => a.meanPosition - b.meanPosition || b.firstPlaces - a.firstPlaces);
      break;
    default:
      break;
  }
  return result;
}

const round = (n: number): number => Math.round(n * 100) / 100;
