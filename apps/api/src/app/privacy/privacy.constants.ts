import type { JobOptions } from 'bull';

/**
 * The Bull queue of personal data (issue 17): exports are built and erasures run here, by the
 * worker role only. Each part adds its own job names.
 */
export const PRIVACY_QUEUE = 'privacy';

/** Builds one export's zip; the job id is the export's id, so a second add is a no-op. */
export const BUILD_EXPORT_JOB = 'build-export';

/** Marks exports whose link has run out as expired and deletes their files. */
export const EXPIRE_EXPORTS_JOB = 'expire-exports';

export const BUILD_EXPORT_OPTIONS: JobOptions = {
  attempts: 1,
  removeOnComplete: 100,
  removeOnFail: 100,
};

/** Once an hour; one repeatable job however many workers start it. */
export const EXPIRE_EXPORTS_OPTIONS: JobOptions = {
  repeat: { cron: '41 * * * *' },
  jobId: 'privacy-expire-exports-hourly',
  removeOnComplete: 24,
  removeOnFail: 24,
};

/** Runs one erasure request: `{ requestId }`. */
export const ERASURE_JOB = 'erasure';
/** Finds erasures whose cool-off has passed (and approved ones the queue lost) and runs them. */
export const ERASURE_SCAN_JOB = 'erasure-scan';

/** Every ten minutes; one repeatable job however many workers start it. */
export const ERASURE_SCAN_OPTIONS: JobOptions = {
  repeat: { cron: '*/10 * * * *' },
  jobId: 'erasure-scan',
  removeOnComplete: 24,
  removeOnFail: 24,
};

/** An erasure job: no automatic retries (a failed request is re-run by the secretariat). */
export const ERASURE_JOB_OPTIONS: JobOptions = {
  attempts: 1,
  removeOnComplete: 100,
  removeOnFail: 100,
};

/** A request left `running` this long (its worker died) is taken up again by the scan. */
export const ERASURE_STALE_MINUTES = 30;
