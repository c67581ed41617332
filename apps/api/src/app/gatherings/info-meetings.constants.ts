import type { JobOptions } from 'bull';

export const INFO_MEETINGS_QUEUE = 'info-meetings';
export const SEND_INFO_MEETING_REMINDERS_JOB = 'remind';

/** The job that mails one meeting's reminders; a failure is tried again, backing off. */
export const INFO_MEETING_REMINDER_OPTIONS: JobOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: 1000,
  removeOnFail: 1000,
};

/** One job per meeting and start time: adding it again is a no-op; a moved meeting gets a new one. */
export function infoMeetingJobId(meetingId: string, startsAt: Date): string {
  return `info-meeting:${meetingId}:${startsAt.getTime()}`;
}

/** When the reminder is due: `hoursBefore` before the start, now if that has passed; null once started. */
export function infoMeetingReminderDelay(
  startsAt: Date,
  hoursBefore: number,
  now: Date,
): number | null {
  if (startsAt.getTime() <= now.getTime()) return null;
  return Math.max(0, startsAt.getTime() - hoursBefore * 3_600_000 - now.getTime());
}

/** A sign-up this close to the start gets no separate reminder: its confirmation is the reminder. */
export function withinReminderWindow(startsAt: Date, hoursBefore: number, now: Date): boolean {
  return startsAt.getTime() - now.getTime() <= hoursBefore * 3_600_000;
}
