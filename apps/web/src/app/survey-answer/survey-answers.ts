import {
  QuestionKind,
  SURVEY_LIMITS,
  type SurveyAnswerValue,
  type SurveyPageDto,
  type SurveyQuestionDto,
} from '@blup/contracts';

/**
 * The pure rules of answering a questionnaire: which questions show, what counts as an answer,
 * what a page still lacks, and what is sent. No Angular here, so the specs test them directly.
 */

export type Answers = Readonly<Record<string, SurveyAnswerValue>>;

/** Why a question on the current page holds the respondent back, or warns them. */
export type QuestionProblem =
  /** A required question without an answer. */
  | 'required'
  /** A required matrix with rows left. */
  | 'rows'
  /** More choices than `maxChoices`. */
  | 'tooMany'
  /** Longer than the question allows. */
  | 'tooLong'
  /** A required personal-data question whose consent box is not ticked. */
  | 'consent';

/** The kinds that take no answer. */
const NO_ANSWER: ReadonlySet<QuestionKind> = new Set([QuestionKind.Info]);

export function allQuestions(pages: readonly SurveyPageDto[]): SurveyQuestionDto[] {
  return pages.flatMap((page) => page.questions);
}

/** A text question's ceiling: its own `maxLength`, never above its kind's. */
export function textLimit(question: SurveyQuestionDto): number {
  const ceiling =
    question.kind === QuestionKind.LongText
      ? SURVEY_LIMITS.longTextMaxLength
      : SURVEY_LIMITS.shortTextMaxLength;
  return Math.min(question.maxLength ?? ceiling, ceiling);
}

function choices(value: SurveyAnswerValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value;
  return [];
}

/**
 * The questions that show, in order: a question with a condition shows only when the question
 * it names shows too (and comes earlier) and its answer holds one of the condition's options.
 */
export function visibleQuestionIds(pages: readonly SurveyPageDto[], answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const question of allQuestions(pages)) {
    const condition = question.condition;
    if (
      !condition ||
      (visible.has(condition.questionId) &&
        choices(answers[condition.questionId]).some((id) => condition.optionIds.includes(id)))
    ) {
      visible.add(question.id);
    }
  }
  return visible;
}

/** The indexes of the pages with at least one question showing (pages of hidden ones are skipped). */
export function visiblePageIndexes(
  pages: readonly SurveyPageDto[],
  visible: ReadonlySet<string>,
): number[] {
  return pages.flatMap((page, index) =>
    page.questions.some((question) => visible.has(question.id)) ? [index] : [],
  );
}

/**
 * The answer in the shape its kind takes, keeping only known options and rows; null when
 * there is none (an empty text, no choice, an untouched matrix) or it does not fit the kind.
 */
export function normaliseAnswer(
  question: SurveyQuestionDto,
  value: SurveyAnswerValue | undefined,
): SurveyAnswerValue | null {
  if (value === undefined || value === null) return null;
  const optionIds = new Set(question.options.map((option) => option.id));
  switch (question.kind) {
    case QuestionKind.ShortText:
    case QuestionKind.LongText: {
      if (typeof value !== 'string') return null;
      const text = value.trim();
      return text ? text : null;
    }
    case QuestionKind.SingleChoice:
      return typeof value === 'string' && optionIds.has(value) ? value : null;
    case QuestionKind.MultipleChoice: {
      if (!Array.isArray(value)) return null;
      const kept = question.options.map((o) => o.id).filter((id) => value.includes(id));
      return kept.length > 0 ? kept : null;
    }
    case QuestionKind.Scale:
      return typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= SURVEY_LIMITS.scaleMin &&
        value <= SURVEY_LIMITS.scaleMax
        ? value
        : null;
    case QuestionKind.Ranking: {
      // Every option, each once: an order the respondent confirmed or made.
      if (!Array.isArray(value)) return null;
      const complete =
        value.length === optionIds.size &&
        new Set(value).size === value.length &&
        value.every((id) => optionIds.has(id));
      return complete ? [...value] : null;
    }
    case QuestionKind.Matrix: {
      if (typeof value !== 'object' || Array.isArray(value)) return null;
      const kept = Object.fromEntries(
        question.rows
          .filter((row) => optionIds.has((value as Record<string, string>)[row.id]))
          .map((row) => [row.id, (value as Record<string, string>)[row.id]]),
      );
      return Object.keys(kept).length > 0 ? kept : null;
    }
    default:
      return null;
  }
}

/** What is wrong with one showing question's answer, or null. */
export function questionProblem(
  question: SurveyQuestionDto,
  value: SurveyAnswerValue | undefined,
  consented: boolean,
): QuestionProblem | null {
  if (NO_ANSWER.has(question.kind)) return null;
  const answer = normaliseAnswer(question, value);
  if (answer === null) return question.required ? 'required' : null;
  if (
    question.kind === QuestionKind.Matrix &&
    question.required &&
    Object.keys(answer).length < question.rows.length
  ) {
    return 'rows';
  }
  if (
    question.kind === QuestionKind.MultipleChoice &&
    question.maxChoices !== null &&
    (answer as string[]).length > question.maxChoices
  ) {
    return 'tooMany';
  }
  if (typeof answer === 'string' && isText(question) && answer.length > textLimit(question)) {
    return 'tooLong';
  }
  if (question.personalData && question.required && !consented) return 'consent';
  return null;
}

function isText(question: SurveyQuestionDto): boolean {
  return question.kind === QuestionKind.ShortText || question.kind === QuestionKind.LongText;
}

/** The problems of a page's showing questions, by question id (empty: the page may be left). */
export function pageProblems(
  page: SurveyPageDto,
  answers: Answers,
  consents: readonly string[],
  visible: ReadonlySet<string>,
): Record<string, QuestionProblem> {
  const problems: Record<string, QuestionProblem> = {};
  for (const question of page.questions) {
    if (!visible.has(question.id)) continue;
    const problem = questionProblem(question, answers[question.id], consents.includes(question.id));
    if (problem) problems[question.id] = problem;
  }
  return problems;
}

/**
 * What is sent: the answers of showing questions only, in their kind's shape, without the
 * personal-data answers whose consent box is not ticked; and the consents that go with answers.
 */
export function cleanAnswers(
  pages: readonly SurveyPageDto[],
  answers: Answers,
  consents: readonly string[],
): { answers: Record<string, SurveyAnswerValue>; consents: string[] } {
  const visible = visibleQuestionIds(pages, answers);
  const kept: Record<string, SurveyAnswerValue> = {};
  const keptConsents: string[] = [];
  for (const question of allQuestions(pages)) {
    if (!visible.has(question.id) || NO_ANSWER.has(question.kind)) continue;
    const answer = normaliseAnswer(question, answers[question.id]);
    if (answer === null) continue;
    if (question.personalData) {
      if (!consents.includes(question.id)) continue;
      keptConsents.push(question.id);
    }
    kept[question.id] = answer;
  }
  return { answers: kept, consents: keptConsents };
}

/** The list with the item at `index` moved by `delta` places (unchanged at either end). */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  const copy = [...list];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return copy;
  [copy[index], copy[to]] = [copy[to], copy[index]];
  return copy;
}
