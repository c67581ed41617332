import type { JobOptions } from 'bull';

export const MAIL_QUEUE = 'mail';
export const SEND_MAIL_JOB = 'send';

/** A mail that cannot be sent now is tried again, backing off, for about an hour. */
export const SEND_MAIL_OPTIONS: JobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 15_000 },
  removeOnComplete: 1000,
  removeOnFail: 5000,
};
