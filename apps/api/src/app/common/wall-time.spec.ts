import { CIRCLE_TIME_ZONE, instantOf, isoWithOffset, wallTimeOf } from '@blup/contracts';

const tz = CIRCLE_TIME_ZONE;

describe('wall time in Europe/Copenhagen', () => {
  it('keeps 19.00 at 19.00 on both sides of the March change', () => {
    expect(instantOf('2027-03-25', '19:00', tz).toISOString()).toBe('2027-03-25T18:00:00.000Z');
    expect(instantOf('2027-04-01', '19:00', tz).toISOString()).toBe('2027-04-01T17:00:00.000Z');
  });

  it('keeps 19.00 at 19.00 on both sides of the October change', () => {
    expect(instantOf('2026-10-22', '19:00', tz).toISOString()).toBe('2026-10-22T17:00:00.000Z');
    expect(instantOf('2026-10-29', '19:00', tz).toISOString()).toBe('2026-10-29T18:00:00.000Z');
  });

  it('moves a time the spring change skips an hour on, and takes a doubled autumn time first', () => {
    expect(instantOf('2027-03-28', '02:30', tz).toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(instantOf('2026-10-25', '02:30', tz).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('reads an instant back as the Danish wall time with its offset', () => {
    expect(wallTimeOf(new Date('2027-04-01T17:00:00Z'), tz)).toEqual({
      date: '2027-04-01',
      time: '19:00',
      offsetMinutes: 120,
    });
    expect(isoWithOffset(new Date('2027-03-25T18:00:00Z'), tz)).toBe('2027-03-25T19:00:00+01:00');
    expect(isoWithOffset(new Date('2027-04-01T17:00:00Z'), tz)).toBe('2027-04-01T19:00:00+02:00');
  });
});
