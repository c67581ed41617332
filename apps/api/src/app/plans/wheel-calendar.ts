import {
  CIRCLE_TIME_ZONE,
  WEEKDAYS,
  WheelFrequency,
  instantsOf,
  type WheelActivity,
  type WheelContent,
} from '@blup/contracts';
import { writeCalendar, type CalendarEvent } from '../calendar/ical-writer';
import { whenText } from './kinds/wheel.kind';

/** The wheel feed's PRODID: its own product, not the study circles' calendar. */
export const WHEEL_PRODID = '-//BLUP Akademiet//Aarshjul//DA';

/** An activity with a start time and no end lasts this long in calendars. */
const DEFAULT_MINUTES = 60;

const pad = (n: number): string => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Monday … 6 = Sunday, as `WEEKDAYS`. */
function weekdayOf(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** The activity's day in a month of a year (its first, for a weekly one). */
export function dayInMonth(activity: WheelActivity, year: number, month: number): number {
  const day = activity.day;
  if (!day) return 1;
  if (day.kind === 'date') return day.day;
  const target = WEEKDAYS.indexOf(day.weekday);
  if (day.nth === -1) {
    const last = daysIn(year, month);
    return last - ((weekdayOf(year, month, last) - target + 7) % 7);
  }
  const first = 1 + ((target - weekdayOf(year, month, 1) + 7) % 7);
  return first + ((day.nth ?? 1) - 1) * 7;
}

/**
 * The RRULE of an activity: every year in its months, on its date or nth weekday, or every week
 * on its weekday in its months. All twelve months read as monthly.
 */
export function wheelRule(activity: WheelActivity): string {
  const day = activity.day;
  if (!day) throw new Error('An activity without a day has no rule.');
  const all = activity.months.length === 12;
  const byMonth = all ? '' : `;BYMONTH=${activity.months.join(',')}`;
  if (activity.frequency === WheelFrequency.Weekly && day.kind === 'weekday') {
    return `FREQ=WEEKLY;BYDAY=${day.weekday}${byMonth}`;
  }
  const byDay = day.kind === 'date' ? `BYMONTHDAY=${day.day}` : `BYDAY=${day.nth}${day.weekday}`;
  return all ? `FREQ=MONTHLY;${byDay}` : `FREQ=YEARLY${byMonth};${byDay}`;
}

function eventOf(
  activity: WheelActivity,
  villageId: string,
  year: number,
  publishedAt: Date,
): CalendarEvent {
  const month = activity.months[0];
  const date = `${year}-${pad(month)}-${pad(dayInMonth(activity, year, month))}`;
  const description = [
    `${whenText(activity)}.`,
    `Ansvarlig: ${activity.who}.`,
    ...(activity.note ? [activity.note] : []),
  ].join('\n');
  const base = {
    uid: `wheel-${villageId}-${activity.id}@blup-akademiet`,
    sequence: 0,
    cancelled: false,
    summary: activity.title,
    description,
    location: activity.place || null,
    url: null,
    created: publishedAt,
    lastModified: publishedAt,
    rrule: wheelRule(activity),
  };
  if (!activity.startTime) {
    const next = new Date(Date.UTC(year, month - 1, Number(date.slice(8)) + 1));
    const endDate = next.toISOString().slice(0, 10);
    const midnight = new Date(`${date}T00:00:00Z`);
    return { ...base, start: midnight, end: midnight, allDay: { startDate: date, endDate } };
  }
  const [start] = instantsOf(date, activity.startTime, CIRCLE_TIME_ZONE);
  const end = activity.endTime
    ? instantsOf(date, activity.endTime, CIRCLE_TIME_ZONE)[0]
    : new Date(start.getTime() + DEFAULT_MINUTES * 60_000);
  return { ...base, start, end };
}

/**
 * The published wheel as an iCal feed: one recurring VEVENT per activity with a day (those
 * settled to a month only are left out), starting in `year` (the year the feed is read), with a
 * UID made of the village and the activity's id, so calendars keep the same event when the
 * wheel is published again. SEQUENCE follows the published version, so a change reaches them.
 * The calendar is named "Årshjul – <village>" with its own PRODID (`WHEEL_PRODID`).
 */
export function writeWheelCalendar(args: {
  villageName: string;
  villageId: string;
  content: WheelContent;
  version: number;
  publishedAt: Date;
  year: number;
  now: Date;
}): string {
  const events = args.content.activities
    .filter((activity) => activity.day !== null)
    .map((activity) => ({
      ...eventOf(activity, args.villageId, args.year, args.publishedAt),
      sequence: args.version - 1,
    }));
  return writeCalendar({
    name: `Årshjul – ${args.villageName}`,
    prodId: WHEEL_PRODID,
    events,
    now: args.now,
  });
}
