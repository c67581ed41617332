import { type GatheringQuestion, GatheringQuestionKind } from '@blup/contracts';
import { answersForm, answersFrom, numberChoices, standardQuestions } from './answers';

const labels = { count: 'Hvor mange kommer I?', diet: 'Mad og allergi' };
const [count, diet] = standardQuestions(true, true, labels);
const choice: GatheringQuestion = {
  id: 'dag',
  kind: GatheringQuestionKind.Choice,
  label: 'Hvilken dag?',
  required: true,
  options: ['Lørdag', 'Søndag'],
};

describe('registration answers', () => {
  it('asks the two standard questions only when ticked', () => {
    expect(standardQuestions(false, false, labels)).toEqual([]);
    expect(standardQuestions(true, false, labels).map((q) => q.id)).toEqual(['antal']);
    expect(count).toMatchObject({ required: true, countsPeople: true });
    expect(diet).toMatchObject({ required: false, kind: GatheringQuestionKind.Text });
  });

  it('offers 1.. for a people count and 0.. for another number', () => {
    expect(numberChoices(count)[0]).toBe(1);
    expect(numberChoices({ ...count, countsPeople: false })[0]).toBe(0);
    expect(numberChoices(count).at(-1)).toBe(20);
  });

  it('starts a people count at 1 and requires the required ones', () => {
    const sut = answersForm([count, diet, choice]);

    expect(sut.controls['antal'].value).toBe('1');
    expect(sut.controls['kost'].valid).toBe(true);
    expect(sut.controls['dag'].valid).toBe(false);
  });

  it('sends numbers as numbers, text trimmed, and leaves out the empty ones', () => {
    expect(answersFrom([count, diet, choice], { antal: '3', kost: '  vegetar ', dag: '' })).toEqual(
      { antal: 3, kost: 'vegetar' },
    );
    expect(answersFrom([count], { antal: 'x' })).toEqual({});
  });
});
