import type { PersonSummary } from './organisations';
import type { GoalStatus } from './goals';
import type { InitiativeGoalRef, InitiativeStatus } from './initiatives';

/**
 * A village's living documents (issue 13, point 4): each has one draft that the steering group
 * saves, published versions (immutable snapshots) and a history of who changed what. The plan and
 * the story are built; the annual wheel and the annual report (one per year) join as further
 * kinds on the same core.
 */
export enum DocumentKind {
  /** The development plan (udviklingsplan): free sections plus the goals, always current. */
  Plan = 'plan',
  /** The village story (landsbyfortælling): rich text with images. */
  Story = 'story',
  /** The annual wheel (årshjul): the year's activities, month by month. */
  Wheel = 'wheel',
  /** The annual report (årsrapport), one per year. */
  Report = 'report',
}

export const DOCUMENT_KINDS = /* @__PURE__ */ Object.values(
  DocumentKind,
) as readonly DocumentKind[];

export const PLAN_LIMITS = {
  sections: 60,
  sectionTitleMaxLength: 200,
  sectionTextMaxLength: 20_000,
  storyHtmlMaxLength: 200_000,
  storyImages: 40,
  /** An uploaded image before it is resized. */
  imageMaxBytes: 10 * 1024 * 1024,
  /** The longest side of an image as it is kept. */
  imageMaxSide: 1600,
  /** The short human summary of one change. */
  summaryMaxLength: 500,
} as const;

/** One free section of the plan, e.g. "Trafik". `id` is made by the client and stays with it. */
export interface PlanSection {
  id: string;
  title: string;
  text: string;
}

/** The plan's draft and versions. The goals (and, later, the initiatives) join it when shown. */
export interface PlanContent {
  sections: PlanSection[];
}

/** The story: sanitised HTML (headings, paragraphs, lists, links, images from its own uploads). */
export interface StoryContent {
  html: string;
}

export type DocumentContent = PlanContent | StoryContent;

/** The latest published version, in short. */
export interface PublishedRef {
  version: number;
  publishedAt: string;
  publishedBy: PersonSummary | null;
}

/** A village's document: the draft as it stands, and whether and when it was published. */
export interface VillageDocumentDto<C = DocumentContent> {
  villageId: string;
  villageName: string;
  kind: DocumentKind;
  /** For the yearly kinds (the annual report); null otherwise. */
  year: number | null;
  content: C;
  /** Raised by every saved change; 0 for a document never saved. Send it back with a save. */
  revision: number;
  updatedAt: string | null;
  updatedBy: PersonSummary | null;
  /** The version the public sees, or null when it is not published (or was taken down). */
  published: PublishedRef | null;
  /** Whether the draft differs from the published version. */
  changedSincePublished: boolean;
  /** The public page's path (`/landsby/<slug>`) once the village has one. */
  publicPath: string | null;
  canEdit: boolean;
  canPublish: boolean;
}

/** Where a village's documents stand, for its page in the app. */
export interface DocumentStatusDto {
  kind: DocumentKind;
  year: number | null;
  revision: number;
  updatedAt: string | null;
  published: PublishedRef | null;
}

export interface VillageDocumentsDto {
  villageId: string;
  publicPath: string | null;
  documents: DocumentStatusDto[];
}

export interface SaveDraftRequest<C = DocumentContent> {
  content: C;
  /** The revision the change was made from (`VillageDocumentDto.revision`). */
  revision: number;
}

export interface PublishRequest {
  /** The revision of the draft to publish: what the publisher saw. */
  revision: number;
}

/** An immutable published snapshot. */
export interface DocumentVersionDto<C = DocumentContent> {
  version: number;
  content: C;
  publishedAt: string;
  publishedBy: PersonSummary | null;
  /** The draft revision it was made from. */
  revision: number;
}

/** One saved change of the draft, or a publish or take-down. */
export interface DocumentChangeDto {
  id: string;
  revision: number;
  /** In Danish, e.g. "Afsnittet »Trafik« ændret". */
  summary: string;
  changedAt: string;
  changedBy: PersonSummary | null;
}

/**
 * What a 409 `document_changed` carries in `current`: the draft as the other person saved it,
 * so the client can show theirs beside yours.
 */
export interface DocumentConflict<C = DocumentContent> {
  revision: number;
  content: C;
  updatedAt: string;
  updatedBy: PersonSummary | null;
}

export interface DocumentImageDto {
  id: string;
  /** Put this in the story's `<img src>`. */
  url: string;
  width: number;
  height: number;
  bytes: number;
}

/** A goal as the public page shows it. */
export interface PublicGoalDto {
  id: string;
  title: string;
  why: string;
  sdgs: number[];
  owner: string;
  horizon: string | null;
  indicator: string;
  baseline: number | null;
  targetValue: number | null;
  currentValue: number | null;
  status: GoalStatus;
}

/** The village's public page: only what was published, readable without an account. */
export interface PublicVillagePageDto {
  slug: string;
  villageName: string;
  municipalityName: string;
  plan: (DocumentVersionDto<PlanContent> & { publishedBy: null }) | null;
  /** The village's goals, always current, shown with the published plan. */
  goals: PublicGoalDto[];
  /** How many goals the village has (the page shows at most `PUBLIC_GOALS_SHOWN`). */
  goalCount: number;
  /**
   * The village's focus areas with their initiatives, always current, shown with the published
   * plan (at most `PUBLIC_FOCUS_AREAS_SHOWN` areas, `PUBLIC_INITIATIVES_SHOWN` initiatives each).
   * No people: contact persons and members stay private.
   */
  focusAreas: PublicFocusAreaDto[];
  story: (DocumentVersionDto<StoryContent> & { publishedBy: null }) | null;
  /** Where the plan's PDF is, when the plan is published. */
  pdfUrl: string | null;
}

export const PUBLIC_GOALS_SHOWN = 200;

/** An initiative as the public page shows it: what, where it stands, next step; no people. */
export interface PublicInitiativeDto {
  id: string;
  title: string;
  status: InitiativeStatus;
  /** 0–100, set by hand. */
  progress: number;
  milestoneWhat: string | null;
  milestoneDate: string | null;
  /** The village goals it serves. */
  goals: InitiativeGoalRef[];
}

/** A focus area on the public page, with its weighted roll-up (one decimal; null when empty). */
export interface PublicFocusAreaDto {
  id: string;
  name: string;
  description: string;
  progress: number | null;
  initiativeCount: number;
  initiatives: PublicInitiativeDto[];
}

export const PUBLIC_FOCUS_AREAS_SHOWN = 50;
export const PUBLIC_INITIATIVES_SHOWN = 100;
