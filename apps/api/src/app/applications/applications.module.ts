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

/** Applications for a full process and approval (issue 6); info meetings moved to gatherings. */
@Module({})
export class ApplicationsModule {
  static register(): DynamicModule {
    return {
      module: ApplicationsModule,
      imports: [AuthModule, EnrolmentModule, OrganisationsModule],
      controllers: [ApplicationsController],
      providers: [
        ApplicationIntakeService,
        ApplicationAgreementsService,
        ApplicationListsService,
        ApplicationDecisionsService,
        AgreementUploadInterceptor,
      ],
    };
  }
}
