import { Module } from '@nestjs/common';

/** Circles, the cohort calendar plan, adjusting and cancelling sessions, the cohort grid. */
@Module({})
export class CirclesModule {}
