import type { JobOptions } from 'bull';

export const REMINDERS_QUEUE = 'reminders';
export const SEND_REMINDERS_JOB = 'send';
/** Mails the participants of a cancelled session the calendar cancellation. */
export const SEND_CANCELLATIONS_JOB = 'cancel';

/** The job that mails one session's reminders; a failure is tried again, backing off. */
export const REMINDER_JOB_OPTIONS: JobOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: 1000,
  removeOnFail: 1000,
};

/** One job per session and start time: adding it again (event twice, sweep) is a no-op. */
export function reminderJobId(sessionId: string, startsAt: Date): string {
  return `reminder:${sessionId}:${startsAt.getTime()}`;
}

/** One job per session and cancellation (its SEQUENCE): a second event for it is a no-op. */
export function cancellationJobId(sessionId: string, sequence: number): string {
  return `cancel:${sessionId}:${sequence}`;
}
