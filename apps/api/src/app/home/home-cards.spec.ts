import { coordinatorCards, secretariatCards, steeringCards, welcomeCards } from './home-cards';

describe('home cards', () => {
  it('gives the secretariat a count and a link for each list', () => {
    const cards = secretariatCards('da', {
      municipalities: 6,
      villages: 12,
      cohorts: 2,
      people: 15,
    });
    expect(cards.map((c) => [c.kind, c.link, c.count])).toEqual([
      ['municipality', '/municipalities', 6],
      ['village', '/villages', 12],
      ['cohort', '/cohorts', 2],
      ['people', '/people', 15],
    ]);
  });

  it('shows a coordinator their municipality and how many villages it has', () => {
    const cards = coordinatorCards('da', {
      municipalityId: 'm1',
      municipalityName: 'Næstved',
      villageCount: 1,
    });
    expect(cards[0]).toMatchObject({
      kind: 'municipality',
      title: 'Næstved',
      link: '/municipalities/m1',
    });
    expect(cards[1]).toMatchObject({ kind: 'village', count: 1, subtitle: '1 landsby' });
  });

  it('shows a steering member their village, and their cohort only when there is one', () => {
    const base = { villageId: 'v1', villageName: 'Glumsø og Omegn', municipalityName: 'Næstved' };
    expect(steeringCards('en', { ...base, cohort: null }).map((c) => c.kind)).toEqual(['village']);
    const cards = steeringCards('en', {
      ...base,
      cohort: { id: 'c1', name: 'Forår 2027', startDate: '2027-02-01' },
    });
    expect(cards[1]).toMatchObject({
      kind: 'cohort',
      link: '/cohorts/c1',
      subtitle: 'Your cohort starts on 2027-02-01',
    });
  });

  it('welcomes learners in their language', () => {
    expect(welcomeCards('da')[0].title).toBe('Velkommen til BLUP Akademiet');
    expect(welcomeCards('en')[0].title).toBe('Welcome to BLUP Akademiet');
  });
});
