import { formatSessionTime, hasEnded } from './session-time';

const NOW = new Date('2027-01-10T12:00:00Z');

describe('formatSessionTime', () => {
  it('writes a winter evening in Danish time (UTC+1)', () => {
    expect(formatSessionTime('2027-03-25T18:00:00Z', '2027-03-25T19:30:00Z', 'da', NOW)).toBe(
      'torsdag 25. marts kl. 19.00–20.30',
    );
    expect(formatSessionTime('2027-03-25T18:00:00Z', '2027-03-25T19:30:00Z', 'en', NOW)).toBe(
      'Thursday 25 March, 19:00–20:30',
    );
  });

  it('keeps 19.00 on the summer side of the March change (UTC+2)', () => {
    // Summer time starts on Sunday 28 March 2027 at 01:00 UTC.
    expect(formatSessionTime('2027-04-01T17:00:00Z', '2027-04-01T18:30:00Z', 'da', NOW)).toBe(
      'torsdag 1. april kl. 19.00–20.30',
    );
  });

  it('follows the October change back to UTC+1', () => {
    // Summer time ends on Sunday 31 October 2027 at 01:00 UTC.
    expect(formatSessionTime('2027-10-28T17:00:00Z', '2027-10-28T18:00:00Z', 'da', NOW)).toBe(
      'torsdag 28. oktober kl. 19.00–20.00',
    );
    expect(formatSessionTime('2027-11-04T18:00:00Z', '2027-11-04T19:00:00Z', 'da', NOW)).toBe(
      'torsdag 4. november kl. 19.00–20.00',
    );
  });

  it('writes the day in Copenhagen, not in UTC, after midnight', () => {
    // 23:30 UTC on 24 March is 00:30 on 25 March in Copenhagen.
    expect(formatSessionTime('2027-03-24T23:30:00Z', '2027-03-25T00:30:00Z', 'da', NOW)).toBe(
      'torsdag 25. marts kl. 00.30–01.30',
    );
  });

  it('adds the year when it is not this year', () => {
    expect(formatSessionTime('2028-02-03T18:00:00Z', '2028-02-03T19:00:00Z', 'da', NOW)).toBe(
      'torsdag 3. februar 2028 kl. 19.00–20.00',
    );
    expect(formatSessionTime('2028-02-03T18:00:00Z', '2028-02-03T19:00:00Z', 'en', NOW)).toBe(
      'Thursday 3 February 2028, 19:00–20:00',
    );
  });

  it('is empty for a time it cannot read', () => {
    expect(formatSessionTime('nonsense', '2027-03-25T19:30:00Z', 'da', NOW)).toBe('');
  });
});

describe('hasEnded', () => {
  it('is true from the end time on', () => {
    expect(hasEnded('2027-01-10T12:00:00Z', NOW)).toBe(true);
    expect(hasEnded('2027-01-10T12:00:01Z', NOW)).toBe(false);
  });
});
