import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AskErasureRequest,
  CreateErasureRequest,
  CreatePrivacyExportRequest,
  ErasureAuditEntryDto,
  ErasureRequestDto,
  ErasureState,
  MyErasureDto,
  Page,
  PageQuery,
  PrivacyExportDto,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

const erasure = (id: string) => `/api/privacy/erasure-requests/${encodeURIComponent(id)}`;

/** What the secretariat does with an open erasure request. */
export type ErasureAction = 'approve' | 'cancel' | 'retry';

/**
 * Personal data (issue 17): one's own exports and erasure, and the secretariat's desk for
 * everybody's.
 */
@Injectable({ providedIn: 'root' })
export class PrivacyApi {
  private readonly http = inject(HttpClient);

  myExports(query: PageQuery = {}): Observable<Page<PrivacyExportDto>> {
    return this.http.get<Page<PrivacyExportDto>>('/api/me/privacy/exports', {
      params: queryParams(query),
    });
  }

  startMyExport(): Observable<PrivacyExportDto> {
    return this.http.post<PrivacyExportDto>('/api/me/privacy/exports', {});
  }

  /** One export, to follow its progress (the person's own, or any for the secretariat). */
  export(id: string): Observable<PrivacyExportDto> {
    return this.http.get<PrivacyExportDto>(`/api/privacy/exports/${encodeURIComponent(id)}`);
  }

  myErasure(): Observable<MyErasureDto> {
    return this.http.get<MyErasureDto>('/api/me/privacy/erasure');
  }

  askErasure(body: AskErasureRequest = {}): Observable<ErasureRequestDto> {
    return this.http.post<ErasureRequestDto>('/api/me/privacy/erasure', body);
  }

  undoErasure(): Observable<ErasureRequestDto> {
    return this.http.delete<ErasureRequestDto>('/api/me/privacy/erasure');
  }

  exports(query: PageQuery = {}): Observable<Page<PrivacyExportDto>> {
    return this.http.get<Page<PrivacyExportDto>>('/api/privacy/exports', {
      params: queryParams(query),
    });
  }

  startExport(body: CreatePrivacyExportRequest): Observable<PrivacyExportDto> {
    return this.http.post<PrivacyExportDto>('/api/privacy/exports', body);
  }

  erasureRequests(
    query: PageQuery & { state?: ErasureState } = {},
  ): Observable<Page<ErasureRequestDto>> {
    return this.http.get<Page<ErasureRequestDto>>('/api/privacy/erasure-requests', {
      params: queryParams(query),
    });
  }

  createErasure(body: CreateErasureRequest): Observable<ErasureRequestDto> {
    return this.http.post<ErasureRequestDto>('/api/privacy/erasure-requests', body);
  }

  act(id: string, action: ErasureAction): Observable<ErasureRequestDto> {
    return this.http.post<ErasureRequestDto>(`${erasure(id)}/${action}`, {});
  }

  audit(id: string, query: PageQuery = {}): Observable<Page<ErasureAuditEntryDto>> {
    return this.http.get<Page<ErasureAuditEntryDto>>(`${erasure(id)}/audit`, {
      params: queryParams(query),
    });
  }
}
