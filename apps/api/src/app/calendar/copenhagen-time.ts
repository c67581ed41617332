import { CIRCLE_TIME_ZONE } from '@blup/contracts';

/** A wall-clock time in Europe/Copenhagen. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const WALL_FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: CIRCLE_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Copenhagen wall time of an instant (Intl knows the zone's rules on both sides of DST). */
export function copenhagenWallTime(instant: Date): WallTime {
  const parts: Record<string, number> = {};
  for (const part of WALL_FORMAT.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'],
    month: parts['month'],
    day: parts['day'],
    hour: parts['hour'] === 24 ? 0 : parts['hour'],
    minute: parts['minute'],
    second: parts['second'],
  };
}

/**
 * The instants a Copenhagen wall time names, earliest first: one on most days, none in the hour
 * skipped in March, two in the hour repeated in October.
 */
export function copenhagenInstants(wall: WallTime): Date[] {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const found: Date[] = [];
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const back = copenhagenWallTime(candidate);
    if (
      back.year === wall.year &&
      back.month === wall.month &&
      back.day === wall.day &&
      back.hour === wall.hour &&
      back.minute === wall.minute &&
      back.second === wall.second
    ) {
      found.push(candidate);
    }
  }
  return found;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `HH.mm` (Danish) or `HH:mm` (English) in Copenhagen. */
export function copenhagenClock(instant: Date, separator: '.' | ':'): string {
  const wall = copenhagenWallTime(instant);
  return `${pad(wall.hour)}${separator}${pad(wall.minute)}`;
}

/** e.g. "torsdag den 25. marts 2027" / "Thursday 25 March 2027", the date in Copenhagen. */
export function copenhagenLongDate(instant: Date, locale: 'da' | 'en'): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    timeZone: CIRCLE_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  return locale === 'da'
    ? `${parts['weekday']} den ${parts['day']}. ${parts['month']} ${parts['year']}`
    : `${parts['weekday']} ${parts['day']} ${parts['month']} ${parts['year']}`;
}
