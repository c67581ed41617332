import { CIRCLE_TIME_ZONE, wallTimeIso, wallTimeOf } from '@blup/contracts';

/**
 * Danish wall-clock time for the circle forms, on top of the shared zone arithmetic in
 * `@blup/contracts` (time.ts). A circle that meets at 19:00 meets at 19:00 on both sides of a
 * daylight-saving change, and each date gets the offset that holds on that date.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * A Copenhagen date (`YYYY-MM-DD`) and time (`HH:mm`) as an ISO 8601 instant with the offset
 * that holds then, e.g. `2027-03-25T19:00:00+01:00`. `addMinutes` moves the wall clock first
 * (for an end time). Null when the date or time cannot be read.
 *
 * In the hour skipped in March the time is read as standard time (02:30 becomes 03:30 summer
 * time); in the hour repeated in October the first (summer time) occurrence is chosen.
 */
export function copenhagenToIso(date: string, time: string, addMinutes = 0): string | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(+d[1], +d[2] - 1, +d[3], +t[1], +t[2]) + addMinutes * 60_000;
  if (Number.isNaN(wall) || +t[1] > 23 || +t[2] > 59) return null;
  const local = new Date(wall);
  return wallTimeIso(
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
    CIRCLE_TIME_ZONE,
  );
}

/** An instant's Copenhagen date (`YYYY-MM-DD`) and time (`HH:mm`), for form fields. */
export function copenhagenParts(iso: string): { date: string; time: string } {
  const { date, time } = wallTimeOf(new Date(iso), CIRCLE_TIME_ZONE);
  return { date, time };
}

/** Minutes from one instant to another. */
export function minutesBetween(startIso: string, endIso: string): number {
  return Math.round((Date.parse(endIso) - Date.parse(startIso)) / 60_000);
}
