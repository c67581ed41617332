import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApplicationDetailDto,
  ApplicationFormOptionsDto,
  ApplicationVillageOptionDto,
  ApplicationVillageQuery,
  ApplicationListQuery,
  ApplicationListResponse,
  ApplicationReceiptDto,
  ApproveApplicationRequest,
  CancelEnrolmentRequest,
  CreateApplicationRequest,
  CreateOfferingRequest,
  DecideEnrolmentRequest,
  EnrolRequest,
  EnrolmentDto,
  EnrolmentQuery,
  InfoMeetingSignupCancelDto,
  InfoMeetingSignupReceiptDto,
  InfoMeetingSignupRequest,
  InvoiceQuery,
  OfferingDto,
  OfferingQuery,
  Page,
  PageQuery,
  PublicInfoMeetingDto,
  RejectApplicationRequest,
  UpdateOfferingRequest,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

const id = encodeURIComponent;

/**
 * Enrolment (issue 6): offerings and enrolments, applications for a full process, info
 * meetings. The public calls (apply, info meetings) need no session, only the CSRF cookie the
 * app fetches at start.
 */
@Injectable({ providedIn: 'root' })
export class EnrolmentApi {
  private readonly http = inject(HttpClient);

  // Offerings and enrolments

  offerings(query: OfferingQuery = {}): Observable<Page<OfferingDto>> {
    return this.http.get<Page<OfferingDto>>('/api/offerings', { params: queryParams(query) });
  }

  offering(offeringId: string): Observable<OfferingDto> {
    return this.http.get<OfferingDto>(`/api/offerings/${id(offeringId)}`);
  }

  createOffering(body: CreateOfferingRequest): Observable<OfferingDto> {
    return this.http.post<OfferingDto>('/api/offerings', body);
  }

  updateOffering(offeringId: string, body: UpdateOfferingRequest): Observable<OfferingDto> {
    return this.http.patch<OfferingDto>(`/api/offerings/${id(offeringId)}`, body);
  }

  enrol(offeringId: string, body: EnrolRequest = {}): Observable<EnrolmentDto> {
    return this.http.post<EnrolmentDto>(`/api/offerings/${id(offeringId)}/enrolments`, body);
  }

  offeringEnrolments(
    offeringId: string,
    query: Omit<EnrolmentQuery, 'offeringId'> = {},
  ): Observable<Page<EnrolmentDto>> {
    return this.http.get<Page<EnrolmentDto>>(`/api/offerings/${id(offeringId)}/enrolments`, {
      params: queryParams(query),
    });
  }

  enrolments(query: EnrolmentQuery = {}): Observable<Page<EnrolmentDto>> {
    return this.http.get<Page<EnrolmentDto>>('/api/enrolments', { params: queryParams(query) });
  }

  myEnrolments(query: PageQuery = {}): Observable<Page<EnrolmentDto>> {
    return this.http.get<Page<EnrolmentDto>>('/api/me/enrolments', {
      params: queryParams(query),
    });
  }

  cancelEnrolment(
    enrolmentId: string,
    body: CancelEnrolmentRequest = {},
  ): Observable<EnrolmentDto> {
    return this.http.post<EnrolmentDto>(`/api/enrolments/${id(enrolmentId)}/cancel`, body);
  }

  approveEnrolment(enrolmentId: string): Observable<EnrolmentDto> {
    return this.http.post<EnrolmentDto>(`/api/enrolments/${id(enrolmentId)}/approve`, {});
  }

  rejectEnrolment(
    enrolmentId: string,
    body: DecideEnrolmentRequest = {},
  ): Observable<EnrolmentDto> {
    return this.http.post<EnrolmentDto>(`/api/enrolments/${id(enrolmentId)}/reject`, body);
  }

  /** The address of the invoice CSV (a plain link downloads it with the session cookie). */
  invoicesUrl(query: InvoiceQuery = {}): string {
    const params = queryParams(query).toString();
    return `/api/enrolments/invoices.csv${params ? `?${params}` : ''}`;
  }

  // Applications

  applicationFormOptions(): Observable<ApplicationFormOptionsDto> {
    return this.http.get<ApplicationFormOptionsDto>('/api/applications/form-options');
  }

  /** One page of a municipality's villages for the form, searched by name. */
  applicationVillages(
    query: ApplicationVillageQuery,
  ): Observable<Page<ApplicationVillageOptionDto>> {
    return this.http.get<Page<ApplicationVillageOptionDto>>(
      '/api/applications/form-options/villages',
      { params: queryParams(query) },
    );
  }

  /** Sends the application, with the funding agreement when one is chosen (multipart). */
  apply(body: CreateApplicationRequest, agreement: File | null): Observable<ApplicationReceiptDto> {
    if (!agreement) return this.http.post<ApplicationReceiptDto>('/api/applications', body);
    const data = new FormData();
    data.append('application', JSON.stringify(body));
    data.append('agreement', agreement, agreement.name);
    return this.http.post<ApplicationReceiptDto>('/api/applications', data);
  }

  /** Adds (or replaces) the funding agreement afterwards, with the receipt's upload token. */
  uploadAgreement(
    applicationId: string,
    token: string,
    agreement: File,
  ): Observable<ApplicationReceiptDto> {
    const data = new FormData();
    data.append('agreement', agreement, agreement.name);
    return this.http.put<ApplicationReceiptDto>(
      `/api/applications/${id(applicationId)}/agreement`,
      data,
      { params: queryParams({ token }) },
    );
  }

  applications(query: ApplicationListQuery = {}): Observable<ApplicationListResponse> {
    return this.http.get<ApplicationListResponse>('/api/applications', {
      params: queryParams(query),
    });
  }

  application(applicationId: string): Observable<ApplicationDetailDto> {
    return this.http.get<ApplicationDetailDto>(`/api/applications/${id(applicationId)}`);
  }

  confirmCooperation(applicationId: string, confirmed: boolean): Observable<ApplicationDetailDto> {
    return this.http.post<ApplicationDetailDto>(
      `/api/applications/${id(applicationId)}/cooperation`,
      { confirmed },
    );
  }

  approveApplication(
    applicationId: string,
    body: ApproveApplicationRequest = {},
  ): Observable<ApplicationDetailDto> {
    return this.http.post<ApplicationDetailDto>(
      `/api/applications/${id(applicationId)}/approve`,
      body,
    );
  }

  rejectApplication(
    applicationId: string,
    body: RejectApplicationRequest,
  ): Observable<ApplicationDetailDto> {
    return this.http.post<ApplicationDetailDto>(
      `/api/applications/${id(applicationId)}/reject`,
      body,
    );
  }

  // Info meetings (public)

  upcomingInfoMeetings(query: PageQuery = {}): Observable<Page<PublicInfoMeetingDto>> {
    return this.http.get<Page<PublicInfoMeetingDto>>('/api/info-meetings/upcoming', {
      params: queryParams(query),
    });
  }

  signUpForInfoMeeting(
    meetingId: string,
    body: InfoMeetingSignupRequest,
  ): Observable<InfoMeetingSignupReceiptDto> {
    return this.http.post<InfoMeetingSignupReceiptDto>(
      `/api/info-meetings/${id(meetingId)}/signups`,
      body,
    );
  }

  previewInfoMeetingCancel(token: string): Observable<InfoMeetingSignupCancelDto> {
    return this.http.get<InfoMeetingSignupCancelDto>('/api/info-meetings/signups/cancel', {
      params: queryParams({ token }),
    });
  }

  cancelInfoMeetingSignup(token: string): Observable<InfoMeetingSignupCancelDto> {
    return this.http.post<InfoMeetingSignupCancelDto>('/api/info-meetings/signups/cancel', {
      token,
    });
  }
}
