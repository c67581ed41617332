import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CirclesModule } from './circles/circles.module';
import { SessionEventsModule } from './circles/session-events.module';
import { AppConfig } from './config/app-config';
import { FlushLogsOnShutdown } from './common/logger';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { CoursesModule } from './courses/courses.module';
import { DemoModule } from './demo/demo.module';
import { FilesModule } from './files/files.module';
import { HealthModule } from './health/health.module';
import { HomeModule } from './home/home.module';
import { HousekeepingModule } from './housekeeping/housekeeping.module';
import { MailModule } from './mail/mail.module';
import { GoalsModule } from './goals/goals.module';
import { InitiativesModule } from './initiatives/initiatives.module';
import { IdeasModule } from './ideas/ideas.module';
import { LibraryModule } from './library/library.module';
import { HotlineModule } from './hotline/hotline.module';
import { PlansModule } from './plans/plans.module';
import { SurveysModule } from './surveys/surveys.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ProgressModule } from './progress/progress.module';
import { ParticipationModule } from './participation/participation.module';
import { PeopleModule } from './people/people.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './queue/redis.module';
import { RemindersModule } from './reminders/reminders.module';
import { VideoModule } from './video/video.module';
import { NewslettersModule } from './newsletters/newsletters.module';
import { NewsletterDeliveryModule } from './newsletter-delivery/newsletter-delivery.module';
import { CitizenPanelModule } from './citizen-panel/citizen-panel.module';
import { EnrolmentModule } from './enrolment/enrolment.module';
import { ApplicationsModule } from './applications/applications.module';
import { GatheringsModule } from './gatherings/gatherings.module';
import { PrivacyModule } from './privacy/privacy.module';
import { RetentionModule } from './retention/retention.module';

/**
 * What this process runs. `api` serves HTTP, `worker` processes the Bull queues, `all` does both
 * (what `npm start` runs). The same build serves every role.
 */
export type ProcessRole = 'api' | 'worker' | 'all';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, role: ProcessRole): DynamicModule {
    const worker = role !== 'api';
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(
          dataSourceOptions(config.databaseUrl, {
            prepared: config.preparedStatements,
            poolSize: config.poolSize,
          }),
        ),
        FilesModule,
        RedisModule,
        QueueModule,
        MailModule.register({ worker }),
        HousekeepingModule.register({ worker }),
        HealthModule,
        AuthModule,
        OrganisationsModule,
        PeopleModule,
        HomeModule,
        CoursesModule,
        ProgressModule,
        DemoModule,
        VideoModule.register({ worker }),
        SessionEventsModule,
        CirclesModule,
        ParticipationModule,
        CalendarModule,
        RemindersModule.register({ worker }),
        CitizenPanelModule,
        NewslettersModule,
        NewsletterDeliveryModule.register({ worker }),
        EnrolmentModule,
        ApplicationsModule.register(),
        GatheringsModule.register({ worker }),
        GoalsModule,
        InitiativesModule,
        IdeasModule,
        LibraryModule,
        PlansModule,
        SurveysModule,
        HotlineModule.register({ worker }),
        PrivacyModule.register({ worker }),
        RetentionModule.register({ worker }),
      ],
      providers: [FlushLogsOnShutdown],
    };
  }
}
