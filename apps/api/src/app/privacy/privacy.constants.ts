import type { JobOptions } from 'bull';

/** The privacy module's Bull queue (exports and erasures run in the worker role). */
export const PRIVACY_QUEUE = 'privacy';

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
