import type { LearnerKind, Locale, PersonStatus, Role } from '@blup/contracts';
import type { TranslationKey } from './dictionary';

/** Dictionary keys for the contract's enums, so templates can write `{{ roleKey(role) | t }}`. */
export const roleKey = (role: Role): TranslationKey => `roles.${role}`;
export const learnerKindKey = (kind: LearnerKind): TranslationKey => `learnerKinds.${kind}`;
export const statusKey = (status: PersonStatus): TranslationKey => `status.${status}`;
export const localeKey = (locale: Locale): TranslationKey => `language.${locale}`;
