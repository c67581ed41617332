import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcceptInvitationRequest,
  ChangePasswordRequest,
  CompletePasswordResetRequest,
  InvitationInfo,
  LoginRequest,
  PasswordResetRequest,
  SessionUser,
  SignInLinkRequest,
  TokenRequest,
  UpdateProfileRequest,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { OWN_401 } from '../http/api-error';

/**
 * Sessions, sign-in links, password resets and invitation acceptance. Their callers show a 401
 * themselves (a wrong password, no session yet): OWN_401, no redirect to sign-in.
 */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  /** Sets the XSRF-TOKEN cookie that every state-changing request echoes back. */
  csrf(): Observable<void> {
    return this.http.get<void>('/api/auth/csrf');
  }

  me(): Observable<SessionUser> {
    return this.http.get<SessionUser>('/api/auth/me', OWN_401);
  }

  updateMe(body: UpdateProfileRequest): Observable<SessionUser> {
    return this.http.patch<SessionUser>('/api/auth/me', body);
  }

  login(body: LoginRequest): Observable<SessionUser> {
    return this.http.post<SessionUser>('/api/auth/login', body, OWN_401);
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', {}, OWN_401);
  }

  requestLink(body: SignInLinkRequest): Observable<void> {
    return this.http.post<void>('/api/auth/link', body);
  }

  consumeLink(body: TokenRequest): Observable<SessionUser> {
    return this.http.post<SessionUser>('/api/auth/link/consume', body, OWN_401);
  }

  requestPasswordReset(body: PasswordResetRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password-reset', body);
  }

  completePasswordReset(body: CompletePasswordResetRequest): Observable<SessionUser> {
    return this.http.post<SessionUser>('/api/auth/password-reset/complete', body, OWN_401);
  }

  changePassword(body: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password', body);
  }

  inspectInvitation(body: TokenRequest): Observable<InvitationInfo> {
    return this.http.post<InvitationInfo>('/api/invitations/inspect', body, OWN_401);
  }

  acceptInvitation(body: AcceptInvitationRequest): Observable<SessionUser> {
    return this.http.post<SessionUser>('/api/invitations/accept', body, OWN_401);
  }
}
