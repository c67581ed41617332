/**
 * Wall-clock time in a named time zone (Europe/Copenhagen for study circles), for both sides:
 * a session planned for "19.00" stays at 19.00 on either side of a daylight-saving change.
 * Plain `Intl`, no framework.
 */

export interface WallTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
  /** Minutes east of UTC at that instant, e.g. 60 in winter and 120 in summer in Denmark. */
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The date, time and UTC offset the clocks in `timeZone` show at `instant`. */
export function wallTimeOf(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const y = Number(parts['year']);
  const mo = Number(parts['month']);
  const d = Number(parts['day']);
  const h = Number(parts['hour']);
  const mi = Number(parts['minute']);
  const s = Number(parts['second']);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    time: `${parts['hour']}:${parts['minute']}`,
    offsetMinutes: Math.round((asUtc - whole) / 60_000),
  };
}

/**
 * The instant when the clocks in `timeZone` show `date` (YYYY-MM-DD) at `time` (HH:MM).
 * A time skipped by a spring-forward change is moved an hour on (02:30 → 03:30); a time that
 * happens twice in autumn is taken the first time.
 */
export function instantOf(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Try the offsets in force just before and after the guess; keep the first that round-trips.
  const offsets = [
    wallTimeOf(new Date(guess - 36 * 3_600_000), timeZone).offsetMinutes,
    wallTimeOf(new Date(guess + 36 * 3_600_000), timeZone).offsetMinutes,
  ].sort((a, b) => b - a);
  for (const offset of offsets) {
    const candidate = new Date(guess - offset * 60_000);
    const wall = wallTimeOf(candidate, timeZone);
    if (wall.date === date && wall.time === time) return candidate;
  }
  // Skipped by the clock change: the same moment expressed in the earlier offset.
  return new Date(guess - offsets[offsets.length - 1] * 60_000);
}

/** `instant` as ISO 8601 with the zone's offset, e.g. 2027-03-25T19:00:00+01:00. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const wall = wallTimeOf(instant, timeZone);
  const sign = wall.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(wall.offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  const ss = String(instant.getUTCSeconds()).padStart(2, '0');
  return `${wall.date}T${wall.time}:${ss}${sign}${hh}:${mm}`;
}
