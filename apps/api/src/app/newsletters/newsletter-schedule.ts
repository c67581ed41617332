import { CIRCLE_TIME_ZONE, instantOf, wallTimeOf } from '@blup/contracts';

/** Newsletters sent "N days before" go out at this time of day, Danish time. */
export const DAYS_BEFORE_TIME = '09:00';

/** YYYY-MM-DD minus `days` calendar days. */
function minusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * When a "N days before" newsletter goes out: the Copenhagen calendar day N days before the
 * session's start, at 09:00 Danish time (summer or winter time as it is on that day).
 */
export function daysBeforeSendAt(sessionStartsAt: Date, daysBefore: number): Date {
  const { date } = wallTimeOf(sessionStartsAt, CIRCLE_TIME_ZONE);
  return instantOf(minusDays(date, daysBefore), DAYS_BEFORE_TIME, CIRCLE_TIME_ZONE);
}
