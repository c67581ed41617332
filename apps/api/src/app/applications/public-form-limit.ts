import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import { TooManyAttemptsException, waitPhrase } from '../auth/sign-in-rate-limiter';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisService } from '../queue/redis.module';

/** The public forms of issue 6, each counted in its own bucket per IP address. */
export type PublicForm = 'application' | 'info-meeting-sign-up';

const FORMS: Record<PublicForm, { code: ErrorCode; message: (wait: string) => string }> = {
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
 * Per-IP limit on the public application form and info-meeting sign-up, with the same limit
 * and window as sign-ins (SIGNIN_LIMIT_PER_IP, SIGNIN_LIMIT_WINDOW_SECONDS), as the citizen
 * panel's sign-up does. Over the limit → 429 (Retry-After via RetryAfterFilter); call it before
 * anything is stored.
 */
@Injectable()
export class PublicFormLimit {
  constructor(
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async count(form: PublicForm, ip: string | null | undefined): Promise<void> {
    const key = this.redis.key('rl', 'ip', form, ip || 'unknown');
    const window = this.config.rateLimit.windowSeconds;
    const replies = await this.redis.client
      .multi()
      .incr(key)
      .expire(key, window, 'NX')
      .ttl(key)
      .exec();
    const count = Number(replies?.[0]?.[1] ?? 0);
    const ttlReply = Number(replies?.[2]?.[1] ?? -1);
    const ttl = ttlReply > 0 ? ttlReply : window;
    if (count > this.config.rateLimit.perIp) {
      const { code, message } = FORMS[form];
      throw new TooManyAttemptsException(ttl, code, message(waitPhrase(ttl)));
    }
  }
}
