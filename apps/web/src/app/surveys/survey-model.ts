import {
  QuestionKind,
  SURVEY_LIMITS,
  type SurveyOptionDto,
  type SurveyPageDto,
  type SurveyQuestionDto,
} from '@blup/contracts';

/**
 * The questionnaire as the editor holds it, and the operations on it. Every operation returns a
 * new array (the editor keeps the pages in one signal), so none of them changes what it is given.
 */

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh id for a page, question or option: 1–40 characters of [A-Za-z0-9_-]. */
export function newId(prefix: string, random: () => number = Math.random): string {
  let id = `${prefix}-`;
  for (let i = 0; i < 8; i++) id += ID_CHARS[Math.floor(random() * ID_CHARS.length)];
  return id;
}

export function hasOptions(kind: QuestionKind): boolean {
  return [
    QuestionKind.SingleChoice,
    QuestionKind.MultipleChoice,
    QuestionKind.Ranking,
    QuestionKind.Matrix,
  ].includes(kind);
}

export function isChoice(kind: QuestionKind): boolean {
  return kind === QuestionKind.SingleChoice || kind === QuestionKind.MultipleChoice;
}

export function isText(kind: QuestionKind): boolean {
  return kind === QuestionKind.ShortText || kind === QuestionKind.LongText;
}

/** Whose results may be shown on the village's public page: counted kinds, no personal data. */
export function canPublish(question: SurveyQuestionDto): boolean {
  return !isText(question.kind) && question.kind !== QuestionKind.Info && !question.personalData;
}

export function blankQuestion(kind: QuestionKind, id = newId('q')): SurveyQuestionDto {
  const withOptions = hasOptions(kind);
  return {
    id,
    kind,
    title: '',
    help: '',
    required: false,
    options: withOptions ? [blankOption(), blankOption()] : [],
    rows: kind === QuestionKind.Matrix ? [blankOption(), blankOption()] : [],
    maxChoices: null,
    maxLength: null,
    scaleLabels: kind === QuestionKind.Scale ? { low: '', high: '' } : null,
    condition: null,
    personalData: false,
    consentText: null,
    published: false,
  };
}

export function blankOption(id = newId('o')): SurveyOptionDto {
  return { id, label: '' };
}

export function blankPage(title = '', id = newId('p')): SurveyPageDto {
  return { id, title, questions: [] };
}

/** `list` with the item at `index` moved by `delta` places; unchanged when it would leave the list. */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  const copy = [...list];
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return copy;
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item);
  return copy;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((current, i) => (i === index ? item : current));
}

/** Every question in order, across the pages. */
export function allQuestions(pages: readonly SurveyPageDto[]): SurveyQuestionDto[] {
  return pages.flatMap((page) => page.questions);
}

export function questionCount(pages: readonly SurveyPageDto[]): number {
  return allQuestions(pages).length;
}

/** The questions a condition on `questionId` may depend on: earlier single or multiple choice. */
export function conditionSources(
  pages: readonly SurveyPageDto[],
  questionId: string,
): SurveyQuestionDto[] {
  const questions = allQuestions(pages);
  const index = questions.findIndex((q) => q.id === questionId);
  return questions.slice(0, Math.max(index, 0)).filter((q) => isChoice(q.kind));
}

/** Why a question's condition cannot work, or null when it can (or there is none). */
export type ConditionProblem = 'source' | 'options';

export function conditionProblem(
  pages: readonly SurveyPageDto[],
  question: SurveyQuestionDto,
): ConditionProblem | null {
  const condition = question.condition;
  if (!condition) return null;
  const source = conditionSources(pages, question.id).find((q) => q.id === condition.questionId);
  if (!source) return 'source';
  const known = new Set(source.options.map((o) => o.id));
  if (condition.optionIds.length === 0 || condition.optionIds.some((id) => !known.has(id))) {
    return 'options';
  }
  return null;
}

/** What must be fixed before the questionnaire can be saved, one entry per problem. */
export type SurveyProblem =
  | { kind: 'pageTitle'; pageIndex: number }
  | { kind: 'questionTitle'; questionId: string }
  | { kind: 'optionLabel'; questionId: string }
  | { kind: 'tooFewOptions'; questionId: string }
  | { kind: 'consent'; questionId: string }
  | { kind: 'condition'; questionId: string; problem: ConditionProblem }
  | { kind: 'tooManyQuestions' }
  | { kind: 'tooManyPages' };

export function surveyProblems(pages: readonly SurveyPageDto[]): SurveyProblem[] {
  const problems: SurveyProblem[] = [];
  if (pages.length > SURVEY_LIMITS.pagesMax) problems.push({ kind: 'tooManyPages' });
  if (questionCount(pages) > SURVEY_LIMITS.questionsMax)
    problems.push({ kind: 'tooManyQuestions' });
  pages.forEach((page, pageIndex) => {
    if (pages.length > 1 && !page.title.trim()) problems.push({ kind: 'pageTitle', pageIndex });
    for (const q of page.questions) {
      if (!q.title.trim()) problems.push({ kind: 'questionTitle', questionId: q.id });
      if (hasOptions(q.kind)) {
        const minimum = q.kind === QuestionKind.Matrix ? 1 : 2;
        if (q.options.length < minimum || (q.kind === QuestionKind.Matrix && !q.rows.length)) {
          problems.push({ kind: 'tooFewOptions', questionId: q.id });
        }
        if ([...q.options, ...q.rows].some((o) => !o.label.trim())) {
          problems.push({ kind: 'optionLabel', questionId: q.id });
        }
      }
      if (q.personalData && !q.consentText?.trim()) {
        problems.push({ kind: 'consent', questionId: q.id });
      }
      const problem = conditionProblem(pages, q);
      if (problem) problems.push({ kind: 'condition', questionId: q.id, problem });
    }
  });
  return problems;
}

/** The ids of the questions and options in a saved questionnaire: those that answers may use. */
export function savedIds(pages: readonly SurveyPageDto[]): Set<string> {
  const ids = new Set<string>();
  for (const q of allQuestions(pages)) {
    ids.add(q.id);
    for (const o of [...q.options, ...q.rows]) ids.add(`${q.id}/${o.id}`);
  }
  return ids;
}

/**
 * The question after a change of kind: options kept where the new kind has them, the
 * kind-specific fields reset.
 */
export function changeKind(question: SurveyQuestionDto, kind: QuestionKind): SurveyQuestionDto {
  const blank = blankQuestion(kind, question.id);
  return {
    ...blank,
    title: question.title,
    help: question.help,
    required: kind === QuestionKind.Info ? false : question.required,
    options: hasOptions(kind) && question.options.length ? question.options : blank.options,
    condition: question.condition,
    personalData: question.personalData,
    consentText: question.consentText,
    published: question.published && canPublish({ ...blank, personalData: question.personalData }),
  };
}

/**
 * The pages after removing question `questionId`: conditions that depended on it are dropped
 * too, since they could never be met.
 */
export function removeQuestion(
  pages: readonly SurveyPageDto[],
  questionId: string,
): SurveyPageDto[] {
  return pages.map((page) => ({
    ...page,
    questions: page.questions
      .filter((q) => q.id !== questionId)
      .map((q) => (q.condition?.questionId === questionId ? { ...q, condition: null } : q)),
  }));
}

/** Moves a question up or down within its page, or onto the neighbouring page at its edge. */
export function moveQuestion(
  pages: readonly SurveyPageDto[],
  questionId: string,
  delta: -1 | 1,
): SurveyPageDto[] {
  const pageIndex = pages.findIndex((p) => p.questions.some((q) => q.id === questionId));
  if (pageIndex < 0) return [...pages];
  const page = pages[pageIndex];
  const index = page.questions.findIndex((q) => q.id === questionId);
  const target = index + delta;
  if (target >= 0 && target < page.questions.length) {
    return replaceAt(pages, pageIndex, { ...page, questions: move(page.questions, index, delta) });
  }
  const neighbour = pages[pageIndex + delta];
  if (!neighbour) return [...pages];
  const question = page.questions[index];
  const out = replaceAt(pages, pageIndex, { ...page, questions: removeAt(page.questions, index) });
  return replaceAt(out, pageIndex + delta, {
    ...neighbour,
    questions: delta < 0 ? [...neighbour.questions, question] : [question, ...neighbour.questions],
  });
}

/** Replaces one question, wherever it is. */
export function updateQuestion(
  pages: readonly SurveyPageDto[],
  question: SurveyQuestionDto,
): SurveyPageDto[] {
  return pages.map((page) => ({
    ...page,
    questions: page.questions.map((q) => (q.id === question.id ? question : q)),
  }));
}

/** `isoInstant` as the value of an `<input type="date">` in local time ('' for none). */
export function dateInputValue(isoInstant: string | null): string {
  if (!isoInstant) return '';
  const d = new Date(isoInstant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A date input's value as an instant: the start of that day, or its end (`endOfDay`). */
export function instantFromDateInput(value: string, endOfDay: boolean): string | null {
  if (!value) return null;
  const [y, m, d] = value.split('-').map(Number);
  const date = endOfDay ? new Date(y, m - 1, d, 23, 59, 59) : new Date(y, m - 1, d, 0, 0, 0);
  return date.toISOString();
}
