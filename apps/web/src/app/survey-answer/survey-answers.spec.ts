import { QuestionKind, type SurveyPageDto, type SurveyQuestionDto } from '@blup/contracts';
import {
  cleanAnswers,
  moveItem,
  normaliseAnswer,
  pageProblems,
  questionProblem,
  textLimit,
  visibleQuestionIds,
  visiblePageIndexes,
} from './survey-answers';

const options = (...ids: string[]) => ids.map((id) => ({ id, label: id.toUpperCase() }));

function question(overrides: Partial<SurveyQuestionDto> & { id: string }): SurveyQuestionDto {
  return {
    kind: QuestionKind.SingleChoice,
    title: overrides.id,
    help: '',
    required: false,
    options: [],
    rows: [],
    maxChoices: null,
    maxLength: null,
    scaleLabels: null,
    condition: null,
    personalData: false,
    consentText: null,
    published: false,
    ...overrides,
  };
}

// Page 1: do you live here (yes/no); page 2 only for those who do; page 3 for everyone.
const livesHere = question({ id: 'lives', required: true, options: options('yes', 'no') });
const street = question({
  id: 'street',
  kind: QuestionKind.ShortText,
  required: true,
  condition: { questionId: 'lives', optionIds: ['yes'] },
});
const streetFollowUp = question({
  id: 'street-years',
  kind: QuestionKind.Scale,
  condition: { questionId: 'street', optionIds: ['x'] },
});
const wishes = question({
  id: 'wishes',
  kind: QuestionKind.MultipleChoice,
  options: options('hall', 'bus', 'shop'),
  maxChoices: 2,
});
const email = question({
  id: 'email',
  kind: QuestionKind.ShortText,
  personalData: true,
  consentText: 'Vi bruger din mail til at invitere dig.',
});
const pages: SurveyPageDto[] = [
  { id: 'p1', title: 'Om dig', questions: [livesHere] },
  { id: 'p2', title: 'Din gade', questions: [street, streetFollowUp] },
  { id: 'p3', title: 'Ønsker', questions: [wishes, email] },
];

describe('visibleQuestionIds', () => {
  it('shows a conditional question only when the answer it names holds one of its options', () => {
    expect([...visibleQuestionIds(pages, {})]).toEqual(['lives', 'wishes', 'email']);
    expect(visibleQuestionIds(pages, { lives: 'yes' }).has('street')).toBe(true);
    expect(visibleQuestionIds(pages, { lives: 'no' }).has('street')).toBe(false);
  });

  it('reads a multiple choice answer as any of its options', () => {
    const bus = question({ id: 'bus', condition: { questionId: 'wishes', optionIds: ['bus'] } });
    const more = [...pages, { id: 'p4', title: '', questions: [bus] }];

    expect(visibleQuestionIds(more, { wishes: ['hall', 'bus'] }).has('bus')).toBe(true);
    expect(visibleQuestionIds(more, { wishes: ['hall'] }).has('bus')).toBe(false);
  });

  it('hides a question whose condition names a hidden question, even with an old answer kept', () => {
    const cascade = question({ id: 'c', condition: { questionId: 'street', optionIds: ['x'] } });
    const more = [...pages, { id: 'p4', title: '', questions: [cascade] }];

    expect(visibleQuestionIds(more, { lives: 'no', street: 'x' }).has('c')).toBe(false);
  });
});

describe('visiblePageIndexes', () => {
  it('skips a page whose questions are all hidden', () => {
    expect(visiblePageIndexes(pages, visibleQuestionIds(pages, { lives: 'no' }))).toEqual([0, 2]);
    expect(visiblePageIndexes(pages, visibleQuestionIds(pages, { lives: 'yes' }))).toEqual([
      0, 1, 2,
    ]);
  });
});

describe('normaliseAnswer', () => {
  it('keeps each kind’s shape and only known options, rows and values', () => {
    const ranking = question({ id: 'r', kind: QuestionKind.Ranking, options: options('a', 'b') });
    const matrix = question({
      id: 'm',
      kind: QuestionKind.Matrix,
      options: options('good', 'bad'),
      rows: options('roads', 'paths'),
    });

    expect(normaliseAnswer(street, '  Hovedgaden ')).toBe('Hovedgaden');
    expect(normaliseAnswer(street, '   ')).toBeNull();
    expect(normaliseAnswer(livesHere, 'maybe')).toBeNull();
    expect(normaliseAnswer(wishes, ['shop', 'gone', 'hall'])).toEqual(['hall', 'shop']);
    expect(normaliseAnswer(wishes, [])).toBeNull();
    expect(normaliseAnswer(streetFollowUp, 3)).toBe(3);
    expect(normaliseAnswer(streetFollowUp, 6)).toBeNull();
    expect(normaliseAnswer(streetFollowUp, 2.5)).toBeNull();
    expect(normaliseAnswer(ranking, ['b', 'a'])).toEqual(['b', 'a']);
    expect(normaliseAnswer(ranking, ['b'])).toBeNull();
    expect(normaliseAnswer(ranking, ['b', 'b'])).toBeNull();
    expect(normaliseAnswer(matrix, { roads: 'good', paths: 'ugly', gone: 'bad' })).toEqual({
      roads: 'good',
    });
    expect(normaliseAnswer(matrix, {})).toBeNull();
  });
});

describe('questionProblem', () => {
  it('asks for a required answer, every row of a required matrix, and consent when required', () => {
    const matrix = question({
      id: 'm',
      kind: QuestionKind.Matrix,
      required: true,
      options: options('good', 'bad'),
      rows: options('roads', 'paths'),
    });
    const requiredEmail = { ...email, required: true };

    expect(questionProblem(livesHere, undefined, false)).toBe('required');
    expect(questionProblem(livesHere, 'yes', false)).toBeNull();
    expect(questionProblem(matrix, { roads: 'good' }, false)).toBe('rows');
    expect(questionProblem(matrix, { roads: 'good', paths: 'bad' }, false)).toBeNull();
    expect(questionProblem(requiredEmail, 'a@b.dk', false)).toBe('consent');
    expect(questionProblem(requiredEmail, 'a@b.dk', true)).toBeNull();
    // Not required: answering without consent is allowed, the answer is just not sent.
    expect(questionProblem(email, 'a@b.dk', false)).toBeNull();
  });

  it('stops more choices than allowed and text over its limit', () => {
    const short = { ...street, maxLength: 5 };

    expect(questionProblem(wishes, ['hall', 'bus', 'shop'], false)).toBe('tooMany');
    expect(questionProblem(short, '123456', false)).toBe('tooLong');
    expect(questionProblem(short, '12345', false)).toBeNull();
    expect(textLimit({ ...street, maxLength: 10_000 })).toBe(300);
    expect(textLimit({ ...street, kind: QuestionKind.LongText })).toBe(5000);
  });

  it('takes no answer for an info text', () => {
    const info = question({ id: 'i', kind: QuestionKind.Info, required: true });

    expect(questionProblem(info, undefined, false)).toBeNull();
  });
});

describe('pageProblems', () => {
  it('checks only the showing questions of the page', () => {
    const visible = visibleQuestionIds(pages, { lives: 'no' });

    expect(pageProblems(pages[0], {}, [], visibleQuestionIds(pages, {}))).toEqual({
      lives: 'required',
    });
    expect(pageProblems(pages[1], { lives: 'no' }, [], visible)).toEqual({});
    expect(
      pageProblems(pages[1], { lives: 'yes' }, [], visibleQuestionIds(pages, { lives: 'yes' })),
    ).toEqual({ street: 'required' });
  });
});

describe('cleanAnswers', () => {
  it('drops hidden questions’ answers, unknown ids and personal data without consent', () => {
    const answers = {
      lives: 'no',
      street: 'Hovedgaden', // hidden since "no"
      wishes: ['bus'],
      email: 'karen@example.dk',
      gone: 'from an older version',
    };

    expect(cleanAnswers(pages, answers, [])).toEqual({
      answers: { lives: 'no', wishes: ['bus'] },
      consents: [],
    });
    expect(cleanAnswers(pages, answers, ['email', 'street'])).toEqual({
      answers: { lives: 'no', wishes: ['bus'], email: 'karen@example.dk' },
      consents: ['email'],
    });
  });

  it('sends no consent for a personal-data question left empty', () => {
    expect(cleanAnswers(pages, { lives: 'yes', email: ' ' }, ['email'])).toEqual({
      answers: { lives: 'yes' },
      consents: [],
    });
  });
});

describe('moveItem', () => {
  it('swaps with the neighbour and stays put at either end', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
