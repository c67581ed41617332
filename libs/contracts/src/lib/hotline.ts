/**
 * The hotline (issue 16, point 2): a steering member, coordinator or learner asks the secretariat
 * a question from any page (the page and their village go with it). The secretariat works a queue
 * and answers in the app or by mail; the asker may reply in the app or to the answer mail (the
 * reply lands on the same request through a signed reply address). A good answer can be saved as
 * a FAQ entry that people see before they ask.
 */

/**
 * new (ny): nobody has answered yet. open (åben): the asker wrote last, the secretariat is next.
 * waiting (venter på svar): the secretariat answered, waiting for the asker. closed (lukket).
 */
export enum HotlineState {
  New = 'new',
  Open = 'open',
  Waiting = 'waiting',
  Closed = 'closed',
}

export const HOTLINE_STATES = /* @__PURE__ */ Object.values(
  HotlineState,
) as readonly HotlineState[];

/** How a message reached the request. */
export type HotlineVia = 'app' | 'mail';

export const HOTLINE_LIMITS = {
  subjectMaxLength: 200,
  bodyMaxLength: 10_000,
  pagePathMaxLength: 500,
  faqQuestionMaxLength: 300,
  faqAnswerMaxLength: 10_000,
  /** Questions one person may ask in an hour. */
  asksPerHour: 10,
  /** An inbound mail larger than this is refused by the SMTP listener. */
  inboundMailMaxBytes: 1_000_000,
} as const;

export interface HotlineMessageDto {
  id: string;
  /** Null for a secretariat member who has since been deleted. */
  authorId: string | null;
  authorName: string | null;
  fromSecretariat: boolean;
  body: string;
  via: HotlineVia;
  createdAt: string;
}

export interface HotlineRequestDto {
  id: string;
  askerId: string;
  askerName: string;
  askerEmail: string;
  villageId: string | null;
  villageName: string | null;
  municipalityId: string | null;
  municipalityName: string | null;
  /** The page the question was asked from, e.g. "/landsby/plan". */
  pagePath: string;
  subject: string;
  state: HotlineState;
  createdAt: string;
  /** When the secretariat first answered; null until then. */
  firstResponseAt: string | null;
  /** Minutes from the question to the first answer; null until answered. */
  firstResponseMinutes: number | null;
  closedAt: string | null;
  lastMessageAt: string;
  messageCount: number;
  version: number;
}

/** A request with its history, oldest message first. */
export interface HotlineThreadDto extends HotlineRequestDto {
  messages: HotlineMessageDto[];
}

export interface AskHotlineRequest {
  subject: string;
  body: string;
  pagePath: string;
}

export interface HotlineMessageRequest {
  body: string;
}

export interface HotlineStateRequest {
  state: HotlineState;
}

/** Counts per state for the secretariat's queue tabs. */
export type HotlineStateCounts = Record<HotlineState, number>;

export interface HotlineQueueQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  state?: HotlineState;
}

export interface HotlineFaqDto {
  id: string;
  question: string;
  answer: string;
  published: boolean;
  /** The request the answer was saved from, if any. */
  sourceRequestId: string | null;
  updatedAt: string;
}

export interface SaveHotlineFaqRequest {
  question: string;
  answer: string;
  published?: boolean;
}

/** Save an answer from a request as a FAQ entry (a draft unless published). */
export interface HotlineFaqFromRequest {
  messageId: string;
  question: string;
  published?: boolean;
}

export interface HotlineMunicipalityStatsDto {
  municipalityId: string | null;
  municipalityName: string | null;
  /** Questions asked in the year. */
  count: number;
  /** Of those, answered at least once. */
  answered: number;
  /** Median minutes to the first answer; null when none answered. */
  medianFirstResponseMinutes: number | null;
}

export interface HotlineStatsDto {
  year: number;
  municipalities: HotlineMunicipalityStatsDto[];
}
