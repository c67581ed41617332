import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AskHotlineRequest,
  HotlineFaqDto,
  HotlineQueueQuery,
  HotlineRequestDto,
  HotlineState,
  HotlineStateCounts,
  HotlineStatsDto,
  HotlineThreadDto,
  Page,
  PageQuery,
  SaveHotlineFaqRequest,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

const request = (id: string) => `/api/hotline/requests/${encodeURIComponent(id)}`;
const faq = (id: string) => `/api/hotline/faq/${encodeURIComponent(id)}`;

/** The hotline: asking the secretariat, the threads, the queue and the FAQ. */
@Injectable({ providedIn: 'root' })
export class HotlineApi {
  private readonly http = inject(HttpClient);

  ask(body: AskHotlineRequest): Observable<HotlineThreadDto> {
    return this.http.post<HotlineThreadDto>('/api/hotline/requests', body);
  }

  mine(query: PageQuery = {}): Observable<Page<HotlineRequestDto>> {
    return this.http.get<Page<HotlineRequestDto>>('/api/hotline/requests/mine', {
      params: queryParams(query),
    });
  }

  queue(query: HotlineQueueQuery = {}): Observable<Page<HotlineRequestDto>> {
    return this.http.get<Page<HotlineRequestDto>>('/api/hotline/requests', {
      params: queryParams(query),
    });
  }

  counts(): Observable<HotlineStateCounts> {
    return this.http.get<HotlineStateCounts>('/api/hotline/counts');
  }

  stats(year: number): Observable<HotlineStatsDto> {
    return this.http.get<HotlineStatsDto>('/api/hotline/stats', { params: queryParams({ year }) });
  }

  thread(id: string): Observable<HotlineThreadDto> {
    return this.http.get<HotlineThreadDto>(request(id));
  }

  write(id: string, body: string): Observable<HotlineThreadDto> {
    return this.http.post<HotlineThreadDto>(`${request(id)}/messages`, { body });
  }

  setState(id: string, state: HotlineState): Observable<HotlineThreadDto> {
    return this.http.put<HotlineThreadDto>(`${request(id)}/state`, { state });
  }

  saveAsFaq(
    id: string,
    body: { messageId: string; question: string; published?: boolean },
  ): Observable<HotlineFaqDto> {
    return this.http.post<HotlineFaqDto>(`${request(id)}/faq`, body);
  }

  faqList(query: PageQuery = {}): Observable<Page<HotlineFaqDto>> {
    return this.http.get<Page<HotlineFaqDto>>('/api/hotline/faq', { params: queryParams(query) });
  }

  createFaq(body: SaveHotlineFaqRequest): Observable<HotlineFaqDto> {
    return this.http.post<HotlineFaqDto>('/api/hotline/faq', body);
  }

  updateFaq(id: string, body: Partial<SaveHotlineFaqRequest>): Observable<HotlineFaqDto> {
    return this.http.patch<HotlineFaqDto>(faq(id), body);
  }

  deleteFaq(id: string): Observable<void> {
    return this.http.delete<void>(faq(id));
  }
}
