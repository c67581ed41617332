import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AttendanceRowDto,
  CalendarFeedDto,
  MySessionsQuery,
  Page,
  PageQuery,
  RecordAttendanceRequest,
  RsvpAnswer,
  SessionDto,
  SessionSummaryDto,
  UpdateSessionOutcomeRequest,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

const id = encodeURIComponent;

/** Study-circle sessions as a member and a facilitator use them, and the personal calendar feed. */
@Injectable({ providedIn: 'root' })
export class SessionsApi {
  private readonly http = inject(HttpClient);

  /** The person's own sessions: `upcoming` soonest first, `past` newest first. */
  mySessions(query: MySessionsQuery = {}): Observable<Page<SessionSummaryDto>> {
    return this.http.get<Page<SessionSummaryDto>>('/api/me/sessions', {
      params: queryParams(query),
    });
  }

  session(sessionId: string): Observable<SessionDto> {
    return this.http.get<SessionDto>(`/api/sessions/${id(sessionId)}`);
  }

  rsvp(sessionId: string, answer: RsvpAnswer): Observable<SessionDto> {
    return this.http.put<SessionDto>(`/api/sessions/${id(sessionId)}/rsvp`, { answer });
  }

  /** The circle's members and guests with their answer and what is recorded. */
  attendance(sessionId: string, query: PageQuery = {}): Observable<Page<AttendanceRowDto>> {
    return this.http.get<Page<AttendanceRowDto>>(`/api/sessions/${id(sessionId)}/attendance`, {
      params: queryParams(query),
    });
  }

  recordAttendance(sessionId: string, body: RecordAttendanceRequest): Observable<SessionDto> {
    return this.http.put<SessionDto>(`/api/sessions/${id(sessionId)}/attendance`, body);
  }

  updateOutcome(sessionId: string, body: UpdateSessionOutcomeRequest): Observable<SessionDto> {
    return this.http.put<SessionDto>(`/api/sessions/${id(sessionId)}/outcome`, body);
  }

  /** Where the browser downloads one session as an .ics file. */
  calendarFileUrl(sessionId: string): string {
    return `/api/sessions/${id(sessionId)}/calendar.ics`;
  }

  /** The person's secret calendar address; made on the first call. */
  calendarFeed(): Observable<CalendarFeedDto> {
    return this.http.get<CalendarFeedDto>('/api/me/calendar-feed');
  }

  /** A new secret address; the old one stops working at once. */
  resetCalendarFeed(): Observable<CalendarFeedDto> {
    return this.http.post<CalendarFeedDto>('/api/me/calendar-feed/reset', {});
  }
}
