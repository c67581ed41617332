import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateFocusAreaRequest,
  CreateInitiativeRequest,
  FocusAreaDto,
  FocusAreaOverviewDto,
  InitiativeCandidateDto,
  InitiativeDto,
  InitiativesQuery,
  Page,
  PageQuery,
  UpdateFocusAreaRequest,
  UpdateInitiativeRequest,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

const village = (id: string) => `/api/villages/${encodeURIComponent(id)}`;

/** A village's initiatives and working groups, and the focus areas that group them. */
@Injectable({ providedIn: 'root' })
export class InitiativesApi {
  private readonly http = inject(HttpClient);

  /** The village page: focus areas in order, each with its roll-up and its initiatives. */
  overview(villageId: string, query: PageQuery = {}): Observable<Page<FocusAreaOverviewDto>> {
    return this.http.get<Page<FocusAreaOverviewDto>>(`${village(villageId)}/initiative-overview`, {
      params: queryParams(query),
    });
  }

  initiatives(villageId: string, query: InitiativesQuery = {}): Observable<Page<InitiativeDto>> {
    return this.http.get<Page<InitiativeDto>>(`${village(villageId)}/initiatives`, {
      params: queryParams(query),
    });
  }

  forGoal(goalId: string, query: PageQuery = {}): Observable<Page<InitiativeDto>> {
    return this.http.get<Page<InitiativeDto>>(
      `/api/goals/${encodeURIComponent(goalId)}/initiatives`,
      { params: queryParams(query) },
    );
  }

  /** The village's accounts, to choose a contact person or members from. */
  people(villageId: string, query: PageQuery = {}): Observable<Page<InitiativeCandidateDto>> {
    return this.http.get<Page<InitiativeCandidateDto>>(`${village(villageId)}/initiative-people`, {
      params: queryParams(query),
    });
  }

  initiative(id: string): Observable<InitiativeDto> {
    return this.http.get<InitiativeDto>(`/api/initiatives/${encodeURIComponent(id)}`);
  }

  createInitiative(villageId: string, body: CreateInitiativeRequest): Observable<InitiativeDto> {
    return this.http.post<InitiativeDto>(`${village(villageId)}/initiatives`, body);
  }

  updateInitiative(id: string, body: UpdateInitiativeRequest): Observable<InitiativeDto> {
    return this.http.patch<InitiativeDto>(`/api/initiatives/${encodeURIComponent(id)}`, body);
  }

  deleteInitiative(id: string): Observable<void> {
    return this.http.delete<void>(`/api/initiatives/${encodeURIComponent(id)}`);
  }

  focusAreas(villageId: string, query: PageQuery = {}): Observable<Page<FocusAreaDto>> {
    return this.http.get<Page<FocusAreaDto>>(`${village(villageId)}/focus-areas`, {
      params: queryParams(query),
    });
  }

  focusArea(id: string): Observable<FocusAreaDto> {
    return this.http.get<FocusAreaDto>(`/api/focus-areas/${encodeURIComponent(id)}`);
  }

  createFocusArea(villageId: string, body: CreateFocusAreaRequest): Observable<FocusAreaDto> {
    return this.http.post<FocusAreaDto>(`${village(villageId)}/focus-areas`, body);
  }

  updateFocusArea(id: string, body: UpdateFocusAreaRequest): Observable<FocusAreaDto> {
    return this.http.patch<FocusAreaDto>(`/api/focus-areas/${encodeURIComponent(id)}`, body);
  }
}
