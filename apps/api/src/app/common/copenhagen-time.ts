import { CIRCLE_TIME_ZONE, wallTimeOf } from '@blup/contracts';

/** `HH.mm` (Danish) or `HH:mm` (English) in Copenhagen. */
export function copenhagenClock(instant: Date, separator: '.' | ':'): string {
  return wallTimeOf(instant, CIRCLE_TIME_ZONE).time.replace(':', separator);
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

const DATE_FORMATS = {
  da: new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone: CIRCLE_TIME_ZONE }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: CIRCLE_TIME_ZONE }),
};

/** e.g. "9. december 2026" / "9 December 2026", the date in Copenhagen. */
export function copenhagenDate(instant: Date, locale: 'da' | 'en'): string {
  return DATE_FORMATS[locale].format(instant);
}

/** e.g. "9. december 2026 kl. 14.30" / "9 December 2026 at 14:30", in Copenhagen. */
export function copenhagenDateTime(instant: Date, locale: 'da' | 'en'): string {
  return locale === 'da'
    ? `${copenhagenDate(instant, 'da')} kl. ${copenhagenClock(instant, '.')}`
    : `${copenhagenDate(instant, 'en')} at ${copenhagenClock(instant, ':')}`;
}
