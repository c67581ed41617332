import type { Page } from './common';
import type { LearnerKind, Locale, Phase, Role } from './roles';

export interface MunicipalityDto {
  id: string;
  name: string;
  villageCount: number;
  /** The municipal contact people (coordinators flagged as contact). */
  contacts: PersonSummary[];
}

export interface CreateMunicipalityRequest {
  name: string;
}

export type UpdateMunicipalityRequest = Partial<CreateMunicipalityRequest>;

/** A session as the municipality overview names it. Times are ISO instants. */
export interface OverviewSessionDto {
  id: string;
  title: string;
  phase: Phase;
  startsAt: string;
  endsAt: string;
}

/** One village at a glance, for the municipality's coordinators (and the secretariat). */
export interface VillageOverviewDto {
  villageId: string;
  villageName: string;
  cohortName: string | null;
  /** The phase of the village circle's latest session that has begun, else of its first; null
   * when the village has no sessions (not in a cohort yet). */
  phase: Phase | null;
  nextSession: OverviewSessionDto | null;
  /** Share (0–100) of recorded attendance at held sessions that was "present"; null before any. */
  attendancePercent: number | null;
  heldSessions: number;
  /** Steering members' completion (0–100) of the published BLUP course lessons they may see;
   * null when there is nothing to count. */
  coursePercent: number | null;
  /** Next steps not marked done, from the village circle's sessions (cancelled ones left out). */
  openNextSteps: number;
}

/** `GET /api/municipalities/:id/overview`: a page of villages, and the coordinator circle. */
export interface MunicipalityOverviewDto extends Page<VillageOverviewDto> {
  municipalityId: string;
  municipalityName: string;
  /** The next session of the coordinator circle of the municipality's cohorts, if any. */
  coordinatorCircleNextSession: OverviewSessionDto | null;
}

export interface VillageDto {
  id: string;
  name: string;
  description: string;
  municipalityId: string;
  municipalityName: string;
  cohortId: string | null;
  cohortName: string | null;
  memberCount: number;
}

export interface CreateVillageRequest {
  name: string;
  municipalityId: string;
  description?: string;
}

export interface UpdateVillageRequest {
  name?: string;
  description?: string;
}

export interface CohortDto {
  id: string;
  name: string;
  /** First day of the start period, ISO date (YYYY-MM-DD). */
  startDate: string;
  villageCount: number;
  villages: { id: string; name: string; municipalityName: string }[];
}

export interface CreateCohortRequest {
  name: string;
  startDate: string;
  villageIds?: string[];
}

export interface UpdateCohortRequest {
  name?: string;
  startDate?: string;
  villageIds?: string[];
}

export interface PersonSummary {
  id: string;
  name: string;
  email: string;
}

export type PersonStatus = 'active' | 'invited' | 'disabled';

export interface PersonDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: PersonStatus;
  locale: Locale;
  municipalityId: string | null;
  municipalityName: string | null;
  villageId: string | null;
  villageName: string | null;
  coordinationGroup: boolean;
  contactPerson: boolean;
  learnerKind: LearnerKind | null;
  createdAt: string;
}

export interface PeopleQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  role?: Role;
  municipalityId?: string;
  villageId?: string;
}

/** Secretariat only: change what a person is and where they belong, or disable them. */
export interface UpdatePersonRequest {
  name?: string;
  role?: Role;
  municipalityId?: string | null;
  villageId?: string | null;
  coordinationGroup?: boolean;
  contactPerson?: boolean;
  learnerKind?: LearnerKind | null;
  disabled?: boolean;
}
