import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateNewsletterRequest,
  NewsletterArchiveItemDto,
  NewsletterArchiveQuery,
  NewsletterCardOption,
  NewsletterVillageCardOption,
  NewsletterCardOptionsQuery,
  NewsletterDto,
  NewsletterPreviewDto,
  NewsletterProgressDto,
  NewsletterSummaryDto,
  NewsletterTargetOption,
  NewsletterTargetsQuery,
  NewsletterTestResult,
  NewsletterWebVersionDto,
  NewslettersQuery,
  Page,
  PreviewNewsletterRequest,
  ScheduleNewsletterRequest,
  UpdateNewsletterRequest,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

const id = encodeURIComponent;

/**
 * Newsletters: writing, previewing, scheduling and following the sending (the secretariat),
 * the archive (members) and the public web version (anyone with the link).
 */
@Injectable({ providedIn: 'root' })
export class NewslettersApi {
  private readonly http = inject(HttpClient);

  list(query: NewslettersQuery = {}): Observable<Page<NewsletterSummaryDto>> {
    return this.http.get<Page<NewsletterSummaryDto>>('/api/newsletters', {
      params: queryParams(query),
    });
  }

  get(newsletterId: string): Observable<NewsletterDto> {
    return this.http.get<NewsletterDto>(`/api/newsletters/${id(newsletterId)}`);
  }

  create(body: CreateNewsletterRequest): Observable<NewsletterDto> {
    return this.http.post<NewsletterDto>('/api/newsletters', body);
  }

  update(newsletterId: string, body: UpdateNewsletterRequest): Observable<NewsletterDto> {
    return this.http.patch<NewsletterDto>(`/api/newsletters/${id(newsletterId)}`, body);
  }

  /** Drafts only. */
  delete(newsletterId: string): Observable<void> {
    return this.http.delete<void>(`/api/newsletters/${id(newsletterId)}`);
  }

  /** The stored newsletter rendered for the signed-in person, as that village's copy. */
  preview(
    newsletterId: string,
    body: PreviewNewsletterRequest = {},
  ): Observable<NewsletterPreviewDto> {
    return this.http.post<NewsletterPreviewDto>(
      `/api/newsletters/${id(newsletterId)}/preview`,
      body,
    );
  }

  /** Sends one copy to the signed-in person's own address. */
  sendTest(newsletterId: string): Observable<NewsletterTestResult> {
    return this.http.post<NewsletterTestResult>(`/api/newsletters/${id(newsletterId)}/test`, {});
  }

  schedule(newsletterId: string, body: ScheduleNewsletterRequest): Observable<NewsletterDto> {
    return this.http.post<NewsletterDto>(`/api/newsletters/${id(newsletterId)}/schedule`, body);
  }

  unschedule(newsletterId: string): Observable<NewsletterDto> {
    return this.http.post<NewsletterDto>(`/api/newsletters/${id(newsletterId)}/unschedule`, {});
  }

  progress(newsletterId: string): Observable<NewsletterProgressDto> {
    return this.http.get<NewsletterProgressDto>(`/api/newsletters/${id(newsletterId)}/progress`);
  }

  /** Upcoming planned sessions and single sessions a newsletter can lead into. */
  targets(query: NewsletterTargetsQuery = {}): Observable<Page<NewsletterTargetOption>> {
    return this.http.get<Page<NewsletterTargetOption>>('/api/newsletters/targets', {
      params: queryParams(query),
    });
  }

  /** One planned session or circle session as a target (for a link from the planner). */
  forSession(planOrSessionId: string): Observable<NewsletterTargetOption> {
    return this.http.get<NewsletterTargetOption>(
      `/api/newsletters/for-session/${id(planOrSessionId)}`,
    );
  }

  /** Published lessons for lesson and video cards. */
  cardOptions(query: NewsletterCardOptionsQuery = {}): Observable<Page<NewsletterCardOption>> {
    return this.http.get<Page<NewsletterCardOption>>('/api/newsletters/card-options', {
      params: queryParams(query),
    });
  }

  /** Goals and initiatives of villages whose plan is published, for village cards. */
  villageCardOptions(
    query: { q?: string; page?: number; pageSize?: number } = {},
  ): Observable<Page<NewsletterVillageCardOption>> {
    return this.http.get<Page<NewsletterVillageCardOption>>(
      '/api/newsletters/village-card-options',
      { params: queryParams(query) },
    );
  }

  archive(query: NewsletterArchiveQuery = {}): Observable<Page<NewsletterArchiveItemDto>> {
    return this.http.get<Page<NewsletterArchiveItemDto>>('/api/newsletters/archive', {
      params: queryParams(query),
    });
  }

  /** A sent newsletter to read in the archive, as the given village's copy. */
  read(newsletterId: string, villageId?: string | null): Observable<NewsletterWebVersionDto> {
    return this.http.get<NewsletterWebVersionDto>(`/api/newsletters/${id(newsletterId)}/read`, {
      params: queryParams({ villageId }),
    });
  }

  /** The public web version (no sign-in). */
  webVersion(token: string, villageId?: string | null): Observable<NewsletterWebVersionDto> {
    return this.http.get<NewsletterWebVersionDto>(`/api/newsletters/web/${id(token)}`, {
      params: queryParams({ v: villageId }),
    });
  }
}
