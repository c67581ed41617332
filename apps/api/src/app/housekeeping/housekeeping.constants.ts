import type { JobOptions } from 'bull';

export const HOUSEKEEPING_QUEUE = 'housekeeping';
export const PURGE_JOB = 'purge';

/** Once an hour; one repeatable job however many workers start it. */
export const PURGE_OPTIONS: JobOptions = {
  repeat: { cron: '17 * * * *' },
  jobId: 'purge-hourly',
  removeOnComplete: 24,
  removeOnFail: 24,
};

/** Used and expired one-time tokens are kept this long for support questions, then deleted. */
export const TOKEN_RETENTION_DAYS = 30;
