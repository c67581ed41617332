import type { JobOptions } from 'bull';

export const VIDEO_EVENTS_QUEUE = 'video-events';
export const PROCESS_VIDEO_EVENT_JOB = 'process';

/**
 * A stored webhook event is applied by the worker. What fails for a passing reason (the
 * database away) is tried again, backing off, for about half an hour; the event id is the job
 * id, so a replay that is queued again while the first is waiting is one job.
 */
export const PROCESS_VIDEO_EVENT_OPTIONS: JobOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: 1000,
  removeOnFail: 5000,
};

/** The job carries only the id; the event itself is in video_events. */
export interface ProcessVideoEventJob {
  eventId: string;
}

/** Injection token of the configured VideoProvider. */
export const VIDEO_PROVIDER = Symbol('VIDEO_PROVIDER');

/** Captions are small text files; anything bigger is not a caption track. */
export const MAX_CAPTION_BYTES = 512 * 1024;
