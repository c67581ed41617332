import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  Req,
  UseFilters,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { GuestRegistrationDto, Page, PublicGatheringDto } from '@blup/contracts';
import type { Request } from 'express';
import { Public } from '../auth/public.decorator';
import { RetryAfterFilter } from '../auth/sign-in-rate-limiter';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import { PageQueryDto } from '../common/pagination';
import { GuestRegisterBody, RegistrationTokenBody } from './gatherings.dto';
import { GuestRegistrationResponse, PublicGatheringResponse } from './gatherings.responses';
import { HIDDEN } from './gathering-lookup.service';
import { RegistrationsService } from './registrations.service';

const GONE = 'registration_link_gone: the link is wrong, used up or expired.';

/** The pages a guest reaches without an account: the gathering, registering, the mail links. */
@ApiTags('gatherings')
@UseFilters(RetryAfterFilter)
@Controller('public/gatherings')
export class PublicGatheringsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Public()
  @Get()
  @ApiPageResponse(PublicGatheringResponse, 'Upcoming gatherings open to guests.')
  list(@Query() query: PageQueryDto): Promise<Page<PublicGatheringDto>> {
    return this.registrations.publicList(query);
  }

  @Public()
  @Post('registrations/confirm')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: GuestRegistrationResponse,
    description: 'Confirmed: a place or the waitlist.',
  })
  @ApiBadRequestResponse({ description: 'gathering_closed.' })
  @ApiGoneResponse({ description: GONE })
  confirm(@Body() body: RegistrationTokenBody): Promise<GuestRegistrationDto> {
    return this.registrations.confirm(body.token);
  }

  @Public()
  @Get('registrations/cancel')
  @ApiOkResponse({
    type: GuestRegistrationResponse,
    description: 'What the cancel link would cancel.',
  })
  @ApiGoneResponse({ description: GONE })
  previewCancel(@Query() query: RegistrationTokenBody): Promise<GuestRegistrationDto> {
    return this.registrations.previewCancel(query.token);
  }

  @Public()
  @Post('registrations/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: GuestRegistrationResponse,
    description: 'Cancelled; the waitlist moves up.',
  })
  @ApiGoneResponse({ description: GONE })
  cancel(@Body() body: RegistrationTokenBody): Promise<GuestRegistrationDto> {
    return this.registrations.cancelByToken(body.token);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: PublicGatheringResponse, description: 'A gathering open to guests.' })
  @ApiNotFoundResponse({ description: 'No such gathering, or not open to guests.' })
  get(@IdParam('gathering') id: string): Promise<PublicGatheringDto> {
    return this.registrations.publicGet(id);
  }

  @Public()
  @Post(':id/registrations')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    type: GuestRegistrationResponse,
    description: 'Pending: a mail with the confirmation link follows.',
  })
  @ApiBadRequestResponse({ description: 'gathering_closed; registration_answer_invalid.' })
  @ApiNotFoundResponse({ description: HIDDEN })
  @ApiConflictResponse({ description: 'already_registered.' })
  @ApiTooManyRequestsResponse({ description: 'registration_rate_limited (Retry-After).' })
  register(
    @IdParam('gathering') id: string,
    @Body() body: GuestRegisterBody,
    @Req() req: Request,
  ): Promise<GuestRegistrationDto> {
    return this.registrations.guestRegister(id, body, req.ip ?? null);
  }
}
