import { COMPLETION_COVERAGE, LessonKind, type LessonProgressDto } from '@blup/contracts';

/** A share in whole percent, 0 when there is nothing to share. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((100 * done) / total));
}

export interface ProgressRow {
  positionSeconds: number;
  coveredSeconds: number;
  completed: boolean;
}

/**
 * A lesson's progress as the client shows it: complete is 100; a video in progress is its
 * unique coverage measured against the completion threshold's whole (the duration).
 */
export function lessonProgress(
  kind: LessonKind,
  durationSeconds: number | null,
  row: ProgressRow | null,
): LessonProgressDto {
  const positionSeconds = row?.positionSeconds ?? 0;
  const coveredSeconds = row?.coveredSeconds ?? 0;
  const completed = row?.completed ?? false;
  let percent = completed ? 100 : 0;
  if (!completed && kind === LessonKind.Video && durationSeconds) {
    percent = Math.min(99, percentOf(coveredSeconds, durationSeconds));
  }
  return { positionSeconds, coveredSeconds, percent, completed };
}

/** Unique seconds a video needs before it counts as complete. */
export function completionThreshold(durationSeconds: number): number {
  return COMPLETION_COVERAGE * durationSeconds;
}
