import {
  DocumentKind,
  WEEKDAYS,
  WHEEL_FREQUENCIES,
  WHEEL_LIMITS,
  WheelFrequency,
  type Weekday,
  type WheelActivity,
  type WheelContent,
  type WheelDay,
} from '@blup/contracts';
import { hasControlCharacter } from '../../common/text-fields';
import type { DocumentKindDefinition, ParsedContent, RenderedBlock } from '../document-kinds';

const ACTIVITY_ID = /^[A-Za-z0-9_-]{1,40}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ACTIVITY_KEYS = new Set([
  'id',
  'title',
  'who',
  'months',
  'day',
  'frequency',
  'startTime',
  'endTime',
  'place',
  'note',
]);

export const MONTHS_DA = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
] as const;

const WEEKDAYS_DA: Record<Weekday, [string, string]> = {
  MO: ['mandag', 'mandage'],
  TU: ['tirsdag', 'tirsdage'],
  WE: ['onsdag', 'onsdage'],
  TH: ['torsdag', 'torsdage'],
  FR: ['fredag', 'fredage'],
  SA: ['lørdag', 'lørdage'],
  SU: ['søndag', 'søndage'],
};
const NTH_DA: Record<string, string> = {
  '1': 'første',
  '2': 'anden',
  '3': 'tredje',
  '4': 'fjerde',
  '-1': 'sidste',
};

/** The most days every year has in a month (February: 28, so a date never skips a year). */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

type Fail = (field: string, message: string) => void;

function text(
  value: unknown,
  field: string,
  max: number,
  fail: Fail,
  opts: { required?: string; multiline?: boolean } = {},
): string {
  if (typeof value !== 'string') {
    fail(
      field,
      `${field.split('.').pop()} must be text${opts.required ? '' : ' (it may be empty)'}`,
    );
    return '';
  }
  const clean = opts.multiline ? value.replace(/\r\n?/g, '\n').trim() : value.trim();
  if (opts.required && !clean) fail(field, opts.required);
  else if (clean.length > max) fail(field, `at most ${max} characters`);
  else if (hasControlCharacter(clean, !!opts.multiline)) {
    fail(field, opts.multiline ? 'holds control characters' : 'cannot hold line breaks');
  }
  return clean;
}

function parseDay(raw: unknown, at: string, fail: Fail): WheelDay | null {
  if (raw === null || raw === undefined) return null;
  const { kind, day, weekday, nth, ...rest } = raw as Record<string, unknown>;
  if (Object.keys(rest).length) fail(at, `unknown fields: ${Object.keys(rest).join(', ')}`);
  if (kind === 'date') {
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 31) {
      fail(`${at}.day`, 'the date must be a day of the month, 1–31');
      return null;
    }
    return { kind, day };
  }
  if (kind === 'weekday') {
    if (!WEEKDAYS.includes(weekday as Weekday)) {
      fail(`${at}.weekday`, `weekday must be one of ${WEEKDAYS.join(', ')}`);
      return null;
    }
    if (nth !== null && nth !== 1 && nth !== 2 && nth !== 3 && nth !== 4 && nth !== -1) {
      fail(`${at}.nth`, 'nth must be 1, 2, 3, 4 (first to fourth), -1 (last) or null (every)');
      return null;
    }
    return { kind, weekday: weekday as Weekday, nth };
  }
  fail(`${at}.kind`, 'the day is either a date ("date") or a weekday ("weekday")');
  return null;
}

function parseActivity(raw: unknown, at: string, outer: Fail): WheelActivity | null {
  let bad = false;
  const fail: Fail = (field, message) => {
    bad = true;
    outer(field, message);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(at, 'each activity must be an object');
    return null;
  }
  const a = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(a).filter((key) => !ACTIVITY_KEYS.has(key));
  if (unknownKeys.length) fail(at, `unknown fields: ${unknownKeys.join(', ')}`);
  if (typeof a['id'] !== 'string' || !ACTIVITY_ID.test(a['id'])) {
    fail(`${at}.id`, 'id must be 1–40 letters, digits, - or _');
  }
  const title = text(a['title'], `${at}.title`, WHEEL_LIMITS.titleMaxLength, fail, {
    required: 'say what the activity is',
  });
  const who = text(a['who'], `${at}.who`, WHEEL_LIMITS.whoMaxLength, fail, {
    required: 'say who is behind it: a name or a group',
  });
  const place = text(a['place'] ?? '', `${at}.place`, WHEEL_LIMITS.placeMaxLength, fail);
  const note = text(a['note'] ?? '', `${at}.note`, WHEEL_LIMITS.noteMaxLength, fail, {
    multiline: true,
  });
  const frequency = a['frequency'] as WheelFrequency;
  if (!WHEEL_FREQUENCIES.includes(frequency)) {
    fail(`${at}.frequency`, `how often must be one of ${WHEEL_FREQUENCIES.join(', ')}`);
  }
  const rawMonths = a['months'];
  let months: number[] = [];
  if (
    !Array.isArray(rawMonths) ||
    !rawMonths.length ||
    !rawMonths.every((m) => Number.isInteger(m) && m >= 1 && m <= 12)
  ) {
    fail(`${at}.months`, 'choose at least one month, as numbers 1 (January) to 12 (December)');
  } else {
    months = [...new Set(rawMonths as number[])].sort((x, y) => x - y);
    if (frequency === WheelFrequency.Yearly && months.length !== 1) {
      fail(`${at}.months`, 'a yearly activity has one month; choose "monthly" for several');
    }
  }
  const day = parseDay(a['day'], `${at}.day`, fail);
  if (day?.kind === 'date') {
    const short = months.find((m) => DAYS_IN_MONTH[m - 1] < day.day);
    if (short) {
      fail(
        `${at}.day`,
        `${MONTHS_DA[short - 1]} does not always have a day ${day.day}; choose an earlier day or "last weekday"`,
      );
    }
  }
  if (frequency === WheelFrequency.Weekly) {
    if (day?.kind !== 'weekday' || day.nth !== null) {
      fail(`${at}.day`, 'a weekly activity needs its weekday, with nth null ("every Tuesday")');
    }
  } else if (day?.kind === 'weekday' && day.nth === null) {
    fail(`${at}.day.nth`, 'say which one in the month: 1–4 or -1 (last)');
  }
  const startTime = a['startTime'] ?? null;
  const endTime = a['endTime'] ?? null;
  if (startTime !== null && (typeof startTime !== 'string' || !TIME.test(startTime))) {
    fail(`${at}.startTime`, 'the start must be a time as HH:MM, e.g. 19:00, or null');
  }
  if (endTime !== null && (typeof endTime !== 'string' || !TIME.test(endTime))) {
    fail(`${at}.endTime`, 'the end must be a time as HH:MM, e.g. 21:00, or null');
  } else if (endTime !== null && startTime === null) {
    fail(`${at}.endTime`, 'an end time needs a start time');
  } else if (
    typeof startTime === 'string' &&
    TIME.test(startTime) &&
    typeof endTime === 'string' &&
    endTime <= startTime
  ) {
    fail(`${at}.endTime`, 'the end must come after the start, the same day');
  }
  if (startTime !== null && day === null) {
    fail(`${at}.startTime`, 'a time needs a day: choose the date or weekday first');
  }
  if (bad) return null;
  return {
    id: a['id'] as string,
    title,
    who,
    months,
    day,
    frequency,
    startTime: startTime as string | null,
    endTime: endTime as string | null,
    place,
    note,
  };
}

/** "første lørdag", "den 23.", "hver tirsdag", or "" when only the month is settled. */
export function dayText(activity: WheelActivity): string {
  const day = activity.day;
  if (!day) return '';
  if (day.kind === 'date') return `den ${day.day}.`;
  if (day.nth === null) return `hver ${WEEKDAYS_DA[day.weekday][0]}`;
  return `${NTH_DA[String(day.nth)]} ${WEEKDAYS_DA[day.weekday][0]}`;
}

/** "marts", "marts, april og maj", "hver måned". */
export function monthsText(months: number[]): string {
  if (months.length === 12) return 'hver måned';
  const names = months.map((m) => MONTHS_DA[m - 1]);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} og ${names.at(-1)}`;
}

/** When, in one Danish line: "Første lørdag i april, kl. 10:00–13:00". */
export function whenText(activity: WheelActivity): string {
  const months = monthsText(activity.months);
  const day = dayText(activity);
  const inMonths = activity.months.length === 12 ? months : `i ${months}`;
  let when: string;
  if (activity.frequency === WheelFrequency.Weekly) when = `${day} ${inMonths}`;
  else if (day) when = `${day} ${inMonths}`;
  else when = activity.months.length === 12 ? 'hver måned' : `i ${months}`;
  if (activity.startTime) {
    when += `, kl. ${activity.startTime}${activity.endTime ? `–${activity.endTime}` : ''}`;
  }
  return when.charAt(0).toUpperCase() + when.slice(1);
}

/**
 * The annual wheel (årshjul): the village's recurring activities by month, what, who, when and
 * how often, with an optional place and note. The published wheel is also an iCal feed
 * (`wheel-calendar.ts`).
 */
export const wheelKind: DocumentKindDefinition<WheelContent> = {
  kind: DocumentKind.Wheel,
  nameDa: 'årshjulet',
  yearly: false,

  empty: () => ({ activities: [] }),

  parse(raw: unknown): ParsedContent<WheelContent> {
    const details: Record<string, string[]> = {};
    const fail: Fail = (field, message) => {
      (details[field] ??= []).push(message);
    };
    const activities = (raw as { activities?: unknown } | null)?.activities;
    if (typeof raw !== 'object' || raw === null || !Array.isArray(activities)) {
      return { ok: false, details: { 'content.activities': ['activities must be a list'] } };
    }
    const unknownKeys = Object.keys(raw).filter((key) => key !== 'activities');
    if (unknownKeys.length) fail('content', `unknown fields: ${unknownKeys.join(', ')}`);
    if (activities.length > WHEEL_LIMITS.activities) {
      fail('content.activities', `a wheel can hold at most ${WHEEL_LIMITS.activities} activities`);
    }
    const seen = new Set<string>();
    const clean: WheelActivity[] = [];
    activities.slice(0, WHEEL_LIMITS.activities).forEach((item: unknown, i) => {
      const at = `content.activities.${i}`;
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && seen.has(id)) {
        fail(`${at}.id`, `two activities have the id ${id}`);
      }
      if (typeof id === 'string') seen.add(id);
      const activity = parseActivity(item, at, fail);
      if (activity) clean.push(activity);
    });
    return Object.keys(details).length
      ? { ok: false, details }
      : { ok: true, content: { activities: clean } };
  },

  summarise(before: WheelContent, after: WheelContent): string {
    const old = new Map(before.activities.map((a) => [a.id, a]));
    const now = new Set(after.activities.map((a) => a.id));
    const lines: string[] = [];
    for (const activity of after.activities) {
      const was = old.get(activity.id);
      if (!was) lines.push(`Aktiviteten »${activity.title}« tilføjet`);
      else if (JSON.stringify(was) !== JSON.stringify(activity)) {
        lines.push(`Aktiviteten »${activity.title}« ændret`);
      }
    }
    for (const activity of before.activities) {
      if (!now.has(activity.id)) lines.push(`Aktiviteten »${activity.title}« fjernet`);
    }
    return lines.length ? lines.join('; ') : 'Gemt uden ændringer';
  },

  imageIds: () => [],

  render(content: WheelContent): RenderedBlock[] {
    const blocks: RenderedBlock[] = [];
    for (let month = 1; month <= 12; month++) {
      const inMonth = content.activities.filter((a) => a.months.includes(month));
      if (!inMonth.length) continue;
      const name = MONTHS_DA[month - 1];
      blocks.push({ type: 'heading', text: name.charAt(0).toUpperCase() + name.slice(1) });
      for (const a of inMonth) {
        const where = a.place ? `, ${a.place}` : '';
        blocks.push({ type: 'bullet', text: `${a.title} (${a.who}): ${whenText(a)}${where}` });
      }
    }
    return blocks;
  },
};
