import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type InvitationInfo, type PersonDto, type SessionUser } from '@blup/contracts';
import type { Response } from 'express';
import type { AuthUser } from './auth-user';
import { AuthedRequest, CurrentUser } from './current-user.decorator';
import { TokenDto } from './dto/auth.dto';
import { AcceptInvitationDto, InviteDto } from './dto/invitation.dto';
import { PersonResponse } from '../common/person-summary';
import { IdParam } from '../common/id-param';
import { InvitationInfoResponse, SessionUserResponse } from './dto/responses';
import { InvitationService } from './invitation.service';
import { Public } from './public.decorator';

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationService) {}

  @Post('invitations')
  @ApiCookieAuth()
  @ApiCreatedResponse({
    type: PersonResponse,
    description: 'The person is created and the invitation mailed',
  })
  @ApiForbiddenResponse({ description: 'You may not invite this person here' })
  @ApiConflictResponse({ description: 'Someone with this email already has an account' })
  invite(@CurrentUser() user: AuthUser, @Body() dto: InviteDto): Promise<PersonDto> {
    return this.invitations.invite(user, dto);
  }

  @Public()
  @Post('invitations/inspect')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: InvitationInfoResponse })
  @ApiGoneResponse({ description: 'The invitation was used or has expired' })
  inspect(@Body() dto: TokenDto): Promise<InvitationInfo> {
    return this.invitations.inspect(dto);
  }

  @Public()
  @Post('invitations/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionUserResponse, description: 'Name and password set; signed in' })
  @ApiGoneResponse({ description: 'The invitation was used or has expired' })
  accept(
    @Body() dto: AcceptInvitationDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionUser> {
    return this.invitations.accept(dto, { req, res });
  }

  @Post('people/:id/invitation')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiCookieAuth()
  @ApiAcceptedResponse({
    description: 'A fresh invitation is mailed; earlier invitation links stop working',
  })
  @ApiConflictResponse({ description: 'The person has already accepted, or is disabled' })
  resend(@CurrentUser() user: AuthUser, @IdParam('person') id: string): Promise<void> {
    return this.invitations.resend(user, id);
  }
}
