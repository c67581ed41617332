/**
 * Newsletters (issue 5): the shapes the newsletter API and client speak.
 *
 * A newsletter leads into a session (a cohort-wide planned session, `plan`, personalised per
 * village with that village's own session; or one circle session, `session`) or stands alone
 * for a cohort, a village or an academy course. The secretariat writes it; members read the
 * sent ones in the archive; each has a public web version at an unguessable link.
 */

import { CIRCLE_TIME_ZONE } from './circles';
import { addDays, instantOf, wallTimeOf } from './time';
import type { SurveyPurpose } from './surveys';

export enum NewsletterStatus {
  Draft = 'draft',
  Scheduled = 'scheduled',
  Sending = 'sending',
  Sent = 'sent',
  PartlyFailed = 'partly_failed',
}

export const NEWSLETTER_STATUSES: readonly NewsletterStatus[] =
  /* @__PURE__ */ Object.values(NewsletterStatus);

/** Sending is over (every delivery is final). */
export const FINAL_NEWSLETTER_STATUSES: readonly NewsletterStatus[] = [
  NewsletterStatus.Sent,
  NewsletterStatus.PartlyFailed,
];

export enum NewsletterSendMode {
  /** N days before the (earliest village) session, at 09:00 Danish time. Session newsletters only. */
  DaysBefore = 'days_before',
  /** At a set time. */
  At = 'at',
  /** At once. */
  Now = 'now',
}

export const NEWSLETTER_SEND_MODES: readonly NewsletterSendMode[] =
  Object.values(NewsletterSendMode);

/** What a newsletter is about; exactly one per newsletter. */
export enum NewsletterTargetKind {
  /** A cohort-wide planned session (session_plans): each village gets its own copy. */
  Plan = 'plan',
  /** One circle session (a coordinator circle's, or a single village session). */
  Session = 'session',
  Cohort = 'cohort',
  Village = 'village',
  /** An academy course: goes to the people with access to it. */
  Course = 'course',
}

export const NEWSLETTER_TARGET_KINDS: readonly NewsletterTargetKind[] =
  Object.values(NewsletterTargetKind);

/** Targets that lead into a session (may use the session box and "days before"). */
export const SESSION_TARGET_KINDS: readonly NewsletterTargetKind[] = [
  NewsletterTargetKind.Plan,
  NewsletterTargetKind.Session,
];

export const NEWSLETTER_LIMITS = {
  subject: 200,
  preheader: 200,
  blocks: 40,
  /** Characters of one text block's HTML. */
  textHtml: 50_000,
  heading: 200,
  nextStepsItems: 20,
  nextStepsItem: 500,
  daysBeforeMin: 0,
  daysBeforeMax: 60,
  defaultDaysBefore: 7,
  /** Failures listed in the progress answer. */
  progressFailures: 50,
} as const;

/** Newsletters sent "N days before" go out at this time of day, Danish time. */
export const DAYS_BEFORE_TIME = '09:00';

/**
 * When a "N days before" newsletter goes out: the Copenhagen calendar day N days before the
 * session's start, at 09:00 Danish time (summer or winter time as it is on that day). The API
 * schedules by it and the client shows it, so both name the same moment.
 */
export function daysBeforeSendAt(sessionStartsAt: Date, daysBefore: number): Date {
  const { date } = wallTimeOf(sessionStartsAt, CIRCLE_TIME_ZONE);
  return instantOf(addDays(date, -daysBefore), DAYS_BEFORE_TIME, CIRCLE_TIME_ZONE);
}

/** Merge fields allowed in the subject, preheader, text and next steps; any other `{{…}}` is refused. */
export const NEWSLETTER_MERGE_FIELDS = ['{{navn}}', '{{landsby}}'] as const;

// ---- Blocks ----------------------------------------------------------------------------------

export const NEWSLETTER_BLOCK_TYPES = [
  'text',
  'lesson',
  'video',
  'next_steps',
  'session',
  'village_card',
  'survey',
] as const;

export type NewsletterBlockType = (typeof NEWSLETTER_BLOCK_TYPES)[number];

/**
 * Rich text: h2, h3, p, br, ul, ol, li, a (http/https/mailto), strong, em, blockquote,
 * img (https or our own /api/ upload URL, with alt). Sanitised on save and on render.
 * May hold the merge fields {{navn}} and {{landsby}}.
 */
export interface NewsletterTextBlock {
  type: 'text';
  html: string;
}

/** A card for a lesson: title, summary, thumbnail if any, link to /lessons/:id. */
export interface NewsletterLessonBlock {
  type: 'lesson';
  lessonId: string;
}

/** A card for an inspiration video (a lesson marked as inspiration). */
export interface NewsletterVideoBlock {
  type: 'video';
  lessonId: string;
}

/** The "next steps" block. */
export interface NewsletterNextStepsBlock {
  type: 'next_steps';
  /** Shown heading; a default ("Næste skridt") when left out or empty. */
  heading?: string;
  items: string[];
  /**
   * Session targets: each village's copy shows the next steps its circle recorded at its last
   * held session before the newsletter's session (owner, due date, done or not); `items` are
   * shown where a village has none.
   */
  fromLastSession?: boolean;
}

/** The session box: date, time (Danish time), room link, add-to-calendar link. Session targets only. */
export interface NewsletterSessionBlock {
  type: 'session';
}

/**
 * A card for a village goal (title, SDG numbers in their colours, status and progress in words)
 * or an initiative (title, status, progress, next milestone), linking to the village's public
 * page. Only of a village whose development plan is published (so the card shows nothing that is
 * not public already); the card is drawn as the goal or initiative stands when the mail is made.
 */
export interface NewsletterVillageCardBlock {
  type: 'village_card';
  kind: 'goal' | 'initiative';
  id: string;
}

/**
 * A link to the village's open questionnaire of this purpose (issue 15): each village's copy
 * links its own survey, and each recipient's link carries their personal key (`?p=`), so the
 * citizen panel answers once per person. Left out of a copy whose village has no open survey
 * of that purpose.
 */
export interface NewsletterSurveyBlock {
  type: 'survey';
  purpose: SurveyPurpose;
}

export type NewsletterBlock =
  | NewsletterSurveyBlock
  | NewsletterVillageCardBlock
  | NewsletterTextBlock
  | NewsletterLessonBlock
  | NewsletterVideoBlock
  | NewsletterNextStepsBlock
  | NewsletterSessionBlock;

// ---- Targets ---------------------------------------------------------------------------------

/** Names what a new newsletter is about. */
export interface NewsletterTargetRef {
  kind: NewsletterTargetKind;
  id: string;
}

/** The target as shown: its kind, id and the facts an editor or list needs. */
export interface NewsletterTargetDto {
  kind: NewsletterTargetKind;
  id: string;
  /** Session or plan title; cohort, village or course name. */
  title: string;
  cohortId: string | null;
  cohortName: string | null;
  /** Session targets: 'village' or 'coordinator'. */
  circleKind: 'village' | 'coordinator' | null;
  /** Session targets: the earliest (not cancelled) session start, ISO. */
  startsAt: string | null;
}

/** One village's copy of a session newsletter: its own session time. */
export interface NewsletterTargetVillage {
  villageId: string;
  villageName: string;
  sessionId: string;
  startsAt: string;
}

/**
 * An upcoming planned session or single circle session a newsletter can lead into
 * (`GET /newsletters/targets`, `GET /newsletters/for-session/:planOrSessionId`).
 */
export interface NewsletterTargetOption extends NewsletterTargetDto {
  kind: NewsletterTargetKind.Plan | NewsletterTargetKind.Session;
  /** The village copies (empty for a coordinator circle's session). */
  villages: NewsletterTargetVillage[];
  /** Newsletters already written for it (any status). */
  newsletterIds: string[];
}

export interface NewsletterTargetsQuery {
  cohortId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

// ---- Newsletters -----------------------------------------------------------------------------

export interface CreateNewsletterRequest {
  target: NewsletterTargetRef;
  subject: string;
  preheader?: string;
  blocks?: NewsletterBlock[];
  /** Also send to the confirmed citizen-panel subscribers of each village in scope. */
  includePanel?: boolean;
}

/** Only while `draft` (409 newsletter_not_editable otherwise). */
export interface UpdateNewsletterRequest {
  subject?: string;
  preheader?: string;
  blocks?: NewsletterBlock[];
  includePanel?: boolean;
}

export interface NewsletterSummaryDto {
  id: string;
  status: NewsletterStatus;
  subject: string;
  target: NewsletterTargetDto;
  includePanel: boolean;
  sendMode: NewsletterSendMode | null;
  daysBefore: number | null;
  /** When sending starts (scheduled) or started; ISO. */
  sendAt: string | null;
  sendingStartedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewsletterDto extends NewsletterSummaryDto {
  preheader: string;
  blocks: NewsletterBlock[];
  /** Village-neutral public web version: {PUBLIC_URL}/newsletters/web/{webToken}. */
  webUrl: string;
  webToken: string;
  /** Villages in scope, for the preview's village picker (empty when none). */
  villages: { id: string; name: string }[];
  /** Draft (and the person may write). */
  canEdit: boolean;
}

export interface NewslettersQuery {
  status?: NewsletterStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

// ---- Preview, test, schedule, progress -------------------------------------------------------

export interface PreviewNewsletterRequest {
  /** Personalise for this village (one in scope); left out: the first village in scope, if any. */
  villageId?: string;
}

export interface NewsletterPreviewDto {
  subject: string;
  /** The whole mail HTML document (for an iframe srcdoc). */
  html: string;
  text: string;
}

/** Answer of `POST /newsletters/:id/test`: where the test went. */
export interface NewsletterTestResult {
  email: string;
}

export interface ScheduleNewsletterRequest {
  mode: NewsletterSendMode;
  /** days_before: 0–60, default 7. */
  daysBefore?: number;
  /** at: ISO 8601 instant with offset. */
  sendAt?: string;
}

export interface NewsletterFailure {
  email: string;
  status: 'failed' | 'bounced';
  error: string | null;
}

export interface NewsletterProgressDto {
  status: NewsletterStatus;
  total: number;
  sent: number;
  failed: number;
  bounced: number;
  /** Pending plus being sent. */
  pending: number;
  /** The first 50 failed or bounced deliveries. */
  failures: NewsletterFailure[];
}

// ---- Archive and web version -----------------------------------------------------------------

export interface NewsletterArchiveQuery {
  villageId?: string;
  page?: number;
  pageSize?: number;
}

export interface NewsletterArchiveItemDto {
  id: string;
  subject: string;
  preheader: string;
  target: NewsletterTargetDto;
  /** When it was sent (sending started), ISO. */
  sentAt: string | null;
  /** The village copy to show (from the query, or the reader's own village), if any. */
  villageId: string | null;
  /** Public web version of that copy (its `v` signs the village in, as in the mailed links). */
  webUrl: string;
}

/**
 * A rendered copy to read: `GET /newsletters/web/:token?v=` (public) and
 * `GET /newsletters/:id/read?villageId=` (archive, signed in).
 */
export interface NewsletterWebVersionDto {
  subject: string;
  /** The whole HTML document of the copy (no per-recipient content, no unsubscribe token). */
  html: string;
  sentAt: string | null;
  villageId: string | null;
  villageName: string | null;
}

// ---- Cards -----------------------------------------------------------------------------------

export interface NewsletterCardOptionsQuery {
  q?: string;
  /** Only inspiration videos. */
  inspiration?: boolean;
  page?: number;
  pageSize?: number;
}

/** A published lesson the editor can put in a lesson or video card. */
/** A goal or initiative of a village with a published plan, offered for a village card. */
export interface NewsletterVillageCardOption {
  kind: 'goal' | 'initiative';
  id: string;
  title: string;
  villageId: string;
  villageName: string;
}

export interface NewsletterCardOption {
  lessonId: string;
  title: string;
  moduleTitle: string;
  courseId: string;
  courseTitle: string;
  inspiration: boolean;
  thumbnailUrl: string | null;
}
