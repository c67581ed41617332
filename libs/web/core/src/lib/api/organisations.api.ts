import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CohortDto,
  CreateCohortRequest,
  CreateMunicipalityRequest,
  CreateVillageRequest,
  MunicipalityDto,
  MunicipalityOverviewDto,
  Page,
  PageQuery,
  UpdateCohortRequest,
  UpdateMunicipalityRequest,
  UpdateVillageRequest,
  VillageDto,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

export interface VillageQuery extends PageQuery {
  municipalityId?: string;
  cohortId?: string;
}

/** Municipalities, villages and cohorts. The API answers only what the signed-in person may see. */
@Injectable({ providedIn: 'root' })
export class OrganisationsApi {
  private readonly http = inject(HttpClient);

  municipalities(query: PageQuery = {}): Observable<Page<MunicipalityDto>> {
    return this.http.get<Page<MunicipalityDto>>('/api/municipalities', {
      params: queryParams(query),
    });
  }

  municipality(id: string): Observable<MunicipalityDto> {
    return this.http.get<MunicipalityDto>(`/api/municipalities/${encodeURIComponent(id)}`);
  }

  /** The municipality's villages at a glance: its coordinators and the secretariat only. */
  municipalityOverview(id: string, query: PageQuery = {}): Observable<MunicipalityOverviewDto> {
    return this.http.get<MunicipalityOverviewDto>(
      `/api/municipalities/${encodeURIComponent(id)}/overview`,
      { params: queryParams(query) },
    );
  }

  createMunicipality(body: CreateMunicipalityRequest): Observable<MunicipalityDto> {
    return this.http.post<MunicipalityDto>('/api/municipalities', body);
  }

  updateMunicipality(id: string, body: UpdateMunicipalityRequest): Observable<MunicipalityDto> {
    return this.http.patch<MunicipalityDto>(`/api/municipalities/${encodeURIComponent(id)}`, body);
  }

  villages(query: VillageQuery = {}): Observable<Page<VillageDto>> {
    return this.http.get<Page<VillageDto>>('/api/villages', { params: queryParams(query) });
  }

  village(id: string): Observable<VillageDto> {
    return this.http.get<VillageDto>(`/api/villages/${encodeURIComponent(id)}`);
  }

  createVillage(body: CreateVillageRequest): Observable<VillageDto> {
    return this.http.post<VillageDto>('/api/villages', body);
  }

  updateVillage(id: string, body: UpdateVillageRequest): Observable<VillageDto> {
    return this.http.patch<VillageDto>(`/api/villages/${encodeURIComponent(id)}`, body);
  }

  cohorts(query: PageQuery = {}): Observable<Page<CohortDto>> {
    return this.http.get<Page<CohortDto>>('/api/cohorts', { params: queryParams(query) });
  }

  cohort(id: string): Observable<CohortDto> {
    return this.http.get<CohortDto>(`/api/cohorts/${encodeURIComponent(id)}`);
  }

  createCohort(body: CreateCohortRequest): Observable<CohortDto> {
    return this.http.post<CohortDto>('/api/cohorts', body);
  }

  updateCohort(id: string, body: UpdateCohortRequest): Observable<CohortDto> {
    return this.http.patch<CohortDto>(`/api/cohorts/${encodeURIComponent(id)}`, body);
  }
}
