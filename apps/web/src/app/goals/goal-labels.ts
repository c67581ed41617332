import type { GoalStatus } from '@blup/contracts';
import type { TranslationKey } from '@blup/web/core';

export function goalStatusKey(status: GoalStatus): TranslationKey {
  return `goals.status.${status}`;
}

/** An indicator value as people type it: a whole number or up to 4 decimals, comma or point. */
export const INDICATOR_VALUE = /^\s*-?\d+([.,]\d{1,4})?\s*$/;

/** An indicator field's text as the API wants it: a number, or null when left empty. */
export function indicatorValue(text: string): number | null {
  return text.trim() === '' ? null : Number(text.replace(',', '.'));
}
