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
  const cells = rows.filter((r) => r.g === 0);
  const sum = (match: (c: CountRow) => boolean) =>
    cells.filter(match).reduce((total, c) => total + c.count, 0);
  const result: QuestionResultDto = {
    questionId: q.id,
    kind: q.kind,
    // One row per respondent, or (multiple choice, matrix, ranking) number 1 on the first.
    answered: MULTI_ROW.has(q.kind) ? sum((c) => c.number === 1) : sum(() => true),
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
        count: sum((c) => c.option_id === o.id),
      }));
      break;
    case QuestionKind.Matrix:
      result.rows = q.rows.map((row) => ({
        rowId: row.id,
        options: q.options.map((o) => ({
          optionId: o.id,
          count: sum((c) => c.row_id === row.id && c.option_id === o.id),
        })),
      }));
      break;
    case QuestionKind.Scale: {
      for (let value = L.scaleMin; value <= L.scaleMax; value++) {
        result.scale.push({ value, count: sum((c) => c.number === value) });
      }
      const n = result.scale.reduce((total, s) => total + s.count, 0);
      const weighted = result.scale.reduce((total, s) => total + s.value * s.count, 0);
      result.mean = n ? round(weighted / n) : null;
      break;
    }
    case QuestionKind.Ranking:
      result.ranking = q.options
        .map((o) => {
          const placed = cells.filter((c) => c.option_id === o.id && c.number !== null);
          const n = placed.reduce((total, c) => total + c.count, 0);
          const weighted = placed.reduce((total, c) => total + (c.number ?? 0) * c.count, 0);
          return {
            optionId: o.id,
            meanPosition: n ? round(weighted / n) : 0,
            firstPlaces: placed.filter((c) => c.number === 1).reduce((t, c) => t + c.count, 0),
          };
        })
        .sort((a, b) => a.meanPosition - b.meanPosition || b.firstPlaces - a.firstPlaces);
      break;
    default:
      break;
  }
  return result;
}

const MULTI_ROW = new Set([QuestionKind.MultipleChoice, QuestionKind.Matrix, QuestionKind.Ranking]);

const round = (n: number): number => Math.round(n * 100) / 100;
