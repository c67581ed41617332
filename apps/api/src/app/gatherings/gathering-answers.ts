import { HttpStatus } from '@nestjs/common';
import {
  ErrorCode,
  GATHERING_LIMITS,
  GatheringQuestionKind,
  type GatheringAnswers,
  type GatheringQuestion,
} from '@blup/contracts';
import { AppException } from '../common/app-exception';

function invalid(question: string, reason: string, message: string): AppException {
  return new AppException(HttpStatus.BAD_REQUEST, ErrorCode.RegistrationAnswerInvalid, message, {
    params: { question, reason },
    details: { [`answers.${question}`]: [message] },
  });
}

/**
 * Checks the answers against the gathering's questions and gives the cleaned answers and the
 * places the registration takes (the `countsPeople` answer, at least 1). Unknown questions,
 * wrong kinds, options not offered and missing required answers are a 400.
 */
export function checkAnswers(
  questions: GatheringQuestion[],
  answers: GatheringAnswers | undefined,
): { answers: GatheringAnswers; places: number } {
  const given = answers ?? {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(given)) {
    if (!byId.has(id)) throw invalid(id, 'unknown', `There is no question "${id}".`);
  }
  const clean: GatheringAnswers = {};
  let places = 1;
  for (const q of questions) {
    const raw = given[q.id];
    const empty = raw === undefined || (typeof raw === 'string' && raw.trim() === '');
    if (empty) {
      if (q.required) throw invalid(q.id, 'required', `Answer "${q.label}".`);
      continue;
    }
    if (q.kind === GatheringQuestionKind.Number) {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isInteger(n) || n < 0 || n > GATHERING_LIMITS.numberAnswerMax) {
        throw invalid(
          q.id,
          'number',
          `"${q.label}" must be a whole number from 0 to ${GATHERING_LIMITS.numberAnswerMax}.`,
        );
      }
      clean[q.id] = n;
      if (q.countsPeople) places = Math.max(1, n);
    } else if (q.kind === GatheringQuestionKind.Choice) {
      const value = String(raw).trim();
      if (!(q.options ?? []).includes(value)) {
        throw invalid(q.id, 'option', `Choose one of the options for "${q.label}".`);
      }
      clean[q.id] = value;
    } else {
      const value = String(raw).trim();
      if (value.length > GATHERING_LIMITS.textAnswer) {
        throw invalid(
          q.id,
          'too_long',
          `"${q.label}" can be at most ${GATHERING_LIMITS.textAnswer} characters.`,
        );
      }
      clean[q.id] = value;
    }
  }
  return { answers: clean, places };
}

/** Checks a gathering's questions: unique ids, options for choices, one people-counter. */
export function checkQuestions(questions: GatheringQuestion[]): GatheringQuestion[] {
  const bad = (message: string) =>
    new AppException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, message, {
      details: { questions: [message] },
    });
  const ids = new Set<string>();
  let counters = 0;
  const out: GatheringQuestion[] = [];
  for (const q of questions) {
    if (ids.has(q.id)) throw bad(`Two questions have the id "${q.id}".`);
    ids.add(q.id);
    if (q.kind === GatheringQuestionKind.Choice && (q.options ?? []).length === 0) {
      throw bad(`The choice question "${q.label}" needs at least one option.`);
    }
    const options = (q.options ?? []).map((o) => o.trim());
    if (q.kind === GatheringQuestionKind.Choice && options.some((o) => o === '')) {
      throw bad(`An option of "${q.label}" is empty. Write it, or remove it.`);
    }
    if (new Set(options).size < options.length) {
      throw bad(`The question "${q.label}" has the same option twice.`);
    }
    if (q.countsPeople) {
      if (q.kind !== GatheringQuestionKind.Number) {
        throw bad(`Only a number question can count people ("${q.label}").`);
      }
      counters++;
    }
    out.push({
      id: q.id,
      kind: q.kind,
      label: q.label,
      required: q.required,
      ...(q.kind === GatheringQuestionKind.Choice ? { options } : {}),
      ...(q.countsPeople ? { countsPeople: true } : {}),
    });
  }
  if (counters > 1) throw bad('At most one question can count people.');
  return out;
}
