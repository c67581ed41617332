import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  InviteRequest,
  Page,
  PeopleQuery,
  PersonDto,
  UpdatePersonRequest,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

/** People and invitations. */
@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly http = inject(HttpClient);

  list(query: PeopleQuery = {}): Observable<Page<PersonDto>> {
    return this.http.get<Page<PersonDto>>('/api/people', { params: queryParams(query) });
  }

  get(id: string): Observable<PersonDto> {
    return this.http.get<PersonDto>(`/api/people/${encodeURIComponent(id)}`);
  }

  update(id: string, body: UpdatePersonRequest): Observable<PersonDto> {
    return this.http.patch<PersonDto>(`/api/people/${encodeURIComponent(id)}`, body);
  }

  invite(body: InviteRequest): Observable<PersonDto> {
    return this.http.post<PersonDto>('/api/invitations', body);
  }

  resendInvitation(id: string): Observable<void> {
    return this.http.post<void>(`/api/people/${encodeURIComponent(id)}/invitation`, {});
  }
}
