import type { QuestionKind, SurveyPurpose, SurveyStatus } from '@blup/contracts';
import type { TranslationKey } from '@blup/web/core';

export function surveyStatusKey(status: SurveyStatus): TranslationKey {
  return `surveyAdmin.status.${status}`;
}

export function surveyPurposeKey(purpose: SurveyPurpose): TranslationKey {
  return `surveyAdmin.purpose.${purpose}`;
}

export function questionKindKey(kind: QuestionKind): TranslationKey {
  return `surveyAdmin.kind.${kind}`;
}
