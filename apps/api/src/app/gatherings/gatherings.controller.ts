import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type {
  CheckInResultDto,
  GatheringDto,
  MyRegistrationDto,
  Page,
  RegistrationDto,
} from '@blup/contracts';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiPageResponse } from '../common/api-page';
import { ApiCreate, ApiVersionedUpdate, type WriteRefusals } from '../common/api-writes';
import { attachmentHeader, displayFileName } from '../common/file-download';
import { IdParam } from '../common/id-param';
import { binaryContent } from '../common/openapi';
import {
  CancelGatheringBody,
  CheckInBody,
  GatheringListQueryDto,
  RegisterBody,
  RegistrationListQueryDto,
  SaveGatheringBody,
  SaveMinutesBody,
  UpdateGatheringBody,
} from './gatherings.dto';
import {
  CheckInResultResponse,
  GatheringResponse,
  MyRegistrationResponse,
  RegistrationResponse,
} from './gatherings.responses';
import { HIDDEN } from './gathering-lookup.service';
import { GatheringsService } from './gatherings.service';
import { RegistrationsService } from './registrations.service';

const ORGANISERS = 'Only the gathering’s organisers may do this; others who see it only read.';
const WRITE: WriteRefusals = { readOnly: ORGANISERS, notFound: HIDDEN };

@ApiTags('gatherings')
@ApiCookieAuth()
@Controller('gatherings')
export class GatheringsController {
  constructor(
    private readonly gatherings: GatheringsService,
    private readonly registrations: RegistrationsService,
  ) {}

  @Get()
  @ApiPageResponse(
    GatheringResponse,
    'The gatherings you may see, by start: upcoming only unless includePast.',
  )
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: GatheringListQueryDto,
  ): Promise<Page<GatheringDto>> {
    return this.gatherings.list(user, query);
  }

  @Post()
  @ApiCreate(
    GatheringResponse,
    'A field is invalid, the audience lacks its place, or the time is in the past.',
    { readOnly: 'You may not plan a gathering for this place and audience.', notFound: HIDDEN },
  )
  create(@CurrentUser() user: AuthUser, @Body() body: SaveGatheringBody): Promise<GatheringDto> {
    return this.gatherings.create(user, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: GatheringResponse, description: 'One gathering with its counts.' })
  @ApiNotFoundResponse({ description: HIDDEN })
  get(@CurrentUser() user: AuthUser, @IdParam('gathering') id: string): Promise<GatheringDto> {
    return this.gatherings.get(user, id);
  }

  @Patch(':id')
  @ApiVersionedUpdate(
    GatheringResponse,
    'version_conflict: someone saved the gathering since your version.',
    WRITE,
  )
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('gathering') id: string,
    @Body() body: UpdateGatheringBody,
  ): Promise<GatheringDto> {
    return this.gatherings.update(user, id, body);
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: GatheringResponse,
    description: 'Cancelled; everyone registered is told by mail.',
  })
  @ApiBadRequestResponse({ description: 'gathering_over: past or cancelled already.' })
  @ApiForbiddenResponse({ description: ORGANISERS })
  @ApiNotFoundResponse({ description: HIDDEN })
  cancel(
    @CurrentUser() user: AuthUser,
    @IdParam('gathering') id: string,
    @Body() body: CancelGatheringBody,
  ): Promise<GatheringDto> {
    return this.gatherings.cancel(user, id, body);
  }

  @Put(':id/minutes')
  @ApiOkResponse({ type: GatheringResponse, description: 'The minutes are saved.' })
  @ApiBadRequestResponse({
    description: 'unknown_reference: a goal or initiative of another village.',
  })
  @ApiForbiddenResponse({ description: ORGANISERS })
  @ApiNotFoundResponse({ description: HIDDEN })
  minutes(
    @CurrentUser() user: AuthUser,
    @IdParam('gathering') id: string,
    @Body() body: SaveMinutesBody,
  ): Promise<GatheringDto> {
    return this.gatherings.saveMinutes(user, id, body);
  }

  @Post(':id/registrations')
  @ApiCreatedResponse({
    type: MyRegistrationResponse,
    description: 'Registered: a place (confirmed) or the waitlist; a mail follows.',
  })
  @ApiBadRequestResponse({
    description: 'gathering_closed; registration_answer_invalid.',
  })
  @ApiForbiddenResponse({ description: 'Not in the gathering’s audience.' })
  @ApiNotFoundResponse({ description: HIDDEN })
  @ApiConflictResponse({ description: 'already_registered.' })
  register(
    @CurrentUser() user: AuthUser,
    @IdParam('gathering') id: string,
    @Body() body: RegisterBody,
  ): Promise<MyRegistrationDto> {
    return this.registrations.register(user, id, body);
  }

  @Delete(':id/registrations/mine')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Cancelled; the waitlist moves up.' })
  @ApiNotFoundResponse({ description: 'registration_not_found, or the gathering is hidden.' })
  cancelMine(@CurrentUser() user: AuthUser, @IdParam('gathering') id: string): Promise<void> {
    return this.registrations.cancelMine(user, id);
  }

  @Get(':id/registrations')
  @ApiPageResponse(RegistrationResponse, 'The registrations, searchable by name, email or code.')
  @ApiForbiddenResponse({ description: ORGANISERS })
  @ApiNotFoundResponse({ description: HIDDEN })
  registrationList(
    @CurrentUser() user: AuthUser,
    @IdParam('gathering') id: string,
    @Query() query: RegistrationListQueryDto,
  ): Promise<Page<RegistrationDto>> {
    return this.registrations.list(user, id, query);
  }

  @Get(':id/registrations.csv')
  @ApiOkResponse({
    description: 'The list for the caterer: UTF-8 with BOM, `;`, CRLF.',
    content: binaryContent('text/csv'),
  })
  @ApiForbiddenResponse({ description: ORGANISERS })
  @ApiNotFoundResponse({ description: HIDDEN })
  async csv(
    @CurrentUser() user: AuthUser,
    @IdParam('gathering') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { title, csv } = await this.registrations.csv(user, id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      attachmentHeader(`${displayFileName(title, 'moede')} - tilmeldte.csv`),
    );
    res.setHeader('Cache-Control', 'private, no-cache');
    return csv;
  }

  @Get(':id/event.ics')
  @ApiOkResponse({
    description: 'The gathering as an .ics file (STATUS:CANCELLED once cancelled).',
    content: binaryContent('text/calendar'),
  })
  @ApiNotFoundResponse({ description: HIDDEN })
  async ics(
    @CurrentUser() user: AuthUser,
    @IdParam('gathering') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { title, ics } = await this.registrations.ics(user, id);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      attachmentHeader(`${displayFileName(title, 'moede')}.ics`),
    );
    res.setHeader('Cache-Control', 'private, no-cache');
    return ics;
  }

  @Post(':id/check-ins')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CheckInResultResponse, description: 'Checked in, with the counts.' })
  @ApiBadRequestResponse({ description: 'Neither a code nor a registration id.' })
  @ApiForbiddenResponse({ description: ORGANISERS })
  @ApiNotFoundResponse({ description: 'registration_not_found, or the gathering is hidden.' })
  @ApiConflictResponse({ description: 'already_checked_in; not_confirmed.' })
  checkIn(
    @CurrentUser() user: AuthUser,
    @IdParam('gathering') id: string,
    @Body() body: CheckInBody,
  ): Promise<CheckInResultDto> {
    return this.registrations.checkIn(user, id, body);
  }

  @Delete(':id/check-ins/:registrationId')
  @ApiOkResponse({ type: CheckInResultResponse, description: 'The check-in is undone.' })
  @ApiForbiddenResponse({ description: ORGANISERS })
  @ApiNotFoundResponse({ description: 'registration_not_found, or the gathering is hidden.' })
  undoCheckIn(
    @CurrentUser() user: AuthUser,
    @IdParam('gathering') id: string,
    @IdParam('registration', 'registrationId') registrationId: string,
  ): Promise<CheckInResultDto> {
    return this.registrations.undoCheckIn(user, id, registrationId);
  }
}
