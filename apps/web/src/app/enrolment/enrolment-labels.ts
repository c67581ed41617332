import type {
  ApplicationStatus,
  EnrolmentStatus,
  FundingStatus,
  OfferingAudience,
  OfferingKind,
  OfferingState,
  Payer,
  RequirementKey,
  RequirementProblem,
  RequirementState,
} from '@blup/contracts';
import type { TranslationKey } from '@blup/web/core';

/** Dictionary keys for the enrolment enums, so templates can write `{{ kindKey(kind) | t }}`. */
export const kindKey = (kind: OfferingKind): TranslationKey => `enrolment.kinds.${kind}`;
export const audienceKey = (audience: OfferingAudience): TranslationKey =>
  `enrolment.audiences.${audience}`;
export const enrolmentStatusKey = (status: EnrolmentStatus): TranslationKey =>
  `enrolment.statuses.${status}`;
export const payerKey = (payer: Payer): TranslationKey => `enrolment.payers.${payer}`;
export const fundingKey = (funding: FundingStatus): TranslationKey =>
  `enrolment.funding.${funding}`;
export const applicationStatusKey = (status: ApplicationStatus): TranslationKey =>
  `enrolment.appStatuses.${status}`;
export const requirementKey = (key: RequirementKey): TranslationKey => `enrolment.checklist.${key}`;
export const requirementStateKey = (state: RequirementState): TranslationKey =>
  `enrolment.requirement.${state}`;
export const problemKey = (problem: RequirementProblem): TranslationKey =>
  `enrolment.checklist.problems.${problem}`;

/** "48.000" in Danish, "48,000" in English. */
export function formatDkk(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'da-DK').format(amount);
}

export const offeringStateKey = (state: OfferingState): TranslationKey =>
  `enrolment.states.${state}`;
