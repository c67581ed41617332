import { CIRCLE_TIME_ZONE, type Locale } from '@blup/contracts';

const TAGS: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

function dayFormat(locale: Locale): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(TAGS[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: CIRCLE_TIME_ZONE,
  });
}

/** "torsdag 25. marts" / "Thursday 25 March", with the year when asked (built from parts, as
 * the locales put a year in differently: "torsdag den 3. februar 2028"). */
function formatDay(date: Date, locale: Locale, withYear: boolean): string {
  const parts = Object.fromEntries(
    dayFormat(locale)
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const year = withYear ? ` ${parts['year']}` : '';
  return locale === 'da'
    ? `${parts['weekday']} ${parts['day']}. ${parts['month']}${year}`
    : `${parts['weekday']} ${parts['day']} ${parts['month']}${year}`;
}

function clockFormat(locale: Locale): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(TAGS[locale], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: CIRCLE_TIME_ZONE,
  });
}

const yearIn = (date: Date): string =>
  new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: CIRCLE_TIME_ZONE }).format(date);

/**
 * When a session is, in Danish time whatever the device's zone: "torsdag 25. marts kl.
 * 19.00–20.30" or "Thursday 25 March, 19:00–20:30". The year is added when it is not this
 * year's. Empty when a time cannot be read.
 */
export function formatSessionTime(
  startsAt: string,
  endsAt: string,
  locale: Locale,
  now: Date = new Date(),
): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return '';
  const day = formatDay(start, locale, yearIn(start) !== yearIn(now));
  const clock = clockFormat(locale);
  const from = clock.format(start);
  const to = clock.format(end);
  return locale === 'da' ? `${day} kl. ${from}–${to}` : `${day}, ${from}–${to}`;
}

/** A time of day in Danish time: "19.05" or "19:05" (check-in times). Empty when unreadable. */
export function formatClock(iso: string, locale: Locale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : clockFormat(locale).format(date);
}

/** Whether the session has ended (the API stops RSVPs then). */
export function hasEnded(endsAt: string, now: Date = new Date()): boolean {
  return new Date(endsAt).getTime() <= now.getTime();
}

/** Whether the session has begun (attendance is taken from then on). */
export function hasStarted(startsAt: string, now: Date = new Date()): boolean {
  return new Date(startsAt).getTime() <= now.getTime();
}
