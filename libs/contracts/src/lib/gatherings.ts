import type { Page, PageQuery } from './common';
import type { PersonSummary } from './organisations';
import type { Phase } from './roles';

/**
 * Gatherings (issue 16, point 1): the physical and online meetings of a BLUP process and of the
 * academy — the start workshop, the module courses, the future workshop, the storytelling course,
 * the BLUP conference, the academy's cooperation workshops and its closing conference — and the
 * online info meetings of enrolment (issue 6), which are gatherings of kind `info_meeting`: one
 * table (`gatherings`), one registration table (`gathering_registrations`).
 *
 * People register with an account (signed in) or as a guest with only an email address; a guest's
 * place is held once they confirm by the link in the mail. A full gathering puts newcomers on a
 * waitlist that moves up by itself when someone cancels. Each registration has a cancel link and
 * a check-in code (the QR code on the confirmation); the facilitator checks people in on a phone.
 */

export enum GatheringKind {
  StartWorkshop = 'start_workshop',
  Course = 'course',
  FutureWorkshop = 'future_workshop',
  StorytellingCourse = 'storytelling_course',
  Conference = 'conference',
  CooperationWorkshop = 'cooperation_workshop',
  InfoMeeting = 'info_meeting',
  Other = 'other',
}

export const GATHERING_KINDS = /* @__PURE__ */ Object.values(
  GatheringKind,
) as readonly GatheringKind[];

/** In person (an address), online (a meeting link), or both. */
export enum GatheringMode {
  InPerson = 'in_person',
  Online = 'online',
  Hybrid = 'hybrid',
}

export const GATHERING_MODES = /* @__PURE__ */ Object.values(
  GatheringMode,
) as readonly GatheringMode[];

/**
 * Who may register.
 * - `steering_group`: the steering members of `villageId` (signed in).
 * - `village_panel`: anyone the village invites — its citizen panel and its residents; guests by
 *   email allowed (the future workshop "for all citizens of the village").
 * - `cohort`: the steering members of every village in `cohortId` (signed in).
 * - `municipality_academy`: the learners and coordinators of `municipalityId` (signed in).
 * - `anyone`: anyone, guests by email allowed (the conference, info meetings).
 */
export enum GatheringAudience {
  SteeringGroup = 'steering_group',
  VillagePanel = 'village_panel',
  Cohort = 'cohort',
  MunicipalityAcademy = 'municipality_academy',
  Anyone = 'anyone',
}

export const GATHERING_AUDIENCES = /* @__PURE__ */ Object.values(
  GatheringAudience,
) as readonly GatheringAudience[];

/** Audiences where a guest may register with only an email address. */
export const GUEST_AUDIENCES: readonly GatheringAudience[] = [
  GatheringAudience.VillagePanel,
  GatheringAudience.Anyone,
];

/**
 * A registration's state.
 * - `pending`: a guest who has not yet clicked the confirmation link (holds no place; expires
 *   after `GATHERING_LIMITS.confirmHours`).
 * - `confirmed`: has a place.
 * - `waitlisted`: no place yet; moves to `confirmed` by itself (oldest first) when a place frees,
 *   and is mailed.
 * - `cancelled`: by the person (cancel link or button) or because the gathering was cancelled.
 */
export enum RegistrationStatus {
  Pending = 'pending',
  Confirmed = 'confirmed',
  Waitlisted = 'waitlisted',
  Cancelled = 'cancelled',
}

export const REGISTRATION_STATUSES = /* @__PURE__ */ Object.values(
  RegistrationStatus,
) as readonly RegistrationStatus[];

/** A registration question's kind: a number (how many come), one choice, or short text (diet). */
export enum GatheringQuestionKind {
  Number = 'number',
  Choice = 'choice',
  Text = 'text',
}

export const GATHERING_LIMITS = {
  title: 160,
  description: 4000,
  address: 300,
  url: 500,
  minCapacity: 1,
  maxCapacity: 2000,
  questionsMax: 10,
  questionLabel: 200,
  choiceOptionsMax: 10,
  choiceOption: 100,
  textAnswer: 500,
  /** A number question's answer is 0..numberAnswerMax (e.g. "how many of you come"). */
  numberAnswerMax: 20,
  name: 120,
  email: 254,
  place: 120,
  minutes: 20000,
  /** A guest confirms within this many hours, or the pending registration lapses. */
  confirmHours: 48,
  /** The reminder goes this long before the start (once per registration). */
  reminderHoursBefore: 24,
  /** The check-in code printed under the QR code: letters and digits, easy to type. */
  checkInCodeLength: 8,
} as const;

export interface GatheringQuestion {
  /** Stable within the gathering (client-made, `[a-z0-9-]{1,40}`). */
  id: string;
  kind: GatheringQuestionKind;
  label: string;
  required: boolean;
  /** Choice questions only. */
  options?: string[];
  /**
   * Number questions only: the answer counts people ("Hvor mange kommer I?"). The places a
   * registration takes are this answer (at least 1). At most one question per gathering.
   */
  countsPeople?: boolean;
}

/** `GET /api/gatherings/:id` and the list rows. */
export interface GatheringDto {
  id: string;
  kind: GatheringKind;
  title: string;
  description: string;
  mode: GatheringMode;
  /** In person / hybrid: the address (or room) shown on the page, the mail and the calendar. */
  address: string | null;
  /**
   * Online / hybrid: the meeting link. Shown to the organisers and to people with a confirmed
   * place; null for everyone else (it comes in the confirmation mail).
   */
  url: string | null;
  phase: Phase | null;
  audience: GatheringAudience;
  villageId: string | null;
  villageName: string | null;
  cohortId: string | null;
  cohortName: string | null;
  municipalityId: string | null;
  municipalityName: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  /** Places taken by confirmed registrations (a registration can take several: `countsPeople`). */
  placesTaken: number;
  placesLeft: number;
  waitlistCount: number;
  questions: GatheringQuestion[];
  /** Registration closes at this time (default: the start). */
  registrationClosesAt: string;
  cancelledAt: string | null;
  /** Minutes after the gathering (plain text with line breaks), or null. */
  minutes: string | null;
  minutesGoalIds: string[];
  minutesInitiativeIds: string[];
  /** Counts after the day: checked in (people, summing `countsPeople`) and registrations. */
  checkedInCount: number;
  /** Whether the public registration page exists (guest audiences). */
  publicUrl: string | null;
  /** The signed-in caller's own registration, if any. */
  myRegistration: MyRegistrationDto | null;
  canEdit: boolean;
  canRegister: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type GatheringPage = Page<GatheringDto>;

/**
 * `GET /api/gatherings?from&to&kind&villageId&municipalityId&cohortId&includePast&page&pageSize`:
 * what the caller may see — the secretariat everything; a coordinator their municipality's
 * villages, cohorts and academy gatherings, and `anyone`; a steering member their village's,
 * their cohort's and `anyone`; a learner their municipality's academy gatherings and `anyone`.
 * Ordered by start; upcoming only unless `includePast`.
 */
export interface GatheringListQuery extends PageQuery {
  kind?: GatheringKind;
  villageId?: string;
  municipalityId?: string;
  cohortId?: string;
  includePast?: boolean;
}

/**
 * `POST /api/gatherings` (secretariat: any; coordinator: their municipality's academy
 * gatherings and their villages' gatherings; steering member: their own village's
 * `steering_group`/`village_panel` gatherings) and `PATCH /api/gatherings/:id` with `version`
 * (409 `version_conflict`). Capacity may not drop below the places taken (400).
 */
export interface SaveGatheringRequest {
  kind: GatheringKind;
  title: string;
  description?: string;
  mode: GatheringMode;
  address?: string | null;
  url?: string | null;
  phase?: Phase | null;
  audience: GatheringAudience;
  villageId?: string | null;
  cohortId?: string | null;
  municipalityId?: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  questions?: GatheringQuestion[];
  registrationClosesAt?: string | null;
}

export interface UpdateGatheringRequest extends Partial<SaveGatheringRequest> {
  version: number;
}

/**
 * `POST /api/gatherings/:id/cancel` { reason }: cancels the gathering; every registration is
 * cancelled and mailed. Past or cancelled: 400.
 */
export interface CancelGatheringRequest {
  reason?: string;
}

/** `PUT /api/gatherings/:id/minutes` (organisers). */
export interface SaveMinutesRequest {
  minutes: string;
  /** The village's goals and initiatives the minutes concern (the gathering's village only). */
  goalIds: string[];
  initiativeIds: string[];
}

/** An answer to a registration question: a number, an option, or text. */
export type GatheringAnswers = Record<string, string | number>;

/**
 * `POST /api/gatherings/:id/registrations` signed in: registers the caller (409
 * `already_registered`; 400 `gathering_closed` when past, cancelled or registration closed; 403
 * when not in the audience). Returns the caller's registration: `confirmed` or `waitlisted`.
 */
export interface RegisterRequest {
  answers?: GatheringAnswers;
}

export interface MyRegistrationDto {
  id: string;
  status: RegistrationStatus;
  /** 1-based place on the waitlist when waitlisted. */
  waitlistPosition: number | null;
  places: number;
  answers: GatheringAnswers;
  checkInCode: string;
  checkedInAt: string | null;
  createdAt: string;
}

/** `DELETE /api/gatherings/:id/registrations/mine`: the caller cancels (the waitlist moves up). */

/**
 * Public, no account: `GET /api/public/gatherings/:id` (guest audiences only; 404 otherwise),
 * `POST /api/public/gatherings/:id/registrations` { name, email, answers } → 202 and a mail with a
 * confirmation link (`/moede/bekraeft?token=…`); the same email again gets 409
 * `already_registered` once confirmed, or a fresh mail while pending. Rate limited per address.
 */
export interface PublicGatheringDto {
  id: string;
  kind: GatheringKind;
  title: string;
  description: string;
  mode: GatheringMode;
  address: string | null;
  phase: Phase | null;
  villageName: string | null;
  municipalityName: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  placesLeft: number;
  full: boolean;
  /** Registration is closed (past, cancelled, or the closing time has passed). */
  closed: boolean;
  questions: GatheringQuestion[];
}

export type PublicGatheringPage = Page<PublicGatheringDto>;

export interface GuestRegisterRequest {
  name: string;
  email: string;
  answers?: GatheringAnswers;
  /** Info meetings ask which village and municipality the person comes from (optional). */
  villageName?: string | null;
  municipalityName?: string | null;
}

/**
 * `POST /api/public/gatherings/registrations/confirm` { token }: confirms a guest (idempotent),
 * and `GET|POST /api/public/gatherings/registrations/cancel` with { token }: preview and cancel.
 * Both answer with the registration as the guest sees it. The confirmation mail carries the
 * calendar file, the cancel link and the check-in QR code.
 */
export interface RegistrationTokenRequest {
  token: string;
}

export interface GuestRegistrationDto {
  gathering: PublicGatheringDto;
  name: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  places: number;
  checkInCode: string | null;
  /** The meeting link once the place is confirmed (online/hybrid). */
  url: string | null;
}

/**
 * `GET /api/gatherings/:id/registrations?status&q&page&pageSize` (organisers): the list, searchable
 * by name or email (`q`), for the check-in page and the organisers.
 */
export interface RegistrationListQuery extends PageQuery {
  status?: RegistrationStatus;
  q?: string;
}

export interface RegistrationDto {
  id: string;
  name: string;
  email: string;
  /** The account, when registered signed in. */
  person: PersonSummary | null;
  guest: boolean;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  places: number;
  answers: GatheringAnswers;
  villageName: string | null;
  municipalityName: string | null;
  checkedInAt: string | null;
  remindedAt: string | null;
  createdAt: string;
}

export type RegistrationPage = Page<RegistrationDto>;

/**
 * `POST /api/gatherings/:id/check-ins` (organisers) with the scanned or typed check-in code, or a
 * registration id from the searched list. 404 `registration_not_found` for an unknown code; 409
 * `already_checked_in` (with the time) when scanned twice; a waitlisted or cancelled registration
 * is refused with 409 `not_confirmed`. `DELETE /api/gatherings/:id/check-ins/:registrationId`
 * undoes a check-in.
 */
export interface CheckInRequest {
  code?: string;
  registrationId?: string;
}

export interface CheckInResultDto {
  registration: RegistrationDto;
  checkedInCount: number;
  placesTaken: number;
}

/**
 * Also (organisers):
 * - `GET /api/gatherings/:id/registrations.csv`: the list for the caterer — name, places, every
 *   question's answer, status — UTF-8 with BOM, `;`, CRLF, formula cells guarded with `'`.
 * - `GET /api/gatherings/:id/event.ics`: the calendar file (also attached to confirmations), with
 *   LOCATION set to the address (and the link for online), and STATUS:CANCELLED once cancelled.
 * The check-in QR code (in the confirmation mail, and on the signed-in person's page) encodes
 * `<PUBLIC_URL>/moeder/<id>/check-in?code=<checkInCode>`: the facilitator's phone camera opens the
 * check-in page with the code filled in.
 */

/**
 * Web addresses the API puts in mails and QR codes (after `PUBLIC_URL`). Public pages (no
 * account) are under `/moede`, the signed-in pages under `/moeder`.
 */
export const GATHERING_PATHS = {
  /** Public page of a guest-audience gathering: `/moede/<id>`. */
  publicPage: (id: string) => `/moede/${id}`,
  /** The guest's confirmation link: `/moede/bekraeft?token=<token>`. */
  confirm: (token: string) => `/moede/bekraeft?token=${encodeURIComponent(token)}`,
  /** Anyone's cancel link: `/moede/afmeld?token=<token>`. */
  cancel: (token: string) => `/moede/afmeld?token=${encodeURIComponent(token)}`,
  /** Signed-in page of a gathering. */
  page: (id: string) => `/moeder/${id}`,
  /** What the check-in QR code encodes: the organiser's phone opens check-in with the code. */
  checkIn: (id: string, code: string) => `/moeder/${id}/check-in?code=${encodeURIComponent(code)}`,
} as const;
