import { Module } from '@nestjs/common';

/** Each village's citizen panel: sign-up, double opt-in, consent, preferences, CSV import (issue 5). */
@Module({})
export class CitizenPanelModule {}
