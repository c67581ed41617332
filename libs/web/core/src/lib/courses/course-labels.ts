import type { CourseAudience, LessonKind, Phase, VideoStatus } from '@blup/contracts';
import type { TranslationKey } from '../i18n/dictionary';

export const audienceKey = (audience: CourseAudience): TranslationKey =>
  `courses.audiences.${audience}`;
export const phaseKey = (phase: Phase): TranslationKey => `courses.phases.${phase}`;
export const lessonKindKey = (kind: LessonKind): TranslationKey => `courses.kinds.${kind}`;
export const videoStatusKey = (status: VideoStatus): TranslationKey =>
  `courses.videoStatus.${status}`;

/** `m:ss` or `h:mm:ss`, for resume positions. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Whole minutes, at least 1, for a lesson's length. */
export const durationMinutes = (seconds: number): number => Math.max(1, Math.round(seconds / 60));

/** A file size a person can read: "840 kB", "12.5 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
