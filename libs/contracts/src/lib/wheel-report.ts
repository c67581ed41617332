import type { VillageDocumentDto } from './plans';

/**
 * The annual wheel (årshjul) and the annual report (årsrapport): two more kinds of living
 * document on the plans core (drafts, versions, history, 409s, publishing come from there).
 */

/** How often an activity comes round. */
export enum WheelFrequency {
  /** Once a year, in its one month. */
  Yearly = 'yearly',
  /** Once in each of its months (all twelve: every month). */
  Monthly = 'monthly',
  /** Every week in its months, on its weekday. */
  Weekly = 'weekly',
}

export const WHEEL_FREQUENCIES = /* @__PURE__ */ Object.values(
  WheelFrequency,
) as readonly WheelFrequency[];

/** RFC 5545 weekday codes, Monday first as in Denmark. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Which day in the month: a date ("den 23."), or a weekday, the nth of the month
 * ("første lørdag", nth 1; "sidste søndag", nth -1). A weekly activity names its weekday with
 * nth null ("hver tirsdag").
 */
export type WheelDay =
  | { kind: 'date'; day: number }
  | { kind: 'weekday'; weekday: Weekday; nth: 1 | 2 | 3 | 4 | -1 | null };

/** One recurring activity of the village's year. `id` is made by the client and stays. */
export interface WheelActivity {
  id: string;
  /** What: "Sankthans ved Suså". */
  title: string;
  /** Who: a name or a group, "Forsamlingshusets bestyrelse". */
  who: string;
  /** Months 1–12, ascending, at least one (exactly one when yearly). */
  months: number[];
  /** The day; null when only the month is settled (it is then left out of the calendar feed). */
  day: WheelDay | null;
  frequency: WheelFrequency;
  /** Start and end as HH:MM, Copenhagen time; both null for an all-day activity. */
  startTime: string | null;
  endTime: string | null;
  place: string;
  note: string;
}

export interface WheelContent {
  activities: WheelActivity[];
}

export const WHEEL_LIMITS = {
  activities: 150,
  titleMaxLength: 120,
  whoMaxLength: 120,
  placeMaxLength: 200,
  noteMaxLength: 1000,
} as const;

/**
 * One section of the annual report. `generated` is the text as "Lav udkast" made it (null for a
 * section the village wrote itself); a section whose text differs from it was edited by hand and
 * is kept when the draft is made again, unless the person asks to replace it.
 */
export interface ReportSection {
  id: string;
  title: string;
  text: string;
  generated: string | null;
}

export interface ReportContent {
  sections: ReportSection[];
}

/** The sections "Lav udkast" makes, in this order. */
export const REPORT_SECTION_IDS = [
  'intro',
  'goals',
  'initiatives',
  'sessions',
  'gatherings',
  'surveys',
] as const;

export interface GenerateReportRequest {
  /** The revision the person has open (0 for a report not yet saved); 409 if it moved. */
  revision: number;
  /** Replace sections edited by hand too. Default false: they are kept. */
  replaceEdited?: boolean;
}

export interface GenerateReportResultDto {
  document: VillageDocumentDto<ReportContent>;
  /** Titles of the sections edited by hand that were kept as they were. */
  keptEdited: string[];
}

/** The published wheel at the village's public address. */
export interface PublicWheelDto {
  slug: string;
  villageName: string;
  version: number;
  publishedAt: string;
  content: WheelContent;
  /** The iCal feed of it: `/api/public/villages/<slug>/wheel.ics`. */
  icsUrl: string;
}
