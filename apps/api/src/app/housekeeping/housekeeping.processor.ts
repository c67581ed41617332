import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { OneTimeTokenService } from '../auth/one-time-token.service';
import { SessionService } from '../auth/session.service';
import {
  HOUSEKEEPING_QUEUE,
  PURGE_JOB,
  PURGE_OPTIONS,
  TOKEN_RETENTION_DAYS,
} from './housekeeping.constants';

export interface PurgeResult {
  sessions: number;
  tokens: number;
}

/** Worker role only: drops expired sessions and old one-time tokens every hour. */
@Processor(HOUSEKEEPING_QUEUE)
export class HousekeepingProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(HousekeepingProcessor.name);

  constructor(
    @InjectQueue(HOUSEKEEPING_QUEUE) private readonly queue: Queue,
    private readonly sessions: SessionService,
    private readonly tokens: OneTimeTokenService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add(PURGE_JOB, {}, PURGE_OPTIONS);
  }

  @Process(PURGE_JOB)
  async purge(): Promise<PurgeResult> {
    const sessions = await this.sessions.purgeExpired();
    const tokens = await this.tokens.purgeExpired(TOKEN_RETENTION_DAYS);
    this.logger.log({ msg: 'housekeeping', sessions, tokens });
    return { sessions, tokens };
  }
}
