import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CancelGatheringRequest,
  CheckInRequest,
  CheckInResultDto,
  GatheringDto,
  GatheringListQuery,
  GatheringPage,
  GuestRegisterRequest,
  GuestRegistrationDto,
  MyRegistrationDto,
  PublicGatheringDto,
  RegisterRequest,
  RegistrationListQuery,
  RegistrationPage,
  SaveGatheringRequest,
  SaveMinutesRequest,
  UpdateGatheringRequest,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

const gathering = (id: string) => `/api/gatherings/${encodeURIComponent(id)}`;
const publicGathering = (id: string) => `/api/public/gatherings/${encodeURIComponent(id)}`;

/**
 * Gatherings (issue 16): the meetings and courses of a BLUP process and of the academy,
 * registrations with a waitlist, check-in on the facilitator's phone. The public calls (guest
 * registration, confirm, cancel) need no session, only the CSRF cookie the app fetches at start.
 */
@Injectable({ providedIn: 'root' })
export class GatheringsApi {
  private readonly http = inject(HttpClient);

  list(query: GatheringListQuery = {}): Observable<GatheringPage> {
    return this.http.get<GatheringPage>('/api/gatherings', { params: queryParams(query) });
  }

  get(id: string): Observable<GatheringDto> {
    return this.http.get<GatheringDto>(gathering(id));
  }

  create(body: SaveGatheringRequest): Observable<GatheringDto> {
    return this.http.post<GatheringDto>('/api/gatherings', body);
  }

  update(id: string, body: UpdateGatheringRequest): Observable<GatheringDto> {
    return this.http.patch<GatheringDto>(gathering(id), body);
  }

  cancel(id: string, body: CancelGatheringRequest = {}): Observable<GatheringDto> {
    return this.http.post<GatheringDto>(`${gathering(id)}/cancel`, body);
  }

  saveMinutes(id: string, body: SaveMinutesRequest): Observable<GatheringDto> {
    return this.http.put<GatheringDto>(`${gathering(id)}/minutes`, body);
  }

  // The signed-in person's own registration

  register(id: string, body: RegisterRequest = {}): Observable<MyRegistrationDto> {
    return this.http.post<MyRegistrationDto>(`${gathering(id)}/registrations`, body);
  }

  cancelMine(id: string): Observable<void> {
    return this.http.delete<void>(`${gathering(id)}/registrations/mine`);
  }

  /** The calendar file's address (a plain link downloads it with the session cookie). */
  calendarUrl(id: string): string {
    return `${gathering(id)}/event.ics`;
  }

  // Organisers

  registrations(id: string, query: RegistrationListQuery = {}): Observable<RegistrationPage> {
    return this.http.get<RegistrationPage>(`${gathering(id)}/registrations`, {
      params: queryParams(query),
    });
  }

  /** The list for the caterer (a plain link downloads it with the session cookie). */
  registrationsCsvUrl(id: string): string {
    return `${gathering(id)}/registrations.csv`;
  }

  checkIn(id: string, body: CheckInRequest): Observable<CheckInResultDto> {
    return this.http.post<CheckInResultDto>(`${gathering(id)}/check-ins`, body);
  }

  undoCheckIn(id: string, registrationId: string): Observable<void> {
    return this.http.delete<void>(
      `${gathering(id)}/check-ins/${encodeURIComponent(registrationId)}`,
    );
  }

  // Public (no account)

  publicGathering(id: string): Observable<PublicGatheringDto> {
    return this.http.get<PublicGatheringDto>(publicGathering(id));
  }

  /** 202 and a mail with the confirmation link. */
  registerGuest(id: string, body: GuestRegisterRequest): Observable<void> {
    return this.http.post<void>(`${publicGathering(id)}/registrations`, body);
  }

  confirmGuest(token: string): Observable<GuestRegistrationDto> {
    return this.http.post<GuestRegistrationDto>('/api/public/gatherings/registrations/confirm', {
      token,
    });
  }

  previewCancel(token: string): Observable<GuestRegistrationDto> {
    return this.http.get<GuestRegistrationDto>('/api/public/gatherings/registrations/cancel', {
      params: queryParams({ token }),
    });
  }

  cancelByToken(token: string): Observable<GuestRegistrationDto> {
    return this.http.post<GuestRegistrationDto>('/api/public/gatherings/registrations/cancel', {
      token,
    });
  }
}
