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
import type { ChainableCommander } from 'ioredis';
import { createHash } from 'node:crypto';
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
  'login' | 'link' | 'password-reset' | 'panel-sign-up' | 'application' | 'info-meeting-sign-up';

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

/** Runs a MULTI and returns each command's reply, throwing the first error. */
async function results<T extends unknown[]>(multi: ChainableCommander): Promise<T> {
  const replies = await multi.exec();
  if (!replies) throw new Error('The Redis transaction was discarded.');
  const failed = replies.find(([error]) => error);
  if (failed) throw failed[0];
  return replies.map(([, reply]) => reply) as T;
}

/** "in 40 seconds", "in 1 minute", "in 15 minutes". */
export function waitPhrase(seconds: number): string {
  if (seconds < 60) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/**
 * Fixed-window counters in Redis: every attempt per IP address and action (sign-ins and the
 * public forms: panel sign-up, applications, info-meeting sign-up), and failed password
 * checks per account (keyed by a hash of the email, so addresses never sit in Redis). A window
 * starts at the first count and lasts config.rateLimit.windowSeconds.
 */
@Injectable()
export class SignInRateLimiter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {}

  /** Counts one attempt from this address; throws 429 once it is over the limit. */
  async countIp(action: IpAction, ip: string | null | undefined): Promise<void> {
    const { count, ttl } = await this.increment(
      this.redis.key('rl', 'ip', action, ip || 'unknown'),
    );
    if (count > this.config.rateLimit.perIp) {
      const { code, message } = IP_LIMITS[action];
      throw new TooManyAttemptsException(ttl, code, message(waitPhrase(ttl)));
    }
  }

  /** Throws 429 while this account has used up its failed attempts. */
  async assertAccountOpen(email: string): Promise<void> {
    const key = this.accountKey(email);
    const [count, ttl] = await results<[string | null, number]>(
      this.redis.client.multi().get(key).ttl(key),
    );
    if (Number(count ?? 0) < this.config.rateLimit.perAccount) return;
    const wait = this.remaining(ttl);
    throw new TooManyAttemptsException(
      wait,
      ErrorCode.SignInRateLimited,
      `Too many failed sign-ins for this account. Try again ${waitPhrase(wait)}, or ask for a sign-in link by email instead.`,
    );
  }

  async recordFailure(email: string): Promise<void> {
    await this.increment(this.accountKey(email));
  }

  /** After a successful sign-in (or a new password), the account starts afresh. */
  async clearAccount(email: string): Promise<void> {
    await this.redis.client.del(this.accountKey(email));
  }

  private accountKey(email: string): string {
    const digest = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
    return this.redis.key('rl', 'account', digest);
  }

  private async increment(key: string): Promise<{ count: number; ttl: number }> {
    const window = this.config.rateLimit.windowSeconds;
    const [count, , ttl] = await results<[number, unknown, number]>(
      this.redis.client.multi().incr(key).expire(key, window, 'NX').ttl(key),
    );
    return { count, ttl: this.remaining(ttl) };
  }

  /** TTL answers -1/-2 for keys without expiry or gone; never tell someone to wait 0 or less. */
  private remaining(ttl: number): number {
    return ttl > 0 ? ttl : this.config.rateLimit.windowSeconds;
  }
}
