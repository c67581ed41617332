import { Module } from '@nestjs/common';
import { CirclesModule } from '../circles/circles.module';
import {
  EnrolmentsController,
  OfferingsController,
  PublicOfferingsController,
} from './enrolment.controller';
import { EnrolmentService } from './enrolment.service';

/** Offerings, enrolments, waitlists, invoices; access follows enrolment (issue 6). */
@Module({
  imports: [CirclesModule],
  controllers: [PublicOfferingsController, OfferingsController, EnrolmentsController],
  providers: [EnrolmentService],
  exports: [EnrolmentService],
})
export class EnrolmentModule {}
