import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiServiceUnavailableResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Role,
  type ErasureAuditEntryDto,
  type ErasureRequestDto,
  type MyErasureDto,
  type Page,
  type PanelEraseResponse,
} from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import { PageQueryDto } from '../common/pagination';
import {
  AskErasureBody,
  CreateErasureBody,
  ErasureAuditEntryResponse,
  ErasureListQuery,
  ErasureRequestResponse,
  MyErasureResponse,
  PanelEraseBody,
  PanelEraseResponseBody,
} from './erasure.dto';
import { ErasureService } from './erasure.service';

const SECRETARIAT = 'Only the secretariat (secretariat_only).';
const NOT_OPEN = 'Not in a state that allows this (erasure_not_open, params.state).';

/** A person asks to be erased, sees their request, and undoes it during the cool-off. */
@ApiTags('privacy')
@ApiCookieAuth()
@Controller('me/privacy/erasure')
export class MyErasureController {
  constructor(private readonly erasure: ErasureService) {}

  @Get()
  @ApiOkResponse({ type: MyErasureResponse, description: 'The open (or last) request, if any.' })
  mine(@CurrentUser() user: AuthUser): Promise<MyErasureDto> {
    return this.erasure.mine(user);
  }

  @Post()
  @ApiCreatedResponse({
    type: ErasureRequestResponse,
    description: 'Asked: erased by itself after the cool-off unless undone.',
  })
  @ApiConflictResponse({
    description:
      'Already asked (erasure_pending), or the last secretariat member (erasure_last_secretariat).',
  })
  ask(@CurrentUser() user: AuthUser, @Body() body: AskErasureBody): Promise<ErasureRequestDto> {
    return this.erasure.ask(user, body.reason);
  }

  @Delete()
  @ApiOkResponse({ type: ErasureRequestResponse, description: 'Undone (cancelled).' })
  @ApiNotFoundResponse({ description: 'No request.' })
  @ApiConflictResponse({ description: NOT_OPEN })
  undo(@CurrentUser() user: AuthUser): Promise<ErasureRequestDto> {
    return this.erasure.undoMine(user);
  }
}

/** The secretariat's erasure requests: open for others, approve, cancel, re-run, audit log. */
@ApiTags('privacy')
@ApiCookieAuth()
@Roles(Role.Secretariat)
@ApiForbiddenResponse({ description: SECRETARIAT })
@Controller('privacy/erasure-requests')
export class ErasureRequestsController {
  constructor(private readonly erasure: ErasureService) {}

  @Get()
  @ApiPageResponse(ErasureRequestResponse, 'Newest first.')
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ErasureListQuery,
  ): Promise<Page<ErasureRequestDto>> {
    return this.erasure.list(user, query);
  }

  @Post()
  @ApiCreatedResponse({ type: ErasureRequestResponse, description: 'Opened, cooling off.' })
  @ApiBadRequestResponse({ description: 'Neither or both of userId and email.' })
  @ApiConflictResponse({ description: 'erasure_pending or erasure_last_secretariat.' })
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateErasureBody,
  ): Promise<ErasureRequestDto> {
    return this.erasure.create(user, body);
  }

  @Post(':id/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ErasureRequestResponse, description: 'Approved; the worker erases now.' })
  @ApiNotFoundResponse({ description: 'No such request.' })
  @ApiConflictResponse({ description: NOT_OPEN })
  approve(
    @CurrentUser() user: AuthUser,
    @IdParam('erasure request') id: string,
  ): Promise<ErasureRequestDto> {
    return this.erasure.approve(user, id);
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ErasureRequestResponse, description: 'Cancelled.' })
  @ApiNotFoundResponse({ description: 'No such request.' })
  @ApiConflictResponse({ description: NOT_OPEN })
  cancel(
    @CurrentUser() user: AuthUser,
    @IdParam('erasure request') id: string,
  ): Promise<ErasureRequestDto> {
    return this.erasure.cancel(user, id);
  }

  @Post(':id/retry')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: ErasureRequestResponse,
    description: 'Queued again; finishes what is left.',
  })
  @ApiNotFoundResponse({ description: 'No such request.' })
  @ApiConflictResponse({ description: 'Only a failed request is re-run (erasure_not_open).' })
  retry(
    @CurrentUser() user: AuthUser,
    @IdParam('erasure request') id: string,
  ): Promise<ErasureRequestDto> {
    return this.erasure.retry(user, id);
  }

  @Get(':id/audit')
  @ApiPageResponse(ErasureAuditEntryResponse, 'The request’s events, oldest first.')
  @ApiNotFoundResponse({ description: 'No such request.' })
  audit(
    @CurrentUser() user: AuthUser,
    @IdParam('erasure request') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ErasureAuditEntryDto>> {
    return this.erasure.audit(user, id, query);
  }
}

/** A citizen-panel member erases themselves from the preferences link (no account, at once). */
@ApiTags('citizen-panel')
@Controller('panel/preferences')
export class PanelEraseController {
  constructor(private readonly erasure: ErasureService) {}

  @Public()
  @Post('erase')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PanelEraseResponseBody, description: 'Erased.' })
  @ApiNotFoundResponse({ description: 'Not a link we made (panel_unsubscribe_link_invalid).' })
  @ApiConflictResponse({ description: 'A link of an account, or an erasure already open.' })
  @ApiServiceUnavailableResponse({
    description: 'The erasure stopped part-way; the secretariat re-runs it (erasure_not_open).',
  })
  erase(@Body() body: PanelEraseBody): Promise<PanelEraseResponse> {
    return this.erasure.panelErase(body.token);
  }
}
