import {
  ErrorCode,
  QUESTION_KINDS,
  QuestionKind,
  SURVEY_LIMITS as L,
  type SurveyOptionDto,
  type SurveyPageDto,
  type SurveyQuestionDto,
} from '@blup/contracts';
import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { hasControlCharacter } from '../common/text-fields';

/** Ids of pages, questions, options and rows: chosen by the writer's client. */
export const CONTENT_ID = /^[A-Za-z0-9_-]{1,40}$/;

const CHOICE_KINDS = new Set([QuestionKind.SingleChoice, QuestionKind.MultipleChoice]);
const OPTION_KINDS = new Set([...CHOICE_KINDS, QuestionKind.Ranking, QuestionKind.Matrix]);
export const TEXT_KINDS = new Set([QuestionKind.ShortText, QuestionKind.LongText]);

/** The kind's ceiling of a text answer's length. */
export function textCeiling(kind: QuestionKind): number {
  return kind === QuestionKind.LongText ? L.longTextMaxLength : L.shortTextMaxLength;
}

/** A 400 about the questionnaire, naming where (`pages.1.questions.2.options`). */
export function contentError(where: string, message: string): AppException {
  return new AppException(
    HttpStatus.BAD_REQUEST,
    ErrorCode.SurveyContentInvalid,
    `${where}: ${message}`,
    {
      params: { where },
      details: { [where]: [message] },
    },
  );
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(
  value: unknown,
  where: string,
  max: number,
  {
    allowEmpty = false,
    multiline = false,
    fallback,
  }: { allowEmpty?: boolean; multiline?: boolean; fallback?: string } = {},
): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string') throw contentError(where, 'must be text');
  const trimmed = value.trim();
  if (!allowEmpty && !trimmed) throw contentError(where, 'cannot be empty');
  if ([...trimmed].length > max) throw contentError(where, `can be at most ${max} characters`);
  if (hasControlCharacter(trimmed, multiline)) {
    throw contentError(where, 'cannot contain control characters');
  }
  return trimmed;
}

function bool(value: unknown, where: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw contentError(where, 'must be true or false');
  return value;
}

function id(value: unknown, where: string, seen: Set<string>): string {
  if (typeof value !== 'string' || !CONTENT_ID.test(value)) {
    throw contentError(where, 'must be 1–40 letters, digits, - or _');
  }
  // Answers are kept as { [questionId]: … } and { [rowId]: optionId }: a name every object
  // already has (`constructor`, `__proto__`, `toString`) would read as an answer nobody gave.
  if (value in Object.prototype) throw contentError(where, `"${value}" is a reserved name`);
  if (seen.has(value)) throw contentError(where, `"${value}" is used twice`);
  seen.add(value);
  return value;
}

function list(value: unknown, where: string, max: number): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw contentError(where, 'must be a list');
  if (value.length > max) throw contentError(where, `can hold at most ${max}`);
  return value;
}

function options(value: unknown, where: string, max: number): SurveyOptionDto[] {
  const seen = new Set<string>();
  return list(value, where, max).map((option, i) => {
    const at = `${where}.${i}`;
    if (!isObject(option)) throw contentError(at, 'must be an option { id, label }');
    return {
      id: id(option['id'], `${at}.id`, seen),
      label: text(option['label'], `${at}.label`, L.optionLabelMaxLength),
    };
  });
}

function wholeNumberOrNull(value: unknown, where: string, min: number, max: number): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw contentError(where, `must be a whole number from ${min} to ${max}, or null`);
  }
  return value;
}

/**
 * Checks a questionnaire as a writer sent it and returns it in its full shape (defaults filled
 * in, unknown fields left out). Throws a 400 `survey_content_invalid` naming the first problem.
 */
export function checkPages(value: unknown): SurveyPageDto[] {
  const pageIds = new Set<string>();
  const questionIds = new Set<string>();
  const earlier = new Map<string, SurveyQuestionDto>();
  let count = 0;
  return list(value, 'pages', L.pagesMax).map((page, p) => {
    const at = `pages.${p}`;
    if (!isObject(page)) throw contentError(at, 'must be a page { id, title, questions }');
    const checked: SurveyPageDto = {
      id: id(page['id'], `${at}.id`, pageIds),
      title: text(page['title'], `${at}.title`, L.titleMaxLength, {
        allowEmpty: true,
        fallback: '',
      }),
      questions: [],
    };
    for (const [i, question] of list(
      page['questions'],
      `${at}.questions`,
      L.questionsMax,
    ).entries()) {
      if (++count > L.questionsMax) {
        throw contentError('pages', `can hold at most ${L.questionsMax} questions in all`);
      }
      const q = checkQuestion(question, `${at}.questions.${i}`, questionIds, earlier);
      earlier.set(q.id, q);
      checked.questions.push(q);
    }
    return checked;
  });
}

function checkQuestion(
  value: unknown,
  at: string,
  ids: Set<string>,
  earlier: Map<string, SurveyQuestionDto>,
): SurveyQuestionDto {
  if (!isObject(value)) throw contentError(at, 'must be a question');
  const kind = value['kind'] as QuestionKind;
  if (!QUESTION_KINDS.includes(kind)) {
    throw contentError(`${at}.kind`, `must be one of ${QUESTION_KINDS.join(', ')}`);
  }
  const q: SurveyQuestionDto = {
    id: id(value['id'], `${at}.id`, ids),
    kind,
    title: text(value['title'], `${at}.title`, L.questionTitleMaxLength),
    help: text(value['help'], `${at}.help`, L.helpMaxLength, {
      allowEmpty: true,
      multiline: true,
      fallback: '',
    }),
    required: kind !== QuestionKind.Info && bool(value['required'], `${at}.required`),
    options: options(value['options'], `${at}.options`, L.optionsMax),
    rows: options(value['rows'], `${at}.rows`, L.matrixRowsMax),
    maxChoices: wholeNumberOrNull(value['maxChoices'], `${at}.maxChoices`, 1, L.optionsMax),
    maxLength: wholeNumberOrNull(value['maxLength'], `${at}.maxLength`, 1, textCeiling(kind)),
    scaleLabels: null,
    condition: null,
    personalData: bool(value['personalData'], `${at}.personalData`),
    consentText: null,
    published: bool(value['published'], `${at}.published`),
  };
  const needsOptions = OPTION_KINDS.has(kind);
  const minOptions = kind === QuestionKind.Ranking || kind === QuestionKind.SingleChoice ? 2 : 1;
  if (needsOptions && q.options.length < minOptions) {
    throw contentError(`${at}.options`, `a ${kind} question needs at least ${minOptions} options`);
  }
  if (!needsOptions && q.options.length) {
    throw contentError(`${at}.options`, `a ${kind} question has no options`);
  }
  if (kind === QuestionKind.Matrix ? !q.rows.length : q.rows.length) {
    throw contentError(
      `${at}.rows`,
      kind === QuestionKind.Matrix ? 'a matrix needs at least one row' : 'only a matrix has rows',
    );
  }
  if (q.maxChoices !== null && kind !== QuestionKind.MultipleChoice) {
    throw contentError(`${at}.maxChoices`, 'only a multiple choice question has a maximum');
  }
  if (q.maxChoices !== null && q.maxChoices > q.options.length) {
    throw contentError(`${at}.maxChoices`, 'cannot be more than the number of options');
  }
  if (q.maxLength !== null && !TEXT_KINDS.has(kind)) {
    throw contentError(`${at}.maxLength`, 'only a text question has a maximum length');
  }
  const labels = value['scaleLabels'];
  if (labels !== undefined && labels !== null) {
    if (kind !== QuestionKind.Scale)
      throw contentError(`${at}.scaleLabels`, 'only a scale has labels');
    if (!isObject(labels)) throw contentError(`${at}.scaleLabels`, 'must be { low, high }');
    q.scaleLabels = {
      low: text(labels['low'], `${at}.scaleLabels.low`, L.scaleLabelMaxLength, {
        allowEmpty: true,
      }),
      high: text(labels['high'], `${at}.scaleLabels.high`, L.scaleLabelMaxLength, {
        allowEmpty: true,
      }),
    };
  }
  q.condition = checkCondition(value['condition'], `${at}.condition`, earlier);
  if (kind === QuestionKind.Info && (q.personalData || q.published)) {
    throw contentError(
      at,
      'an explanatory text takes no answer: it cannot ask for personal data or be published',
    );
  }
  if (q.personalData) {
    q.consentText = text(value['consentText'], `${at}.consentText`, L.consentTextMaxLength, {
      multiline: true,
    });
  } else if (value['consentText'] !== undefined && value['consentText'] !== null) {
    throw contentError(`${at}.consentText`, 'only a personal-data question has a consent text');
  }
  if (q.published && (q.personalData || TEXT_KINDS.has(kind))) {
    throw contentError(`${at}.published`, 'free text and personal data are never published');
  }
  return q;
}

function checkCondition(
  value: unknown,
  at: string,
  earlier: Map<string, SurveyQuestionDto>,
): SurveyQuestionDto['condition'] {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) throw contentError(at, 'must be { questionId, optionIds }');
  const source =
    typeof value['questionId'] === 'string' ? earlier.get(value['questionId']) : undefined;
  if (!source || !CHOICE_KINDS.has(source.kind)) {
    throw contentError(
      `${at}.questionId`,
      'must name an earlier single or multiple choice question',
    );
  }
  const optionIds = value['optionIds'];
  const known = new Set(source.options.map((o) => o.id));
  if (
    !Array.isArray(optionIds) ||
    !optionIds.length ||
    optionIds.length > L.optionsMax ||
    optionIds.some((o) => typeof o !== 'string' || !known.has(o))
  ) {
    throw contentError(
      `${at}.optionIds`,
      `must name one or more options of question "${source.id}"`,
    );
  }
  return { questionId: source.id, optionIds: [...new Set(optionIds as string[])] };
}

/** Every question of a questionnaire in order. */
export function questionsOf(pages: SurveyPageDto[]): SurveyQuestionDto[] {
  return pages.flatMap((page) => page.questions);
}

/**
 * Once a survey has answers, a change may add and reword questions and options, but may not
 * remove a question, an option or a row, nor change a question's kind (the answers and counts
 * name them): the first such change, else null.
 */
export function removedWithAnswers(before: SurveyPageDto[], after: SurveyPageDto[]): string | null {
  const now = new Map(questionsOf(after).map((q) => [q.id, q]));
  for (const old of questionsOf(before)) {
    const q = now.get(old.id);
    if (!q) return `question "${old.id}" was removed`;
    if (q.kind !== old.kind) return `question "${old.id}" changed kind`;
    const options = new Set(q.options.map((o) => o.id));
    const gone = old.options.find((o) => !options.has(o.id));
    if (gone) return `option "${gone.id}" of question "${old.id}" was removed`;
    const rows = new Set(q.rows.map((r) => r.id));
    const goneRow = old.rows.find((r) => !rows.has(r.id));
    if (goneRow) return `row "${goneRow.id}" of question "${old.id}" was removed`;
  }
  return null;
}
