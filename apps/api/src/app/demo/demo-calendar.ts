import { addDays, CIRCLE_TIME_ZONE, wallTimeOf } from '@blup/contracts';

/**
 * The demo's one calendar, relative to the moment of seeding. A cohort starts on its first
 * session (the online start meeting of module 1), and is named after the half-year it starts in
 * ("Forår" January–June, "Efterår" July–December). Its village sessions run over about nine
 * months: three in each module, ten weeks between the modules' first sessions.
 *
 * - the earlier cohort started about a year ago and has held every session;
 * - the running cohort (the demo's ten villages) started about six months ago;
 * - the next cohort, open for applications, starts on the next 1 February or 1 August at least
 *   60 days ahead.
 */

/** Days from a cohort's start to each village session, in topic order (3 per module). */
export const VILLAGE_SESSION_DAYS: readonly number[] = [
  0, 21, 42, 70, 91, 112, 140, 161, 182, 210, 231, 252,
];
/** Days from a cohort's start to its first coordinator session, and between them. */
export const COORDINATOR_FIRST_DAY = 5;
export const COORDINATOR_EVERY_DAYS = 42;
/** The last day of a cohort's process, counted from its start (its last village session). */
export const PROCESS_DAYS = VILLAGE_SESSION_DAYS[VILLAGE_SESSION_DAYS.length - 1];

export interface DemoCohortDates {
  name: string;
  /** YYYY-MM-DD, Copenhagen: the day of the first session. */
  startDate: string;
}

export interface DemoCalendar {
  earlier: DemoCohortDates;
  running: DemoCohortDates;
  next: DemoCohortDates;
}

export type DemoCohortKey = 'earlier' | 'running';

/** "Forår 2027" for a start in January–June 2027, "Efterår 2027" for July–December. */
export function cohortName(startDate: string): string {
  const [year, month] = startDate.split('-').map(Number);
  return `${month <= 6 ? 'Forår' : 'Efterår'} ${year}`;
}

/** The Copenhagen date of an instant. */
export function copenhagenDate(at: Date): string {
  return wallTimeOf(at, CIRCLE_TIME_ZONE).date;
}

/** The first given weekday (0 = Sunday) on or after `date`. */
export function weekdayOnOrAfter(date: string, weekday: number): string {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, (weekday - day + 7) % 7);
}

const THURSDAY = 4;

function cohortStartingAbout(today: string, daysAgo: number): DemoCohortDates {
  const startDate = weekdayOnOrAfter(addDays(today, -daysAgo), THURSDAY);
  return { name: cohortName(startDate), startDate };
}

export function demoCalendar(now: Date): DemoCalendar {
  const today = copenhagenDate(now);
  const running = cohortStartingAbout(today, 180);
  const earlier = cohortStartingAbout(today, 180 + 182);
  const earliest = addDays(today, 60);
  const [year] = earliest.split('-').map(Number);
  const next =
    [`${year}-02-01`, `${year}-08-01`, `${year + 1}-02-01`].find((d) => d >= earliest) ??
    `${year + 1}-02-01`;
  return { earlier, running, next: { name: cohortName(next), startDate: next } };
}
