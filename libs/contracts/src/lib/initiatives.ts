import type { PersonSummary } from './organisations';

/**
 * Initiatives (the output of the future workshop; their members are the working groups) and the
 * focus areas (indsatsområder) that group them.
 */

/** Where an initiative stands, set by hand. */
export enum InitiativeStatus {
  Idea = 'idea',
  Planned = 'planned',
  InProgress = 'in_progress',
  Done = 'done',
  Paused = 'paused',
}

export const INITIATIVE_STATUSES = /* @__PURE__ */ Object.values(
  InitiativeStatus,
) as readonly InitiativeStatus[];

export const INITIATIVE_LIMITS = {
  titleMaxLength: 200,
  descriptionMaxLength: 4000,
  nameMaxLength: 120,
  emailMaxLength: 254,
  phoneMaxLength: 30,
  partnerMaxLength: 120,
  partnersMax: 30,
  membersMax: 50,
  goalsMax: 20,
  milestoneMaxLength: 200,
  weightMin: 1,
  weightMax: 5,
  /** How many initiatives each focus area carries in the village overview. */
  overviewInitiativesMax: 50,
} as const;

export const FOCUS_AREA_LIMITS = {
  nameMaxLength: 120,
  descriptionMaxLength: 2000,
  positionMax: 1000,
} as const;

/**
 * A person in an initiative: someone with an account of the village (`userId`), or someone
 * without one (a citizen-panel member, a neighbour): a name with an optional email and phone.
 */
export interface InitiativePersonDto {
  /** The account, or null for a person without one. */
  userId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
}

/** A person as sent: `{ userId }` for an account of the village, else a name (and ways to reach them). */
export interface InitiativePersonInput {
  userId?: string | null;
  name?: string;
  email?: string | null;
  phone?: string | null;
}

/** The next milestone: what, and by when. */
export interface MilestoneDto {
  what: string;
  /** YYYY-MM-DD. */
  date: string | null;
}

/** A goal an initiative serves, as the initiative shows it. */
export interface InitiativeGoalRef {
  id: string;
  title: string;
}

export interface InitiativeDto {
  id: string;
  villageId: string;
  villageName: string;
  focusAreaId: string;
  focusAreaName: string;
  title: string;
  description: string;
  /** One or more of the village's goals, by title. */
  goals: InitiativeGoalRef[];
  /** The contact person, or null when none is named yet. */
  contact: InitiativePersonDto | null;
  /** The working group. */
  members: InitiativePersonDto[];
  /** Associations, businesses, the municipality: in words. */
  partners: string[];
  /** The next milestone, or null. */
  milestone: MilestoneDto | null;
  status: InitiativeStatus;
  /** 0–100, set by hand. */
  progress: number;
  /** 1–5: how much it counts in its focus area's progress. */
  weight: number;
  version: number;
  updatedAt: string;
  updatedBy: PersonSummary | null;
  canEdit: boolean;
}

export interface CreateInitiativeRequest {
  focusAreaId: string;
  title: string;
  description?: string;
  goalIds: string[];
  contact?: InitiativePersonInput | null;
  members?: InitiativePersonInput[];
  partners?: string[];
  milestone?: MilestoneDto | null;
  status?: InitiativeStatus;
  progress?: number;
  weight?: number;
}

export interface UpdateInitiativeRequest extends Partial<CreateInitiativeRequest> {
  /** The version the change was made from (`InitiativeDto.version`). */
  version: number;
}

export interface InitiativesQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  status?: InitiativeStatus;
  focusAreaId?: string;
}

/** An initiative as a card on the village's page. */
export interface InitiativeCardDto {
  id: string;
  title: string;
  status: InitiativeStatus;
  progress: number;
  weight: number;
  milestone: MilestoneDto | null;
  /** The contact person's name, or null. */
  contactName: string | null;
}

export interface FocusAreaDto {
  id: string;
  villageId: string;
  name: string;
  description: string;
  /** Its place among the village's focus areas, from 1. */
  position: number;
  /**
   * The weighted roll-up of its initiatives' progress, sum(weight × progress) / sum(weight),
   * rounded to one decimal; paused initiatives count with their progress. Null with no initiatives.
   */
  progress: number | null;
  initiativeCount: number;
  version: number;
  updatedAt: string;
  updatedBy: PersonSummary | null;
  canEdit: boolean;
}

/** A focus area with its initiatives, for the village's page. */
export interface FocusAreaOverviewDto extends FocusAreaDto {
  /** Its initiatives in the order written (at most `INITIATIVE_LIMITS.overviewInitiativesMax`). */
  initiatives: InitiativeCardDto[];
}

export interface CreateFocusAreaRequest {
  name: string;
  description?: string;
  /** Where it goes, from 1; at the end when left out. */
  position?: number;
}

export interface UpdateFocusAreaRequest extends Partial<CreateFocusAreaRequest> {
  version: number;
}

/** An account of the village that can be a contact person or a member. */
export interface InitiativeCandidateDto {
  id: string;
  name: string;
}

/** Initiatives per status across villages (part of the goal summary). */
export interface InitiativeStatusCountDto {
  status: InitiativeStatus;
  initiatives: number;
}
