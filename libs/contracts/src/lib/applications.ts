/** Enrolment (issue 6): applications for a full process, and info meetings. */
import type { Page, PageQuery } from './common';

// ---------------------------------------------------------------------------------------------
// Applications for a full process (a cohort offering)
// ---------------------------------------------------------------------------------------------

export enum ApplicationStatus {
  Submitted = 'submitted',
  Approved = 'approved',
  Rejected = 'rejected',
  Withdrawn = 'withdrawn',
}

export const APPLICATION_STATUSES: readonly ApplicationStatus[] =
  /* @__PURE__ */ Object.values(ApplicationStatus);

/** Where the municipality's funding agreement stands. `signed` needs the uploaded agreement. */
export enum FundingStatus {
  Requested = 'requested',
  Agreed = 'agreed',
  Signed = 'signed',
}

export const FUNDING_STATUSES: readonly FundingStatus[] =
  /* @__PURE__ */ Object.values(FundingStatus);

/** The three requirements, in the order they are shown. */
export enum RequirementKey {
  Municipality = 'municipality',
  Locals = 'locals',
  Cooperation = 'cooperation',
}

export const REQUIREMENT_KEYS: readonly RequirementKey[] =
  /* @__PURE__ */ Object.values(RequirementKey);

export enum RequirementState {
  Met = 'met',
  /** Written, waiting for the secretariat's judgement (cooperation only). */
  ToAssess = 'to_assess',
  Missing = 'missing',
}

/** What keeps a requirement from being met: a stable name the client translates. */
export enum RequirementProblem {
  ContactNameMissing = 'contact_name_missing',
  ContactEmailInvalid = 'contact_email_invalid',
  /** Funding is only requested: it must be agreed or signed. */
  FundingNotAgreed = 'funding_not_agreed',
  /** Funding is `signed` but no agreement is uploaded. */
  AgreementMissing = 'agreement_missing',
  /** Fewer than two people with a name and a valid email. */
  TooFewPeople = 'too_few_people',
  /** Two people share an email. */
  EmailsNotDistinct = 'emails_not_distinct',
  CooperationTextMissing = 'cooperation_text_missing',
  /** Shorter than APPLICATION_LIMITS.cooperationMinChars. */
  CooperationTextTooShort = 'cooperation_text_too_short',
  /** Written, but the secretariat has not yet confirmed it after reading. */
  CooperationNotConfirmed = 'cooperation_not_confirmed',
}

export interface RequirementCheck {
  key: RequirementKey;
  state: RequirementState;
  /** Empty when met. */
  problems: RequirementProblem[];
}

/** Returned with every application; the web computes the same live (see `applicationChecklist`). */
export interface ApplicationChecklist {
  /** Always the three requirements, in REQUIREMENT_KEYS order. */
  items: RequirementCheck[];
  allMet: boolean;
}

export const APPLICATION_LIMITS = {
  minPeople: 2,
  maxPeople: 12,
  cooperationMinChars: 20,
  cooperationMaxChars: 5000,
  name: 120,
  email: 254,
  position: 120,
  villageName: 120,
  note: 2000,
  overrideReason: 2000,
  /** Largest agreement upload, in bytes (10 MB). */
  agreementMaxBytes: 10 * 1024 * 1024,
} as const;

/** Agreement uploads: PDF, Word or an image (checked by extension AND the file's first bytes). */
export const AGREEMENT_FILE_EXTENSIONS: readonly string[] = [
  '.pdf',
  '.doc',
  '.docx',
  '.png',
  '.jpg',
  '.jpeg',
];

/** One person of the village's coordination group (becomes a steering member on approval). */
export interface ApplicationPersonInput {
  name: string;
  email: string;
  /** Free text, e.g. "formand for borgerforeningen". */
  position?: string | null;
}

/**
 * `POST /api/applications` (public; a signed-in steering member may apply for their own village).
 * Send EITHER JSON (this body), OR `multipart/form-data` with a field `application` holding this
 * body as a JSON string and an optional file field `agreement` (the funding agreement). The
 * agreement may also be uploaded afterwards with `PUT /api/applications/:id/agreement?token=…`
 * (multipart field `agreement`), using the `uploadToken` from the receipt.
 */
export interface CreateApplicationRequest {
  /** A published `cohort` offering (see GET /api/applications/form-options). */
  offeringId: string;
  municipalityId: string;
  /** An existing village of that municipality… */
  villageId?: string | null;
  /** …or the name of a new one (exactly one of villageId / villageName). */
  villageName?: string | null;
  /** The municipality's contact person. */
  contactName: string;
  contactEmail: string;
  fundingStatus: FundingStatus;
  cooperationText: string;
  /** At least two, distinct emails, none a steering member of another village. */
  people: ApplicationPersonInput[];
  /** Who sends the application (filled from the account when signed in; required otherwise). */
  applicantName?: string | null;
  applicantEmail?: string | null;
}

/** The answer to a submitted application (the receipt page). */
export interface ApplicationReceiptDto {
  id: string;
  status: ApplicationStatus;
  offeringName: string;
  villageName: string;
  municipalityName: string;
  hasAgreement: boolean;
  checklist: ApplicationChecklist;
  /** Lets the applicant upload/replace the agreement while the application is undecided. */
  uploadToken: string;
  createdAt: string;
}

/** `GET /api/applications/form-options` (public): what the form offers. */
export interface ApplicationFormOptionsDto {
  /** Published cohort offerings still open for applications. */
  offerings: {
    id: string;
    name: string;
    /** ISO dates. */
    startsOn: string | null;
    endsOn: string | null;
    capacity: number | null;
    placesLeft: number | null;
    priceDkk: number;
  }[];
  /** Every municipality (Denmark has 98), by name, at most 100. Villages: see below. */
  municipalities: { id: string; name: string }[];
}

/** `GET /api/applications/form-options/villages`: one page of a municipality's villages. */
export interface ApplicationVillageQuery {
  municipalityId: string;
  /** Part of the name. */
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface ApplicationVillageOptionDto {
  id: string;
  name: string;
  /** Already placed in a cohort (it may still apply, e.g. for a later one). */
  inCohort: boolean;
}

export interface ApplicationPersonDto {
  id: string;
  name: string;
  email: string;
  position: string | null;
  /** After approval: the account made or flagged for this person. */
  userId: string | null;
}

export interface ApplicationAgreementDto {
  name: string;
  mime: string;
  size: number;
  /** Signed-in download for the secretariat and the municipality's coordinators. */
  url: string;
}

export interface ApplicationSummaryDto {
  id: string;
  status: ApplicationStatus;
  offeringId: string;
  offeringName: string;
  /** Null while a new village has not yet been created (before approval). */
  villageId: string | null;
  villageName: string;
  isNewVillage: boolean;
  municipalityId: string;
  municipalityName: string;
  contactName: string;
  fundingStatus: FundingStatus;
  peopleCount: number;
  checklist: ApplicationChecklist;
  createdAt: string;
  decidedAt: string | null;
}

export interface ApplicationDetailDto extends ApplicationSummaryDto {
  contactEmail: string;
  agreement: ApplicationAgreementDto | null;
  cooperationText: string;
  cooperationConfirmedBy: { id: string; name: string } | null;
  cooperationConfirmedAt: string | null;
  people: ApplicationPersonDto[];
  applicantName: string;
  applicantEmail: string;
  overrideReason: string | null;
  decidedBy: { id: string; name: string } | null;
  decisionNote: string | null;
  /** True for the secretariat while the application is `submitted`. */
  canDecide: boolean;
  updatedAt: string;
}

/**
 * `GET /api/applications` (secretariat: all; coordinator: their municipality's, read-only).
 * `counts` are per status under the same municipality/offering filters (ignoring `status`).
 */
export interface ApplicationListQuery extends PageQuery {
  status?: ApplicationStatus;
  municipalityId?: string;
  offeringId?: string;
}

export interface ApplicationListResponse extends Page<ApplicationSummaryDto> {
  counts: Record<ApplicationStatus, number>;
}

/** `POST /api/applications/:id/cooperation` (secretariat): confirm (or undo) after reading. */
export interface ConfirmCooperationRequest {
  confirmed: boolean;
}

/**
 * `POST /api/applications/:id/approve` (secretariat). Without all three requirements met, an
 * `overrideReason` is required (400 `requirements_not_met` otherwise, params.missing lists them).
 * Errors: 409 `offering_full`, 409 `village_name_taken`, 409 `application_decided`.
 */
export interface ApproveApplicationRequest {
  overrideReason?: string | null;
  note?: string | null;
}

/**
 * `POST /api/applications/:id/withdraw?token=…` (the applicant with the receipt's `uploadToken`,
 * or the secretariat on their behalf): an undecided application is withdrawn. 409
 * `application_decided` once decided.
 */
export interface WithdrawApplicationRequest {
  note?: string | null;
}

/** `POST /api/applications/:id/reject` (secretariat): the note is mailed to the applicant. */
export interface RejectApplicationRequest {
  note: string;
}

// ---------------------------------------------------------------------------------------------
// Info meetings
// ---------------------------------------------------------------------------------------------

export const INFO_MEETING_LIMITS = {
  title: 160,
  description: 4000,
  url: 500,
  maxCapacity: 1000,
  name: 120,
  email: 254,
  place: 120,
  /** Reminder this long before the start. */
  reminderHoursBefore: 24,
} as const;

/** What the secretariat sees: `GET /api/info-meetings?includePast&page` (secretariat). */
export interface InfoMeetingDto {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  /** The meeting link (https). */
  url: string;
  capacity: number;
  description: string;
  signupCount: number;
  placesLeft: number;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InfoMeetingListQuery extends PageQuery {
  /** Also meetings that have ended (secretariat list only). */
  includePast?: boolean;
}

/** `POST /api/info-meetings` / `PATCH /api/info-meetings/:id` (secretariat). */
export interface CreateInfoMeetingRequest {
  title: string;
  startsAt: string;
  endsAt: string;
  url: string;
  capacity: number;
  description?: string;
}

export type UpdateInfoMeetingRequest = Partial<CreateInfoMeetingRequest>;
// `DELETE /api/info-meetings/:id` cancels the meeting (sets cancelledAt; signups are mailed).

/** Public view (no link: the link comes in the confirmation mail). `GET /api/info-meetings/upcoming`. */
export interface PublicInfoMeetingDto {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  description: string;
  capacity: number;
  placesLeft: number;
  full: boolean;
}

/**
 * `POST /api/info-meetings/:id/signups` (public). 409 `already_signed_up`, 409 `info_meeting_full`,
 * 400 `offering_closed` (started or cancelled). A confirmation mail with the link and a cancel
 * link (`/enrolment/info-meetings/cancel?token=…`) follows.
 */
export interface InfoMeetingSignupRequest {
  name: string;
  email: string;
  villageName?: string | null;
  municipalityName?: string | null;
}

export interface InfoMeetingSignupReceiptDto {
  meeting: PublicInfoMeetingDto;
  name: string;
  email: string;
}

/** `GET /api/info-meetings/signups/cancel?token=…` (preview) and `POST …/signups/cancel`. */
export interface CancelInfoMeetingSignupRequest {
  token: string;
}

export interface InfoMeetingSignupCancelDto {
  meetingTitle: string;
  startsAt: string;
  name: string;
  /** True once cancelled (always after the POST). */
  cancelled: boolean;
}

/** `GET /api/info-meetings/:id/signups?page` (secretariat). */
export interface InfoMeetingSignupDto {
  id: string;
  name: string;
  email: string;
  villageName: string | null;
  municipalityName: string | null;
  remindedAt: string | null;
  createdAt: string;
}

export type InfoMeetingSignupPage = Page<InfoMeetingSignupDto>;

// ---------------------------------------------------------------------------------------------
// The checklist: one pure function, used by the API (authoritative) and the web (live preview)
// ---------------------------------------------------------------------------------------------

/** What the checklist looks at. */
export interface ChecklistInput {
  contactName: string | null | undefined;
  contactEmail: string | null | undefined;
  fundingStatus: FundingStatus | null | undefined;
  hasAgreement: boolean;
  people: readonly { name?: string | null; email?: string | null }[];
  cooperationText: string | null | undefined;
  cooperationConfirmed: boolean;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** A plausible email address (the same rule the checklist uses). */
export function isPlausibleEmail(value: string | null | undefined): boolean {
  const email = (value ?? '').trim();
  return email.length <= APPLICATION_LIMITS.email && EMAIL_PATTERN.test(email);
}

/**
 * The three requirements of an application:
 * 1. municipality: a contact person (name + valid email) AND funding agreed or signed (signed
 *    needs the uploaded agreement);
 * 2. locals: at least two people with a name and distinct valid emails;
 * 3. cooperation: text of at least 20 characters confirmed by the secretariat (`to_assess` while
 *    written but unconfirmed, `missing` when empty or too short).
 */
export function applicationChecklist(input: ChecklistInput): ApplicationChecklist {
  const municipality: RequirementProblem[] = [];
  if (!(input.contactName ?? '').trim()) municipality.push(RequirementProblem.ContactNameMissing);
  if (!isPlausibleEmail(input.contactEmail)) {
    municipality.push(RequirementProblem.ContactEmailInvalid);
  }
  if (
    input.fundingStatus !== FundingStatus.Agreed &&
    input.fundingStatus !== FundingStatus.Signed
  ) {
    municipality.push(RequirementProblem.FundingNotAgreed);
  } else if (input.fundingStatus === FundingStatus.Signed && !input.hasAgreement) {
    municipality.push(RequirementProblem.AgreementMissing);
  }

  const locals: RequirementProblem[] = [];
  const valid = input.people.filter((p) => (p.name ?? '').trim() && isPlausibleEmail(p.email));
  const distinct = new Set(valid.map((p) => (p.email ?? '').trim().toLowerCase()));
  if (distinct.size < APPLICATION_LIMITS.minPeople) {
    locals.push(
      valid.length >= APPLICATION_LIMITS.minPeople
        ? RequirementProblem.EmailsNotDistinct
        : RequirementProblem.TooFewPeople,
    );
  }

  const cooperation: RequirementProblem[] = [];
  const text = (input.cooperationText ?? '').trim();
  let cooperationState = RequirementState.Met;
  if (!text) {
    cooperation.push(RequirementProblem.CooperationTextMissing);
    cooperationState = RequirementState.Missing;
  } else if ([...text].length < APPLICATION_LIMITS.cooperationMinChars) {
    cooperation.push(RequirementProblem.CooperationTextTooShort);
    cooperationState = RequirementState.Missing;
  } else if (!input.cooperationConfirmed) {
    cooperation.push(RequirementProblem.CooperationNotConfirmed);
    cooperationState = RequirementState.ToAssess;
  }

  const items: RequirementCheck[] = [
    {
      key: RequirementKey.Municipality,
      state: municipality.length ? RequirementState.Missing : RequirementState.Met,
      problems: municipality,
    },
    {
      key: RequirementKey.Locals,
      state: locals.length ? RequirementState.Missing : RequirementState.Met,
      problems: locals,
    },
    { key: RequirementKey.Cooperation, state: cooperationState, problems: cooperation },
  ];
  return { items, allMet: items.every((i) => i.state === RequirementState.Met) };
}
