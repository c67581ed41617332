/**
 * What went wrong, as a stable name a client can translate (`message` stays the English text).
 * Values are part of the API: add new ones freely, never rename or reuse one.
 */
export enum ErrorCode {
  // Signing in
  WrongCredentials = 'wrong_credentials',
  NotSignedIn = 'not_signed_in',
  /** Too many sign-ins from one network, or failed ones for one account. Params: minutes. */
  SignInRateLimited = 'sign_in_rate_limited',
  /** Params: minutes. */
  SignInLinkRateLimited = 'sign_in_link_rate_limited',
  /** Params: minutes. */
  PasswordResetRateLimited = 'password_reset_rate_limited',
  SignInLinkGone = 'sign_in_link_gone',
  PasswordResetLinkGone = 'password_reset_link_gone',
  InvitationGone = 'invitation_gone',
  CsrfTokenInvalid = 'csrf_token_invalid',

  // Passwords
  /** Params: min. */
  PasswordTooShort = 'password_too_short',
  /** Params: max. */
  PasswordTooLong = 'password_too_long',
  PasswordTooCommon = 'password_too_common',
  CurrentPasswordWrong = 'current_password_wrong',
  NoPasswordToChange = 'no_password_to_change',

  // Permissions
  /** The person's role may not do this. */
  Forbidden = 'forbidden',
  SecretariatOnly = 'secretariat_only',
  InviteNotAllowed = 'invite_not_allowed',
  InviteRoleNotAllowed = 'invite_role_not_allowed',
  InviteOutsideMunicipality = 'invite_outside_municipality',
  InviteOutsideVillage = 'invite_outside_village',
  CannotDisableSelf = 'cannot_disable_self',
  CannotChangeOwnRole = 'cannot_change_own_role',

  // Conflicts
  EmailTaken = 'email_taken',
  /** Params: name, municipality. */
  VillageNameTaken = 'village_name_taken',
  /** Params: name. */
  MunicipalityNameTaken = 'municipality_name_taken',
  /** Params: name. */
  CohortNameTaken = 'cohort_name_taken',
  /** Params: name. */
  InvitationAlreadyAccepted = 'invitation_already_accepted',
  /** Params: name. */
  PersonDisabled = 'person_disabled',

  // Study circles
  /** Params: field (the end field named). */
  SessionEndsBeforeStart = 'session_ends_before_start',
  /** Params: hours (the longest a session may last). */
  SessionTooLong = 'session_too_long',
  /** Another session of the same circle overlaps. Params: title, startsAt (ISO). */
  SessionOverlaps = 'session_overlaps',
  /** A new or moved session would start in the past. */
  SessionInPast = 'session_in_past',
  /** A meeting link, room or material link that is not an https URL. */
  UrlNotHttps = 'url_not_https',
  SessionCancelled = 'session_cancelled',
  /** The session has ended: no more answers to it. */
  SessionOver = 'session_over',
  /** Attendance or an owner named for someone outside the circle. Params: name (may be empty). */
  NotCircleMember = 'not_circle_member',
  /** Only members and guests of the circle answer for themselves. */
  RsvpNotAllowed = 'rsvp_not_allowed',

  // Newsletters (issue 5)
  /** Only a draft can be changed or deleted. Params: status. */
  NewsletterNotEditable = 'newsletter_not_editable',
  /** The chosen or computed send time has passed. Params: sendAt (ISO). */
  NewsletterSendTimePast = 'newsletter_send_time_past',
  /** Nobody would receive it (no members, no confirmed subscribers, or all opted out). */
  NewsletterNoAudience = 'newsletter_no_audience',
  /** "N days before" and the session box need a newsletter that leads into a session. */
  NewsletterNeedsSession = 'newsletter_needs_session',
  /** The session it leads into has no upcoming (not cancelled) session to send before. */
  NewsletterSessionPassed = 'newsletter_session_passed',
  /** Only a scheduled newsletter can be taken off the schedule. Params: status. */
  NewsletterNotScheduled = 'newsletter_not_scheduled',
  /** A lesson or video card names a lesson that is not published. Params: lessonId. */
  NewsletterLessonUnknown = 'newsletter_lesson_unknown',
  /**
   * A goal or initiative card names one of a village whose development plan is not published
   * (newsletters go to whole cohorts and citizen panels). Params: village.
   */
  NewsletterCardNotPublic = 'newsletter_card_not_public',
  /**
   * A `{{…}}` that is no merge field would go out as typed. Params: field (as typed, e.g.
   * `{{name}}`), known (the merge fields there are, comma-separated).
   */
  NewsletterMergeFieldUnknown = 'newsletter_merge_field_unknown',
  /** The mail server did not take the test copy (502). Params: reply (the server's words). */
  NewsletterTestNotSent = 'newsletter_test_not_sent',

  // Citizen panel (issue 5)
  /** The consent box was not ticked. */
  PanelConsentRequired = 'panel_consent_required',
  /** Too many sign-ups from one network. Params: minutes. */
  PanelSignUpRateLimited = 'panel_sign_up_rate_limited',
  /** No confirmation link like this was ever sent (or it was mistyped). */
  PanelConfirmLinkInvalid = 'panel_confirm_link_invalid',
  /** The confirmation link was used already. */
  PanelConfirmLinkUsed = 'panel_confirm_link_used',
  /** The confirmation link is older than its lifetime. Params: days. */
  PanelConfirmLinkExpired = 'panel_confirm_link_expired',
  /** The unsubscribe / preferences link is not one we signed. */
  PanelUnsubscribeLinkInvalid = 'panel_unsubscribe_link_invalid',
  /** An import without ticking the attestation box. */
  PanelAttestationRequired = 'panel_attestation_required',
  /** An import with no rows, or no file. */
  PanelImportEmpty = 'panel_import_empty',
  /** Params: max (rows). */
  PanelImportTooLarge = 'panel_import_too_large',

  // Enrolment: offerings and enrolments (issue 6)
  /** Not open for enrolment. Params: reason (`not_published`, `closed`, `enrolment_closed`, `started`), date (ISO, may be empty). */
  OfferingClosed = 'offering_closed',
  /** No free place, and this way in has no waitlist (a cohort placed on approval). Params: name, capacity. */
  OfferingFull = 'offering_full',
  /** The person or village already takes part (enrolled, pending or on the waitlist). */
  AlreadyEnrolled = 'already_enrolled',
  /** This person may not enrol this person or village in this kind of offering. */
  EnrolmentNotAllowed = 'enrolment_not_allowed',
  /** The enrolment is cancelled or rejected already, or not pending when approved. Params: status. */
  EnrolmentNotActive = 'enrolment_not_active',
  /** A module, course or field that does not fit the offering's kind. Params: field. */
  OfferingInvalid = 'offering_invalid',
  /** A module a mini-BLUP offering is for cannot be deleted. Params: name (the offering). */
  ModuleHasOfferings = 'module_has_offerings',
  /** A person enrolling themselves in an academy course meant for another audience. Params: name, audience. */
  OfferingAudienceMismatch = 'offering_audience_mismatch',
  /** A village placed in a cohort (a full BLUP process, every phase) enrolling in a mini-BLUP. Params: name (the cohort). */
  VillageInFullProcess = 'village_in_full_process',

  // Enrolment: applications and info meetings (issue 6)
  /** Approval without every requirement met and no override reason. Params: missing (comma-separated requirement keys). */
  RequirementsNotMet = 'requirements_not_met',
  /** An override reason was given but is blank. */
  OverrideReasonRequired = 'override_reason_required',
  /** The application is already approved, rejected or withdrawn. Params: status. */
  ApplicationDecided = 'application_decided',
  /** Applying for a village that is not one's own. */
  ApplicationNotAllowed = 'application_not_allowed',
  /** A coordination-group person is a steering member of another village. Params: email, village. */
  PersonInOtherVillage = 'person_in_other_village',
  /** The agreement is not a PDF, Word file or image (by name and content). */
  AgreementFileInvalid = 'agreement_file_invalid',
  /** Params: maxMb. */
  AgreementTooLarge = 'agreement_too_large',
  /** The upload link of an application is wrong, or the application is decided. */
  UploadTokenInvalid = 'upload_token_invalid',
  AlreadySignedUp = 'already_signed_up',
  InfoMeetingFull = 'info_meeting_full',
  /** A cancel link that is wrong or already used. */
  SignupCancelLinkGone = 'signup_cancel_link_gone',
  /** Too many applications from one network. Params: minutes. Sent with Retry-After. */
  ApplicationRateLimited = 'application_rate_limited',
  /** Too many info-meeting sign-ups from one network. Params: minutes. Sent with Retry-After. */
  InfoMeetingSignUpRateLimited = 'info_meeting_sign_up_rate_limited',

  // Village goals (issue 13)
  /** Someone else saved the goal since it was opened. Params: name, at (ISO). */
  GoalChanged = 'goal_changed',
  /** A target that is not under one of the goal's SDGs, or no target at all. Params: codes (comma-separated). */
  GoalTargetInvalid = 'goal_target_invalid',
  /** The photo is not a JPEG, PNG or WebP image (checked by its content). */
  PhotoInvalid = 'photo_invalid',
  /** Params: maxMb. */
  PhotoTooLarge = 'photo_too_large',

  // Initiatives and focus areas (issue 13)
  /** Someone else saved the initiative since it was opened. Params: name, at (ISO). */
  InitiativeChanged = 'initiative_changed',
  /** Someone else saved the focus area since it was opened. Params: name, at (ISO). */
  FocusAreaChanged = 'focus_area_changed',
  /** A focus area that still has initiatives cannot be deleted. Params: count. */
  FocusAreaNotEmpty = 'focus_area_not_empty',

  // Prioritising ideas (issue 15)
  /** Someone else saved the idea list since it was opened. Params: name, at (ISO). */
  IdeaListChanged = 'idea_list_changed',
  /** Someone else changed the idea's words since they were opened. Params: name, at (ISO). */
  IdeaChanged = 'idea_changed',
  /** The idea list is closed: no more votes (410). */
  IdeaListClosed = 'idea_list_closed',
  /** More dots than each person has. Params: max. */
  TooManyDots = 'too_many_dots',
  /** A vote or a helper for an idea that is not on the list (deleted meanwhile). */
  IdeaUnknown = 'idea_unknown',
  /** "I would help" without a name to reach the person by. */
  IdeaHelperRequired = 'idea_helper_required',
  /** "I would help" without ticking the consent box. */
  IdeaHelperConsentRequired = 'idea_helper_consent_required',
  /** Dots per person cannot change once people have voted online. */
  IdeaListHasVotes = 'idea_list_has_votes',
  /** The list holds as many ideas as it may. Params: max. */
  IdeaListFull = 'idea_list_full',
  /** An idea's source names a survey of another village, or a question the survey does not ask. */
  IdeaSourceUnknown = 'idea_source_unknown',
  /** The idea is an initiative already. */
  IdeaAlreadyChosen = 'idea_already_chosen',
  /** Too many votes from one network. Params: minutes. Sent with Retry-After. */
  IdeaVoteRateLimited = 'idea_vote_rate_limited',

  // Village documents: plan and story (issue 13)
  /** Someone saved the document since it was opened; the body's `current` holds theirs. Params: name, at (ISO), revision. */
  DocumentChanged = 'document_changed',
  /** The document's content does not fit its kind; `details` says where. */
  DocumentContentInvalid = 'document_content_invalid',
  /** The upload is not a JPEG, PNG or WebP image (by its content). */
  DocumentImageInvalid = 'document_image_invalid',
  /** Params: maxMb. */
  DocumentImageTooLarge = 'document_image_too_large',

  // Questionnaires (issue 15)
  /** Someone else saved the survey since it was opened. Params: name, at (ISO), version. */
  SurveyChanged = 'survey_changed',
  /** The questionnaire does not hold together; `details` says where. Params: where. */
  SurveyContentInvalid = 'survey_content_invalid',
  /** Answers exist: questions and options may be added or reworded, not removed or changed in kind. Params: question. */
  SurveyHasAnswers = 'survey_has_answers',
  /** The survey is closed (status closed, or past its closing time): 410. */
  SurveyClosed = 'survey_closed',
  /** The survey opens later. Params: opensAt (ISO). */
  SurveyNotOpen = 'survey_not_open',
  /** An answer that does not fit its question, or a required one missing. Params: question (its id), reason. */
  SurveyAnswerInvalid = 'survey_answer_invalid',
  /** A personal-data question answered without accepting its consent text. Params: question. */
  ConsentMissing = 'consent_missing',
  /** This device sent an answer already; send `anotherPerson: true` if someone else is answering. */
  AlreadyAnsweredHere = 'already_answered_here',
  /** This personal link has been used to answer already (one answer per person). */
  SurveyAlreadyAnswered = 'survey_already_answered',
  /** A personal link (`p=`) that was not made for this survey. */
  SurveyPersonalLinkInvalid = 'survey_personal_link_invalid',
  /** The survey takes answers through personal links only. */
  SurveyPersonalLinkRequired = 'survey_personal_link_required',
  /** Too many answers from one network. Params: minutes. Sent with Retry-After. */
  SurveyRateLimited = 'survey_rate_limited',

  // Gatherings (issue 16)
  /** This person (account or email) is registered already. */
  AlreadyRegistered = 'already_registered',
  /** The gathering was saved by someone else since the version the change names. Params: name, at, version. */
  VersionConflict = 'version_conflict',
  /** Registration is closed: the gathering is past, cancelled, or its registration has closed. */
  GatheringClosed = 'gathering_closed',
  /** The gathering is past or cancelled, so it cannot be changed or cancelled. */
  GatheringOver = 'gathering_over',
  /** Capacity below the places already taken. Params: placesTaken. */
  CapacityBelowTaken = 'capacity_below_taken',
  /** A registration answer that does not fit its question, or a required one missing. Params: question, reason. */
  RegistrationAnswerInvalid = 'registration_answer_invalid',
  /** A confirmation or cancel link that is wrong, used, or expired. */
  RegistrationLinkGone = 'registration_link_gone',
  /** No registration has this check-in code. */
  RegistrationNotFound = 'registration_not_found',
  /** Checked in already. Params: at (ISO). */
  AlreadyCheckedIn = 'already_checked_in',
  /** Only a confirmed registration can be checked in. Params: status. */
  NotConfirmed = 'not_confirmed',
  /** Too many guest registrations from one network or address. Params: minutes. Sent with Retry-After. */
  RegistrationRateLimited = 'registration_rate_limited',

  // Hotline (issue 16)
  /** The request is closed; a new question opens a new request. */
  HotlineRequestClosed = 'hotline_request_closed',
  /** Too many questions in a short time. Params: minutes. Sent with Retry-After. */
  HotlineRateLimited = 'hotline_rate_limited',

  // Phase library (issue 16)
  /** The file is not a .docx, .pdf, .pptx or .xlsx file (checked by its content). */
  LibraryFileInvalid = 'library_file_invalid',
  /** Params: maxMb. */
  LibraryFileTooLarge = 'library_file_too_large',

  // Personal data (issue 17)
  /** An erasure request for this person is already open. */
  ErasurePending = 'erasure_pending',
  /** The erasure request is not in a state that allows this. Params: state. */
  ErasureNotOpen = 'erasure_not_open',
  /** The last active secretariat member cannot be erased: nobody would run the platform. */
  ErasureLastSecretariat = 'erasure_last_secretariat',
  /** The export link is wrong or has expired; make a new export. */
  ExportLinkGone = 'export_link_gone',
  /** Too many exports in a day. Params: perDay. */
  ExportRateLimited = 'export_rate_limited',

  // Requests
  /** Missing, or not visible to this person. */
  NotFound = 'not_found',
  /** An id in the address is not an id at all. */
  InvalidId = 'invalid_id',
  /** An id in the body names nothing (a municipality, village or cohort's villages). */
  UnknownReference = 'unknown_reference',
  /** A person's role and place (municipality, village, flags) do not fit together. */
  PlacementInvalid = 'placement_invalid',
  /** Input failed validation; `details` says what, per field. */
  ValidationFailed = 'validation_failed',
  InvalidJson = 'invalid_json',
  /** JSON nested deeper than the API reads (64 levels), in the body or a form field. */
  JsonTooDeep = 'json_too_deep',
  RequestTooLarge = 'request_too_large',
  /** Any other 4xx without a more precise code. */
  BadRequest = 'bad_request',
  ServerError = 'server_error',
  /** PostgreSQL, Redis or another service the API needs is out of reach: try again (503). */
  Unavailable = 'unavailable',
}

export const ERROR_CODES: readonly ErrorCode[] = /* @__PURE__ */ Object.values(ErrorCode);

/** Values an error's wording needs, e.g. `{ minutes: 15 }`. */
export type ErrorParams = Record<string, string | number>;

/** The one body every failed API call answers with. */
export interface ErrorBody {
  statusCode: number;
  /** The HTTP reason phrase, e.g. "Bad Request". */
  error: string;
  /** What went wrong, in English words a person can act on: the fallback when `code` is unknown. */
  message: string;
  /** What went wrong, for the client to say in the person's language. */
  code?: ErrorCode;
  /** The values `code`'s wording needs (see each code). */
  params?: ErrorParams;
  /** Quote this when asking the secretariat for help; it is in the server logs too. */
  requestId: string;
  /**
   * Per-field problems, when the input failed validation. With a code other than
   * `validation_failed`, these are the fields that one problem is about.
   */
  details?: Record<string, string[]>;
  /** With a 409 on a document: the version saved in between (see `DocumentConflict`). */
  current?: unknown;
}

export interface PageQuery {
  /** 1-based. */
  page?: number;
  /** 1 to MAX_PAGE_SIZE. */
  pageSize?: number;
  /** Free-text filter, where a list supports it. */
  q?: string;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Every list the API returns is a page. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface HealthResponse {
  status: 'ok' | 'error';
  checks: { database: 'up' | 'down'; redis: 'up' | 'down' };
}

/** `GET /api/health/live`: the process runs (200 whenever it answers at all). */
export interface LivenessResponse {
  status: 'ok';
}

/**
 * `GET /api/health/ready`: whether this process should be sent requests. 200 when PostgreSQL and
 * Redis answer and it is not shutting down (`draining`), else 503 with the same fields.
 */
export interface ReadinessResponse extends HealthResponse {
  draining: boolean;
}

/** Header and cookie names of the double-submit CSRF defence. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';
export const REQUEST_ID_HEADER = 'X-Request-Id';
