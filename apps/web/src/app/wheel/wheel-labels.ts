import type { I18nService, TranslationKey } from '@blup/web/core';
import type { WheelActivity } from '@blup/contracts';

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

export function monthKey(month: number): TranslationKey {
  return `wheel.month.${month}` as TranslationKey;
}

/** Roughly where in its month an activity falls, to order a month's list (no day: last). */
function dayOrder(activity: WheelActivity): number {
  const day = activity.day;
  if (!day) return 40;
  if (day.kind === 'date') return day.day;
  if (day.nth === null) return 0;
  return day.nth === -1 ? 29 : (day.nth - 1) * 7 + 1;
}

/** The year as twelve months, each with its activities in the order they come. */
export function activitiesByMonth(
  activities: readonly WheelActivity[],
): { month: number; activities: WheelActivity[] }[] {
  return MONTHS.map((month) => ({
    month,
    activities: activities
      .filter((a) => a.months.includes(month))
      .sort(
        (a, b) =>
          dayOrder(a) - dayOrder(b) ||
          (a.startTime ?? '').localeCompare(b.startTime ?? '') ||
          a.title.localeCompare(b.title, 'da'),
      ),
  }));
}

/** When an activity is, in the reader's language: "Første lørdag, kl. 10:00–13:00". */
export function whenLabel(i18n: I18nService, activity: WheelActivity): string {
  const day = activity.day;
  let when: string;
  if (!day) when = i18n.t('wheel.noDay');
  else if (day.kind === 'date') when = i18n.t('wheel.when.date', { day: day.day });
  else {
    const weekday = i18n.t(`wheel.weekday.${day.weekday}` as TranslationKey);
    when =
      day.nth === null
        ? i18n.t('wheel.when.every', { weekday })
        : i18n.t('wheel.when.nth', {
            nth: i18n.t(`wheel.nth.${day.nth}` as TranslationKey),
            weekday,
          });
  }
  if (activity.startTime) {
    when += `, ${
      activity.endTime
        ? i18n.t('wheel.when.timeRange', { start: activity.startTime, end: activity.endTime })
        : i18n.t('wheel.when.time', { start: activity.startTime })
    }`;
  }
  return when;
}
