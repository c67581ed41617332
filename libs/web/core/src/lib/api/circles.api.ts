import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CircleDto,
  CircleGridResponse,
  CircleSummaryDto,
  CirclesQuery,
  CreateCircleSessionRequest,
  CreatePlanRequest,
  Page,
  PageQuery,
  PlanSessionDto,
  SessionSummaryDto,
  UpdateCircleRequest,
  UpdatePlanSessionRequest,
  UpdateSessionRequest,
  VillageAttendanceRow,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

const id = encodeURIComponent;

/**
 * Study circles: the circles a person may see, their sessions, and for the secretariat the
 * cohort plan, the cohort grid and adjusting one circle's session.
 */
@Injectable({ providedIn: 'root' })
export class CirclesApi {
  private readonly http = inject(HttpClient);

  circles(query: CirclesQuery = {}): Observable<Page<CircleSummaryDto>> {
    return this.http.get<Page<CircleSummaryDto>>('/api/circles', { params: queryParams(query) });
  }

  circle(circleId: string): Observable<CircleDto> {
    return this.http.get<CircleDto>(`/api/circles/${id(circleId)}`);
  }

  updateCircle(circleId: string, body: UpdateCircleRequest): Observable<CircleDto> {
    return this.http.patch<CircleDto>(`/api/circles/${id(circleId)}`, body);
  }

  /** The circle's sessions, soonest first. */
  circleSessions(circleId: string, query: PageQuery = {}): Observable<Page<SessionSummaryDto>> {
    return this.http.get<Page<SessionSummaryDto>>(`/api/circles/${id(circleId)}/sessions`, {
      params: queryParams(query),
    });
  }

  addSession(circleId: string, body: CreateCircleSessionRequest): Observable<SessionSummaryDto> {
    return this.http.post<SessionSummaryDto>(`/api/circles/${id(circleId)}/sessions`, body);
  }

  plan(cohortId: string, query: PageQuery = {}): Observable<Page<PlanSessionDto>> {
    return this.http.get<Page<PlanSessionDto>>(`/api/cohorts/${id(cohortId)}/plan`, {
      params: queryParams(query),
    });
  }

  /** Plans many slots at once; all or none are saved. */
  createPlan(cohortId: string, body: CreatePlanRequest): Observable<PlanSessionDto[]> {
    return this.http.post<PlanSessionDto[]>(`/api/cohorts/${id(cohortId)}/plan`, body);
  }

  updatePlanSession(planId: string, body: UpdatePlanSessionRequest): Observable<PlanSessionDto> {
    return this.http.patch<PlanSessionDto>(`/api/plan-sessions/${id(planId)}`, body);
  }

  cancelPlanSession(planId: string): Observable<PlanSessionDto> {
    return this.http.post<PlanSessionDto>(`/api/plan-sessions/${id(planId)}/cancel`, {});
  }

  grid(cohortId: string, query: PageQuery = {}): Observable<CircleGridResponse> {
    return this.http.get<CircleGridResponse>(`/api/cohorts/${id(cohortId)}/circle-grid`, {
      params: queryParams(query),
    });
  }

  updateSession(sessionId: string, body: UpdateSessionRequest): Observable<SessionSummaryDto> {
    return this.http.patch<SessionSummaryDto>(`/api/sessions/${id(sessionId)}`, body);
  }

  cancelSession(sessionId: string): Observable<SessionSummaryDto> {
    return this.http.post<SessionSummaryDto>(`/api/sessions/${id(sessionId)}/cancel`, {});
  }

  villageAttendance(
    villageId: string,
    query: PageQuery = {},
  ): Observable<Page<VillageAttendanceRow>> {
    return this.http.get<Page<VillageAttendanceRow>>(`/api/villages/${id(villageId)}/attendance`, {
      params: queryParams(query),
    });
  }
}
