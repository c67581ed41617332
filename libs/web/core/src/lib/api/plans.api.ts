import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  DocumentChangeDto,
  DocumentImageDto,
  DocumentKind,
  DocumentVersionDto,
  Page,
  PageQuery,
  PublicVillagePageDto,
  SaveDraftRequest,
  VillageDocumentDto,
  VillageDocumentsDto,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

/** A village's living documents (plan, story) and its public page. */
@Injectable({ providedIn: 'root' })
export class PlansApi {
  private readonly http = inject(HttpClient);

  private path(villageId: string, kind: DocumentKind, rest = ''): string {
    return `/api/villages/${encodeURIComponent(villageId)}/documents/${kind}${rest}`;
  }

  statuses(villageId: string): Observable<VillageDocumentsDto> {
    return this.http.get<VillageDocumentsDto>(
      `/api/villages/${encodeURIComponent(villageId)}/documents`,
    );
  }

  document<C>(villageId: string, kind: DocumentKind): Observable<VillageDocumentDto<C>> {
    return this.http.get<VillageDocumentDto<C>>(this.path(villageId, kind));
  }

  saveDraft<C>(
    villageId: string,
    kind: DocumentKind,
    body: SaveDraftRequest<C>,
  ): Observable<VillageDocumentDto<C>> {
    return this.http.put<VillageDocumentDto<C>>(this.path(villageId, kind, '/draft'), body);
  }

  publish<C>(
    villageId: string,
    kind: DocumentKind,
    revision: number,
  ): Observable<VillageDocumentDto<C>> {
    return this.http.post<VillageDocumentDto<C>>(this.path(villageId, kind, '/publish'), {
      revision,
    });
  }

  unpublish<C>(villageId: string, kind: DocumentKind): Observable<VillageDocumentDto<C>> {
    return this.http.post<VillageDocumentDto<C>>(this.path(villageId, kind, '/unpublish'), {});
  }

  versions<C>(
    villageId: string,
    kind: DocumentKind,
    query: PageQuery = {},
  ): Observable<Page<DocumentVersionDto<C>>> {
    return this.http.get<Page<DocumentVersionDto<C>>>(this.path(villageId, kind, '/versions'), {
      params: queryParams(query),
    });
  }

  history(
    villageId: string,
    kind: DocumentKind,
    query: PageQuery = {},
  ): Observable<Page<DocumentChangeDto>> {
    return this.http.get<Page<DocumentChangeDto>>(this.path(villageId, kind, '/history'), {
      params: queryParams(query),
    });
  }

  uploadImage(villageId: string, kind: DocumentKind, file: Blob): Observable<DocumentImageDto> {
    const form = new FormData();
    form.set('image', file);
    return this.http.post<DocumentImageDto>(this.path(villageId, kind, '/images'), form);
  }

  publicPage(slug: string): Observable<PublicVillagePageDto> {
    return this.http.get<PublicVillagePageDto>(`/api/public/villages/${encodeURIComponent(slug)}`);
  }
}
