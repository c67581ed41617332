import type { JobOptions } from 'bull';

export const NEWSLETTERS_QUEUE = 'newsletters';
/** Snapshots the audience into delivery rows and queues the batches. */
export const START_JOB = 'start';
/** Claims batches of delivery rows and sends them, until none is left to claim. */
export const BATCH_JOB = 'batch';
/** Every few minutes: newsletters whose time has come, and sends a dead worker left behind. */
export const SWEEP_JOB = 'sweep';

/** Batch jobs one worker process runs at once (each with its own SMTP lanes). */
export const BATCH_CONCURRENCY = 2;
/** Batch jobs queued when sending starts (each claims batch after batch until none is left). */
export const MAX_PARALLEL_BATCH_JOBS = 8;
/** Messages one batch has in flight at once: one per pooled SMTP connection. */
export const SMTP_LANES = 5;

/**
 * The start job is retried if it fails (the audience query, Redis); a repeat is harmless: it
 * snapshots only a newsletter still `scheduled`, and resumes one already `sending`.
 */
export const START_JOB_OPTIONS: JobOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: true,
  removeOnFail: 100,
};

/**
 * Batch jobs hold no state of their own (the rows do), so they are removed when done and their
 * ids can be used again. A failed one is retried; rows it left claimed are taken over after the
 * lease.
 */
export const BATCH_JOB_OPTIONS: JobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: 100,
};

export const SWEEP_EVERY_MS = 5 * 60_000;
export const SWEEP_JOB_OPTIONS: JobOptions = {
  jobId: 'newsletters:sweep',
  repeat: { every: SWEEP_EVERY_MS },
  removeOnComplete: true,
  removeOnFail: 10,
};

export interface StartJob {
  newsletterId: string;
  /** ISO instant the newsletter was scheduled for when this job was made. */
  sendAt: string;
}

export interface BatchJob {
  newsletterId: string;
}

/** One start job per newsletter and send time: adding it again is a no-op, a new time a new job. */
export function startJobId(newsletterId: string, sendAt: Date): string {
  return `start:${newsletterId}:${sendAt.getTime()}`;
}

/** The batch jobs queued when sending starts, numbered. */
export function batchJobId(newsletterId: string, n: number): string {
  return `batch:${newsletterId}:${n}`;
}

/** How long after a row is due its wake-up job runs. */
export const WAKE_MARGIN_MS = 100;

/** A batch job due when the next row may be tried again (a retry's backoff, a lease running out). */
export function wakeJobId(newsletterId: string, dueAt: Date): string {
  return `wake:${newsletterId}:${Math.ceil(dueAt.getTime() / 1000)}`;
}

/** The Message-ID of a delivery row: the same on every try, so a receiver can drop a repeat. */
export function deliveryMessageId(deliveryId: string): string {
  return `<${deliveryId}@blup-akademiet>`;
}
