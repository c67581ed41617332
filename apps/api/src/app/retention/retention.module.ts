import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CitizenPanelModule } from '../citizen-panel/citizen-panel.module';
import { SurveysModule } from '../surveys/surveys.module';
import { RETENTION_QUEUE } from './retention.constants';
import { RetentionProcessor } from './retention.processor';
import { RetentionService } from './retention.service';

/**
 * Retention of personal data (issue 17; docs/architecture.md "Retention"). RetentionService runs
 * in every role (tests and an admin may run it); the nightly processor only where workers run.
 * The owners registered with options (gatherings, applications, hotline, newsletter-delivery)
 * are not imported again: RetentionService finds their services in the app's own copies.
 */
@Module({})
export class RetentionModule {
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: RetentionModule,
      imports: [
        BullModule.registerQueue({ name: RETENTION_QUEUE }),
        AuthModule,
        CitizenPanelModule,
        SurveysModule,
      ],
      providers: [RetentionService, ...(options.worker ? [RetentionProcessor] : [])],
      exports: [RetentionService],
    };
  }
}
