import type { JobOptions } from 'bull';

export const RETENTION_QUEUE = 'retention';
export const RETENTION_JOB = 'nightly';

/**
 * Every night at 02:40 Danish time, when nobody works; one repeatable job however many workers
 * add it (the fixed jobId), and one run at a time (the processor's concurrency is 1).
 */
export const RETENTION_OPTIONS: JobOptions = {
  repeat: { cron: '40 2 * * *', tz: 'Europe/Copenhagen' },
  jobId: 'retention-nightly',
  removeOnComplete: 30,
  removeOnFail: 30,
};

/** How many accounts disabled long enough one run sends to erasure at most (the rest next night). */
export const DUE_ACCOUNTS_PER_RUN = 500;
