import type { LearnerKind, Locale, Role } from './roles';

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
