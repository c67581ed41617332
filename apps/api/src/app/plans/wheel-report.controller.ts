import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { GenerateReportResultDto, PublicWheelDto } from '@blup/contracts';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { IdParam } from '../common/id-param';
import { binaryContent } from '../common/openapi';
import { DocumentYearQuery } from './plans.dto';
import {
  GenerateReportBody,
  GenerateReportResultResponse,
  PublicWheelResponse,
} from './wheel-report.dto';
import { WheelReportService } from './wheel-report.service';

@ApiTags('plans')
@Controller()
export class WheelReportController {
  constructor(private readonly service: WheelReportService) {}

  @Post('villages/:villageId/documents/report/generate')
  @HttpCode(200)
  @ApiCookieAuth()
  @ApiOkResponse({
    type: GenerateReportResultResponse,
    description: 'The draft made from the village’s data for ?year=; edited sections kept.',
  })
  @ApiBadRequestResponse({ description: 'No year, or the revision is missing.' })
  @ApiForbiddenResponse({ description: 'Coordinators read; the steering group writes.' })
  @ApiNotFoundResponse({ description: 'No such village, or not one you may see.' })
  @ApiConflictResponse({ description: 'Someone saved since the revision you sent.' })
  generateReport(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Query() query: DocumentYearQuery,
    @Body() body: GenerateReportBody,
  ): Promise<GenerateReportResultDto> {
    return this.service.generateReport(user, villageId, query.year, body);
  }

  @Public()
  @Get('public/villages/:slug/wheel')
  @ApiOkResponse({ type: PublicWheelResponse })
  @ApiNotFoundResponse({ description: 'No published annual wheel at this address.' })
  publicWheel(@Param('slug') slug: string): Promise<PublicWheelDto> {
    return this.service.publicWheel(slug);
  }

  @Public()
  @Get('public/villages/:slug/wheel.ics')
  @ApiOkResponse({
    description:
      'The published annual wheel as an iCalendar feed (RFC 5545): one recurring event per activity with a day.',
    content: binaryContent('text/calendar'),
  })
  @ApiNotFoundResponse({ description: 'No published annual wheel at this address.' })
  async wheelCalendar(
    @Param('slug') slug: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = await this.service.wheelCalendar(slug);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=300');
    return body;
  }
}
