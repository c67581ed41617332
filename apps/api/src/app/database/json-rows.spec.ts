import { withDates } from './json-rows';

describe(withDates.name, () => {
  it('turns the named text timestamps into Dates, keeps nulls and leaves the rest alone', () => {
    const row = withDates<
      { id: string; at: Date; done: Date | null; seen: Date | null },
      'at' | 'done' | 'seen'
    >(
      { id: 'a', at: '2026-12-07T20:00:00.123456+01:00', done: null, seen: '2026-01-01T00:00:00Z' },
      ['at', 'done', 'seen'],
    );
    expect(row).toEqual({
      id: 'a',
      at: new Date('2026-12-07T19:00:00.123Z'),
      done: null,
      seen: new Date('2026-01-01T00:00:00Z'),
    });
  });
});
