import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConsumes,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiResponse,
} from '@nestjs/swagger';
import {
  type PanelConfirmResponse,
  type PanelImportResult,
  type PanelPreferencesDto,
  type PanelSignUpResponse,
  type PanelSubscriberPage,
  type PanelVillageDto,
  type UnsubscribeResponse,
} from '@blup/contracts';
import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { RetryAfterFilter } from '../auth/sign-in-rate-limiter';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import {
  PanelConfirmBody,
  PanelConfirmResponseBody,
  PanelImportBody,
  PanelImportResultResponse,
  PanelPreferencesBody,
  PanelPreferencesQuery,
  PanelPreferencesResponse,
  PanelSignUpBody,
  PanelSignUpResponseBody,
  PanelSubscriberResponse,
  PanelSubscribersQueryDto,
  PanelVillageResponse,
  UnsubscribeResponseBody,
} from './citizen-panel.dto';
import { CitizenPanelService } from './citizen-panel.service';
import { PanelSubscribersService } from './panel-subscribers.service';
import { decodeCsvBytes } from './panel-csv';

/** A CSV of 10,000 rows is far below this. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

@ApiTags('citizen panel')
@Controller('panel')
@UseFilters(RetryAfterFilter)
export class CitizenPanelController {
  constructor(
    private readonly service: CitizenPanelService,
    private readonly subscribers: PanelSubscribersService,
  ) {}

  @Public()
  @Get('villages/:villageId')
  @ApiOkResponse({ type: PanelVillageResponse, description: 'What the sign-up page shows.' })
  @ApiNotFoundResponse({ description: 'No such village.' })
  village(@IdParam('village', 'villageId') villageId: string): Promise<PanelVillageDto> {
    return this.service.village(villageId);
  }

  @Public()
  @Post('villages/:villageId/sign-up')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    type: PanelSignUpResponseBody,
    description:
      'The same answer for every address; a confirmation mail goes out unless already on the list.',
  })
  @ApiBadRequestResponse({ description: 'Not an email address, or the consent box not ticked.' })
  @ApiTooManyRequestsResponse({ description: 'Too many sign-ups from this network.' })
  signUp(
    @IdParam('village', 'villageId') villageId: string,
    @Body() body: PanelSignUpBody,
    @Req() req: Request,
  ): Promise<PanelSignUpResponse> {
    return this.service.signUp(villageId, body, req.ip);
  }

  @Public()
  @Post('confirm')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PanelConfirmResponseBody })
  @ApiNotFoundResponse({ description: 'No such link (code panel_confirm_link_invalid).' })
  @ApiGoneResponse({
    description: 'Used already (panel_confirm_link_used) or expired (panel_confirm_link_expired).',
  })
  confirm(@Body() body: PanelConfirmBody, @Req() req: Request): Promise<PanelConfirmResponse> {
    return this.service.confirm(body.token, req.ip);
  }

  @Public()
  @Get('preferences')
  @ApiOkResponse({ type: PanelPreferencesResponse })
  @ApiNotFoundResponse({ description: 'Not a link we made (panel_unsubscribe_link_invalid).' })
  preferences(@Query() query: PanelPreferencesQuery): Promise<PanelPreferencesDto> {
    return this.service.preferences(query.token);
  }

  @Public()
  @Post('preferences')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PanelPreferencesResponse })
  @ApiNotFoundResponse({ description: 'Not a link we made (panel_unsubscribe_link_invalid).' })
  setPreferences(
    @Body() body: PanelPreferencesBody,
    @Req() req: Request,
  ): Promise<PanelPreferencesDto> {
    return this.service.setPreferences(body.token, body.subscribed, req.ip);
  }

  @Get('villages/:villageId/subscribers')
  @ApiCookieAuth()
  @ApiPageResponse(PanelSubscriberResponse, 'The panel, newest first; the page also has counts.')
  @ApiForbiddenResponse({
    description: 'Not the village’s coordination group, coordinator or the secretariat.',
  })
  @ApiNotFoundResponse({ description: 'No such village, or not one you may see.' })
  list(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Query() query: PanelSubscribersQueryDto,
  ): Promise<PanelSubscriberPage> {
    return this.subscribers.list(user, villageId, query);
  }

  @Delete('villages/:villageId/subscribers/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth()
  @ApiNoContentResponse({ description: 'Removed, with their consent log.' })
  @ApiForbiddenResponse({
    description: 'Not the village’s coordination group, coordinator or the secretariat.',
  })
  @ApiNotFoundResponse({ description: 'No such village or person on its panel.' })
  remove(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @IdParam('subscriber') id: string,
  ): Promise<void> {
    return this.subscribers.remove(user, villageId, id);
  }

  @Post('villages/:villageId/import')
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth()
  @ApiConsumes('application/json', 'multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  @ApiOkResponse({ type: PanelImportResultResponse })
  @ApiBadRequestResponse({ description: 'No attestation, no rows, or too many rows.' })
  @ApiForbiddenResponse({
    description: 'Not the village’s coordination group, coordinator or the secretariat.',
  })
  @ApiNotFoundResponse({ description: 'No such village, or not one you may see.' })
  import(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Body() body: PanelImportBody,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Req() req: Request,
  ): Promise<PanelImportResult> {
    return this.subscribers.import(
      user,
      villageId,
      {
        csv: file ? decodeCsvBytes(file.buffer) : body.csv,
        attestation: body.attestation,
        attestationText: body.attestationText,
      },
      req.ip,
    );
  }
}

/**
 * The unsubscribe link of every newsletter (`List-Unsubscribe`). POST is RFC 8058's one-click
 * (`List-Unsubscribe=One-Click`, sent by mail clients without cookies, so exempt from CSRF);
 * GET, when a person opens the link, leads to the preferences page.
 */
@ApiTags('citizen panel')
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly service: CitizenPanelService) {}

  @Public()
  @Post(':token')
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOkResponse({
    type: UnsubscribeResponseBody,
    description: 'Unsubscribed (also when already unsubscribed: nothing changes then).',
  })
  @ApiNotFoundResponse({ description: 'Not a link we made (panel_unsubscribe_link_invalid).' })
  unsubscribe(@Param('token') token: string, @Req() req: Request): Promise<UnsubscribeResponse> {
    return this.service.unsubscribe(token, req.ip);
  }

  @Public()
  @Get(':token')
  @ApiResponse({
    status: HttpStatus.SEE_OTHER,
    description: 'To the preferences page (Location), where the person chooses.',
    headers: { Location: { description: 'The preferences page.', schema: { type: 'string' } } },
  })
  open(@Param('token') token: string, @Res() res: Response): void {
    res.redirect(HttpStatus.SEE_OTHER, this.service.preferencesUrl(token));
  }
}
