import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EnrolmentModule } from '../enrolment/enrolment.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AgreementUploadInterceptor } from './agreement-upload.interceptor';
import { ApplicationsController } from './applications.controller';
import { ApplicationAgreementsService } from './application-agreements.service';
import { ApplicationDecisionsService } from './application-decisions.service';
import { ApplicationIntakeService } from './application-intake.service';
import { ApplicationListsService } from './application-lists.service';
import { INFO_MEETINGS_QUEUE } from './info-meetings.constants';
import { InfoMeetingReminderProducer } from './info-meeting-reminders.producer';
import { InfoMeetingRemindersProcessor } from './info-meeting-reminders.processor';
import { InfoMeetingsController } from './info-meetings.controller';
import { InfoMeetingsService } from './info-meetings.service';

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
        AuthModule,
        EnrolmentModule,
        OrganisationsModule,
        BullModule.registerQueue({ name: INFO_MEETINGS_QUEUE }),
      ],
      controllers: [ApplicationsController, InfoMeetingsController],
      providers: [
        ApplicationIntakeService,
        ApplicationAgreementsService,
        ApplicationListsService,
        ApplicationDecisionsService,
        InfoMeetingsService,
        InfoMeetingReminderProducer,
        AgreementUploadInterceptor,
        ...(options.worker ? [InfoMeetingRemindersProcessor] : []),
      ],
    };
  }
}
