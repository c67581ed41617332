import { addDays } from './time';

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
