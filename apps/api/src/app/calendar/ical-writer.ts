import { CIRCLE_TIME_ZONE, instantsOf, wallTimeOf } from '@blup/contracts';

/**
 * A small RFC 5545 (iCalendar) writer for what the platform publishes: one VCALENDAR with the
 * Europe/Copenhagen VTIMEZONE and a VEVENT per session. Pure: the caller passes the clock.
 */

/** The study circles' feeds and mails; another feed names itself with `prodId`. */
export const ICAL_PRODID = '-//BLUP Akademiet//Studiekredse//DA';

export interface CalendarEvent {
  /** Stable across changes, so calendars update the event instead of adding one. */
  uid: string;
  /** RFC 5545 SEQUENCE: higher for every change of time, place, content or status. */
  sequence: number;
  cancelled: boolean;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  /** The join link, in LOCATION and URL. */
  location: string | null;
  url: string | null;
  created: Date;
  lastModified: Date;
  /** ATTENDEE addresses (iTIP messages name the recipient). */
  attendees?: readonly string[];
  /**
   * An all-day event: DTSTART and DTEND as DATE values (YYYY-MM-DD, the end exclusive), written
   * instead of `start` and `end`.
   */
  allDay?: { startDate: string; endDate: string };
  /** An RRULE value for a recurring event (RFC 5545 §3.3.10), e.g. FREQ=YEARLY;BYMONTH=6. */
  rrule?: string;
}

/**
 * RFC 5546 method: PUBLISH for feeds and downloads; CANCEL for the mail that takes a session out
 * of the recipient's calendar (same UID, higher SEQUENCE, STATUS:CANCELLED).
 */
export type CalendarMethod = 'PUBLISH' | 'CANCEL';

export interface CalendarDocument {
  /** Shown by calendar apps as the calendar's name (X-WR-CALNAME). */
  name: string;
  /** PRODID, the product that wrote the calendar; `ICAL_PRODID` (the study circles') if left out. */
  prodId?: string;
  events: readonly CalendarEvent[];
  /** DTSTAMP: when this document was written. */
  now: Date;
  /** PUBLISH unless told otherwise. */
  method?: CalendarMethod;
  /** ORGANIZER address: iTIP requests and cancellations need one (RFC 5546 §3.2.5). */
  organizer?: { name: string; email: string };
}

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const MAX_LINE_OCTETS = 75;

/**
 * Folds a content line into lines of at most 75 octets of UTF-8, each continuation starting with
 * one space (RFC 5545 §3.1); never inside a multi-byte character.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // A continuation line's leading space counts towards its 75 octets.
    const limit = lines.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n ');
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** DATE-TIME in UTC: 20270325T180000Z. */
export function formatUtc(instant: Date): string {
  return (
    `${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

/**
 * A DTSTART/DTEND property as Copenhagen wall time with TZID. Should the wall time not name the
 * instant alone (the second of two 02:30s on the October change), UTC is written instead, which
 * every reader understands the same way.
 */
export function zonedDateTime(name: 'DTSTART' | 'DTEND', instant: Date): string {
  const whole = new Date(Math.floor(instant.getTime() / 1000) * 1000);
  const wall = wallTimeOf(whole, CIRCLE_TIME_ZONE);
  const time = `${wall.time}:${pad(whole.getUTCSeconds())}`;
  const back = instantsOf(wall.date, time, CIRCLE_TIME_ZONE);
  if (back.length === 1 && back[0].getTime() === whole.getTime()) {
    const local = `${wall.date.replace(/-/g, '')}T${time.replace(/:/g, '')}`;
    return `${name};TZID=${CIRCLE_TIME_ZONE}:${local}`;
  }
  return `${name}:${formatUtc(whole)}`;
}

/**
 * Europe/Copenhagen as the EU rule has it since 1996: summer time (+0200) from 02:00 on the last
 * Sunday of March, standard time (+0100) from 03:00 on the last Sunday of October.
 */
export const COPENHAGEN_VTIMEZONE: readonly string[] = [
  'BEGIN:VTIMEZONE',
  `TZID:${CIRCLE_TIME_ZONE}`,
  `X-LIC-LOCATION:${CIRCLE_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A URI value (URL): not TEXT, so not escaped, but never with a line break in it. */
function uri(value: string): string {
  return value.replace(/[\r\n]/g, '');
}

/** A quoted parameter value: no double quotes, control characters or line breaks. */
function paramValue(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`;
}

function eventLines(event: CalendarEvent, doc: CalendarDocument): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${formatUtc(doc.now)}`,
    ...(event.allDay
      ? [
          `DTSTART;VALUE=DATE:${event.allDay.startDate.replace(/-/g, '')}`,
          `DTEND;VALUE=DATE:${event.allDay.endDate.replace(/-/g, '')}`,
        ]
      : [zonedDateTime('DTSTART', event.start), zonedDateTime('DTEND', event.end)]),
    ...(event.rrule ? [`RRULE:${event.rrule.replace(/[\r\n]/g, '')}`] : []),
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (doc.organizer) {
    lines.push(`ORGANIZER;CN=${paramValue(doc.organizer.name)}:mailto:${uri(doc.organizer.email)}`);
  }
  for (const attendee of event.attendees ?? []) lines.push(`ATTENDEE:mailto:${uri(attendee)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${uri(event.url)}`);
  lines.push(
    `SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    `CREATED:${formatUtc(event.created)}`,
    `LAST-MODIFIED:${formatUtc(event.lastModified)}`,
    'END:VEVENT',
  );
  return lines;
}

/** The whole document: CRLF line ends, every line folded, ending with a CRLF. */
export function writeCalendar(doc: CalendarDocument): string {
  const method = doc.method ?? 'PUBLISH';
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${escapeText(doc.prodId ?? ICAL_PRODID)}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    `X-WR-CALNAME:${escapeText(doc.name)}`,
    `X-WR-TIMEZONE:${CIRCLE_TIME_ZONE}`,
    // How often subscribed calendars should look again (RFC 7986 and the older Outlook name).
    ...(method === 'PUBLISH'
      ? ['REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H']
      : []),
    ...COPENHAGEN_VTIMEZONE,
    ...doc.events.flatMap((event) => eventLines(event, doc)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
