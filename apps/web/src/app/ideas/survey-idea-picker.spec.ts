import { IDEA_LIMITS } from '@blup/contracts';
import { ideaFromAnswer } from './survey-idea-picker';

describe(ideaFromAnswer.name, () => {
  const source = { kind: 'survey_answer', surveyId: 's1', questionId: 'mangler' };

  it('makes a short answer the title, with the survey question as its source', () => {
    expect(ideaFromAnswer('  Et sted at mødes\nom aftenen. ', 's1', 'mangler')).toEqual({
      title: 'Et sted at mødes om aftenen.',
      description: '',
      source,
    });
  });

  it('trims a long answer to the title limit and keeps it whole as the description', () => {
    const text = 'Busser i weekenden '.repeat(20).trim();
    const idea = ideaFromAnswer(text, 's1', 'mangler');
    expect(idea.title.length).toBeLessThanOrEqual(IDEA_LIMITS.titleMaxLength);
    expect(idea.title.endsWith('…')).toBe(true);
    expect(idea.description).toBe(text);
    expect(idea.source).toEqual(source);
  });
});
