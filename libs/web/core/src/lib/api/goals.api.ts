import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateGoalUpdateRequest,
  CreateVillageGoalRequest,
  GoalSummaryDto,
  GoalUpdateDto,
  Page,
  PageQuery,
  SdgDto,
  SdgTargetDto,
  UpdateVillageGoalRequest,
  VillageGoalDto,
  VillageGoalsQuery,
} from '@blup/contracts';
import { type Observable, map, shareReplay } from 'rxjs';
import { queryParams } from './query-params';

/** A village's goals on the 17 SDGs, and their timelines of progress. */
@Injectable({ providedIn: 'root' })
export class GoalsApi {
  private readonly http = inject(HttpClient);

  /** The 17 SDGs, fetched once per visit: they never change. */
  readonly sdgs: Observable<SdgDto[]> = this.http
    .get<Page<SdgDto>>('/api/sdgs', { params: queryParams({ pageSize: 17 }) })
    .pipe(
      map((page) => page.items),
      shareReplay({ bufferSize: 1, refCount: false }),
    );

  private readonly targetsBySdg = new Map<number, Observable<SdgTargetDto[]>>();

  /** One SDG's targets (at most 19), fetched once per visit and SDG. */
  targets(sdg: number): Observable<SdgTargetDto[]> {
    let targets = this.targetsBySdg.get(sdg);
    if (!targets) {
      targets = this.http
        .get<Page<SdgTargetDto>>(`/api/sdgs/${sdg}/targets`, {
          params: queryParams({ pageSize: 50 }),
        })
        .pipe(
          map((page) => page.items),
          shareReplay({ bufferSize: 1, refCount: false }),
        );
      this.targetsBySdg.set(sdg, targets);
    }
    return targets;
  }

  goals(villageId: string, query: VillageGoalsQuery = {}): Observable<Page<VillageGoalDto>> {
    return this.http.get<Page<VillageGoalDto>>(
      `/api/villages/${encodeURIComponent(villageId)}/goals`,
      { params: queryParams(query) },
    );
  }

  goal(id: string): Observable<VillageGoalDto> {
    return this.http.get<VillageGoalDto>(`/api/goals/${encodeURIComponent(id)}`);
  }

  createGoal(villageId: string, body: CreateVillageGoalRequest): Observable<VillageGoalDto> {
    return this.http.post<VillageGoalDto>(
      `/api/villages/${encodeURIComponent(villageId)}/goals`,
      body,
    );
  }

  updateGoal(id: string, body: UpdateVillageGoalRequest): Observable<VillageGoalDto> {
    return this.http.patch<VillageGoalDto>(`/api/goals/${encodeURIComponent(id)}`, body);
  }

  updates(id: string, query: PageQuery = {}): Observable<Page<GoalUpdateDto>> {
    return this.http.get<Page<GoalUpdateDto>>(`/api/goals/${encodeURIComponent(id)}/updates`, {
      params: queryParams(query),
    });
  }

  /** Records progress; with a photo, as multipart (the update as JSON in `update`). */
  addUpdate(
    id: string,
    body: CreateGoalUpdateRequest,
    photo?: File | null,
  ): Observable<GoalUpdateDto> {
    const url = `/api/goals/${encodeURIComponent(id)}/updates`;
    if (!photo) return this.http.post<GoalUpdateDto>(url, body);
    const form = new FormData();
    form.set('update', JSON.stringify(body));
    form.set('photo', photo, photo.name);
    return this.http.post<GoalUpdateDto>(url, form);
  }

  /** Goals across a municipality's villages (its coordinators and the secretariat). */
  municipalitySummary(municipalityId: string): Observable<GoalSummaryDto> {
    return this.http.get<GoalSummaryDto>(
      `/api/municipalities/${encodeURIComponent(municipalityId)}/goal-summary`,
    );
  }

  /** Goals across a cohort's villages (the secretariat). */
  cohortSummary(cohortId: string): Observable<GoalSummaryDto> {
    return this.http.get<GoalSummaryDto>(
      `/api/cohorts/${encodeURIComponent(cohortId)}/goal-summary`,
    );
  }
}
