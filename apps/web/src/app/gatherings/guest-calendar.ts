import type { PublicGatheringDto } from '@blup/contracts';

/** `20270306T090000Z` */
function icsTime(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Escapes a text value (RFC 5545 3.3.11) and folds nothing: lines stay short enough here. */
function icsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/**
 * The calendar entry for a guest's confirmation page (a guest has no session for the API's
 * `event.ics`): one VEVENT with the place, and the meeting link when there is one.
 */
export function guestCalendar(
  g: Pick<PublicGatheringDto, 'id' | 'title' | 'description' | 'address' | 'startsAt' | 'endsAt'>,
  url: string | null,
  now: Date = new Date(),
): string {
  const location = [g.address, url].filter(Boolean).join(' · ');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//BLUP Akademiet//Gatherings//DA',
    'BEGIN:VEVENT',
    `UID:gathering-${g.id}@blup`,
    `DTSTAMP:${icsTime(now.toISOString())}`,
    `DTSTART:${icsTime(g.startsAt)}`,
    `DTEND:${icsTime(g.endsAt)}`,
    `SUMMARY:${icsText(g.title)}`,
    ...(location ? [`LOCATION:${icsText(location)}`] : []),
    ...(g.description ? [`DESCRIPTION:${icsText(g.description)}`] : []),
    ...(url ? [`URL:${url}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.join('\r\n') + '\r\n';
}

/** A link that downloads the calendar file without a round trip. */
export function calendarHref(ics: string): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
}
