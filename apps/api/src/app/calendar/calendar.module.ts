import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** iCal (RFC 5545): each person's secret feed and each session's .ics file. */
@Module({ controllers: [CalendarController], providers: [CalendarService] })
export class CalendarModule {}
