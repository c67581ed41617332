import { copenhagenParts, copenhagenToIso, minutesBetween } from './copenhagen-time';

describe(copenhagenToIso.name, () => {
  // 2027: summer time from Sunday 28 March to Sunday 31 October.
  it('keeps 19:00 at 19:00 on both sides of the March change', () => {
    expect(copenhagenToIso('2027-03-27', '19:00')).toBe('2027-03-27T19:00:00+01:00');
    expect(copenhagenToIso('2027-03-28', '19:00')).toBe('2027-03-28T19:00:00+02:00');
    expect(copenhagenToIso('2027-04-01', '19:00')).toBe('2027-04-01T19:00:00+02:00');
    expect(Date.parse(copenhagenToIso('2027-03-27', '19:00') ?? '')).toBe(
      Date.parse('2027-03-27T18:00:00Z'),
    );
    expect(Date.parse(copenhagenToIso('2027-03-28', '19:00') ?? '')).toBe(
      Date.parse('2027-03-28T17:00:00Z'),
    );
  });

  it('keeps 19:00 at 19:00 on both sides of the October change', () => {
    expect(copenhagenToIso('2027-10-30', '19:00')).toBe('2027-10-30T19:00:00+02:00');
    expect(copenhagenToIso('2027-10-31', '19:00')).toBe('2027-10-31T19:00:00+01:00');
    expect(copenhagenToIso('2026-10-24', '19:00')).toBe('2026-10-24T19:00:00+02:00');
    expect(copenhagenToIso('2026-10-25', '19:00')).toBe('2026-10-25T19:00:00+01:00');
  });

  it('switches at the hour of the change itself', () => {
    expect(copenhagenToIso('2027-03-28', '01:59')).toBe('2027-03-28T01:59:00+01:00');
    expect(copenhagenToIso('2027-03-28', '03:00')).toBe('2027-03-28T03:00:00+02:00');
    expect(copenhagenToIso('2027-10-31', '01:30')).toBe('2027-10-31T01:30:00+02:00');
    expect(copenhagenToIso('2027-10-31', '03:00')).toBe('2027-10-31T03:00:00+01:00');
  });

  it('reads a time the March change skips as standard time, and a repeated one as summer time', () => {
    expect(copenhagenToIso('2027-03-28', '02:30')).toBe('2027-03-28T02:30:00+01:00');
    expect(copenhagenToIso('2027-10-31', '02:30')).toBe('2027-10-31T02:30:00+02:00');
  });

  it('adds minutes on the wall clock, across midnight and a month', () => {
    expect(copenhagenToIso('2027-01-31', '23:30', 90)).toBe('2027-02-01T01:00:00+01:00');
    expect(copenhagenToIso('2027-06-10', '19:00', 120)).toBe('2027-06-10T21:00:00+02:00');
  });

  it('gives null for what cannot be read', () => {
    expect(copenhagenToIso('', '19:00')).toBeNull();
    expect(copenhagenToIso('2027-01-01', '')).toBeNull();
    expect(copenhagenToIso('2027-01-01', '25:00')).toBeNull();
  });
});

describe(copenhagenParts.name, () => {
  it('reads an instant back as Danish date and time, winter and summer', () => {
    expect(copenhagenParts('2027-03-27T18:00:00Z')).toEqual({ date: '2027-03-27', time: '19:00' });
    expect(copenhagenParts('2027-03-28T17:00:00Z')).toEqual({ date: '2027-03-28', time: '19:00' });
    expect(copenhagenParts('2027-10-31T18:00:00.000Z')).toEqual({
      date: '2027-10-31',
      time: '19:00',
    });
    expect(copenhagenParts('2027-12-31T23:30:00Z')).toEqual({ date: '2028-01-01', time: '00:30' });
  });

  it('round-trips with copenhagenToIso', () => {
    for (const date of ['2027-03-27', '2027-03-28', '2027-10-30', '2027-10-31']) {
      expect(copenhagenParts(copenhagenToIso(date, '19:00') ?? '')).toEqual({
        date,
        time: '19:00',
      });
    }
  });
});

describe('helpers', () => {
  it('counts minutes', () => {
    expect(minutesBetween('2027-03-27T19:00:00+01:00', '2027-03-27T21:00:00+01:00')).toBe(120);
  });
});
