/**
 * Danish wall-clock time without a time-zone library. Denmark follows the EU rule: summer time
 * (UTC+2) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
 * October; otherwise UTC+1. So a circle that meets at 19:00 meets at 19:00 on both sides of a
 * change, and each date gets the offset that holds on that date.
 */

const HOUR = 3_600_000;

/** 01:00 UTC on the last Sunday of `month` (0-based) in `year`, as epoch milliseconds. */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const day = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month, day, 1);
}

/** Whether Danish summer time holds at this instant. */
function isSummerTime(epochMs: number): boolean {
  const year = new Date(epochMs).getUTCFullYear();
  return epochMs >= lastSundayOneUtc(year, 2) && epochMs < lastSundayOneUtc(year, 9);
}

/** Hours ahead of UTC in Copenhagen at this instant: 1 or 2. */
export function copenhagenOffsetHours(epochMs: number): 1 | 2 {
  return isSummerTime(epochMs) ? 2 : 1;
}

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
  const offset = isSummerTime(wall - 2 * HOUR) ? 2 : 1;
  const local = new Date(wall);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00+${pad(offset)}:00`
  );
}

/** An instant's Copenhagen date (`YYYY-MM-DD`) and time (`HH:mm`), for form fields. */
export function copenhagenParts(iso: string): { date: string; time: string } {
  const epoch = Date.parse(iso);
  const local = new Date(epoch + copenhagenOffsetHours(epoch) * HOUR);
  return {
    date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}

/** Minutes from one instant to another. */
export function minutesBetween(startIso: string, endIso: string): number {
  return Math.round((Date.parse(endIso) - Date.parse(startIso)) / 60_000);
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = DATE.exec(date);
  if (!d) return date;
  const next = new Date(Date.UTC(+d[1], +d[2] - 1, +d[3] + days));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}
