import { reminderJobId } from './reminders.constants';
import { reminderDelay } from './reminders.producer';

describe(reminderDelay.name, () => {
  const now = new Date('2027-03-20T10:00:00Z');

  it('is due the configured time before the start', () => {
    const startsAt = new Date('2027-03-25T18:00:00Z');
    expect(reminderDelay(startsAt, 48 * 60, now)).toBe(
      startsAt.getTime() - 48 * 3_600_000 - now.getTime(),
    );
  });

  it('is due now when that time has passed but the session has not begun', () => {
    expect(reminderDelay(new Date('2027-03-20T11:00:00Z'), 48 * 60, now)).toBe(0);
  });

  it('is never for a session that has begun', () => {
    expect(reminderDelay(now, 60, now)).toBeNull();
    expect(reminderDelay(new Date('2027-03-19T10:00:00Z'), 60, now)).toBeNull();
  });
});

describe(reminderJobId.name, () => {
  it('names the session and its start, so a moved session gets a new job', () => {
    const a = reminderJobId('s1', new Date('2027-03-25T18:00:00Z'));
    expect(a).toBe(`reminder:s1:${Date.parse('2027-03-25T18:00:00Z')}`);
    expect(reminderJobId('s1', new Date('2027-03-25T19:00:00Z'))).not.toBe(a);
  });
});
