import { continueCard } from './home-cards';

describe(continueCard.name, () => {
  it('links to the lesson and says how far the person got', () => {
    const sut = continueCard('da', {
      courseId: 'c1',
      courseTitle: 'BLUP',
      lessonId: 'l1',
      lessonTitle: 'Borgerpanelet',
      positionSeconds: 42,
      percent: 30,
    });
    expect(sut).toEqual({
      kind: 'continue',
      title: 'Fortsæt hvor du slap',
      subtitle: 'Borgerpanelet · BLUP · 30 % set',
      link: '/lessons/l1',
    });
  });
});
