import {
  QuestionKind,
  type OptionCountDto,
  type QuestionResultDto,
  type SurveyOptionDto,
  type SurveyQuestionDto,
} from '@blup/contracts';

/** One bar of a chart: a label, its count, and its share of those who answered the question. */
export interface ChartRow {
  id: string;
  label: string;
  count: number;
  /** 0–100, whole numbers. */
  percent: number;
}

/** `part` of `whole` in whole percent; 0 when nobody answered. */
export function percent(part: number, whole: number): number {
  if (whole <= 0 || part <= 0) return 0;
  return Math.round((part / whole) * 100);
}

function countOf(counts: readonly OptionCountDto[], optionId: string): number {
  return counts.find((c) => c.optionId === optionId)?.count ?? 0;
}

/**
 * A choice question's bars, in the question's own option order. The percent is of those who
 * answered the question, so a multiple choice question's percents may add up to more than 100.
 */
export function choiceRows(
  options: readonly SurveyOptionDto[],
  counts: readonly OptionCountDto[],
  answered: number,
): ChartRow[] {
  return options.map((option) => {
    const count = countOf(counts, option.id);
    return { id: option.id, label: option.label, count, percent: percent(count, answered) };
  });
}

/** A 1–5 scale's bars, one per value, labelled with the end words at 1 and 5. */
export function scaleRows(question: SurveyQuestionDto, result: QuestionResultDto): ChartRow[] {
  const rows: ChartRow[] = [];
  for (let value = 1; value <= 5; value++) {
    const count = result.scale.find((s) => s.value === value)?.count ?? 0;
    const end =
      value === 1 ? question.scaleLabels?.low : value === 5 ? question.scaleLabels?.high : '';
    rows.push({
      id: String(value),
      label: end ? `${value} – ${end}` : String(value),
      count,
      percent: percent(count, result.answered),
    });
  }
  return rows;
}

/** A ranking, best first: each option's mean position (1 = first) and how often it came first. */
export interface RankingRow {
  id: string;
  label: string;
  meanPosition: number;
  firstPlaces: number;
}

export function rankingRows(
  options: readonly SurveyOptionDto[],
  result: QuestionResultDto,
): RankingRow[] {
  return [...result.ranking]
    .sort((a, b) => a.meanPosition - b.meanPosition)
    .map((r) => ({
      id: r.optionId,
      label: options.find((o) => o.id === r.optionId)?.label ?? r.optionId,
      meanPosition: r.meanPosition,
      firstPlaces: r.firstPlaces,
    }));
}

/** A matrix as a table: one row per matrix row, one count per option (column). */
export interface MatrixTable {
  columns: SurveyOptionDto[];
  rows: { id: string; label: string; counts: number[] }[];
}

export function matrixTable(question: SurveyQuestionDto, result: QuestionResultDto): MatrixTable {
  return {
    columns: question.options,
    rows: question.rows.map((row) => {
      const counts = result.rows.find((r) => r.rowId === row.id)?.options ?? [];
      return {
        id: row.id,
        label: row.label,
        counts: question.options.map((option) => countOf(counts, option.id)),
      };
    }),
  };
}

/** A mean with one decimal in the reader's language ("3,4" in Danish). */
export function formatMean(mean: number | null, language: string): string {
  if (mean === null) return '–';
  return mean.toLocaleString(language === 'da' ? 'da-DK' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

/** "HH:MM:SS" of an instant in local time. */
export function clockTime(instant: string | Date): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The questions a results page can filter by: single and multiple choice. */
export function filterQuestions(questions: readonly SurveyQuestionDto[]): SurveyQuestionDto[] {
  return questions.filter(
    (q) => q.kind === QuestionKind.SingleChoice || q.kind === QuestionKind.MultipleChoice,
  );
}
