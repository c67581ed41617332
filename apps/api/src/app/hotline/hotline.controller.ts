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
  UseFilters,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  Role,
  type HotlineFaqDto,
  type HotlineRequestDto,
  type HotlineStateCounts,
  type HotlineStatsDto,
  type HotlineThreadDto,
  type Page,
} from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { RetryAfterFilter } from '../auth/sign-in-rate-limiter';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import { PageQueryDto } from '../common/pagination';
import {
  AskHotlineBody,
  HotlineFaqFromRequestBody,
  HotlineFaqResponse,
  HotlineMessageBody,
  HotlineQueueQueryDto,
  HotlineRequestResponse,
  HotlineStateBody,
  HotlineStateCountsResponse,
  HotlineStatsQueryDto,
  HotlineStatsResponse,
  HotlineThreadResponse,
  SaveHotlineFaqBody,
  UpdateHotlineFaqBody,
} from './hotline.dto';
import { HotlineService } from './hotline.service';

const HIDDEN = 'No such question, or not one you may see (askers see only their own).';
const HIDDEN_FAQ = 'No such FAQ entry, or a draft (only the secretariat sees drafts).';

@ApiTags('hotline')
@ApiCookieAuth()
@UseFilters(RetryAfterFilter)
@Controller('hotline')
export class HotlineController {
  constructor(private readonly hotline: HotlineService) {}

  @Post('requests')
  @Roles(Role.SteeringMember, Role.Coordinator, Role.Learner)
  @ApiCreatedResponse({
    type: HotlineThreadResponse,
    description: 'Asked: the village and municipality are the asker’s own.',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid.' })
  @ApiTooManyRequestsResponse({
    description: 'Many questions in a short time (hotline_rate_limited, with Retry-After).',
  })
  ask(@CurrentUser() user: AuthUser, @Body() body: AskHotlineBody): Promise<HotlineThreadDto> {
    return this.hotline.ask(user, body);
  }

  @Get('requests/mine')
  @ApiPageResponse(HotlineRequestResponse, 'The questions I have asked, the latest news first.')
  mine(
    @CurrentUser() user: AuthUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<HotlineRequestDto>> {
    return this.hotline.mine(user, query);
  }

  @Get('requests')
  @Roles(Role.Secretariat)
  @ApiPageResponse(
    HotlineRequestResponse,
    'The queue: new and open questions first, longest waiting first; then the rest.',
  )
  queue(
    @CurrentUser() user: AuthUser,
    @Query() query: HotlineQueueQueryDto,
  ): Promise<Page<HotlineRequestDto>> {
    return this.hotline.queue(user, query);
  }

  @Get('counts')
  @Roles(Role.Secretariat)
  @ApiOkResponse({ type: HotlineStateCountsResponse, description: 'Questions in each state.' })
  counts(@CurrentUser() user: AuthUser): Promise<HotlineStateCounts> {
    return this.hotline.counts(user);
  }

  @Get('stats')
  @Roles(Role.Secretariat)
  @ApiOkResponse({
    type: HotlineStatsResponse,
    description: 'Per municipality: questions asked in the year, answered, median first response.',
  })
  @ApiBadRequestResponse({ description: 'The year is missing or not from 2020 to 2100.' })
  stats(
    @CurrentUser() user: AuthUser,
    @Query() query: HotlineStatsQueryDto,
  ): Promise<HotlineStatsDto> {
    return this.hotline.stats(user, query.year);
  }

  @Get('requests/:id')
  @ApiOkResponse({ type: HotlineThreadResponse, description: 'The question with its history.' })
  @ApiNotFoundResponse({ description: HIDDEN })
  thread(
    @CurrentUser() user: AuthUser,
    @IdParam('question') id: string,
  ): Promise<HotlineThreadDto> {
    return this.hotline.thread(user, id);
  }

  @Post('requests/:id/messages')
  @ApiCreatedResponse({
    type: HotlineThreadResponse,
    description:
      'From the secretariat an answer (mailed to the asker; state → waiting), from the asker a reply (state → open).',
  })
  @ApiBadRequestResponse({
    description:
      'The text is missing or too long, or the question is closed (hotline_request_closed).',
  })
  @ApiNotFoundResponse({ description: HIDDEN })
  message(
    @CurrentUser() user: AuthUser,
    @IdParam('question') id: string,
    @Body() body: HotlineMessageBody,
  ): Promise<HotlineThreadDto> {
    return this.hotline.addMessage(user, id, body.body);
  }

  @Put('requests/:id/state')
  @ApiOkResponse({ type: HotlineThreadResponse })
  @ApiBadRequestResponse({ description: 'Not a state.' })
  @ApiForbiddenResponse({ description: 'The asker may only close their own question.' })
  @ApiNotFoundResponse({ description: HIDDEN })
  setState(
    @CurrentUser() user: AuthUser,
    @IdParam('question') id: string,
    @Body() body: HotlineStateBody,
  ): Promise<HotlineThreadDto> {
    return this.hotline.setState(user, id, body.state);
  }

  @Post('requests/:id/faq')
  @Roles(Role.Secretariat)
  @ApiCreatedResponse({ type: HotlineFaqResponse, description: 'The answer saved as a FAQ entry.' })
  @ApiBadRequestResponse({ description: 'The message is not the secretariat’s answer here.' })
  @ApiNotFoundResponse({ description: HIDDEN })
  faqFromRequest(
    @CurrentUser() user: AuthUser,
    @IdParam('question') id: string,
    @Body() body: HotlineFaqFromRequestBody,
  ): Promise<HotlineFaqDto> {
    return this.hotline.faqFromRequest(user, id, body);
  }

  @Get('faq')
  @ApiPageResponse(
    HotlineFaqResponse,
    'Published FAQ entries (the secretariat sees drafts too); with q, those matching it best first.',
  )
  faqList(
    @CurrentUser() user: AuthUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<HotlineFaqDto>> {
    return this.hotline.faqList(user, query);
  }

  @Post('faq')
  @Roles(Role.Secretariat)
  @ApiCreatedResponse({ type: HotlineFaqResponse })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid.' })
  createFaq(
    @CurrentUser() user: AuthUser,
    @Body() body: SaveHotlineFaqBody,
  ): Promise<HotlineFaqDto> {
    return this.hotline.createFaq(user, body);
  }

  @Get('faq/:id')
  @ApiOkResponse({ type: HotlineFaqResponse })
  @ApiNotFoundResponse({ description: HIDDEN_FAQ })
  faq(@CurrentUser() user: AuthUser, @IdParam('FAQ entry') id: string): Promise<HotlineFaqDto> {
    return this.hotline.faq(user, id);
  }

  @Patch('faq/:id')
  @Roles(Role.Secretariat)
  @ApiOkResponse({ type: HotlineFaqResponse, description: 'Changed (published: true publishes).' })
  @ApiBadRequestResponse({ description: 'A field is invalid.' })
  @ApiNotFoundResponse({ description: HIDDEN_FAQ })
  updateFaq(
    @CurrentUser() user: AuthUser,
    @IdParam('FAQ entry') id: string,
    @Body() body: UpdateHotlineFaqBody,
  ): Promise<HotlineFaqDto> {
    return this.hotline.updateFaq(user, id, body);
  }

  @Delete('faq/:id')
  @Roles(Role.Secretariat)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ description: HIDDEN_FAQ })
  removeFaq(@CurrentUser() user: AuthUser, @IdParam('FAQ entry') id: string): Promise<void> {
    return this.hotline.removeFaq(user, id);
  }
}
