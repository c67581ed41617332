import {
  coordinatorCards,
  longDate,
  secretariatCards,
  steeringCards,
  welcomeCards,
} from './home-cards';

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
    const base = {
      villageId: 'v1',
      villageName: 'Glumsø og Omegn',
      municipalityName: 'Næstved',
      today: '2026-12-06',
    };
    expect(steeringCards('en', { ...base, cohort: null }).map((c) => c.kind)).toEqual(['village']);
    const cards = steeringCards('en', {
      ...base,
      cohort: { id: 'c1', name: 'Forår 2027', startDate: '2027-02-01' },
    });
    expect(cards[1]).toMatchObject({
      kind: 'cohort',
      link: '/cohorts/c1',
      subtitle: 'Your cohort starts on 1 February 2027',
    });
    expect(
      steeringCards('da', {
        ...base,
        cohort: { id: 'c1', name: 'Forår 2027', startDate: '2027-02-01' },
      })[1].subtitle,
    ).toBe('Dit hold starter 1. februar 2027');
    expect(
      steeringCards('da', {
        ...base,
        cohort: { id: 'c1', name: 'Forår 2026', startDate: '2026-06-11' },
      })[1].subtitle,
    ).toBe('Dit hold startede 11. juni 2026');
  });

  describe(longDate.name, () => {
    it.each([
      ['da', '2027-02-01', '1. februar 2027'],
      ['en', '2027-02-01', '1 February 2027'],
      // Summer time and the turn of the year stay on their calendar day.
      ['da', '2026-07-31', '31. juli 2026'],
      ['en', '2026-12-31', '31 December 2026'],
    ] as const)('writes %s %s as "%s"', (locale, iso, words) => {
      expect(longDate(locale, iso)).toBe(words);
    });

    it('leaves a value that is not a date as it is', () => {
      expect(longDate('da', 'soon')).toBe('soon');
    });
  });

  it('welcomes learners in their language', () => {
    expect(welcomeCards('da')[0].title).toBe('Velkommen til BLUP Akademiet');
    expect(welcomeCards('en')[0].title).toBe('Welcome to BLUP Akademiet');
  });
});
