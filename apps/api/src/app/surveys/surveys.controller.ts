import { Body, Controller, Delete, Get, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Page, SurveyDto, SurveySummaryDto } from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiPageResponse } from '../common/api-page';
import { ApiCreate, ApiDelete, ApiVersionedUpdate, type WriteRefusals } from '../common/api-writes';
import { IdParam } from '../common/id-param';
import { PageQueryDto } from '../common/pagination';
import { HIDDEN_SURVEY, READ_ONLY } from './survey-rules';
import {
  CreateSurveyBody,
  SurveyResponse,
  SurveyStatusBody,
  SurveySummaryResponse,
  UpdateSurveyBody,
} from './surveys.dto';
import { SurveysService } from './surveys.service';

const NO_VILLAGE = 'No such village, or not one you may see.';
const NO_MUNICIPALITY = 'No such municipality, or not one you may see.';
const SURVEY_WRITE: WriteRefusals = { readOnly: READ_ONLY, notFound: HIDDEN_SURVEY };
const CREATE_BAD = 'A field is invalid, or copyFromId names no template or survey of yours.';

@ApiTags('surveys')
@ApiCookieAuth()
@Controller()
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Get('villages/:villageId/surveys')
  @ApiPageResponse(SurveySummaryResponse, 'A village’s surveys, newest first.')
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  villageList(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<SurveySummaryDto>> {
    return this.surveys.list(user, { kind: 'village', villageId }, query);
  }

  @Post('villages/:villageId/surveys')
  @ApiCreate(SurveyResponse, CREATE_BAD, { readOnly: READ_ONLY, notFound: NO_VILLAGE })
  villageCreate(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Body() body: CreateSurveyBody,
  ): Promise<SurveyDto> {
    return this.surveys.create(user, { kind: 'village', villageId }, body);
  }

  @Get('municipalities/:municipalityId/surveys')
  @ApiPageResponse(SurveySummaryResponse, 'A municipality’s own surveys, newest first.')
  @ApiNotFoundResponse({ description: NO_MUNICIPALITY })
  municipalityList(
    @CurrentUser() user: AuthUser,
    @IdParam('municipality', 'municipalityId') municipalityId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<SurveySummaryDto>> {
    return this.surveys.list(user, { kind: 'municipality', municipalityId }, query);
  }

  @Post('municipalities/:municipalityId/surveys')
  @ApiCreate(SurveyResponse, CREATE_BAD, { readOnly: READ_ONLY, notFound: NO_MUNICIPALITY })
  municipalityCreate(
    @CurrentUser() user: AuthUser,
    @IdParam('municipality', 'municipalityId') municipalityId: string,
    @Body() body: CreateSurveyBody,
  ): Promise<SurveyDto> {
    return this.surveys.create(user, { kind: 'municipality', municipalityId }, body);
  }

  @Get('survey-templates')
  @ApiPageResponse(SurveySummaryResponse, 'The secretariat’s templates, to copy.')
  @ApiForbiddenResponse({ description: 'Learners run no surveys, so they see no templates.' })
  templates(
    @CurrentUser() user: AuthUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<SurveySummaryDto>> {
    return this.surveys.list(user, { kind: 'template' }, query);
  }

  @Post('survey-templates')
  @ApiCreate(SurveyResponse, CREATE_BAD, {
    readOnly: 'Only the secretariat writes templates.',
    notFound: HIDDEN_SURVEY,
  })
  createTemplate(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateSurveyBody,
  ): Promise<SurveyDto> {
    return this.surveys.create(user, { kind: 'template' }, body);
  }

  @Get('surveys/:id')
  @ApiOkResponse({ type: SurveyResponse })
  @ApiNotFoundResponse({ description: HIDDEN_SURVEY })
  get(@CurrentUser() user: AuthUser, @IdParam('survey') id: string): Promise<SurveyDto> {
    return this.surveys.get(user, id);
  }

  @Patch('surveys/:id')
  @ApiVersionedUpdate(
    SurveyResponse,
    'Someone saved the survey since (survey_changed), or answers exist and a question or option was removed (survey_has_answers).',
    SURVEY_WRITE,
  )
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('survey') id: string,
    @Body() body: UpdateSurveyBody,
  ): Promise<SurveyDto> {
    return this.surveys.update(user, id, body);
  }

  @Put('surveys/:id/status')
  @ApiVersionedUpdate(
    SurveyResponse,
    'Someone saved the survey since; nothing was changed.',
    SURVEY_WRITE,
  )
  setStatus(
    @CurrentUser() user: AuthUser,
    @IdParam('survey') id: string,
    @Body() body: SurveyStatusBody,
  ): Promise<SurveyDto> {
    return this.surveys.setStatus(user, id, body);
  }

  @Delete('surveys/:id')
  @ApiDelete('Deleted, with its responses.', SURVEY_WRITE)
  remove(@CurrentUser() user: AuthUser, @IdParam('survey') id: string): Promise<void> {
    return this.surveys.remove(user, id);
  }
}
