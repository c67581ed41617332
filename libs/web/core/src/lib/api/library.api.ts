import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateLibraryDocumentInput,
  LibraryDocumentDetailDto,
  LibraryDocumentDto,
  LibraryLinkDto,
  LibraryLinkTarget,
  LibrarySearchQuery,
  Page,
  PageQuery,
  UpdateLibraryDocumentInput,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

const doc = (id: string) => `/api/library/documents/${encodeURIComponent(id)}`;

/** The phase library: templates and manuals per phase, their versions and links. */
@Injectable({ providedIn: 'root' })
export class LibraryApi {
  private readonly http = inject(HttpClient);

  search(query: LibrarySearchQuery = {}): Observable<Page<LibraryDocumentDto>> {
    return this.http.get<Page<LibraryDocumentDto>>('/api/library/documents', {
      params: queryParams(query),
    });
  }

  get(id: string): Observable<LibraryDocumentDetailDto> {
    return this.http.get<LibraryDocumentDetailDto>(doc(id));
  }

  /** A new document with its first file (multipart). */
  create(input: CreateLibraryDocumentInput, file: File): Observable<LibraryDocumentDetailDto> {
    const data = new FormData();
    data.append('phase', input.phase);
    data.append('kind', input.kind);
    data.append('title', input.title);
    if (input.description) data.append('description', input.description);
    data.append('file', file, file.name);
    return this.http.post<LibraryDocumentDetailDto>('/api/library/documents', data);
  }

  /** A new version: the older ones stay. */
  addVersion(id: string, file: File, note = ''): Observable<LibraryDocumentDetailDto> {
    const data = new FormData();
    if (note) data.append('note', note);
    data.append('file', file, file.name);
    return this.http.post<LibraryDocumentDetailDto>(`${doc(id)}/versions`, data);
  }

  update(id: string, changes: UpdateLibraryDocumentInput): Observable<LibraryDocumentDetailDto> {
    return this.http.patch<LibraryDocumentDetailDto>(doc(id), changes);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(doc(id));
  }

  link(id: string, target: LibraryLinkTarget, targetId: string): Observable<LibraryLinkDto> {
    return this.http.put<LibraryLinkDto>(
      `${doc(id)}/links/${target}/${encodeURIComponent(targetId)}`,
      null,
    );
  }

  unlink(id: string, target: LibraryLinkTarget, targetId: string): Observable<void> {
    return this.http.delete<void>(`${doc(id)}/links/${target}/${encodeURIComponent(targetId)}`);
  }

  /** The documents linked from a session, lesson or newsletter. */
  linked(
    target: LibraryLinkTarget,
    targetId: string,
    query: PageQuery = {},
  ): Observable<Page<LibraryDocumentDto>> {
    return this.http.get<Page<LibraryDocumentDto>>(
      `/api/library/linked/${target}/${encodeURIComponent(targetId)}`,
      { params: queryParams(query) },
    );
  }
}
