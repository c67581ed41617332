import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
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
import {
  Role,
  type NewsletterArchiveItemDto,
  type NewsletterCardOption,
  type NewsletterDto,
  type NewsletterPreviewDto,
  type NewsletterProgressDto,
  type NewsletterSummaryDto,
  type NewsletterTargetOption,
  type NewsletterTestResult,
  type NewsletterVillageCardOption,
  type NewsletterWebVersionDto,
  type Page,
} from '@blup/contracts';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import { binaryContent } from '../common/openapi';
import {
  ArchiveQueryDto,
  CardOptionsQueryDto,
  CreateNewsletterBody,
  NewsletterArchiveItemResponse,
  NewsletterCardOptionResponse,
  NewsletterPreviewResponse,
  NewsletterProgressResponse,
  NewsletterResponse,
  NewsletterSummaryResponse,
  NewsletterTargetOptionResponse,
  NewsletterTestResultResponse,
  NewsletterVillageCardOptionResponse,
  NewsletterWebVersionResponse,
  NewslettersQueryDto,
  PreviewNewsletterBody,
  ReadQueryDto,
  ScheduleNewsletterBody,
  TargetsQueryDto,
  VillageCardOptionsQueryDto,
  UpdateNewsletterBody,
  WebVersionQueryDto,
} from './newsletters.dto';
import { NewsletterOptionsService } from './newsletter-options.service';
import { NewsletterPreviewService } from './newsletter-preview.service';
import { NewsletterReadingService } from './newsletter-reading.service';
import { NewsletterSchedulingService } from './newsletter-scheduling.service';
import { NewsletterWritingService } from './newsletter-writing.service';

const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

/** The public web version and its calendar file: anyone with the unguessable link. */
@ApiTags('newsletters')
@Controller('newsletters/web')
export class NewsletterWebController {
  constructor(private readonly reading: NewsletterReadingService) {}

  @Public()
  @Get(':token')
  @ApiOkResponse({
    type: NewsletterWebVersionResponse,
    description:
      'The rendered newsletter (subject and HTML), village-neutral or ?v= one village’s copy.',
  })
  @ApiNotFoundResponse({ description: 'No newsletter at this address.' })
  async web(
    @Param('token') token: string,
    @Query() query: WebVersionQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<NewsletterWebVersionDto> {
    const copy = await this.reading.webVersion(token, query.v);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    return copy;
  }

  @Public()
  @Get(':token/calendar.ics')
  @ApiOkResponse({
    description: 'The session the newsletter leads into, as an .ics file.',
    content: binaryContent('text/calendar'),
  })
  @ApiNotFoundResponse({
    description: 'No newsletter at this address, or it leads into no session.',
  })
  async calendar(
    @Param('token') token: string,
    @Query() query: WebVersionQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const file = await this.reading.webCalendar(token, query.v);
    res.setHeader('Content-Type', CALENDAR_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    return file.body;
  }
}

@ApiTags('newsletters')
@ApiCookieAuth()
@Controller('newsletters')
export class NewslettersController {
  constructor(
    private readonly writing: NewsletterWritingService,
    private readonly options: NewsletterOptionsService,
    private readonly previews: NewsletterPreviewService,
    private readonly scheduling: NewsletterSchedulingService,
    private readonly reading: NewsletterReadingService,
  ) {}

  @Get('archive')
  @ApiPageResponse(NewsletterArchiveItemResponse, 'Sent newsletters you may read, newest first.')
  archive(
    @CurrentUser() user: AuthUser,
    @Query() query: ArchiveQueryDto,
  ): Promise<Page<NewsletterArchiveItemDto>> {
    return this.reading.archive(user, query);
  }

  @Get('targets')
  @Roles(Role.Secretariat)
  @ApiPageResponse(
    NewsletterTargetOptionResponse,
    'Upcoming planned sessions and single circle sessions to write for.',
  )
  @ApiForbiddenResponse({ description: 'Only the secretariat writes newsletters.' })
  targets(
    @CurrentUser() user: AuthUser,
    @Query() query: TargetsQueryDto,
  ): Promise<Page<NewsletterTargetOption>> {
    return this.options.targets(user, query);
  }

  @Get('for-session/:id')
  @Roles(Role.Secretariat)
  @ApiOkResponse({
    type: NewsletterTargetOptionResponse,
    description: 'A planned session (plan id) or circle session as a target, with its villages.',
  })
  @ApiNotFoundResponse({ description: 'No such planned session or session.' })
  forSession(
    @CurrentUser() user: AuthUser,
    @IdParam('session') id: string,
  ): Promise<NewsletterTargetOption> {
    return this.options.forSession(user, id);
  }

  @Get('card-options')
  @Roles(Role.Secretariat)
  @ApiPageResponse(NewsletterCardOptionResponse, 'Published lessons for lesson and video cards.')
  cardOptions(
    @CurrentUser() user: AuthUser,
    @Query() query: CardOptionsQueryDto,
  ): Promise<Page<NewsletterCardOption>> {
    return this.options.cardOptions(user, query);
  }

  @Get('village-card-options')
  @Roles(Role.Secretariat)
  @ApiPageResponse(
    NewsletterVillageCardOptionResponse,
    'Goals and initiatives of villages whose development plan is published, for village cards.',
  )
  villageCardOptions(
    @CurrentUser() user: AuthUser,
    @Query() query: VillageCardOptionsQueryDto,
  ): Promise<Page<NewsletterVillageCardOption>> {
    return this.options.villageCardOptions(user, query);
  }

  @Get()
  @Roles(Role.Secretariat)
  @ApiPageResponse(NewsletterSummaryResponse, 'Every newsletter, last changed first.')
  @ApiForbiddenResponse({
    description: 'Only the secretariat lists newsletters; members use the archive.',
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: NewslettersQueryDto,
  ): Promise<Page<NewsletterSummaryDto>> {
    return this.writing.list(user, query);
  }

  @Post()
  @Roles(Role.Secretariat)
  @ApiCreatedResponse({ type: NewsletterResponse, description: 'The new draft.' })
  @ApiBadRequestResponse({ description: 'Unknown target, bad blocks, an unpublished lesson …' })
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateNewsletterBody,
  ): Promise<NewsletterDto> {
    return this.writing.create(user, body);
  }

  @Get(':id')
  @ApiOkResponse({
    type: NewsletterResponse,
    description: 'The newsletter (the secretariat; readers of a sent one).',
  })
  @ApiNotFoundResponse({ description: 'No such newsletter, or not one you may see.' })
  get(@CurrentUser() user: AuthUser, @IdParam('newsletter') id: string): Promise<NewsletterDto> {
    return this.reading.get(user, id);
  }

  @Get(':id/read')
  @ApiOkResponse({
    type: NewsletterWebVersionResponse,
    description: 'A sent newsletter rendered as your (or ?villageId=) village’s copy.',
  })
  @ApiNotFoundResponse({ description: 'No such newsletter, or not one you may read.' })
  read(
    @CurrentUser() user: AuthUser,
    @IdParam('newsletter') id: string,
    @Query() query: ReadQueryDto,
  ): Promise<NewsletterWebVersionDto> {
    return this.reading.read(user, id, query.villageId);
  }

  @Patch(':id')
  @ApiOkResponse({ type: NewsletterResponse, description: 'The changed draft.' })
  @ApiConflictResponse({ description: 'Not a draft (newsletter_not_editable).' })
  @ApiForbiddenResponse({ description: 'Only the secretariat writes newsletters.' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('newsletter') id: string,
    @Body() body: UpdateNewsletterBody,
  ): Promise<NewsletterDto> {
    return this.writing.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The draft is gone.' })
  @ApiConflictResponse({ description: 'Not a draft (newsletter_not_editable).' })
  async remove(@CurrentUser() user: AuthUser, @IdParam('newsletter') id: string): Promise<void> {
    await this.writing.remove(user, id);
  }

  @Post(':id/preview')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: NewsletterPreviewResponse,
    description: 'Subject, HTML and text as you would receive it, for a village.',
  })
  preview(
    @CurrentUser() user: AuthUser,
    @IdParam('newsletter') id: string,
    @Body() body: PreviewNewsletterBody,
  ): Promise<NewsletterPreviewDto> {
    return this.previews.preview(user, id, body.villageId);
  }

  @Post(':id/test')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: NewsletterTestResultResponse,
    description: 'A test copy is on its way to your own address.',
  })
  test(
    @CurrentUser() user: AuthUser,
    @IdParam('newsletter') id: string,
    @Body() body: PreviewNewsletterBody,
  ): Promise<NewsletterTestResult> {
    return this.previews.test(user, id, body.villageId);
  }

  @Post(':id/schedule')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: NewsletterResponse, description: 'Scheduled (or re-timed).' })
  @ApiBadRequestResponse({
    description: 'newsletter_send_time_past, newsletter_no_audience, newsletter_needs_session …',
  })
  @ApiConflictResponse({ description: 'Already sending or sent.' })
  schedule(
    @CurrentUser() user: AuthUser,
    @IdParam('newsletter') id: string,
    @Body() body: ScheduleNewsletterBody,
  ): Promise<NewsletterDto> {
    return this.scheduling.schedule(user, id, body);
  }

  @Post(':id/unschedule')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: NewsletterResponse, description: 'Back to draft.' })
  @ApiConflictResponse({ description: 'Not scheduled (newsletter_not_scheduled).' })
  unschedule(
    @CurrentUser() user: AuthUser,
    @IdParam('newsletter') id: string,
  ): Promise<NewsletterDto> {
    return this.scheduling.unschedule(user, id);
  }

  @Get(':id/progress')
  @ApiOkResponse({
    type: NewsletterProgressResponse,
    description: 'Delivery counts and the first 50 failures.',
  })
  progress(
    @CurrentUser() user: AuthUser,
    @IdParam('newsletter') id: string,
  ): Promise<NewsletterProgressDto> {
    return this.reading.progress(user, id);
  }
}
