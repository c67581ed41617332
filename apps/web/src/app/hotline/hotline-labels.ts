import { HotlineState } from '@blup/contracts';
import type { TranslationKey, TranslationParams } from '@blup/web/core';

export function hotlineStateKey(state: HotlineState): TranslationKey {
  return `hotline.state.${state}` as TranslationKey;
}

export function askerStateKey(state: HotlineState): TranslationKey {
  return `hotline.askerState.${state}` as TranslationKey;
}

/** A waiting time in words' key and count: minutes under two hours, hours under two days. */
export function durationText(minutes: number): { key: TranslationKey; params: TranslationParams } {
  if (minutes < 1) return { key: 'hotline.underAMinute', params: {} };
  if (minutes < 120) return { key: 'hotline.minutes', params: { count: minutes } };
  if (minutes < 48 * 60) {
    return { key: 'hotline.hours', params: { count: Math.round(minutes / 60) } };
  }
  return { key: 'hotline.days', params: { count: Math.round(minutes / (24 * 60)) } };
}

/** "7. dec. 2026 kl. 12.00" / "7 Dec 2026, 12:00". */
export function dateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(iso));
}

export const STATES_IN_ORDER: readonly HotlineState[] = [
  HotlineState.New,
  HotlineState.Open,
  HotlineState.Waiting,
  HotlineState.Closed,
];
