import { addDays, wallTimeOf } from './time';

describe('addDays', () => {
  it('counts calendar days across month and year ends, forwards and back', () => {
    expect(addDays('2027-03-20', 21)).toBe('2027-04-10');
    expect(addDays('2027-12-25', 14)).toBe('2028-01-08');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-01-05', -7)).toBe('2026-12-29');
  });

  it('is a calendar day across a clock change, not 24 hours', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-10-31', -1)).toBe('2027-10-30');
  });

  it('gives back text that is not a YYYY-MM-DD date unchanged', () => {
    expect(addDays('not a date', 3)).toBe('not a date');
  });
});

describe('wallTimeOf', () => {
  const zone = 'Europe/Copenhagen';

  it('answers each second of a daylight-saving change right, asked once or again', () => {
    // Clocks went from 02:00 to 03:00 at 01:00:00 UTC on 29 March 2026.
    const before = new Date('2026-03-29T00:59:59.999Z');
    const after = new Date('2026-03-29T01:00:00.000Z');
    for (let round = 0; round < 2; round++) {
      expect(wallTimeOf(before, zone)).toEqual({
        date: '2026-03-29',
        time: '01:59',
        offsetMinutes: 60,
      });
      expect(wallTimeOf(after, zone)).toEqual({
        date: '2026-03-29',
        time: '03:00',
        offsetMinutes: 120,
      });
    }
  });

  it('gives every caller its own answer to change', () => {
    const instant = new Date('2026-12-07T20:00:00Z');
    const first = wallTimeOf(instant, zone);
    first.time = 'changed';
    expect(wallTimeOf(instant, zone).time).toBe('21:00');
    expect(wallTimeOf(instant, 'UTC').time).toBe('20:00');
  });
});
