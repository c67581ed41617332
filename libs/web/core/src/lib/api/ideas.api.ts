import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CastVotesRequest,
  CreateIdeaListRequest,
  CreateIdeaRequest,
  IdeaDto,
  IdeaHelperDto,
  IdeaListDto,
  IdeaToInitiativeRequest,
  IdeaToInitiativeResponse,
  MyVotesDto,
  Page,
  PageQuery,
  PublicIdeaListDto,
  UpdateIdeaListRequest,
  UpdateIdeaRequest,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

const list = (id: string) => `/api/idea-lists/${encodeURIComponent(id)}`;
const idea = (id: string) => `/api/ideas/${encodeURIComponent(id)}`;
const publicList = (token: string) => `/api/public/idea-lists/${encodeURIComponent(token)}`;

/** Prioritising ideas: a village's idea lists, their ranking, and voting without an account. */
@Injectable({ providedIn: 'root' })
export class IdeasApi {
  private readonly http = inject(HttpClient);

  lists(villageId: string, query: PageQuery = {}): Observable<Page<IdeaListDto>> {
    return this.http.get<Page<IdeaListDto>>(
      `/api/villages/${encodeURIComponent(villageId)}/idea-lists`,
      { params: queryParams(query) },
    );
  }

  createList(villageId: string, body: CreateIdeaListRequest): Observable<IdeaListDto> {
    return this.http.post<IdeaListDto>(
      `/api/villages/${encodeURIComponent(villageId)}/idea-lists`,
      body,
    );
  }

  list(id: string): Observable<IdeaListDto> {
    return this.http.get<IdeaListDto>(list(id));
  }

  updateList(id: string, body: UpdateIdeaListRequest): Observable<IdeaListDto> {
    return this.http.patch<IdeaListDto>(list(id), body);
  }

  ranking(id: string, query: PageQuery = {}): Observable<Page<IdeaDto>> {
    return this.http.get<Page<IdeaDto>>(`${list(id)}/ranking`, { params: queryParams(query) });
  }

  posterUrl(id: string): string {
    return `${list(id)}/poster.svg`;
  }

  addIdea(listId: string, body: CreateIdeaRequest): Observable<IdeaDto> {
    return this.http.post<IdeaDto>(`${list(listId)}/ideas`, body);
  }

  updateIdea(id: string, body: UpdateIdeaRequest): Observable<IdeaDto> {
    return this.http.patch<IdeaDto>(idea(id), body);
  }

  removeIdea(id: string): Observable<void> {
    return this.http.delete<void>(idea(id));
  }

  setPaperDots(id: string, dots: number): Observable<IdeaDto> {
    return this.http.put<IdeaDto>(`${idea(id)}/paper-dots`, { dots });
  }

  helpers(id: string, query: PageQuery = {}): Observable<Page<IdeaHelperDto>> {
    return this.http.get<Page<IdeaHelperDto>>(`${idea(id)}/helpers`, {
      params: queryParams(query),
    });
  }

  toInitiative(id: string, body: IdeaToInitiativeRequest): Observable<IdeaToInitiativeResponse> {
    return this.http.post<IdeaToInitiativeResponse>(`${idea(id)}/initiative`, body);
  }

  publicList(token: string): Observable<PublicIdeaListDto> {
    return this.http.get<PublicIdeaListDto>(publicList(token));
  }

  myVotes(token: string, deviceKey: string): Observable<MyVotesDto> {
    return this.http.post<MyVotesDto>(`${publicList(token)}/my-votes`, { deviceKey });
  }

  vote(token: string, body: CastVotesRequest): Observable<MyVotesDto> {
    return this.http.post<MyVotesDto>(`${publicList(token)}/votes`, body);
  }
}
