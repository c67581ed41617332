import { isIsoDate } from './iso-date';

describe(isIsoDate.name, () => {
  it.each(['2027-02-01', '2028-02-29', '1999-12-31'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    ['not a date', 'spring'],
    ['a day that does not exist', '2027-02-30'],
    ['a leap day in a common year', '2027-02-29'],
    ['a Danish-style date', '01-02-2027'],
    ['a timestamp', '2027-02-01T00:00:00Z'],
    ['a year out of range', '0000-01-01'],
    ['a number', 20270201],
  ])('refuses %s', (_, value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});
