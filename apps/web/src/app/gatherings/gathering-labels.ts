import type {
  GatheringAudience,
  GatheringKind,
  GatheringMode,
  RegistrationStatus,
} from '@blup/contracts';
import type { TranslationKey } from '@blup/web/core';

export const kindKey = (kind: GatheringKind): TranslationKey => `gatherings.kinds.${kind}`;
export const modeKey = (mode: GatheringMode): TranslationKey => `gatherings.modes.${mode}`;
export const audienceKey = (audience: GatheringAudience): TranslationKey =>
  `gatherings.audiences.${audience}`;
/** The person's own status, in the second person ("Du er tilmeldt"). */
export const myStatusKey = (status: RegistrationStatus): TranslationKey =>
  `gatherings.myStatus.${status}`;
/** A registration's status in the organisers' list. */
export const statusKey = (status: RegistrationStatus): TranslationKey =>
  `gatherings.status.${status}`;

/** "19.05" / "19:05" in Danish time, for check-in times. */
export function clockTime(iso: string, locale: 'da' | 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Copenhagen',
  }).format(date);
}
