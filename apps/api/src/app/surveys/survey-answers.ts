import {
  ErrorCode,
  QuestionKind,
  SURVEY_LIMITS as L,
  type SurveyAnswerValue,
  type SurveyPageDto,
  type SurveyQuestionDto,
} from '@blup/contracts';
import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { hasControlCharacter } from '../common/text-fields';
import { questionsOf, textCeiling } from './survey-content';

/** One row of `survey_answers`: a chosen option, a matrix cell, a number or a text. */
export interface AnswerRow {
  questionId: string;
  optionId: string | null;
  rowId: string | null;
  /**
   * Scale: the value; ranking: the option's place (1 = first); multiple choice and matrix: 1 on
   * the answer's first row (so respondents are counted without counting distinct responses).
   */
  number: number | null;
  text: string | null;
}

/** A 400 naming the question (its id in params and in details). */
export function answerError(questionId: string, reason: string): AppException {
  return new AppException(
    HttpStatus.BAD_REQUEST,
    ErrorCode.SurveyAnswerInvalid,
    `Question "${questionId}": ${reason}`,
    { params: { question: questionId, reason }, details: { [`answers.${questionId}`]: [reason] } },
  );
}

const isBlank = (value: unknown): boolean =>
  value === null ||
  (typeof value === 'string' && !value.trim()) ||
  (Array.isArray(value) && !value.length) ||
  (typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !Object.keys(value).length);

/** Whether a question shows, given the answers so far (its condition names an earlier question). */
function shows(q: SurveyQuestionDto, answers: Record<string, SurveyAnswerValue>): boolean {
  if (!q.condition) return true;
  const given = answers[q.condition.questionId];
  const chosen = Array.isArray(given) ? given : typeof given === 'string' ? [given] : [];
  return chosen.some((option) => q.condition?.optionIds.includes(option));
}

/**
 * Checks a respondent's answers against the questionnaire: every answer must name a question
 * that shows (its condition holds) and takes an answer, fit its kind and limits, and every
 * required question that shows must be answered; a personal-data answer needs its consent.
 * Blank answers (empty text or list) count as none. Returns the answers as kept and their rows.
 */
export function checkAnswers(
  pages: SurveyPageDto[],
  sent: Record<string, unknown>,
  consents: string[],
): { answers: Record<string, SurveyAnswerValue>; rows: AnswerRow[] } {
  const questions = questionsOf(pages);
  const known = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(sent)) {
    if (!known.has(key)) throw answerError(key, 'there is no such question in this survey');
  }
  const answers: Record<string, SurveyAnswerValue> = Object.create(null);
  const rows: AnswerRow[] = [];
  for (const q of questions) {
    const value = Object.hasOwn(sent, q.id) ? sent[q.id] : undefined;
    const given = value !== undefined && !isBlank(value);
    if (q.kind === QuestionKind.Info) {
      if (given) throw answerError(q.id, 'an explanatory text takes no answer');
      continue;
    }
    if (!shows(q, answers)) {
      if (given) throw answerError(q.id, 'this question is hidden by an earlier answer');
      continue;
    }
    if (!given) {
      if (q.required) throw answerError(q.id, 'an answer is required');
      continue;
    }
    if (q.personalData && !consents.includes(q.id)) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.ConsentMissing,
        `Question "${q.id}" asks for personal data: accept its consent text (put its id in consents) before answering it.`,
        { params: { question: q.id }, details: { consents: [`must include "${q.id}"`] } },
      );
    }
    const checked = checkOne(q, value);
    answers[q.id] = checked.value;
    rows.push(
      ...checked.rows.map((row) => ({
        questionId: q.id,
        optionId: null,
        rowId: null,
        number: null,
        text: null,
        ...row,
      })),
    );
  }
  return { answers, rows };
}

type RowPart = Partial<Omit<AnswerRow, 'questionId'>>;

function checkOne(
  q: SurveyQuestionDto,
  value: unknown,
): { value: SurveyAnswerValue; rows: RowPart[] } {
  const options = new Set(q.options.map((o) => o.id));
  const optionIds = (v: unknown): string[] => {
    if (!Array.isArray(v) || v.some((o) => typeof o !== 'string')) {
      throw answerError(q.id, 'the answer must be a list of option ids');
    }
    const unknown = v.find((o) => !options.has(o));
    if (unknown !== undefined) throw answerError(q.id, `"${unknown}" is not one of its options`);
    if (new Set(v).size !== v.length) throw answerError(q.id, 'an option is chosen twice');
    return v as string[];
  };
  switch (q.kind) {
    case QuestionKind.ShortText:
    case QuestionKind.LongText: {
      if (typeof value !== 'string') throw answerError(q.id, 'the answer must be text');
      const text = value.trim();
      const max = q.maxLength ?? textCeiling(q.kind);
      if ([...text].length > max)
        throw answerError(q.id, `the answer can be at most ${max} characters`);
      if (hasControlCharacter(text, q.kind === QuestionKind.LongText)) {
        throw answerError(q.id, 'the answer cannot contain control characters');
      }
      return { value: text, rows: [{ text }] };
    }
    case QuestionKind.SingleChoice: {
      if (typeof value !== 'string') throw answerError(q.id, 'the answer must be one option id');
      if (!options.has(value)) throw answerError(q.id, `"${value}" is not one of its options`);
      return { value, rows: [{ optionId: value }] };
    }
    case QuestionKind.MultipleChoice: {
      const chosen = optionIds(value);
      if (q.maxChoices !== null && chosen.length > q.maxChoices) {
        throw answerError(q.id, `at most ${q.maxChoices} options may be chosen`);
      }
      return {
        value: chosen,
        rows: chosen.map((optionId, i) => ({ optionId, number: i === 0 ? 1 : null })),
      };
    }
    case QuestionKind.Ranking: {
      const order = optionIds(value);
      if (order.length !== options.size)
        throw answerError(q.id, 'every option must be put in order');
      return { value: order, rows: order.map((optionId, i) => ({ optionId, number: i + 1 })) };
    }
    case QuestionKind.Scale: {
      if (
        typeof value !== 'number' ||
        !Number.isInteger(value) ||
        value < L.scaleMin ||
        value > L.scaleMax
      ) {
        throw answerError(
          q.id,
          `the answer must be a whole number from ${L.scaleMin} to ${L.scaleMax}`,
        );
      }
      return { value, rows: [{ number: value }] };
    }
    case QuestionKind.Matrix: {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw answerError(q.id, 'the answer must be { rowId: optionId }');
      }
      const rowIds = new Set(q.rows.map((r) => r.id));
      const cells = Object.entries(value as Record<string, unknown>);
      for (const [rowId, optionId] of cells) {
        if (!rowIds.has(rowId)) throw answerError(q.id, `"${rowId}" is not one of its rows`);
        if (typeof optionId !== 'string' || !options.has(optionId)) {
          throw answerError(q.id, `row "${rowId}" must name one of its options`);
        }
      }
      if (q.required && cells.length !== rowIds.size)
        throw answerError(q.id, 'every row needs an answer');
      const kept = Object.fromEntries(cells) as Record<string, string>;
      return {
        value: kept,
        rows: cells.map(([rowId, optionId], i) => ({
          rowId,
          optionId: optionId as string,
          number: i === 0 ? 1 : null,
        })),
      };
    }
    default:
      throw answerError(q.id, 'this question takes no answer');
  }
}
