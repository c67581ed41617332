import { Body, Controller, Get, Param, Post, Query, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type {
  Page,
  PublicSurveyDto,
  PublishedSurveyResultsDto,
  SurveyResponseReceiptDto,
} from '@blup/contracts';
import { Public } from '../auth/public.decorator';
import { RetryAfterFilter } from '../auth/sign-in-rate-limiter';
import { ApiPageResponse } from '../common/api-page';
import { PageQueryDto } from '../common/pagination';
import { ClientIp } from './client-ip';
import { PublicSurveysService } from './public-surveys.service';
import { PublishedSurveyResultsResponse } from './survey-results.dto';
import { SurveyResultsService } from './survey-results.service';
import {
  PublicSurveyResponse,
  SubmitSurveyResponseBody,
  SurveyResponseReceiptResponse,
} from './surveys.dto';

const NO_SURVEY = 'No open survey at this address (unknown, or still a draft).';

@ApiTags('surveys')
@UseFilters(RetryAfterFilter)
@Controller('public')
export class PublicSurveysController {
  constructor(
    private readonly surveys: PublicSurveysService,
    private readonly results: SurveyResultsService,
  ) {}

  @Public()
  @Get('surveys/:token')
  @ApiOkResponse({ type: PublicSurveyResponse })
  @ApiNotFoundResponse({ description: NO_SURVEY })
  @ApiGoneResponse({ description: 'The survey is closed (survey_closed).' })
  get(@Param('token') token: string): Promise<PublicSurveyDto> {
    return this.surveys.get(token);
  }

  @Public()
  @Post('surveys/:token/responses')
  @ApiCreatedResponse({
    type: SurveyResponseReceiptResponse,
    description:
      'Stored; sending the same id again answers with the same receipt and stores nothing.',
  })
  @ApiBadRequestResponse({
    description:
      'An answer to an unknown or hidden question, of the wrong type or too long, a required one missing (survey_answer_invalid, naming the question), a personal-data answer without consent (consent_missing), or a personal link not made for this survey.',
  })
  @ApiForbiddenResponse({
    description: 'Only personal links take answers (survey_personal_link_required).',
  })
  @ApiNotFoundResponse({ description: NO_SURVEY })
  @ApiConflictResponse({
    description:
      'This device answered already (already_answered_here; send anotherPerson), the personal link was used (survey_already_answered), or the survey opens later (survey_not_open).',
  })
  @ApiGoneResponse({ description: 'The survey is closed (survey_closed).' })
  @ApiTooManyRequestsResponse({ description: 'Too many answers from this network.' })
  submit(
    @Param('token') token: string,
    @Body() body: SubmitSurveyResponseBody,
    @ClientIp() ip: string | undefined,
  ): Promise<SurveyResponseReceiptDto> {
    return this.surveys.submit(token, body, ip);
  }

  @Public()
  @Get('plans/:slug/survey-results')
  @ApiPageResponse(
    PublishedSurveyResultsResponse,
    'The results a village chose to publish, while its plan is published.',
  )
  @ApiNotFoundResponse({ description: 'No published plan at this address.' })
  published(
    @Param('slug') slug: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<PublishedSurveyResultsDto>> {
    return this.results.published(slug, query);
  }
}
