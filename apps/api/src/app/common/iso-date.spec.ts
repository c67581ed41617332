import { isIsoDate, isIsoInstant } from './iso-date';

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

describe(isIsoInstant.name, () => {
  it.each([
    '2027-03-25T19:00:00+01:00',
    '2027-03-25T19:00Z',
    '2027-10-31T02:30:00.000+02:00',
    '2028-02-29T10:00:00Z',
  ])('accepts %s', (v) => expect(isIsoInstant(v)).toBe(true));

  it.each([
    ['no offset', '2027-03-25T19:00:00'],
    ['a date only', '2027-03-25'],
    ['a day that does not exist', '2027-02-30T10:00:00Z'],
    ['an hour out of range', '2027-03-25T24:00:00Z'],
    ['text', 'tomorrow'],
    ['a number', 1_700_000_000],
  ])('refuses %s', (_, v) => expect(isIsoInstant(v)).toBe(false));
});
