import { Injectable, computed, effect, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type {
  AcceptInvitationRequest,
  CompletePasswordResetRequest,
  Locale,
  LoginRequest,
  SessionUser,
} from '@blup/contracts';
import { type Observable, defer, finalize, firstValueFrom, tap } from 'rxjs';
import { AuthApi } from '../api/auth.api';
import { I18nService } from '../i18n/i18n.service';
import { invitableRoles } from './permissions';

/**
 * Who is signed in. Every way of starting a session goes through here, so the rest of the
 * app only reads `user()`. While signed in, the language on screen is saved on the profile.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApi);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly current = signal<SessionUser | null>(null);
  private readonly pending = signal(0);
  private restoring: Promise<void> | null = null;
  private savingLocale: Locale | null = null;

  readonly user = this.current.asReadonly();
  readonly loading = computed(() => this.pending() > 0);
  readonly signedIn = computed(() => this.current() !== null);
  readonly role = computed(() => this.current()?.role ?? null);
  readonly invitableRoles = computed(() => invitableRoles(this.current()));
  readonly canInvite = computed(() => this.invitableRoles().length > 0);

  constructor() {
    effect(() => {
      const locale = this.i18n.locale();
      const user = this.current();
      if (user && user.locale !== locale && this.savingLocale !== locale) this.saveLocale(locale);
    });
  }

  /**
   * Asks once per app start whether a session exists. On this path the profile's language wins,
   * since the person may have changed it on another device.
   */
  restore(): Promise<void> {
    this.restoring ??= firstValueFrom(this.track(this.api.me())).then(
      (user) => {
        this.i18n.setLocale(user.locale);
        this.current.set(user);
      },
      () => this.current.set(null),
    );
    return this.restoring;
  }

  signIn(body: LoginRequest): Observable<SessionUser> {
    return this.start(this.api.login(body));
  }

  consumeLink(token: string): Observable<SessionUser> {
    return this.start(this.api.consumeLink({ token }));
  }

  completePasswordReset(body: CompletePasswordResetRequest): Observable<SessionUser> {
    return this.start(this.api.completePasswordReset(body));
  }

  acceptInvitation(body: AcceptInvitationRequest): Observable<SessionUser> {
    return this.start(this.api.acceptInvitation(body));
  }

  /** Replaces the session user after the profile was changed. */
  update(user: SessionUser): void {
    this.current.set(user);
  }

  /** Forgets the session on this side (the server already has, or is about to). */
  clear(): void {
    this.current.set(null);
  }

  signOut(): void {
    this.track(this.api.logout())
      .pipe(
        finalize(() => {
          this.clear();
          void this.router.navigate(['/sign-in']);
        }),
      )
      .subscribe({ error: () => undefined });
  }

  /** A session started on this device keeps the language the person is looking at. */
  private start(request: Observable<SessionUser>): Observable<SessionUser> {
    return this.track(request).pipe(tap((user) => this.current.set(user)));
  }

  private saveLocale(locale: Locale): void {
    this.savingLocale = locale;
    this.api.updateMe({ locale }).subscribe({
      next: (user) => this.current.set(user),
      error: () => (this.savingLocale = null),
    });
  }

  private track<T>(request: Observable<T>): Observable<T> {
    return defer(() => {
      this.pending.update((n) => n + 1);
      return request.pipe(finalize(() => this.pending.update((n) => n - 1)));
    });
  }
}
