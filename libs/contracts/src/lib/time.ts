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

/**
 * Answers already worked out, by time zone and whole second: `wallTimeOf` depends on nothing
 * finer (it reads the clock to the second and the offset cannot change inside a second), so a
 * kept answer is exact. Intl's formatToParts is slow, and a busy server asks about the same
 * instants (now, the next session) many times a second. Bounded: cleared when full.
 */
const recent = new Map<string, WallTime>();
const RECENT_LIMIT = 512;

/** The date, time and UTC offset the clocks in `timeZone` show at `instant`. */
export function wallTimeOf(instant: Date, timeZone: string): WallTime {
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  const key = `${whole} ${timeZone}`;
  const known = recent.get(key);
  if (known) return { ...known };
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const y = Number(parts['year']);
  const mo = Number(parts['month']);
  const d = Number(parts['day']);
  const h = Number(parts['hour']);
  const mi = Number(parts['minute']);
  const s = Number(parts['second']);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const wall: WallTime = {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    time: `${parts['hour']}:${parts['minute']}`,
    offsetMinutes: Math.round((asUtc - whole) / 60_000),
  };
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(key, wall);
  return { ...wall };
}

/** `date` (YYYY-MM-DD) at `time` (HH:MM or HH:MM:SS) read as if it were UTC, in epoch milliseconds. */
function wallAsUtc(date: string, time: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s = 0] = time.split(':').map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** The offsets (minutes east of UTC) in force in `timeZone` around a wall time, largest first. */
function offsetsAround(wallMs: number, timeZone: string): number[] {
  const offsets = [
    wallTimeOf(new Date(wallMs - 36 * 3_600_000), timeZone).offsetMinutes,
    wallTimeOf(new Date(wallMs + 36 * 3_600_000), timeZone).offsetMinutes,
  ].sort((a, b) => b - a);
  return offsets[0] === offsets[1] ? [offsets[0]] : offsets;
}

/**
 * Every instant when the clocks in `timeZone` show `date` (YYYY-MM-DD) at `time` (HH:MM or
 * HH:MM:SS), earliest first: one on most days, none in the hour a spring-forward change skips,
 * two in the hour an autumn change repeats.
 */
export function instantsOf(date: string, time: string, timeZone: string): Date[] {
  const wallMs = wallAsUtc(date, time);
  const hhmm = time.slice(0, 5);
  return offsetsAround(wallMs, timeZone)
    .map((offset) => new Date(wallMs - offset * 60_000))
    .filter((candidate) => {
      const wall = wallTimeOf(candidate, timeZone);
      return wall.date === date && wall.time === hhmm;
    });
}

/**
 * The instant when the clocks in `timeZone` show `date` (YYYY-MM-DD) at `time` (HH:MM).
 * A time skipped by a spring-forward change is moved an hour on (02:30 → 03:30); a time that
 * happens twice in autumn is taken the first time.
 */
export function instantOf(date: string, time: string, timeZone: string): Date {
  const [first] = instantsOf(date, time, timeZone);
  if (first) return first;
  // Skipped by the clock change: the same moment expressed in the earlier (smaller) offset.
  const wallMs = wallAsUtc(date, time);
  const offsets = offsetsAround(wallMs, timeZone);
  return new Date(wallMs - offsets[offsets.length - 1] * 60_000);
}

/** An offset as ISO 8601 text: 60 → "+01:00", -330 → "-05:30". */
function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

/** `instant` as ISO 8601 with the zone's offset, e.g. 2027-03-25T19:00:00+01:00. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const wall = wallTimeOf(instant, timeZone);
  const ss = String(instant.getUTCSeconds()).padStart(2, '0');
  return `${wall.date}T${wall.time}:${ss}${offsetText(wall.offsetMinutes)}`;
}

/**
 * `date` (YYYY-MM-DD) at `time` (HH:MM) in `timeZone` as ISO 8601, keeping the wall time as
 * written and adding the offset under which {@link instantOf} reads it: 2027-03-25T19:00:00+01:00.
 * So a time skipped in spring keeps the earlier offset (02:30+01:00, the instant of 03:30+02:00)
 * and a time repeated in autumn gets the first one.
 */
export function wallTimeIso(date: string, time: string, timeZone: string): string {
  const offsetMinutes =
    (wallAsUtc(date, time) - instantOf(date, time, timeZone).getTime()) / 60_000;
  return `${date}T${time}:00${offsetText(offsetMinutes)}`;
}

/**
 * `date` (YYYY-MM-DD) plus `days` calendar days (minus when negative), across month and year
 * ends; a calendar day, not 24 hours, so clock changes do not matter. Text that is not a
 * YYYY-MM-DD date comes back unchanged.
 */
export function addDays(date: string, days: number): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) return date;
  return new Date(Date.UTC(+d[1], +d[2] - 1, +d[3] + days)).toISOString().slice(0, 10);
}
