import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { ErasureRunner, type ErasureRunResult } from './erasure-runner.service';
import {
  ERASURE_JOB,
  ERASURE_JOB_OPTIONS,
  ERASURE_SCAN_JOB,
  ERASURE_SCAN_OPTIONS,
  PRIVACY_QUEUE,
} from './privacy.constants';

/**
 * Worker role only: runs erasure requests as they are approved, and every ten minutes looks for
 * those whose cool-off has ended (and approved ones whose job was lost, or runs whose worker died).
 */
@Processor(PRIVACY_QUEUE)
export class ErasureProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(ErasureProcessor.name);

  constructor(
    @InjectQueue(PRIVACY_QUEUE) private readonly queue: Queue,
    private readonly runner: ErasureRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add(ERASURE_SCAN_JOB, {}, ERASURE_SCAN_OPTIONS);
  }

  @Process(ERASURE_SCAN_JOB)
  async scan(): Promise<{ queued: number }> {
    const ids = await this.runner.due(new Date());
    for (const requestId of ids) {
      await this.queue.add(ERASURE_JOB, { requestId }, ERASURE_JOB_OPTIONS);
    }
    if (ids.length > 0) this.logger.log({ msg: 'erasures due', count: ids.length });
    return { queued: ids.length };
  }

  @Process(ERASURE_JOB)
  run(job: Job<{ requestId: string }>): Promise<ErasureRunResult> {
    return this.runner.run(job.data.requestId);
  }
}
