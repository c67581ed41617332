import type { PersonSummary } from './organisations';

/**
 * Prioritising ideas (issue 15, point 4): a village's idea lists, on which residents dot-vote
 * without an account (a public link or a QR code on a poster), and say "I would help with this".
 * The steering group enters paper dots from a meeting, follows the live ranking, and makes the
 * chosen ideas initiatives of the village plan in one step.
 */

/** Draft: being written, not public. Open: residents vote. Closed: the link answers 410. */
export enum IdeaListStatus {
  Draft = 'draft',
  Open = 'open',
  Closed = 'closed',
}

export const IDEA_LIST_STATUSES = /* @__PURE__ */ Object.values(
  IdeaListStatus,
) as readonly IdeaListStatus[];

export const IDEA_LIMITS = {
  listTitleMaxLength: 200,
  introMaxLength: 2000,
  dotsPerPersonMin: 1,
  dotsPerPersonMax: 10,
  dotsPerPersonDefault: 3,
  titleMaxLength: 200,
  descriptionMaxLength: 1000,
  /** Ideas on one list: the public page shows them all at once. */
  ideasPerListMax: 100,
  paperDotsMax: 100_000,
  nameMaxLength: 120,
  emailMaxLength: 254,
  phoneMaxLength: 30,
  /** The random key a phone keeps (localStorage) so its dots can be changed later. */
  deviceKeyMinLength: 16,
  deviceKeyMaxLength: 100,
} as const;

/**
 * The version of the consent text a helper agrees to ("ideas.public.consent" in the web
 * dictionaries); stored with each helper. Raise it when the text changes.
 */
export const IDEA_HELPER_CONSENT_VERSION = '2026-12-07';

/** Where an idea came from, when not typed in: an answer to a survey question (no foreign key). */
export interface IdeaSource {
  kind: 'survey_answer';
  surveyId: string;
  questionId: string;
}

export interface IdeaListDto {
  id: string;
  villageId: string;
  villageName: string;
  title: string;
  intro: string;
  dotsPerPerson: number;
  status: IdeaListStatus;
  /** The address residents vote at (also in the QR poster). */
  publicUrl: string;
  publicToken: string;
  ideaCount: number;
  /** Devices that placed at least one dot. */
  voterCount: number;
  version: number;
  updatedAt: string;
  updatedBy: PersonSummary | null;
  canEdit: boolean;
}

/** An idea with its standing: online dots + paper dots, in the ranking's order. */
export interface IdeaDto {
  id: string;
  listId: string;
  title: string;
  description: string;
  source: IdeaSource | null;
  position: number;
  onlineDots: number;
  paperDots: number;
  totalDots: number;
  /** 1 for the most dots; ideas with the same total share a rank. */
  rank: number;
  /** Devices that gave it a dot. */
  voterCount: number;
  helperCount: number;
  /** Set once the idea was made an initiative of the village plan (it was chosen). */
  initiativeId: string | null;
  /**
   * The version of its words (title and description): send it back with a change of them (409
   * when someone changed them since). Moving the idea or counting paper dots leaves it alone.
   */
  version: number;
  canEdit: boolean;
}

/** Someone who said they would help with an idea (no account): only for those who may edit. */
export interface IdeaHelperDto {
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: string;
}

export interface CreateIdeaListRequest {
  title: string;
  intro?: string;
  dotsPerPerson?: number;
}

export interface UpdateIdeaListRequest {
  title?: string;
  intro?: string;
  /** Only while nobody has voted online. */
  dotsPerPerson?: number;
  status?: IdeaListStatus;
  version: number;
}

export interface CreateIdeaRequest {
  title: string;
  description?: string;
  source?: IdeaSource | null;
}

export interface UpdateIdeaRequest {
  title?: string;
  description?: string;
  position?: number;
  /** The idea's version you changed: needed with a title or description. */
  version?: number;
}

export interface PaperDotsRequest {
  dots: number;
}

export interface IdeaToInitiativeRequest {
  focusAreaId: string;
  goalIds: string[];
}

export interface IdeaToInitiativeResponse {
  ideaId: string;
  initiativeId: string;
}

// ---------------------------------------------------------------------------------------------
// Public (no account)
// ---------------------------------------------------------------------------------------------

/** What the voting page shows: no totals (so early dots do not steer later ones). */
export interface PublicIdeaListDto {
  title: string;
  intro: string;
  villageName: string;
  dotsPerPerson: number;
  ideas: PublicIdeaDto[];
}

export interface PublicIdeaDto {
  id: string;
  title: string;
  description: string;
}

export interface IdeaVote {
  ideaId: string;
  dots: number;
}

export interface IdeaHelperInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  /** Must be true when `help` names any idea. */
  consent: boolean;
}

export interface CastVotesRequest {
  deviceKey: string;
  votes: IdeaVote[];
  /** Ideas this person would help with. */
  help?: string[];
  /** Needed (with consent) when `help` is not empty. */
  helper?: IdeaHelperInput | null;
}

export interface MyVotesRequest {
  deviceKey: string;
}

/** What this device gave, to show on return (and what `votes` answers after saving). */
export interface MyVotesDto {
  votes: IdeaVote[];
  help: string[];
  helper: { name: string; email: string | null; phone: string | null } | null;
  dotsLeft: number;
}
