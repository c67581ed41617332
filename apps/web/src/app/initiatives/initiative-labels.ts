import type { InitiativeStatus } from '@blup/contracts';
import type { TranslationKey } from '@blup/web/core';

export function initiativeStatusKey(status: InitiativeStatus): TranslationKey {
  return `initiatives.status.${status}`;
}

/** A percentage as the reader writes it: at most one decimal, "36,3" in Danish, "36.3" in English. */
export function percentText(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
    maximumFractionDigits: 1,
  }).format(value);
}
