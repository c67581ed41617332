import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  GenerateReportRequest,
  GenerateReportResultDto,
  PublicWheelDto,
  ReportContent,
  VillageDocumentDto,
  WheelContent,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

/** A village's annual wheel and its annual reports (living documents on the plans core). */
@Injectable({ providedIn: 'root' })
export class WheelReportApi {
  private readonly http = inject(HttpClient);

  private path(villageId: string, kind: 'wheel' | 'report', rest = ''): string {
    return `/api/villages/${encodeURIComponent(villageId)}/documents/${kind}${rest}`;
  }

  /** The published wheel at the village's public address (404 when none is published). */
  publicWheel(slug: string): Observable<PublicWheelDto> {
    return this.http.get<PublicWheelDto>(`/api/public/villages/${encodeURIComponent(slug)}/wheel`);
  }

  wheel(villageId: string): Observable<VillageDocumentDto<WheelContent>> {
    return this.http.get<VillageDocumentDto<WheelContent>>(this.path(villageId, 'wheel'));
  }

  saveWheel(
    villageId: string,
    content: WheelContent,
    revision: number,
  ): Observable<VillageDocumentDto<WheelContent>> {
    return this.http.put<VillageDocumentDto<WheelContent>>(
      this.path(villageId, 'wheel', '/draft'),
      {
        content,
        revision,
      },
    );
  }

  publishWheel(villageId: string, revision: number): Observable<VillageDocumentDto<WheelContent>> {
    return this.http.post<VillageDocumentDto<WheelContent>>(
      this.path(villageId, 'wheel', '/publish'),
      { revision },
    );
  }

  report(villageId: string, year: number): Observable<VillageDocumentDto<ReportContent>> {
    return this.http.get<VillageDocumentDto<ReportContent>>(this.path(villageId, 'report'), {
      params: queryParams({ year }),
    });
  }

  saveReport(
    villageId: string,
    year: number,
    content: ReportContent,
    revision: number,
  ): Observable<VillageDocumentDto<ReportContent>> {
    return this.http.put<VillageDocumentDto<ReportContent>>(
      this.path(villageId, 'report', '/draft'),
      { content, revision },
      { params: queryParams({ year }) },
    );
  }

  generateReport(
    villageId: string,
    year: number,
    body: GenerateReportRequest,
  ): Observable<GenerateReportResultDto> {
    return this.http.post<GenerateReportResultDto>(
      this.path(villageId, 'report', '/generate'),
      body,
      { params: queryParams({ year }) },
    );
  }

  publishReport(
    villageId: string,
    year: number,
    revision: number,
  ): Observable<VillageDocumentDto<ReportContent>> {
    return this.http.post<VillageDocumentDto<ReportContent>>(
      this.path(villageId, 'report', '/publish'),
      { revision },
      { params: queryParams({ year }) },
    );
  }
}
