import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  Res,
  StreamableFile,
  UseFilters,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Role, type Page, type PrivacyExportDto } from '@blup/contracts';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiPageResponse } from '../common/api-page';
import { attachmentHeader } from '../common/file-download';
import { IdParam } from '../common/id-param';
import { binaryContent } from '../common/openapi';
import { PageQueryDto } from '../common/pagination';
import { ExportRetryAfterFilter } from './export-rate-limit';
import { ExportService } from './export.service';
import { CreatePrivacyExportBody, PrivacyExportResponse } from './privacy.dto';

const HIDDEN = 'No such export, or not one you may see (people see only their own).';
const GONE = 'The link is wrong or has expired, or the export is not ready (export_link_gone).';

@ApiTags('privacy')
@ApiCookieAuth()
@UseFilters(ExportRetryAfterFilter)
@Controller()
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Post('me/privacy/exports')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    type: PrivacyExportResponse,
    description: 'Queued: the worker builds the zip; poll GET /api/privacy/exports/{id}.',
  })
  @ApiTooManyRequestsResponse({
    description: 'Too many exports in 24 hours (export_rate_limited, with Retry-After).',
  })
  createOwn(@CurrentUser() user: AuthUser): Promise<PrivacyExportDto> {
    return this.exports.createOwn(user);
  }

  @Get('me/privacy/exports')
  @ApiPageResponse(PrivacyExportResponse, 'My exports, newest first.')
  mine(
    @CurrentUser() user: AuthUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<PrivacyExportDto>> {
    return this.exports.mine(user, query);
  }

  @Get('privacy/exports')
  @Roles(Role.Secretariat)
  @ApiPageResponse(PrivacyExportResponse, 'Everybody’s exports, newest first.')
  all(
    @CurrentUser() user: AuthUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<PrivacyExportDto>> {
    return this.exports.all(user, query);
  }

  @Post('privacy/exports')
  @Roles(Role.Secretariat)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    type: PrivacyExportResponse,
    description: 'Queued for the person with that account, or for that email address.',
  })
  @ApiBadRequestResponse({
    description: 'Both or neither of userId and email, or an unknown userId (unknown_reference).',
  })
  @ApiForbiddenResponse({ description: 'Only the secretariat exports for somebody else.' })
  createFor(
    @CurrentUser() user: AuthUser,
    @Body() body: CreatePrivacyExportBody,
  ): Promise<PrivacyExportDto> {
    return this.exports.createFor(user, body);
  }

  @Get('privacy/exports/:id')
  @ApiOkResponse({ type: PrivacyExportResponse, description: 'The export and its progress.' })
  @ApiNotFoundResponse({ description: HIDDEN })
  get(@CurrentUser() user: AuthUser, @IdParam('export') id: string): Promise<PrivacyExportDto> {
    return this.exports.get(user, id);
  }

  /** The zip, from the signed link in downloadUrl: no session needed, the link is the proof. */
  @Get('privacy/exports/:id/download')
  @Public()
  @ApiOkResponse({ description: 'The zip.', content: binaryContent('application/zip') })
  @ApiGoneResponse({ description: GONE })
  async download(
    @IdParam('export') id: string,
    @Query('expires') expires: string | undefined,
    @Query('sig') sig: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { file, createdAt } = await this.exports.download(id, expires, sig);
    res.setHeader('Cache-Control', 'no-store');
    const date = createdAt.toISOString().slice(0, 10);
    return new StreamableFile(file.body, {
      type: 'application/zip',
      disposition: attachmentHeader(`blup-data-${date}.zip`),
      length: file.size,
    });
  }
}
