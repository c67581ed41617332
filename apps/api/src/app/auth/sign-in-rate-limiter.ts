import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpStatus,
  Inject,
  Injectable,
} from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppException } from '../common/app-exception';
import { GlobalExceptionFilter } from '../common/global-exception.filter';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisService } from '../queue/redis.module';

/**
 * What an IP address is counted for, each in its own bucket: the sign-in actions, and the public
 * forms anyone may send without an account.
 */
export type IpAction =
  | 'login'
  | 'link'
  | 'password-reset'
  | 'panel-sign-up'
  | 'application'
  | 'info-meeting-sign-up'
  | 'gathering-registration'
  | 'idea-vote';

/**
 * How many times the per-IP limit each action allows. A village festival votes on ideas from the
 * hall's one network (or a mobile operator's shared address), so votes get far more room than
 * the forms that send mail.
 */
const IP_FACTOR: Partial<Record<IpAction, number>> = { 'idea-vote': 40 };

const IP_LIMITS: Record<IpAction, { code: ErrorCode; message: (wait: string) => string }> = {
  login: {
    code: ErrorCode.SignInRateLimited,
    message: (wait) =>
      `Too many sign-in attempts from your network. Try again ${wait}, or ask for a sign-in link by email instead.`,
  },
  link: {
    code: ErrorCode.SignInLinkRateLimited,
    message: (wait) =>
      `Too many sign-in links were asked for from your network. Try again ${wait}.`,
  },
  'password-reset': {
    code: ErrorCode.PasswordResetRateLimited,
    message: (wait) =>
      `Too many password resets were asked for from your network. Try again ${wait}.`,
  },
  'panel-sign-up': {
    code: ErrorCode.PanelSignUpRateLimited,
    message: (wait) => `Many sign-ups came from your network just now. Try again ${wait}.`,
  },
  application: {
    code: ErrorCode.ApplicationRateLimited,
    message: (wait) => `Many applications came from your network just now. Try again ${wait}.`,
  },
  'info-meeting-sign-up': {
    code: ErrorCode.InfoMeetingSignUpRateLimited,
    message: (wait) =>
      `Many info-meeting sign-ups came from your network just now. Try again ${wait}.`,
  },
  'gathering-registration': {
    code: ErrorCode.RegistrationRateLimited,
    message: (wait) =>
      `Many registrations came from your network or address just now. Try again ${wait}.`,
  },
  'idea-vote': {
    code: ErrorCode.IdeaVoteRateLimited,
    message: (wait) => `Many votes came from your network just now. Try again ${wait}.`,
  },
};

/**
 * A 429 that knows when the caller may try again (sent as Retry-After), and says so in whole
 * minutes (rounded up) in its params for the translated wording.
 */
export class TooManyAttemptsException extends AppException {
  constructor(
    readonly retryAfterSeconds: number,
    code: ErrorCode,
    message: string,
  ) {
    super(HttpStatus.TOO_MANY_REQUESTS, code, message, {
      params: { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
    });
  }
}

/** Adds Retry-After, then answers in the one error shape. Used by the controllers that rate-limit. */
@Catch(TooManyAttemptsException)
export class RetryAfterFilter implements ExceptionFilter {
  private readonly errors = new GlobalExceptionFilter();

  catch(exception: TooManyAttemptsException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(exception.retryAfterSeconds));
    this.errors.catch(exception, host);
  }
}

/** "in 40 seconds", "in 1 minute", "in 15 minutes". */
export function waitPhrase(seconds: number): string {
  if (seconds < 60) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/**
 * Fixed-window counters in Redis (rate-limiter-flexible's RateLimiterRedis; a window starts at the
 * first count and lasts config.rateLimit.windowSeconds):
 * - sign-in with a password: only FAILED attempts count, per IP address and per account (keyed
 *   by a hash of the email, so addresses never sit in Redis). A village hall behind one address
 *   is never locked out by people who sign in correctly; guessing is.
 * - the public forms that send mail or write (sign-in link, password reset, panel sign-up,
 *   applications, info-meeting sign-up): every request per IP address and form. A sign-in link
 *   request counts whether or not the email has an account, so the limit tells nothing about who
 *   has one.
 */
@Injectable()
export class SignInRateLimiter {
  private readonly ip: Record<IpAction, RateLimiterRedis>;
  private readonly account: RateLimiterRedis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    redis: RedisService,
  ) {
    const { perIp, perAccount, windowSeconds } = config.rateLimit;
    const limiter = (points: number, ...key: string[]): RateLimiterRedis =>
      new RateLimiterRedis({
        storeClient: redis.client,
        keyPrefix: redis.key('rl', ...key),
        points,
        duration: windowSeconds,
      });
    this.ip = Object.fromEntries(
      (Object.keys(IP_LIMITS) as IpAction[]).map((action) => [
        action,
        limiter(perIp * (IP_FACTOR[action] ?? 1), 'ip', action),
      ]),
    ) as Record<IpAction, RateLimiterRedis>;
    this.account = limiter(perAccount, 'account');
  }

  /** Counts one request to a public form from this address; throws 429 once it is over the limit. */
  async countIp(action: Exclude<IpAction, 'login'>, ip: string | null | undefined): Promise<void> {
    try {
      await this.ip[action].consume(ipKey(ip));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw this.ipLimited(action, this.seconds(rejection));
    }
  }

  /**
   * Before checking a password: throws 429 while this address, or this account, has used up its
   * failed attempts. Successful sign-ins are never counted.
   */
  async assertLoginOpen(ip: string | null | undefined, email: string): Promise<void> {
    const fromIp = await this.ip.login.get(ipKey(ip));
    if (fromIp && fromIp.consumedPoints >= this.config.rateLimit.perIp) {
      throw this.ipLimited('login', this.seconds(fromIp));
    }
    await this.assertAccountOpen(email);
  }

  /** A wrong password (or no such account): counts against the address and the account. */
  async recordLoginFailure(ip: string | null | undefined, email: string): Promise<void> {
    await Promise.all([this.ip.login.penalty(ipKey(ip)), this.account.penalty(accountKey(email))]);
  }

  /** Throws 429 while this account has used up its failed attempts. */
  async assertAccountOpen(email: string): Promise<void> {
    const res = await this.account.get(accountKey(email));
    if (!res || res.consumedPoints < this.config.rateLimit.perAccount) return;
    const wait = this.seconds(res);
    throw new TooManyAttemptsException(
      wait,
      ErrorCode.SignInRateLimited,
      `Too many failed sign-ins for this account. Try again ${waitPhrase(wait)}, or ask for a sign-in link by email instead.`,
    );
  }

  /** A failed password check of a signed-in person (changing the password): the account only. */
  async recordAccountFailure(email: string): Promise<void> {
    await this.account.penalty(accountKey(email));
  }

  /** After a successful sign-in (or a new password), the account starts afresh. */
  async clearAccount(email: string): Promise<void> {
    await this.account.delete(accountKey(email));
  }

  private ipLimited(action: IpAction, wait: number): TooManyAttemptsException {
    const { code, message } = IP_LIMITS[action];
    return new TooManyAttemptsException(wait, code, message(waitPhrase(wait)));
  }

  /** Whole seconds until the window ends; never tell someone to wait 0 or less. */
  private seconds(res: RateLimiterRes): number {
    return res.msBeforeNext > 0
      ? Math.ceil(res.msBeforeNext / 1000)
      : this.config.rateLimit.windowSeconds;
  }
}

function ipKey(ip: string | null | undefined): string {
  return ip || 'unknown';
}

function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}
