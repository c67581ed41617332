import { Module } from '@nestjs/common';

/** Offerings, enrolments, waitlists, invoices; access follows enrolment (issue 6). */
@Module({})
export class EnrolmentModule {}
