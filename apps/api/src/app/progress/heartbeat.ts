import { HEARTBEAT_INTERVAL_SECONDS, type HeartbeatRequest } from '@blup/contracts';

/** Seconds of leeway for a playhead a little past the reported duration. */
export const DURATION_TOLERANCE_SECONDS = 1;
/**
 * The longest stretch one heartbeat may claim: two intervals (a late tick) plus slack. A client
 * cannot report a whole video at once, so seeking to the end never completes it.
 */
export const MAX_STRETCH_SECONDS = 2 * HEARTBEAT_INTERVAL_SECONDS + 5;

/** Why a heartbeat is impossible for a video of this duration, or null when it is fine. */
export function heartbeatProblem(hb: HeartbeatRequest, durationSeconds: number): string | null {
  const limit = durationSeconds + DURATION_TOLERANCE_SECONDS;
  if (hb.fromSeconds < 0 || hb.toSeconds < 0 || hb.positionSeconds < 0) {
    return 'fromSeconds, toSeconds and positionSeconds cannot be negative.';
  }
  if (hb.fromSeconds > hb.toSeconds) return 'fromSeconds cannot be after toSeconds.';
  if (hb.toSeconds > limit || hb.positionSeconds > limit) {
    return `The video is ${Math.round(durationSeconds)} seconds long: toSeconds and positionSeconds cannot be beyond it.`;
  }
  if (hb.toSeconds - hb.fromSeconds > MAX_STRETCH_SECONDS) {
    return `One heartbeat can cover at most ${MAX_STRETCH_SECONDS} seconds of video.`;
  }
  return null;
}

/*
 * coveredRange and resumePosition define how a stretch is clipped to the video; the heartbeat
 * statement (courses/lesson-progress.queries.ts) does the same in SQL, and
 * test/heartbeats.int-spec.ts holds the two together.
 */

/**
 * The whole seconds a stretch covers, as the half-open range stored in the coverage multirange:
 * [floor(from), ceil(to)), never past the end of the video.
 */
export function coveredRange(hb: HeartbeatRequest, durationSeconds: number): [number, number] {
  const end = Math.ceil(durationSeconds);
  const lower = Math.min(Math.floor(hb.fromSeconds), end);
  const upper = Math.min(Math.ceil(hb.toSeconds), end);
  return [lower, Math.max(lower, upper)];
}

/** Where to resume: at the playhead, or from the start once the video has ended. */
export function resumePosition(hb: HeartbeatRequest, durationSeconds: number): number {
  return hb.event === 'ended' ? 0 : Math.min(hb.positionSeconds, durationSeconds);
}
