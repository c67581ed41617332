import { Module } from '@nestjs/common';

/** The session page, answers (RSVP), attendance, notes and next steps, my sessions. */
@Module({})
export class ParticipationModule {}
