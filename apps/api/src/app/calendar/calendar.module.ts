import { Module } from '@nestjs/common';

/** iCal (RFC 5545): each person's secret feed and each session's .ics file. */
@Module({})
export class CalendarModule {}
