import { ErrorCode, QuestionKind, type SurveyQuestionDto } from '@blup/contracts';
import { AppException } from '../common/app-exception';
import { checkAnswers } from './survey-answers';
import { checkPages } from './survey-content';

const question = (id: string): SurveyQuestionDto => ({
  id,
  kind: QuestionKind.ShortText,
  title: 'Hvad hedder du?',
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
});

describe('names every object already has', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'refuses %s as a question, option or row id',
    (id) => {
      const pages = (q: Record<string, unknown>) => [{ id: 'p1', title: '', questions: [q] }];
      for (const q of [
        { id, kind: 'short_text', title: 'Navn' },
        {
          id: 'q1',
          kind: 'matrix',
          title: 'Hvor enig',
          options: [{ id, label: 'Enig' }],
          rows: [{ id: 'r1', label: 'Hallen' }],
        },
        {
          id: 'q1',
          kind: 'matrix',
          title: 'Hvor enig',
          options: [{ id: 'o1', label: 'Enig' }],
          rows: [{ id, label: 'Hallen' }],
        },
      ]) {
        let error: unknown;
        try {
          checkPages(pages(q));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(AppException);
        expect((error as AppException).code).toBe(ErrorCode.SurveyContentInvalid);
      }
    },
  );

  it('reads only the answers sent, never what every object inherits', () => {
    // A questionnaire saved before the rule: an optional question named `constructor`.
    const pages = [{ id: 'p1', title: '', questions: [question('constructor'), question('q2')] }];
    const { answers, rows } = checkAnswers(pages, JSON.parse('{"q2":"Ole"}'), []);
    expect(Object.keys(answers)).toEqual(['q2']);
    expect(rows).toHaveLength(1);
    const named = checkAnswers(pages, JSON.parse('{"constructor":"Bo"}'), []);
    expect(JSON.parse(JSON.stringify(named.answers))).toEqual({ constructor: 'Bo' });
  });
});
