import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { ExportBuilder, type BuildResult } from './export-builder';
import {
  BUILD_EXPORT_JOB,
  EXPIRE_EXPORTS_JOB,
  EXPIRE_EXPORTS_OPTIONS,
  PRIVACY_QUEUE,
} from './privacy.constants';

export interface BuildExportJob {
  exportId: string;
}

/** Worker role only: builds exports, and once an hour retires the expired ones. */
@Processor(PRIVACY_QUEUE)
export class ExportProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(ExportProcessor.name);

  constructor(
    @InjectQueue(PRIVACY_QUEUE) private readonly queue: Queue,
    private readonly builder: ExportBuilder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.add(EXPIRE_EXPORTS_JOB, {}, EXPIRE_EXPORTS_OPTIONS);
    } catch (error) {
      this.logger.error(`Scheduling the export housekeeping failed: ${String(error)}`);
    }
  }

  @Process(BUILD_EXPORT_JOB)
  build(job: Job<BuildExportJob>): Promise<BuildResult> {
    return this.builder.build(job.data.exportId);
  }

  @Process(EXPIRE_EXPORTS_JOB)
  async expire(): Promise<{ expired: number }> {
    return { expired: await this.builder.expire() };
  }
}
