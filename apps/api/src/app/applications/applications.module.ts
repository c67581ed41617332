import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OneTimeTokenService } from '../auth/one-time-token.service';
import { OneTimeToken } from '../database/entities';
import { EnrolmentModule } from '../enrolment/enrolment.module';
import { AgreementUploadInterceptor } from './agreement-upload.interceptor';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { INFO_MEETINGS_QUEUE } from './info-meetings.constants';
import { InfoMeetingReminderProducer } from './info-meeting-reminders.producer';
import { InfoMeetingRemindersProcessor } from './info-meeting-reminders.processor';
import { InfoMeetingsController } from './info-meetings.controller';
import { InfoMeetingsService } from './info-meetings.service';
import { PublicFormLimit } from './public-form-limit';

/**
 * Applications for a full process, approval, and info meetings (issue 6). The reminder producer
 * runs in every role; the processor (and its start-up sweep) only where workers run.
 */
@Module({})
export class ApplicationsModule {
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: ApplicationsModule,
      imports: [
        EnrolmentModule,
        TypeOrmModule.forFeature([OneTimeToken]),
        BullModule.registerQueue({ name: INFO_MEETINGS_QUEUE }),
      ],
      controllers: [ApplicationsController, InfoMeetingsController],
      providers: [
        ApplicationsService,
        InfoMeetingsService,
        InfoMeetingReminderProducer,
        PublicFormLimit,
        AgreementUploadInterceptor,
        // Approval issues invitation tokens in its own transaction (AuthModule does not export it).
        OneTimeTokenService,
        ...(options.worker ? [InfoMeetingRemindersProcessor] : []),
      ],
    };
  }
}
