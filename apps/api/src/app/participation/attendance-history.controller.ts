import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type {
  AttendanceHistoryEntry,
  Page,
  SessionSummaryDto,
  VillageAttendanceRow,
} from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PageQueryDto } from '../common/pagination';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import { MySessionsService } from './my-sessions.service';
import {
  AttendanceHistoryEntryResponse,
  MySessionsQueryDto,
  SessionSummaryResponse,
  VillageAttendanceRowResponse,
} from './participation.dto';

@ApiTags('sessions')
@ApiCookieAuth()
@Controller()
export class AttendanceHistoryController {
  constructor(private readonly service: MySessionsService) {}

  @Get('me/sessions')
  @ApiPageResponse(
    SessionSummaryResponse,
    'Sessions of the circles you take part in (the secretariat: that you lead). upcoming: not yet ended, soonest first, cancelled ones included; past: newest first.',
  )
  mySessions(
    @CurrentUser() user: AuthUser,
    @Query() query: MySessionsQueryDto,
  ): Promise<Page<SessionSummaryDto>> {
    return this.service.mySessions(user, query);
  }

  @Get('people/:id/attendance')
  @ApiPageResponse(
    AttendanceHistoryEntryResponse,
    'The person’s attendance at sessions that have started, in circles you may read, newest first.',
  )
  @ApiNotFoundResponse({ description: 'No such person, or not one you may see.' })
  personHistory(
    @CurrentUser() user: AuthUser,
    @IdParam('person') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<AttendanceHistoryEntry>> {
    return this.service.personHistory(user, id, query);
  }

  @Get('villages/:id/attendance')
  @ApiPageResponse(
    VillageAttendanceRowResponse,
    'Per member and guest of the village circle: present, absent, excused across held sessions.',
  )
  @ApiNotFoundResponse({ description: 'No such village circle, or not one you may see.' })
  villageAttendance(
    @CurrentUser() user: AuthUser,
    @IdParam('village') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<VillageAttendanceRow>> {
    return this.service.villageAttendance(user, id, query);
  }
}
