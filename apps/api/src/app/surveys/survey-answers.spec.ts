import { ErrorCode, QuestionKind } from '@blup/contracts';
import { AppException } from '../common/app-exception';
import { checkAnswers } from './survey-answers';
import { checkPages, removedWithAnswers } from './survey-content';

const pages = checkPages([
  {
    id: 'p1',
    title: 'Om dig',
    questions: [
      { id: 'info', kind: QuestionKind.Info, title: 'Velkommen', help: 'Tak!' },
      {
        id: 'role',
        kind: QuestionKind.SingleChoice,
        title: 'Rolle',
        required: true,
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ],
      },
      {
        id: 'why',
        kind: QuestionKind.MultipleChoice,
        title: 'Hvorfor',
        maxChoices: 2,
        condition: { questionId: 'role', optionIds: ['a'] },
        options: [
          { id: 'x', label: 'X' },
          { id: 'y', label: 'Y' },
          { id: 'z', label: 'Z' },
        ],
      },
      {
        id: 'grid',
        kind: QuestionKind.Matrix,
        title: 'Hvor enig',
        rows: [
          { id: 'r1', label: 'R1' },
          { id: 'r2', label: 'R2' },
        ],
        options: [
          { id: '1', label: 'Uenig' },
          { id: '2', label: 'Enig' },
        ],
      },
      {
        id: 'mail',
        kind: QuestionKind.ShortText,
        title: 'E-mail',
        maxLength: 50,
        personalData: true,
        consentText: 'Kun styregruppen ser den.',
      },
    ],
  },
]);

function refusal(answers: Record<string, unknown>, consents: string[] = []): unknown {
  try {
    checkAnswers(pages, answers, consents);
  } catch (error) {
    return (error as AppException).getResponse();
  }
  return null;
}

describe(checkAnswers.name, () => {
  it('keeps valid answers and writes a row per option, cell and text, 1 on the first of several', () => {
    const sut = checkAnswers(
      pages,
      { role: 'a', why: ['y', 'x'], grid: { r1: '2', r2: '1' }, mail: ' ane@example.dk ' },
      ['mail'],
    );
    expect(sut.answers).toEqual({
      role: 'a',
      why: ['y', 'x'],
      grid: { r1: '2', r2: '1' },
      mail: 'ane@example.dk',
    });
    expect(sut.rows.map((r) => [r.questionId, r.optionId, r.rowId, r.number, r.text])).toEqual([
      ['role', 'a', null, null, null],
      ['why', 'y', null, 1, null],
      ['why', 'x', null, null, null],
      ['grid', '2', 'r1', 1, null],
      ['grid', '1', 'r2', null, null],
      ['mail', null, null, null, 'ane@example.dk'],
    ]);
  });

  it.each([
    ['an unknown question', { role: 'a', nope: 1 }, 'nope'],
    ['a missing required one', { why: ['x'] }, 'role'],
    ['a hidden one', { role: 'b', why: ['x'] }, 'why'],
    ['too many choices', { role: 'a', why: ['x', 'y', 'z'] }, 'why'],
    ['an answer to the info text', { role: 'a', info: 'hej' }, 'info'],
    ['a matrix row that is not there', { role: 'a', grid: { r9: '1' } }, 'grid'],
    ['a text over its limit', { role: 'a', mail: 'x'.repeat(51) }, 'mail'],
  ])('refuses %s, naming the question', (_what, answers, question) => {
    expect(refusal(answers, ['mail'])).toMatchObject({
      code: ErrorCode.SurveyAnswerInvalid,
      params: { question },
    });
  });

  it('asks for consent before personal data', () => {
    expect(refusal({ role: 'a', mail: 'ane@example.dk' })).toMatchObject({
      code: ErrorCode.ConsentMissing,
      params: { question: 'mail' },
    });
  });
});

describe(removedWithAnswers.name, () => {
  it('allows added and reworded questions and options, not removed ones or a new kind', () => {
    const reworded = structuredClone(pages);
    reworded[0].questions[1].title = 'Din rolle';
    reworded[0].questions[1].options.push({ id: 'c', label: 'C' });
    expect(removedWithAnswers(pages, reworded)).toBeNull();
    const fewer = structuredClone(pages);
    fewer[0].questions[2].options.pop();
    expect(removedWithAnswers(pages, fewer)).toContain('option "z"');
    const changed = structuredClone(pages);
    changed[0].questions[4].kind = QuestionKind.LongText;
    expect(removedWithAnswers(pages, changed)).toContain('changed kind');
  });
});
