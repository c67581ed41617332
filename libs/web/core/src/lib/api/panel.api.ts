import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  PanelConfirmResponse,
  PanelEraseResponse,
  PanelImportRequest,
  PanelImportResult,
  PanelPreferencesDto,
  PanelSignUpRequest,
  PanelSignUpResponse,
  PanelSubscriberPage,
  PanelSubscribersQuery,
  PanelVillageDto,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

const id = encodeURIComponent;

/**
 * The citizen panel: the public sign-up, confirmation and preferences pages, and for those who
 * look after a village's panel its list, removal and CSV import.
 */
@Injectable({ providedIn: 'root' })
export class PanelApi {
  private readonly http = inject(HttpClient);

  village(villageId: string): Observable<PanelVillageDto> {
    return this.http.get<PanelVillageDto>(`/api/panel/villages/${id(villageId)}`);
  }

  signUp(villageId: string, body: PanelSignUpRequest): Observable<PanelSignUpResponse> {
    return this.http.post<PanelSignUpResponse>(
      `/api/panel/villages/${id(villageId)}/sign-up`,
      body,
    );
  }

  confirm(token: string): Observable<PanelConfirmResponse> {
    return this.http.post<PanelConfirmResponse>('/api/panel/confirm', { token });
  }

  preferences(token: string): Observable<PanelPreferencesDto> {
    return this.http.get<PanelPreferencesDto>('/api/panel/preferences', {
      params: queryParams({ token }),
    });
  }

  setPreferences(token: string, subscribed: boolean): Observable<PanelPreferencesDto> {
    return this.http.post<PanelPreferencesDto>('/api/panel/preferences', { token, subscribed });
  }

  /** Erases the subscriber and everything held about their address, at once (issue 17). */
  erase(token: string): Observable<PanelEraseResponse> {
    return this.http.post<PanelEraseResponse>('/api/panel/preferences/erase', { token });
  }

  subscribers(
    villageId: string,
    query: PanelSubscribersQuery = {},
  ): Observable<PanelSubscriberPage> {
    return this.http.get<PanelSubscriberPage>(`/api/panel/villages/${id(villageId)}/subscribers`, {
      params: queryParams(query),
    });
  }

  remove(villageId: string, subscriberId: string): Observable<void> {
    return this.http.delete<void>(
      `/api/panel/villages/${id(villageId)}/subscribers/${id(subscriberId)}`,
    );
  }

  import(villageId: string, body: PanelImportRequest): Observable<PanelImportResult> {
    return this.http.post<PanelImportResult>(`/api/panel/villages/${id(villageId)}/import`, body);
  }
}
