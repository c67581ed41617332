import { daysBeforeSendAt } from './newsletters';

describe('daysBeforeSendAt', () => {
  it('is 09:00 Danish time N calendar days before, across the clock change', () => {
    // Thursday 25 March 2027 19:00 (winter time) minus 7 days: 18 March 09:00 +01:00.
    expect(daysBeforeSendAt(new Date('2027-03-25T18:00:00Z'), 7).toISOString()).toBe(
      '2027-03-18T08:00:00.000Z',
    );
    // 1 April 2027 (summer time) minus 7 days is 25 March (winter time): 09:00 +01:00.
    expect(daysBeforeSendAt(new Date('2027-04-01T17:00:00Z'), 7).toISOString()).toBe(
      '2027-03-25T08:00:00.000Z',
    );
    // 0 days: the morning of the session's own day, in summer time (09:00 +02:00).
    expect(daysBeforeSendAt(new Date('2027-04-01T17:00:00Z'), 0).toISOString()).toBe(
      '2027-04-01T07:00:00.000Z',
    );
  });

  it("takes the session's Copenhagen date, even just after midnight UTC", () => {
    expect(daysBeforeSendAt(new Date('2027-04-01T22:30:00Z'), 0).toISOString()).toBe(
      '2027-04-02T07:00:00.000Z',
    );
  });
});
