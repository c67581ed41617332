import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisService } from '../queue/redis.module';

/** Takes up to ARGV[2] of the ARGV[1] sends this second allows; returns how many it got. */
const TAKE_SCRIPT = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local granted = math.min(tonumber(ARGV[2]), tonumber(ARGV[1]) - used)
if granted <= 0 then return 0 end
redis.call('INCRBY', KEYS[1], granted)
redis.call('PEXPIRE', KEYS[1], 5000)
return granted
`;

/**
 * The newsletter sending rate (NEWSLETTER_RATE_PER_SECOND), shared by every worker process:
 * one counter per second in Redis. A process takes a few sends at a time (a fifth of the rate at
 * most), so the counter costs one round trip per few messages, and waits for the next second
 * when this one is used up.
 */
@Injectable()
export class SendRateLimiter {
  private window = -1;
  private tokens = 0;
  private rate = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Resolves when one more message may go out. Callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.takeOne());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async takeOne(): Promise<void> {
    const rate = this.config.newsletters.ratePerSecond;
    const chunk = Math.max(1, Math.floor(rate / 5));
    for (;;) {
      const now = Date.now();
      const window = Math.floor(now / 1000);
      if (window === this.window && rate === this.rate && this.tokens > 0) {
        this.tokens--;
        return;
      }
      const granted = Number(
        await this.redis.client.eval(
          TAKE_SCRIPT,
          1,
          this.redis.key('newsletters', 'rate', String(window)),
          rate,
          chunk,
        ),
      );
      this.window = window;
      this.rate = rate;
      this.tokens = granted;
      if (this.tokens > 0) {
        this.tokens--;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, (window + 1) * 1000 - Date.now() + 1));
    }
  }
}
