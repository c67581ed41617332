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
