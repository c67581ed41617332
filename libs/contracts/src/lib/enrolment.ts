/**
 * Enrolment (issue 6): offerings, enrolments, waitlists and invoices.
 *
 * Endpoints (all lists are pages):
 * - `GET  /api/public/offerings?kind&page`        public: open, published offerings (for the apply form)
 * - `GET  /api/offerings?kind&open&page`          signed in: published offerings (secretariat: all),
 *                                                 with `myEnrolment` for the caller (and their village)
 * - `GET  /api/offerings/:id`                     one offering
 * - `POST /api/offerings`                         secretariat: create (a cohort offering creates its cohort)
 * - `PATCH /api/offerings/:id`                    secretariat: edit, publish (`published`), close (`closed`)
 * - `POST /api/offerings/:id/enrolments`          enrol (body `EnrolRequest`) → `EnrolmentDto` (201)
 * - `GET  /api/offerings/:id/enrolments?status&page` secretariat (coordinators: their villages),
 *                                                 ordered: place-holders, then waitlist in arrival order
 * - `GET  /api/enrolments?municipalityId&offeringId&villageId&status&page` secretariat / coordinator (scoped)
 * - `GET  /api/me/enrolments?page`                the caller's own and their village's enrolments
 * - `POST /api/enrolments/:id/cancel`             body `CancelEnrolmentRequest` → `EnrolmentDto`
 * - `POST /api/enrolments/:id/approve`            secretariat: pending → enrolled
 * - `POST /api/enrolments/:id/reject`             secretariat: body `DecideEnrolmentRequest`
 * - `GET  /api/enrolments/invoices.csv?from&to&offeringId` secretariat: `;`-separated, UTF-8 BOM
 */
import type { PageQuery } from './common';
import type { PersonSummary } from './organisations';
import type { Phase } from './roles';

export enum OfferingKind {
  /** A full BLUP process: a hold of about ten villages (one `cohorts` row). Villages apply. */
  Cohort = 'cohort',
  /** One module (phase) of the BLUP course, enrolled by a village. */
  MiniBlup = 'mini_blup',
  /** One academy course, enrolled by a person. */
  AcademyCourse = 'academy_course',
}

export const OFFERING_KINDS: readonly OfferingKind[] = /* @__PURE__ */ Object.values(OfferingKind);

/** Who an academy-course offering is for. */
export enum OfferingAudience {
  LocalCouncil = 'local_council',
  MunicipalStaff = 'municipal_staff',
  Politician = 'politician',
  Everyone = 'everyone',
}

export const OFFERING_AUDIENCES: readonly OfferingAudience[] =
  /* @__PURE__ */ Object.values(OfferingAudience);

export enum OfferingApproval {
  /** A free place is taken at once. */
  Automatic = 'automatic',
  /** A free place is held as `pending` until the secretariat approves. */
  Secretariat = 'secretariat',
}

export const OFFERING_APPROVALS: readonly OfferingApproval[] =
  /* @__PURE__ */ Object.values(OfferingApproval);

export enum EnrolmentStatus {
  /** Holds a place; waits for the secretariat. */
  Pending = 'pending',
  /** Holds a place; has access. */
  Enrolled = 'enrolled',
  /** No place yet; promoted in arrival order when one frees up. */
  Waitlisted = 'waitlisted',
  Cancelled = 'cancelled',
  Rejected = 'rejected',
}

export const ENROLMENT_STATUSES: readonly EnrolmentStatus[] =
  /* @__PURE__ */ Object.values(EnrolmentStatus);

/** Statuses that count as "taking part" (one per person/village and offering). */
export const ACTIVE_ENROLMENT_STATUSES: readonly EnrolmentStatus[] = [
  EnrolmentStatus.Pending,
  EnrolmentStatus.Enrolled,
  EnrolmentStatus.Waitlisted,
];

/** Who pays (recorded for invoicing; no payment processing). */
export enum Payer {
  Municipality = 'municipality',
  LocalCouncil = 'local_council',
  Self = 'self',
}

export const PAYERS: readonly Payer[] = /* @__PURE__ */ Object.values(Payer);

/** Where an offering stands, computed from its dates and flags. */
export enum OfferingState {
  /** Not published yet (secretariat only sees these). */
  Draft = 'draft',
  /** Published and taking enrolments. */
  Open = 'open',
  /** Closed by the secretariat, or its enrolment deadline has passed. */
  Closed = 'closed',
  /** Has started (no more enrolments). Self-paced courses never start. */
  Started = 'started',
}

export const OFFERING_STATES: readonly OfferingState[] =
  /* @__PURE__ */ Object.values(OfferingState);

export const DEFAULT_COHORT_CAPACITY = 10;
export const DEFAULT_COHORT_PRICE_DKK = 48_000;

export const OFFERING_LIMITS = {
  name: 120,
  description: 4000,
  capacity: 10_000,
  priceDkk: 10_000_000,
  cancelReason: 500,
} as const;

/** The caller's (or their village's) active enrolment in an offering. */
export interface MyEnrolmentRef {
  id: string;
  status: EnrolmentStatus;
  /** 1-based place in the waitlist, when `waitlisted`. */
  waitlistPosition: number | null;
  /** Set when the enrolment is the caller's village's (mini-BLUP, cohort), not their own. */
  villageId: string | null;
}

export interface OfferingDto {
  id: string;
  kind: OfferingKind;
  name: string;
  description: string;
  /** ISO dates (YYYY-MM-DD); null when self-paced (academy courses only). */
  startsOn: string | null;
  endsOn: string | null;
  /** Academy courses without dates. */
  selfPaced: boolean;
  /** Places; null = unlimited. */
  capacity: number | null;
  /** Price per village (cohort, mini-BLUP) or per person (academy course); 0 = free. */
  priceDkk: number;
  approval: OfferingApproval;
  /** Academy courses only. */
  audience: OfferingAudience | null;
  /** Cohort offerings: the cohort villages are placed in. */
  cohortId: string | null;
  /** Mini-BLUP: the module of the BLUP course. */
  moduleId: string | null;
  moduleTitle: string | null;
  phase: Phase | null;
  /** Mini-BLUP: the BLUP course; academy: the course. */
  courseId: string | null;
  courseTitle: string | null;
  /** ISO timestamp; null = until it starts. */
  enrolClosesAt: string | null;
  publishedAt: string | null;
  closedAt: string | null;
  state: OfferingState;
  /** Why enrolment is not possible now, in English (null when open). */
  closedReason: string | null;
  /** Places held (`pending` + `enrolled`). */
  placesTaken: number;
  /** Null when unlimited. */
  placesLeft: number | null;
  waitlistCount: number;
  /** For signed-in callers: their active enrolment (or their village's). */
  myEnrolment: MyEnrolmentRef | null;
  createdAt: string;
}

export interface OfferingQuery extends PageQuery {
  kind?: OfferingKind;
  /** Only offerings open for enrolment now. */
  open?: boolean;
}

export interface CreateOfferingRequest {
  kind: OfferingKind;
  name: string;
  description?: string;
  /** Required for cohort and mini-BLUP; omit both for a self-paced academy course. */
  startsOn?: string | null;
  endsOn?: string | null;
  /** Cohort default 10; academy: omit/null = unlimited. */
  capacity?: number | null;
  /** Cohort default 48000. */
  priceDkk?: number;
  /** Default automatic (cohort: placement happens through applications anyway). */
  approval?: OfferingApproval;
  /** Academy courses: required. */
  audience?: OfferingAudience;
  /** Mini-BLUP: required, a module of the BLUP (village-process) course. */
  moduleId?: string;
  /** Academy course: required, an academy course. */
  courseId?: string;
  enrolClosesAt?: string | null;
  /** Publish at once. */
  published?: boolean;
}

export interface UpdateOfferingRequest {
  name?: string;
  description?: string;
  startsOn?: string | null;
  endsOn?: string | null;
  capacity?: number | null;
  priceDkk?: number;
  approval?: OfferingApproval;
  audience?: OfferingAudience;
  enrolClosesAt?: string | null;
  published?: boolean;
  /** true closes enrolment now; false reopens. */
  closed?: boolean;
}

/**
 * Enrol in an offering.
 * - academy course: the caller themself (the secretariat may name `userId`).
 * - mini-BLUP: a village: a steering member's own village by default; a coordinator names one
 *   of their municipality's villages; the secretariat names any.
 * - cohort: secretariat only (villages otherwise come in through an application).
 */
export interface EnrolRequest {
  villageId?: string;
  userId?: string;
  /** Default: municipality for villages, self for people. */
  payer?: Payer;
}

export interface CancelEnrolmentRequest {
  reason?: string;
}

export interface DecideEnrolmentRequest {
  note?: string;
}

export interface EnrolmentDto {
  id: string;
  offeringId: string;
  offeringName: string;
  offeringKind: OfferingKind;
  status: EnrolmentStatus;
  /** 1-based place in the waitlist, when `waitlisted`. */
  waitlistPosition: number | null;
  /** Arrival order within the offering (lower = earlier). */
  seq: number;
  /** A person's enrolment (academy course). */
  person: PersonSummary | null;
  /** A village's enrolment (mini-BLUP, cohort). */
  village: { id: string; name: string } | null;
  municipalityId: string | null;
  municipalityName: string | null;
  payer: Payer;
  amountDkk: number;
  createdAt: string;
  decidedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

export interface EnrolmentQuery extends PageQuery {
  municipalityId?: string;
  offeringId?: string;
  villageId?: string;
  status?: EnrolmentStatus;
}

export interface InvoiceQuery {
  /** ISO dates (inclusive), on the enrolment's created date. */
  from?: string;
  to?: string;
  offeringId?: string;
}
