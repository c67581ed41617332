import { FormControl, FormGroup, Validators } from '@angular/forms';
import {
  GATHERING_LIMITS,
  type GatheringAnswers,
  type GatheringQuestion,
  GatheringQuestionKind,
} from '@blup/contracts';

export type AnswersForm = FormGroup<Record<string, FormControl<string>>>;

/** The choices of a number question: 1.. when it counts people (one is the person), else 0... */
export function numberChoices(question: GatheringQuestion): number[] {
  const from = question.countsPeople ? 1 : 0;
  return Array.from({ length: GATHERING_LIMITS.numberAnswerMax - from + 1 }, (_, i) => i + from);
}

/** One control per question; a people count starts at 1, so the usual answer needs no tap. */
export function answersForm(questions: readonly GatheringQuestion[]): AnswersForm {
  const controls: Record<string, FormControl<string>> = {};
  for (const q of questions) {
    const validators = q.required ? [Validators.required] : [];
    if (q.kind === GatheringQuestionKind.Text)
      validators.push(Validators.maxLength(GATHERING_LIMITS.textAnswer));
    const start = q.kind === GatheringQuestionKind.Number && q.countsPeople ? '1' : '';
    controls[q.id] = new FormControl(start, { nonNullable: true, validators });
  }
  return new FormGroup(controls);
}

/** The answers as the API takes them: numbers as numbers, text trimmed, empty ones left out. */
export function answersFrom(
  questions: readonly GatheringQuestion[],
  raw: Record<string, string>,
): GatheringAnswers {
  const answers: GatheringAnswers = {};
  for (const q of questions) {
    const value = (raw[q.id] ?? '').trim();
    if (!value) continue;
    if (q.kind === GatheringQuestionKind.Number) {
      const n = Number(value);
      if (Number.isInteger(n)) answers[q.id] = n;
    } else {
      answers[q.id] = value;
    }
  }
  return answers;
}

/** The two questions almost every gathering asks, in the organiser's words. */
export function standardQuestions(
  askCount: boolean,
  askDiet: boolean,
  labels: { count: string; diet: string },
): GatheringQuestion[] {
  const questions: GatheringQuestion[] = [];
  if (askCount)
    questions.push({
      id: 'antal',
      kind: GatheringQuestionKind.Number,
      label: labels.count,
      required: true,
      countsPeople: true,
    });
  if (askDiet)
    questions.push({
      id: 'kost',
      kind: GatheringQuestionKind.Text,
      label: labels.diet,
      required: false,
    });
  return questions;
}
