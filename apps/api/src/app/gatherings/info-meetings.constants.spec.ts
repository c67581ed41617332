import {
  infoMeetingJobId,
  infoMeetingReminderDelay,
  withinReminderWindow,
} from './info-meetings.constants';

describe(infoMeetingReminderDelay.name, () => {
  const now = new Date('2027-01-10T10:00:00Z');

  it('is due 24 hours before the start', () => {
    const startsAt = new Date('2027-01-14T18:00:00Z');
    expect(infoMeetingReminderDelay(startsAt, 24, now)).toBe(
      startsAt.getTime() - 24 * 3_600_000 - now.getTime(),
    );
  });

  it('is due now inside the last 24 hours, and never once started', () => {
    expect(infoMeetingReminderDelay(new Date('2027-01-10T20:00:00Z'), 24, now)).toBe(0);
    expect(infoMeetingReminderDelay(now, 24, now)).toBeNull();
  });
});

describe(withinReminderWindow.name, () => {
  it('is true in the last 24 hours before the start', () => {
    const now = new Date('2027-01-10T10:00:00Z');
    expect(withinReminderWindow(new Date('2027-01-11T09:00:00Z'), 24, now)).toBe(true);
    expect(withinReminderWindow(new Date('2027-01-11T11:00:00Z'), 24, now)).toBe(false);
  });
});

describe(infoMeetingJobId.name, () => {
  it('names the meeting and its start', () => {
    const a = infoMeetingJobId('m1', new Date('2027-01-14T18:00:00Z'));
    expect(a).not.toBe(infoMeetingJobId('m1', new Date('2027-01-14T19:00:00Z')));
  });
});
