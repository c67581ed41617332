import { QuestionKind, type SurveyPageDto, type SurveyQuestionDto } from '@blup/contracts';
import {
  blankPage,
  blankQuestion,
  changeKind,
  conditionProblem,
  conditionSources,
  dateInputValue,
  instantFromDateInput,
  move,
  moveQuestion,
  newId,
  removeQuestion,
  savedIds,
  surveyProblems,
} from './survey-model';

function question(id: string, kind: QuestionKind, patch: Partial<SurveyQuestionDto> = {}) {
  return {
    ...blankQuestion(kind, id),
    title: id.toUpperCase(),
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
    ...patch,
  };
}

/** Page 1: q1 (single), q2 (text); page 2: q3 (multiple), q4 (scale). */
function survey(): SurveyPageDto[] {
  return [
    {
      ...blankPage('Første', 'p1'),
      questions: [
        question('q1', QuestionKind.SingleChoice),
        question('q2', QuestionKind.ShortText, { options: [] }),
      ],
    },
    {
      ...blankPage('Anden', 'p2'),
      questions: [
        question('q3', QuestionKind.MultipleChoice),
        question('q4', QuestionKind.Scale, { options: [] }),
      ],
    },
  ];
}

const ids = (pages: SurveyPageDto[]) => pages.map((p) => p.questions.map((q) => q.id));

describe('survey model', () => {
  it('makes ids the API accepts', () => {
    expect(newId('q')).toMatch(/^q-[a-z0-9]{8}$/);
  });

  it('moves an item within bounds and leaves the list alone at its ends', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, -2)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('moves a question within its page, and across onto the next page at its edge', () => {
    const pages = survey();
    expect(ids(moveQuestion(pages, 'q2', -1))).toEqual([
      ['q2', 'q1'],
      ['q3', 'q4'],
    ]);
    expect(ids(moveQuestion(pages, 'q2', 1))).toEqual([['q1'], ['q2', 'q3', 'q4']]);
    expect(ids(moveQuestion(pages, 'q3', -1))).toEqual([['q1', 'q2', 'q3'], ['q4']]);
    expect(ids(moveQuestion(pages, 'q1', -1))).toEqual(ids(pages));
    expect(ids(moveQuestion(pages, 'q4', 1))).toEqual(ids(pages));
    expect(ids(pages)).toEqual([
      ['q1', 'q2'],
      ['q3', 'q4'],
    ]);
  });

  it('drops the conditions that depended on a removed question', () => {
    const pages = survey();
    pages[1].questions[1] = {
      ...pages[1].questions[1],
      condition: { questionId: 'q1', optionIds: ['a'] },
    };
    const out = removeQuestion(pages, 'q1');
    expect(ids(out)).toEqual([['q2'], ['q3', 'q4']]);
    expect(out[1].questions[1].condition).toBeNull();
  });

  it('offers only earlier choice questions as a condition', () => {
    expect(conditionSources(survey(), 'q4').map((q) => q.id)).toEqual(['q1', 'q3']);
    expect(conditionSources(survey(), 'q3').map((q) => q.id)).toEqual(['q1']);
    expect(conditionSources(survey(), 'q1')).toEqual([]);
  });

  it('says why a condition cannot be met', () => {
    const pages = survey();
    const q4 = pages[1].questions[1];
    expect(conditionProblem(pages, q4)).toBeNull();
    expect(
      conditionProblem(pages, { ...q4, condition: { questionId: 'q1', optionIds: ['b'] } }),
    ).toBeNull();
    expect(
      conditionProblem(pages, { ...q4, condition: { questionId: 'q2', optionIds: ['a'] } }),
    ).toBe('source');
    const q1 = pages[0].questions[0];
    expect(
      conditionProblem(pages, { ...q1, condition: { questionId: 'q3', optionIds: ['a'] } }),
    ).toBe('source');
    expect(conditionProblem(pages, { ...q4, condition: { questionId: 'q1', optionIds: [] } })).toBe(
      'options',
    );
    expect(
      conditionProblem(pages, { ...q4, condition: { questionId: 'q1', optionIds: ['zz'] } }),
    ).toBe('options');
  });

  it('lists what must be fixed before saving', () => {
    const pages = survey();
    expect(surveyProblems(pages)).toEqual([]);
    pages[0].questions[0] = { ...pages[0].questions[0], options: [{ id: 'a', label: ' ' }] };
    pages[0].questions[1] = { ...pages[0].questions[1], personalData: true, consentText: '' };
    pages[1] = { ...pages[1], title: '' };
    pages[1].questions[0] = {
      ...pages[1].questions[0],
      condition: { questionId: 'q1', optionIds: [] },
    };
    expect(surveyProblems(pages)).toEqual([
      { kind: 'tooFewOptions', questionId: 'q1' },
      { kind: 'optionLabel', questionId: 'q1' },
      { kind: 'consent', questionId: 'q2' },
      { kind: 'pageTitle', pageIndex: 1 },
      { kind: 'condition', questionId: 'q3', problem: 'options' },
    ]);
  });

  it('keeps words and options when the kind changes, and resets the rest', () => {
    const single = question('q1', QuestionKind.SingleChoice, { published: true, required: true });
    const ranking = changeKind(single, QuestionKind.Ranking);
    expect(ranking).toMatchObject({ id: 'q1', title: 'Q1', kind: 'ranking', required: true });
    expect(ranking.options).toEqual(single.options);
    const text = changeKind(single, QuestionKind.LongText);
    expect(text).toMatchObject({ options: [], published: false });
    expect(changeKind(single, QuestionKind.Scale).scaleLabels).toEqual({ low: '', high: '' });
    expect(changeKind(single, QuestionKind.Info).required).toBe(false);
  });

  it('knows which questions and options answers may use', () => {
    const saved = savedIds(survey());
    expect(saved.has('q1')).toBe(true);
    expect(saved.has('q1/a')).toBe(true);
    expect(saved.has('q2/a')).toBe(false);
  });

  it('turns date fields into the start or end of that day', () => {
    const start = instantFromDateInput('2026-03-01', false);
    const end = instantFromDateInput('2026-03-31', true);
    expect(dateInputValue(start)).toBe('2026-03-01');
    expect(dateInputValue(end)).toBe('2026-03-31');
    expect(new Date(end ?? '').getHours()).toBe(23);
    expect(instantFromDateInput('', true)).toBeNull();
    expect(dateInputValue(null)).toBe('');
  });
});
