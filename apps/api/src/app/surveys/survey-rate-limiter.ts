import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyAttemptsException, waitPhrase } from '../auth/sign-in-rate-limiter';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisService } from '../queue/redis.module';

/**
 * Answers from one IP address in the rate-limit window: many more than a public form's, since
 * a whole village hall may answer from its one Wi-Fi after a meeting (20 × SIGNIN_LIMIT_PER_IP,
 * 600 by default per 15 minutes). The address is only a Redis key for the window; it is never
 * stored with the answers.
 */
export const ANSWERS_PER_IP_FACTOR = 20;

@Injectable()
export class SurveyRateLimiter {
  private readonly limiter: RateLimiterRedis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    redis: RedisService,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: redis.key('rl', 'ip', 'survey-answer'),
      points: config.rateLimit.perIp * ANSWERS_PER_IP_FACTOR,
      duration: config.rateLimit.windowSeconds,
    });
  }

  /** Counts one answer from this address; throws 429 once it is over the limit. */
  async count(ip: string | null | undefined): Promise<void> {
    try {
      await this.limiter.consume(ip || 'unknown');
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const wait =
        rejection.msBeforeNext > 0
          ? Math.ceil(rejection.msBeforeNext / 1000)
          : this.config.rateLimit.windowSeconds;
      throw new TooManyAttemptsException(
        wait,
        ErrorCode.SurveyRateLimited,
        `Many answers came from your network just now. Try again ${waitPhrase(wait)}.`,
      );
    }
  }
}
