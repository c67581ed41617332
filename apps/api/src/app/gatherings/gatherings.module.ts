import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { INFO_MEETINGS_QUEUE } from './info-meetings.constants';
import { InfoMeetingReminderProducer } from './info-meeting-reminders.producer';
import { InfoMeetingRemindersProcessor } from './info-meeting-reminders.processor';
import { InfoMeetingsController } from './info-meetings.controller';
import { InfoMeetingsService } from './info-meetings.service';
import { GatheringLookup } from './gathering-lookup.service';
import { GatheringMailer } from './gathering-mailer';
import { GatheringsController } from './gatherings.controller';
import { GatheringsService } from './gatherings.service';
import { PublicGatheringsController } from './public-gatherings.controller';
import { RegistrationsService } from './registrations.service';

/**
 * Gatherings (issue 16): workshops, courses, conferences and the info meetings of enrolment
 * (issue 6), one model in `gatherings` and `gathering_registrations`. The reminder producer runs
 * in every role; the processor (and its start-up sweep) only where workers run.
 */
@Module({})
export class GatheringsModule {
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: GatheringsModule,
      imports: [AuthModule, BullModule.registerQueue({ name: INFO_MEETINGS_QUEUE })],
      controllers: [InfoMeetingsController, GatheringsController, PublicGatheringsController],
      providers: [
        InfoMeetingsService,
        InfoMeetingReminderProducer,
        GatheringLookup,
        GatheringMailer,
        GatheringsService,
        RegistrationsService,
        ...(options.worker ? [InfoMeetingRemindersProcessor] : []),
      ],
    };
  }
}
