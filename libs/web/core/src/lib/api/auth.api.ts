import { HttpClient, HttpContext } from '@angular/common/http';
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
import { HANDLES_UNAUTHORIZED } from '../http/api-error';

/** The caller shows a 401 itself (wrong password, no session yet): no redirect to sign-in. */
const own401 = { context: new HttpContext().set(HANDLES_UNAUTHORIZED, true) };

/** Sessions, sign-in links, password resets and invitation acceptance. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  /** Sets the XSRF-TOKEN cookie that every state-changing request echoes back. */
  csrf(): Observable<void> {
    return this.http.get<void>('/api/auth/csrf');
  }

  me(): Observable<SessionUser> {
    return this.http.get<SessionUser>('/api/auth/me', own401);
  }

  updateMe(body: UpdateProfileRequest): Observable<SessionUser> {
    return this.http.patch<SessionUser>('/api/auth/me', body);
  }

  login(body: LoginRequest): Observable<SessionUser> {
    return this.http.post<SessionUser>('/api/auth/login', body, own401);
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', {}, own401);
  }

  requestLink(body: SignInLinkRequest): Observable<void> {
    return this.http.post<void>('/api/auth/link', body);
  }

  consumeLink(body: TokenRequest): Observable<SessionUser> {
    return this.http.post<SessionUser>('/api/auth/link/consume', body, own401);
  }

  requestPasswordReset(body: PasswordResetRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password-reset', body);
  }

  completePasswordReset(body: CompletePasswordResetRequest): Observable<SessionUser> {
    return this.http.post<SessionUser>('/api/auth/password-reset/complete', body, own401);
  }

  changePassword(body: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password', body);
  }

  inspectInvitation(body: TokenRequest): Observable<InvitationInfo> {
    return this.http.post<InvitationInfo>('/api/invitations/inspect', body, own401);
  }

  acceptInvitation(body: AcceptInvitationRequest): Observable<SessionUser> {
    return this.http.post<SessionUser>('/api/invitations/accept', body, own401);
  }
}
