import { Module } from '@nestjs/common';
import { CirclesModule } from '../circles/circles.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CohortMovesService } from './cohort-moves.service';
import {
  EnrolmentsController,
  OfferingsController,
  PublicOfferingsController,
} from './enrolment.controller';
import { EnrolmentListsService } from './enrolment-lists.service';
import { EnrolmentService } from './enrolment.service';
import { OfferingsService } from './offerings.service';
import { PlacesService } from './places.service';

/** Offerings, enrolments, waitlists, invoices; access follows enrolment (issue 6). */
@Module({
  imports: [CirclesModule, OrganisationsModule],
  controllers: [PublicOfferingsController, OfferingsController, EnrolmentsController],
  providers: [
    OfferingsService,
    EnrolmentService,
    PlacesService,
    CohortMovesService,
    EnrolmentListsService,
  ],
  exports: [EnrolmentService],
})
export class EnrolmentModule {}
