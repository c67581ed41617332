import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AttendanceRowDto, Page, SessionDto } from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PageQueryDto } from '../common/pagination';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import {
  AttendanceRowResponse,
  RecordAttendanceBody,
  RsvpBody,
  SessionResponse,
  UpdateSessionOutcomeBody,
} from './participation.dto';
import { SessionPageService } from './session-page.service';

const NOT_FOUND = 'No such session, or not one you may see.';

@ApiTags('sessions')
@ApiCookieAuth()
@Controller('sessions')
export class SessionsController {
  constructor(private readonly service: SessionPageService) {}

  @Get(':id')
  @ApiOkResponse({
    type: SessionResponse,
    description: 'The session page: agenda, materials, join link, answers and attendance counts.',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentUser() user: AuthUser, @IdParam('session') id: string): Promise<SessionDto> {
    return this.service.get(user, id);
  }

  @Put(':id/rsvp')
  @ApiOkResponse({ type: SessionResponse })
  @ApiBadRequestResponse({
    description: 'The session is cancelled (session_cancelled) or over (session_over).',
  })
  @ApiForbiddenResponse({ description: 'Only members and guests answer (rsvp_not_allowed).' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  rsvp(
    @CurrentUser() user: AuthUser,
    @IdParam('session') id: string,
    @Body() body: RsvpBody,
  ): Promise<SessionDto> {
    return this.service.rsvp(user, id, body.answer);
  }

  @Get(':id/attendance')
  @ApiPageResponse(
    AttendanceRowResponse,
    'The members and guests of the circle with their answer and recorded attendance, by name.',
  )
  @ApiNotFoundResponse({ description: NOT_FOUND })
  attendance(
    @CurrentUser() user: AuthUser,
    @IdParam('session') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<AttendanceRowDto>> {
    return this.service.attendance(user, id, query);
  }

  @Put(':id/attendance')
  @ApiOkResponse({
    type: SessionResponse,
    description: 'All entries are written, or none. A planned session becomes held.',
  })
  @ApiBadRequestResponse({
    description:
      'Someone is not in the circle (not_circle_member, params.name), the session is cancelled or has not started.',
  })
  @ApiForbiddenResponse({ description: 'Only the facilitators (the secretariat) take attendance.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  recordAttendance(
    @CurrentUser() user: AuthUser,
    @IdParam('session') id: string,
    @Body() body: RecordAttendanceBody,
  ): Promise<SessionDto> {
    return this.service.recordAttendance(user, id, body);
  }

  @Put(':id/outcome')
  @ApiOkResponse({ type: SessionResponse })
  @ApiBadRequestResponse({
    description:
      'A field is invalid, or a next step’s owner is not in the circle (not_circle_member).',
  })
  @ApiForbiddenResponse({
    description: 'Only the secretariat and the village’s coordination group write the outcome.',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  updateOutcome(
    @CurrentUser() user: AuthUser,
    @IdParam('session') id: string,
    @Body() body: UpdateSessionOutcomeBody,
  ): Promise<SessionDto> {
    return this.service.updateOutcome(user, id, body);
  }
}
