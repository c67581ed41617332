import { Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CalendarFeedDto } from '@blup/contracts';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { IdParam } from '../common/id-param';
import { binaryContent } from '../common/openapi';
import { CalendarFeedResponse } from './calendar.dto';
import { CalendarService } from './calendar.service';

const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly service: CalendarService) {}

  @Get('me/calendar-feed')
  @ApiCookieAuth()
  @ApiOkResponse({
    type: CalendarFeedResponse,
    description: 'Your secret calendar address; made the first time you ask.',
  })
  feed(@CurrentUser() user: AuthUser): Promise<CalendarFeedDto> {
    return this.service.feed(user);
  }

  @Post('me/calendar-feed/reset')
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth()
  @ApiOkResponse({
    type: CalendarFeedResponse,
    description: 'A new secret address; the old one stops working at once.',
  })
  reset(@CurrentUser() user: AuthUser): Promise<CalendarFeedDto> {
    return this.service.reset(user);
  }

  @Public()
  @Get('calendar/:token.ics')
  @ApiOkResponse({
    description:
      'Your sessions as an iCalendar feed (RFC 5545): from 90 days back, cancelled ones marked STATUS:CANCELLED.',
    content: binaryContent('text/calendar'),
  })
  @ApiNotFoundResponse({ description: 'No feed at this address, or it was reset.' })
  async feedCalendar(
    @Param('token') token: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = await this.service.feedCalendar(token);
    res.setHeader('Content-Type', CALENDAR_TYPE);
    res.setHeader('Cache-Control', 'private, max-age=300');
    return body;
  }

  @Get('sessions/:id/calendar.ics')
  @ApiCookieAuth()
  @ApiOkResponse({
    description: 'The session as an .ics file to add to a calendar.',
    content: binaryContent('text/calendar'),
  })
  @ApiNotFoundResponse({ description: 'No such session, or not one of your circles.' })
  async sessionFile(
    @CurrentUser() user: AuthUser,
    @IdParam('session') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const file = await this.service.sessionFile(user, id);
    res.setHeader('Content-Type', CALENDAR_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('Cache-Control', 'private, no-cache');
    return file.body;
  }
}
