import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { RETENTION_JOB, RETENTION_OPTIONS, RETENTION_QUEUE } from './retention.constants';
import { RetentionService, type RetentionResult } from './retention.service';

/** Worker role only: runs the retention of personal data every night (issue 17). */
@Processor(RETENTION_QUEUE)
export class RetentionProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionProcessor.name);

  constructor(
    @InjectQueue(RETENTION_QUEUE) private readonly queue: Queue,
    private readonly retention: RetentionService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add(RETENTION_JOB, {}, RETENTION_OPTIONS);
  }

  @Process(RETENTION_JOB)
  async nightly(): Promise<RetentionResult> {
    const result = await this.retention.runAll(new Date());
    this.logger.log({ msg: 'retention', ...result });
    return result;
  }
}
