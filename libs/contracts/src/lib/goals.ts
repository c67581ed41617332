import type { InitiativeStatusCountDto } from './initiatives';
import type { PersonSummary } from './organisations';

/** One of the UN's 17 Sustainable Development Goals (Verdensmålene). */
export interface SdgDto {
  /** 1–17. */
  number: number;
  /** The official Danish short name, e.g. "Afskaf fattigdom". */
  nameDa: string;
  /** The official English short name, e.g. "No poverty". */
  nameEn: string;
  /** The UN's colour for the goal, `#RRGGBB`. */
  colour: string;
}

export const SDG_COUNT = 17;

/** The UN's 169 targets (delmål) under the 17 SDGs. */
export const SDG_TARGET_COUNT = 169;

/** One of the 169 targets of an SDG, e.g. 11.2 or 11.a, in the UN's official wording. */
export interface SdgTargetDto {
  /** The UN's code: the SDG number, a dot and a number or a letter, e.g. "11.2", "11.a". */
  code: string;
  /** The SDG it belongs to, 1–17. */
  sdg: number;
  /** The official English text. */
  textEn: string;
  /** An official Danish text, or null where none is at hand (then show the English). */
  textDa: string | null;
}

/** A photo on a progress update: a large copy and a thumbnail, both JPEG without metadata. */
export interface GoalPhotoDto {
  /** The large copy (at most `GOAL_PHOTO_LIMITS.longEdge` px on its long edge). */
  url: string;
  /** A small copy for the timeline (at most `GOAL_PHOTO_LIMITS.thumbnailEdge` px). */
  thumbnailUrl: string;
  width: number;
  height: number;
}

export const GOAL_PHOTO_LIMITS = {
  /** What may be uploaded, before it is resized. */
  maxBytes: 15 * 1024 * 1024,
  /** The stored copy's long edge, in pixels. */
  longEdge: 1600,
  /** The thumbnail's long edge, in pixels. */
  thumbnailEdge: 480,
} as const;

/** Where a village goal stands, set by hand (never computed). */
export enum GoalStatus {
  Idea = 'idea',
  InProgress = 'in_progress',
  OnTrack = 'on_track',
  Reached = 'reached',
  Paused = 'paused',
}

export const GOAL_STATUSES = /* @__PURE__ */ Object.values(GoalStatus) as readonly GoalStatus[];

export const GOAL_LIMITS = {
  titleMaxLength: 200,
  whyMaxLength: 4000,
  ownerMaxLength: 200,
  indicatorMaxLength: 200,
  noteMaxLength: 2000,
  /** Indicator values: baseline, target and measured values. */
  valueMax: 1_000_000_000,
} as const;

/** A goal's owner when it is a person with an account in the village. */
export interface GoalOwnerPersonDto {
  id: string;
  name: string;
}

/** A goal's owner when it is a working group: one of the village's initiatives. */
export interface GoalOwnerInitiativeDto {
  id: string;
  title: string;
}

/** A village goal (landsbymål) on one or more SDGs. */
export interface VillageGoalDto {
  id: string;
  villageId: string;
  villageName: string;
  title: string;
  /** Why the village wants it. */
  why: string;
  /** The SDG numbers, ascending, at least one. */
  sdgs: number[];
  /** The chosen targets under those SDGs, in the UN's order (may be empty). */
  targets: SdgTargetDto[];
  /**
   * Who is in charge, in words: the person's name, the working group's title, or the name
   * written for someone without an account ('' when nobody).
   */
  owner: string;
  /** The owner when it is a person with an account in the village, else null. */
  ownerPerson: GoalOwnerPersonDto | null;
  /** The owner when it is a working group (one of the village's initiatives), else null. */
  ownerInitiative: GoalOwnerInitiativeDto | null;
  /** When it should be reached, YYYY-MM-DD, or null. */
  horizon: string | null;
  /** What is measured, e.g. "Antal ruter i samkørselsordningen". */
  indicator: string;
  baseline: number | null;
  targetValue: number | null;
  /** The indicator's latest measured value from a progress update, or null. */
  currentValue: number | null;
  status: GoalStatus;
  /** Raised by every change; send it back with a change, so two editors never overwrite each other. */
  version: number;
  updatedAt: string;
  updatedBy: PersonSummary | null;
  /** Whether the asker may change it and record progress. */
  canEdit: boolean;
}

export interface CreateVillageGoalRequest {
  title: string;
  why?: string;
  sdgs: number[];
  /** Target codes (e.g. "11.2"), each under one of `sdgs`. */
  targets?: string[];
  /** The owner in words, for someone without an account; a non-empty name replaces a person or group. */
  owner?: string;
  /** A person with an account in the village; replaces a group or a written name. */
  ownerUserId?: string | null;
  /** One of the village's initiatives (its working group); replaces a person or a written name. */
  ownerInitiativeId?: string | null;
  horizon?: string | null;
  indicator?: string;
  baseline?: number | null;
  targetValue?: number | null;
  status?: GoalStatus;
}

export interface UpdateVillageGoalRequest extends Partial<
  Omit<CreateVillageGoalRequest, 'status'>
> {
  /** The version the change was made from (`VillageGoalDto.version`). */
  version: number;
}

export interface VillageGoalsQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  sdg?: number;
  status?: GoalStatus;
}

/** One step in a goal's timeline: a status (one tap), with an optional note and measured value. */
export interface GoalUpdateDto {
  id: string;
  goalId: string;
  status: GoalStatus;
  note: string;
  value: number | null;
  /** The photo taken with the update, or null. */
  photo: GoalPhotoDto | null;
  createdAt: string;
  createdBy: PersonSummary | null;
}

/**
 * A progress update. With a photo it is sent as multipart/form-data: this object as JSON in the
 * form field `update`, the image in the form field `photo`.
 */
export interface CreateGoalUpdateRequest {
  status: GoalStatus;
  note?: string;
  value?: number | null;
}

/** How many goals, and in how many villages, one SDG has. */
export interface SdgCountDto {
  number: number;
  goals: number;
  villages: number;
}

/** Goals across the villages of a municipality or a cohort, for those who follow them. */
export interface GoalSummaryDto {
  villages: number;
  villagesWithGoals: number;
  goals: number;
  /** All 17 SDGs, by number, zero where no goal names them. */
  bySdg: SdgCountDto[];
  /** Every status, in the order of `GOAL_STATUSES`. */
  byStatus: { status: GoalStatus; goals: number }[];
  /** Initiatives across the same villages. */
  initiatives: number;
  /** Every initiative status, in the order of `INITIATIVE_STATUSES`. */
  initiativesByStatus: InitiativeStatusCountDto[];
}
