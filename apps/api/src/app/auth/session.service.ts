import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { LessThan, Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UserSession } from '../database/entities';
import type { AuthUser } from './auth-user';
import { deleteSessionsOf, findLiveSession, type SessionRow } from './auth.queries';
import { SessionCache } from './session-cache';
import { sessionCookieName, sessionCookieOptions } from './cookies';
import { hashToken, looksLikeToken, newToken } from './tokens';

/** Sliding expiry is written at most this often per session, not on every request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/** Server-side sessions in PostgreSQL, behind an HttpOnly cookie holding a random token. */
@Injectable()
export class SessionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(UserSession) private readonly sessions: Repository<UserSession>,
    private readonly cache: SessionCache,
  ) {}

  get cookieName(): string {
    return sessionCookieName(this.config);
  }

  /** Starts a fresh session (a new id every sign-in) and sets its cookie. */
  async start(userId: string, req: Request, res: Response): Promise<string> {
    const token = newToken();
    const now = new Date();
    const session = await this.sessions.save(
      this.sessions.create({
        tokenHash: hashToken(token),
        userId,
        lastSeenAt: now,
        expiresAt: this.expiryFrom(now),
        ip: (req.ip ?? null)?.slice(0, 64) ?? null,
        userAgent: req.header('user-agent')?.slice(0, 256) ?? null,
      }),
    );
    res.cookie(this.cookieName, token, sessionCookieOptions(this.config));
    return session.id;
  }

  /** The person behind the request's cookie, or null when there is none, it expired, or they are disabled. */
  async resolve(req: Request): Promise<AuthUser | null> {
    const token: unknown = req.cookies?.[this.cookieName];
    if (!looksLikeToken(token)) return null;
    const tokenHash = hashToken(token);
    const cached = this.cache.lookup(tokenHash);
    let row: SessionRow;
    if (cached.row) {
      row = cached.row;
    } else {
      const found = await findLiveSession(this.sessions.manager, tokenHash);
      if (!found) return null;
      this.cache.keep(tokenHash, found, found.expires_at, cached.ticket);
      row = found;
    }
    const now = Date.now();
    if (now - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      const expiresAt = this.expiryFrom(new Date(now));
      await this.sessions.update(row.session_id, { lastSeenAt: new Date(now), expiresAt });
      row.last_seen_at = new Date(now);
      row.expires_at = expiresAt;
    }
    return {
      sessionId: row.session_id,
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      locale: row.locale,
      municipalityId: row.municipality_id,
      villageId: row.village_id,
      coordinationGroup: row.coordination_group,
      learnerKind: row.learner_kind,
      municipalityName: row.municipality_name,
      villageName: row.village_name,
    };
  }

  /** Ends one session and clears its cookie. */
  async end(sessionId: string, res: Response): Promise<void> {
    await this.sessions.delete({ id: sessionId });
    this.cache.forgetSession(sessionId);
    this.clearCookie(res);
  }

  /** Ends one session without touching cookies (the response is about to carry a new one). */
  async discard(sessionId: string): Promise<void> {
    await this.sessions.delete({ id: sessionId });
    this.cache.forgetSession(sessionId);
  }

  clearCookie(res: Response): void {
    const { maxAge: _maxAge, ...options } = sessionCookieOptions(this.config);
    res.clearCookie(this.cookieName, options);
  }

  /** Ends every session of a person, except perhaps the one they are using. */
  async endAllFor(userId: string, exceptSessionId?: string): Promise<void> {
    await deleteSessionsOf(this.sessions, userId, exceptSessionId);
    this.cache.forgetUser(userId);
  }

  /**
   * Forgets the kept sessions of a person whose account just changed in this process (the
   * database announces it to every process too, a moment later).
   */
  forgetUser(userId: string): void {
    this.cache.forgetUser(userId);
  }

  /** Housekeeping: drop expired sessions. */
  async purgeExpired(): Promise<number> {
    const result = await this.sessions.delete({ expiresAt: LessThan(new Date()) });
    return result.affected ?? 0;
  }

  private expiryFrom(now: Date): Date {
    return new Date(now.getTime() + this.config.sessionIdleHours * 3600 * 1000);
  }
}
