import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Query,
  Req,
  UseFilters,
} from '@nestjs/common';
import type { Request } from 'express';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  Role,
  type InfoMeetingDto,
  type InfoMeetingSignupCancelDto,
  type InfoMeetingSignupDto,
  type InfoMeetingSignupReceiptDto,
  type Page,
  type PublicInfoMeetingDto,
} from '@blup/contracts';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { RetryAfterFilter } from '../auth/sign-in-rate-limiter';
import { PageQueryDto } from '../common/pagination';
import { IdParam } from '../common/id-param';
import { ApiPageResponse } from '../common/api-page';
import {
  CancelSignupBody,
  CreateInfoMeetingBody,
  InfoMeetingListQueryDto,
  InfoMeetingSignupBody,
  UpdateInfoMeetingBody,
} from './info-meetings.dto';
import {
  InfoMeetingResponse,
  InfoMeetingSignupCancelResponse,
  InfoMeetingSignupReceiptResponse,
  InfoMeetingSignupResponse,
  PublicInfoMeetingResponse,
} from './info-meetings.responses';
import { InfoMeetingsService } from './info-meetings.service';

@ApiTags('info-meetings')
@ApiCookieAuth()
@UseFilters(RetryAfterFilter)
@Controller('info-meetings')
export class InfoMeetingsController {
  constructor(private readonly service: InfoMeetingsService) {}

  // ---- public (static paths before :id) ----

  @Public()
  @Get('upcoming')
  @ApiPageResponse(
    PublicInfoMeetingResponse,
    'Upcoming meetings with free places (no link: it comes by mail).',
  )
  upcoming(@Query() query: PageQueryDto): Promise<Page<PublicInfoMeetingDto>> {
    return this.service.upcoming(query);
  }

  @Public()
  @Get('signups/cancel')
  @ApiOkResponse({
    type: InfoMeetingSignupCancelResponse,
    description: 'What the cancel link would cancel.',
  })
  previewCancel(@Query() query: CancelSignupBody): Promise<InfoMeetingSignupCancelDto> {
    return this.service.previewCancel(query.token);
  }

  @Public()
  @Post('signups/cancel')
  @HttpCode(200)
  @ApiOkResponse({
    type: InfoMeetingSignupCancelResponse,
    description: 'The sign-up is cancelled; the place frees up.',
  })
  cancelSignup(@Body() body: CancelSignupBody): Promise<InfoMeetingSignupCancelDto> {
    return this.service.cancelSignup(body.token);
  }

  @Public()
  @Post(':id/signups')
  @ApiCreatedResponse({
    type: InfoMeetingSignupReceiptResponse,
    description: 'Signed up; a confirmation mail with the link follows.',
  })
  @ApiBadRequestResponse({ description: 'offering_closed: started or cancelled.' })
  @ApiConflictResponse({ description: 'already_signed_up, info_meeting_full.' })
  @ApiTooManyRequestsResponse({ description: 'Too many sign-ups from one network (Retry-After).' })
  signUp(
    @IdParam('info meeting') id: string,
    @Body() body: InfoMeetingSignupBody,
    @Req() req: Request,
  ): Promise<InfoMeetingSignupReceiptDto> {
    return this.service.signUp(id, body, req.ip ?? null);
  }

  // ---- secretariat ----

  @Roles(Role.Secretariat)
  @Get()
  @ApiPageResponse(
    InfoMeetingResponse,
    'Meetings (upcoming, or all with includePast) with sign-up counts.',
  )
  list(@Query() query: InfoMeetingListQueryDto): Promise<Page<InfoMeetingDto>> {
    return this.service.list(query);
  }

  @Roles(Role.Secretariat)
  @Post()
  @ApiCreatedResponse({
    type: InfoMeetingResponse,
    description: 'The meeting; its reminder is scheduled.',
  })
  create(@Body() body: CreateInfoMeetingBody): Promise<InfoMeetingDto> {
    return this.service.create(body);
  }

  @Roles(Role.Secretariat)
  @Get(':id')
  @ApiOkResponse({ type: InfoMeetingResponse, description: 'One meeting with its counts.' })
  get(@IdParam('info meeting') id: string): Promise<InfoMeetingDto> {
    return this.service.get(id);
  }

  @Roles(Role.Secretariat)
  @Patch(':id')
  @ApiOkResponse({ type: InfoMeetingResponse, description: 'The changed meeting.' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('info meeting') id: string,
    @Body() body: UpdateInfoMeetingBody,
  ): Promise<InfoMeetingDto> {
    return this.service.update(id, body, user.id);
  }

  @Roles(Role.Secretariat)
  @Delete(':id')
  @ApiOkResponse({
    type: InfoMeetingResponse,
    description: 'Cancelled; everyone signed up is told by mail.',
  })
  cancel(
    @CurrentUser() user: AuthUser,
    @IdParam('info meeting') id: string,
  ): Promise<InfoMeetingDto> {
    return this.service.cancel(id, user.id);
  }

  @Roles(Role.Secretariat)
  @Get(':id/signups')
  @ApiPageResponse(InfoMeetingSignupResponse, 'Who signed up for the meeting.')
  signups(
    @IdParam('info meeting') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<InfoMeetingSignupDto>> {
    return this.service.signups(id, query);
  }
}
