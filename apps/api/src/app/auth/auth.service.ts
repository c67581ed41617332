import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, type SessionUser } from '@blup/contracts';
import type { Request, Response } from 'express';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AppException, fieldError } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { User } from '../database/entities';
import { MailProducer } from '../mail/mail.producer';
import { AuthUser, sessionUserFromEntity } from './auth-user';
import { findUserWithPassword, getUserWithPassword } from './auth.queries';
import {
  ChangePasswordDto,
  CompletePasswordResetDto,
  LoginDto,
  PasswordResetDto,
  SignInLinkDto,
  TokenDto,
  UpdateProfileDto,
} from './dto/auth.dto';
import { OneTimeTokenService } from './one-time-token.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { SignInRateLimiter } from './sign-in-rate-limiter';

export const WRONG_CREDENTIALS = 'Wrong email or password.';
export const LINK_GONE =
  'This sign-in link has already been used or has expired. Ask for a new one on the sign-in page.';
export const RESET_GONE =
  'This password-reset link has already been used or has expired. Ask for a new one with “Forgot your password?” on the sign-in page.';

/** The request and response a sign-in needs: the old session to end, the cookie to set. */
export interface HttpPair {
  req: Request & { user?: AuthUser };
  res: Response;
}

/** Signing in and out, links by mail, passwords. Every answer about accounts is the same for unknown emails. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly passwords: PasswordService,
    private readonly tokens: OneTimeTokenService,
    private readonly limiter: SignInRateLimiter,
    private readonly mail: MailProducer,
  ) {}

  async login(dto: LoginDto, http: HttpPair): Promise<SessionUser> {
    // Only failures count (per address and per account): a village hall behind one address is
    // never locked out by people who sign in correctly.
    await this.limiter.assertLoginOpen(http.req.ip, dto.email);
    const user = await findUserWithPassword(this.users, dto.email);
    // Always runs argon2, against a throwaway hash when there is no account or no password.
    const matches = await this.passwords.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !matches || user.disabledAt) {
      await this.limiter.recordLoginFailure(http.req.ip, dto.email);
      throw new AppException(
        HttpStatus.UNAUTHORIZED,
        ErrorCode.WrongCredentials,
        WRONG_CREDENTIALS,
      );
    }
    await this.limiter.clearAccount(dto.email);
    return this.signIn(user.id, http);
  }

  /** Ends the session the request came with, if any. Answers the same without one. */
  async logout(http: HttpPair): Promise<void> {
    if (http.req.user) await this.sessions.end(http.req.user.sessionId, http.res);
    else this.sessions.clearCookie(http.res);
  }

  async me(userId: string): Promise<SessionUser> {
    const user = await this.users.findOne({
      where: { id: userId },
      relations: { municipality: true, village: true },
    });
    if (!user)
      throw new AppException(
        HttpStatus.NOT_FOUND,
        ErrorCode.NotFound,
        'Your account no longer exists.',
      );
    return sessionUserFromEntity(user);
  }

  async updateProfile(actor: AuthUser, dto: UpdateProfileDto): Promise<SessionUser> {
    const changes: Partial<User> = {};
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.locale !== undefined) changes.locale = dto.locale;
    if (Object.keys(changes).length) {
      await this.users.update(actor.id, changes);
      this.sessions.forgetUser(actor.id);
    }
    return this.me(actor.id);
  }

  /** Mails a one-time sign-in link to a known, enabled account; silent otherwise. */
  async requestSignInLink(dto: SignInLinkDto, ip: string | undefined): Promise<void> {
    await this.limiter.countIp('link', ip);
    const user = await this.users.findOneBy({ email: dto.email, disabledAt: IsNull() });
    if (!user) return;
    const token = await this.tokens.issue(
      'sign_in_link',
      user.id,
      this.config.linkTtlMinutes * 60_000,
    );
    await this.mail.send({
      to: user.email,
      template: 'sign_in_link',
      locale: user.locale,
      data: {
        name: user.name,
        url: this.link('/auth/link', token),
        minutes: this.config.linkTtlMinutes,
      },
    });
  }

  async consumeSignInLink(dto: TokenDto, http: HttpPair): Promise<SessionUser> {
    const userId = await this.tokens.consume('sign_in_link', dto.token);
    if (!userId) throw new AppException(HttpStatus.GONE, ErrorCode.SignInLinkGone, LINK_GONE);
    const user = await this.users.findOneByOrFail({ id: userId });
    // Proving the mailbox is as good as a password: a lock from failed attempts no longer applies.
    await this.limiter.clearAccount(user.email);
    return this.signIn(userId, http);
  }

  /** Mails a password-reset link to a known, enabled account; silent otherwise. */
  async requestPasswordReset(dto: PasswordResetDto, ip: string | undefined): Promise<void> {
    await this.limiter.countIp('password-reset', ip);
    const user = await this.users.findOneBy({ email: dto.email, disabledAt: IsNull() });
    if (!user) return;
    const token = await this.tokens.issue(
      'password_reset',
      user.id,
      this.config.linkTtlMinutes * 60_000,
    );
    await this.mail.send({
      to: user.email,
      template: 'password_reset',
      locale: user.locale,
      data: {
        name: user.name,
        url: this.link('/auth/reset', token),
        minutes: this.config.linkTtlMinutes,
      },
    });
  }

  /** Sets the new password, ends every session the person had, and signs them in afresh. */
  async completePasswordReset(dto: CompletePasswordResetDto, http: HttpPair): Promise<SessionUser> {
    const passwordHash = await this.passwords.hash(dto.password);
    const user = await this.dataSource.transaction(async (manager) => {
      const userId = await this.tokens.consume('password_reset', dto.token, manager);
      if (!userId)
        throw new AppException(HttpStatus.GONE, ErrorCode.PasswordResetLinkGone, RESET_GONE);
      await manager.getRepository(User).update(userId, { passwordHash });
      await this.tokens.revokeAll('password_reset', userId, manager);
      return manager.getRepository(User).findOneByOrFail({ id: userId });
    });
    await this.sessions.endAllFor(user.id);
    await this.limiter.clearAccount(user.email);
    return this.signIn(user.id, http);
  }

  /** Checks the current password, sets the new one, ends every other session and rotates this one. */
  async changePassword(actor: AuthUser, dto: ChangePasswordDto, http: HttpPair): Promise<void> {
    await this.limiter.assertAccountOpen(actor.email);
    const user = await getUserWithPassword(this.users, actor.id);
    if (!user.passwordHash) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.NoPasswordToChange,
        'You have no password yet, so there is none to change. Sign out and use “Forgot your password?” to choose one.',
      );
    }
    if (!(await this.passwords.verify(user.passwordHash, dto.currentPassword))) {
      await this.limiter.recordAccountFailure(actor.email);
      throw fieldError(
        ErrorCode.CurrentPasswordWrong,
        'currentPassword',
        'Your current password is not right.',
      );
    }
    await this.users.update(actor.id, { passwordHash: await this.passwords.hash(dto.newPassword) });
    const sessionId = await this.sessions.start(actor.id, http.req, http.res);
    await this.sessions.endAllFor(actor.id, sessionId);
  }

  /**
   * Starts a new session (a new id every time, ending the one the request came with) and marks
   * the person active the first time. Used by every way of signing in.
   */
  async signIn(userId: string, http: HttpPair): Promise<SessionUser> {
    await this.users.update({ id: userId, activatedAt: IsNull() }, { activatedAt: () => 'now()' });
    if (http.req.user) await this.sessions.discard(http.req.user.sessionId);
    await this.sessions.start(userId, http.req, http.res);
    return this.me(userId);
  }

  private link(path: string, token: string): string {
    return `${this.config.publicUrl}${path}?token=${encodeURIComponent(token)}`;
  }
}
