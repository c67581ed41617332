import {
  CIRCLE_TIME_ZONE,
  instantOf,
  instantsOf,
  isoWithOffset,
  wallTimeIso,
  wallTimeOf,
} from '@blup/contracts';

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

  it('reads wall time on both sides of the March and October changes', () => {
    expect(wallTimeOf(new Date('2027-03-25T18:00:00Z'), tz)).toMatchObject({
      date: '2027-03-25',
      time: '19:00',
    });
    expect(wallTimeOf(new Date('2027-01-15T12:00:00Z'), tz).offsetMinutes).toBe(60);
    expect(wallTimeOf(new Date('2027-10-28T17:00:00Z'), tz).time).toBe('19:00');
    expect(wallTimeOf(new Date('2027-11-04T18:00:00Z'), tz).time).toBe('19:00');
    expect(wallTimeOf(new Date('2027-12-31T23:30:00Z'), tz)).toMatchObject({
      date: '2028-01-01',
      time: '00:30',
    });
  });

  it('finds no instant in the skipped hour and two in the repeated one, to the second', () => {
    expect(instantsOf('2027-03-28', '02:30:00', tz)).toEqual([]);
    expect(instantsOf('2027-10-31', '02:30:00', tz).map((d) => d.toISOString())).toEqual([
      '2027-10-31T00:30:00.000Z',
      '2027-10-31T01:30:00.000Z',
    ]);
    expect(instantsOf('2027-10-31', '02:30:15', tz).map((d) => d.toISOString())).toEqual([
      '2027-10-31T00:30:15.000Z',
      '2027-10-31T01:30:15.000Z',
    ]);
    expect(instantsOf('2027-04-01', '19:00', tz).map((d) => d.toISOString())).toEqual([
      '2027-04-01T17:00:00.000Z',
    ]);
  });

  it('writes a wall time as ISO 8601 with the offset it is read under', () => {
    expect(wallTimeIso('2027-03-27', '19:00', tz)).toBe('2027-03-27T19:00:00+01:00');
    expect(wallTimeIso('2027-03-28', '19:00', tz)).toBe('2027-03-28T19:00:00+02:00');
    expect(wallTimeIso('2027-03-28', '02:30', tz)).toBe('2027-03-28T02:30:00+01:00');
    expect(wallTimeIso('2027-10-31', '02:30', tz)).toBe('2027-10-31T02:30:00+02:00');
    expect(wallTimeIso('2027-10-31', '03:00', tz)).toBe('2027-10-31T03:00:00+01:00');
  });
});
