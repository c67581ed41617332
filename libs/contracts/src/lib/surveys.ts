import type { PersonSummary } from './organisations';

/**
 * Questionnaires (spørgeskemaer): a village's survey of its whole community in the mapping phase,
 * a municipality's copy of the academy's needs analysis, and the secretariat's templates that
 * both are copied from. People answer without an account, through an anonymous public link (and
 * its QR code) or a personal link from a newsletter; their answers stay on their own device
 * until they submit, and are sent once.
 */

/** Who a survey belongs to. */
export enum SurveyOwnerKind {
  /** A village's own survey: its steering group writes it. */
  Village = 'village',
  /** A municipality's survey (its copy of the needs analysis): its coordinators write it. */
  Municipality = 'municipality',
  /** One of the secretariat's templates, copied by villages and coordinators. */
  Template = 'template',
}

/** What a survey is for: the two surveys of the BLUP process, or anything else. */
export enum SurveyPurpose {
  /** The community questionnaire of the mapping phase (Kortlægning). */
  Mapping = 'mapping',
  /** The academy's needs analysis among local councils, municipal staff and politicians. */
  NeedsAnalysis = 'needs_analysis',
  Other = 'other',
}

export enum SurveyStatus {
  /** Being written: the link answers 404 to the public. */
  Draft = 'draft',
  /** Taking answers (between `opensAt` and `closesAt` when those are set). */
  Open = 'open',
  /** No more answers (410); results stay. */
  Closed = 'closed',
}

export enum QuestionKind {
  ShortText = 'short_text',
  LongText = 'long_text',
  SingleChoice = 'single_choice',
  MultipleChoice = 'multiple_choice',
  /** 1–5. */
  Scale = 'scale',
  /** Put every option in order. */
  Ranking = 'ranking',
  /** Rows × one shared set of options (columns); one option per row. */
  Matrix = 'matrix',
  /** Explanatory text: no answer. */
  Info = 'info',
}

export const QUESTION_KINDS = /* @__PURE__ */ Object.values(
  QuestionKind,
) as readonly QuestionKind[];

export const SURVEY_LIMITS = {
  titleMaxLength: 200,
  introMaxLength: 4000,
  pagesMax: 30,
  questionsMax: 120,
  questionTitleMaxLength: 500,
  helpMaxLength: 2000,
  optionsMax: 40,
  optionLabelMaxLength: 200,
  matrixRowsMax: 30,
  consentTextMaxLength: 2000,
  /** Default and ceiling of a short text answer's length. */
  shortTextMaxLength: 300,
  /** Default and ceiling of a long text answer's length. */
  longTextMaxLength: 5000,
  scaleMin: 1,
  scaleMax: 5,
  scaleLabelMaxLength: 60,
  /** The device key a browser keeps for the soft one-answer-per-device guard. */
  deviceKeyMinLength: 16,
  deviceKeyMaxLength: 100,
} as const;

/** An option of a choice, ranking or matrix question. Ids are chosen by the writer's client. */
export interface SurveyOptionDto {
  /** 1–40 characters of [A-Za-z0-9_-], unique within its question. */
  id: string;
  label: string;
}

/** Show a question only when an earlier single or multiple choice answer holds one of these. */
export interface QuestionConditionDto {
  questionId: string;
  optionIds: string[];
}

export interface SurveyQuestionDto {
  /** 1–40 characters of [A-Za-z0-9_-], unique within the survey; kept when copied. */
  id: string;
  kind: QuestionKind;
  title: string;
  /** Help under the title (for `info`, the text itself). */
  help: string;
  required: boolean;
  /** Choice, ranking and matrix options (a matrix's columns); empty for the others. */
  options: SurveyOptionDto[];
  /** A matrix's rows; empty for the others. */
  rows: SurveyOptionDto[];
  /** Multiple choice: at most this many (null: any number). */
  maxChoices: number | null;
  /** Text answers: at most this many characters (null: the kind's ceiling). */
  maxLength: number | null;
  /** Scale: the words at 1 and at 5. */
  scaleLabels: { low: string; high: string } | null;
  condition: QuestionConditionDto | null;
  /** Asks for something that identifies a person (a name, an email): shows `consentText`. */
  personalData: boolean;
  /** Required when `personalData`: what the answer is used for and who sees it. */
  consentText: string | null;
  /** Its results are shown on the village's public page (never for personal data or free text). */
  published: boolean;
}

export interface SurveyPageDto {
  id: string;
  title: string;
  questions: SurveyQuestionDto[];
}

export interface SurveyDto {
  id: string;
  ownerKind: SurveyOwnerKind;
  villageId: string | null;
  villageName: string | null;
  municipalityId: string | null;
  municipalityName: string | null;
  purpose: SurveyPurpose;
  title: string;
  intro: string;
  status: SurveyStatus;
  /** ISO instants or null. */
  opensAt: string | null;
  closesAt: string | null;
  /** Whether the anonymous public link takes answers (personal links always do). */
  anonymousLink: boolean;
  /** The public link's token, for those who may change the survey; null for readers. */
  publicToken: string | null;
  /** The public answering page's path (`/svar/<token>`, see `surveyPublicPath`); null for readers. */
  publicPath: string | null;
  pages: SurveyPageDto[];
  /** The template (or survey) this was copied from. */
  copiedFromId: string | null;
  responseCount: number;
  version: number;
  updatedAt: string;
  updatedBy: PersonSummary | null;
  canEdit: boolean;
}

/** A survey in a list: no pages. */
export type SurveySummaryDto = Omit<SurveyDto, 'pages' | 'publicToken' | 'publicPath'> & {
  questionCount: number;
};

export interface CreateSurveyRequest {
  title: string;
  purpose?: SurveyPurpose;
  /** Copy this template's (or one of your own surveys') intro and pages. */
  copyFromId?: string | null;
}

export interface UpdateSurveyRequest {
  version: number;
  title?: string;
  intro?: string;
  purpose?: SurveyPurpose;
  opensAt?: string | null;
  closesAt?: string | null;
  anonymousLink?: boolean;
  /**
   * The whole questionnaire. Once answers exist, questions and options may be added and their
   * words changed, but none may be removed or change kind (409 `survey_has_answers`).
   */
  pages?: SurveyPageDto[];
}

export interface SurveyStatusRequest {
  version: number;
  status: SurveyStatus;
}

/**
 * The web client's public answering page for a survey's token: the link, its QR poster, and the
 * newsletter's personal links (`?p=<personalKey>`) all point here.
 */
export function surveyPublicPath(publicToken: string): string {
  return `/svar/${encodeURIComponent(publicToken)}`;
}

// ---- Answering (public, no account) ----------------------------------------------------------

/** What a respondent sees: no owner-only fields. */
export interface PublicSurveyDto {
  title: string;
  intro: string;
  villageName: string | null;
  municipalityName: string | null;
  /** When it opens, if later (answers before then get 409 `survey_not_open`). */
  opensAt: string | null;
  closesAt: string | null;
  /** False: only personal links (`?p=`) take answers (403 `survey_personal_link_required`). */
  anonymousLink: boolean;
  pages: SurveyPageDto[];
}

/**
 * One answer, by question kind:
 * - short_text, long_text: string
 * - single_choice: option id
 * - multiple_choice, ranking (every option, first = most important): option ids
 * - scale: 1–5
 * - matrix: { rowId: optionId }
 */
export type SurveyAnswerValue = string | number | string[] | Record<string, string>;

export interface SubmitSurveyResponseRequest {
  /** Made once by the respondent's browser (a UUID): sending it again changes nothing. */
  id: string;
  /** The browser's own random key for this survey (kept in its storage). */
  deviceKey: string;
  /** From a personal link (`?p=`): one answer per person. */
  personalKey?: string | null;
  /** Someone else answering on the same phone: passes the soft one-answer-per-device guard. */
  anotherPerson?: boolean;
  /** question id → value; questions hidden by their condition and `info` take none. */
  answers: Record<string, SurveyAnswerValue>;
  /** The personal-data questions whose consent text the respondent accepted. */
  consents?: string[];
  language?: 'da' | 'en';
}

export interface SurveyResponseReceiptDto {
  id: string;
  submittedAt: string;
}

// ---- Results ---------------------------------------------------------------------------------

export interface OptionCountDto {
  optionId: string;
  count: number;
}

export interface QuestionResultDto {
  questionId: string;
  kind: QuestionKind;
  /** Respondents who answered it. */
  answered: number;
  /** Choice questions: respondents per option (a multiple choice answer counts once per option). */
  options: OptionCountDto[];
  /** Matrix: per row, respondents per option. */
  rows: { rowId: string; options: OptionCountDto[] }[];
  /** Scale: respondents per value 1–5, and the mean (null when none). */
  scale: { value: number; count: number }[];
  mean: number | null;
  /** Ranking: the mean position of each option (1 = first), best first. */
  ranking: { optionId: string; meanPosition: number; firstPlaces: number }[];
}

export interface SurveyResultsDto {
  surveyId: string;
  /** Submitted responses counted (after the filter). */
  responses: number;
  /** The filter applied: respondents who chose this option of this single or multiple choice question. */
  filter: { questionId: string; optionId: string } | null;
  questions: QuestionResultDto[];
  /** When these counts were read. */
  readAt: string;
}

/** `GET /surveys/:id/results?questionId=&optionId=`: both or neither (the group filter). */
export interface SurveyResultsQuery {
  questionId?: string;
  optionId?: string;
}

/** `GET /surveys/:id/results/texts`: a text question's answers a page at a time, optionally for one group. */
export interface SurveyTextAnswersQuery {
  questionId: string;
  filterQuestionId?: string;
  filterOptionId?: string;
  page?: number;
  pageSize?: number;
}

export interface TextAnswerDto {
  responseId: string;
  text: string;
  submittedAt: string;
}

/** The needs analysis side by side: each municipality's copy of one template. */
export interface SurveyComparisonDto {
  templateId: string;
  templateTitle: string;
  /** One column per copy (municipality or village), in name order. */
  columns: { surveyId: string; ownerName: string; responses: number }[];
  /** The template's choice and scale questions that the copies kept (matched by question id). */
  questions: {
    questionId: string;
    title: string;
    kind: QuestionKind;
    options: SurveyOptionDto[];
    /** Per column (same order), the question's result there, or null if that copy dropped it. */
    results: (QuestionResultDto | null)[];
  }[];
}

/** Results a village chose to show on its public page. */
export interface PublishedSurveyResultsDto {
  surveyId: string;
  title: string;
  responses: number;
  questions: { question: SurveyQuestionDto; result: QuestionResultDto }[];
}
