import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiBadRequestResponse,
} from '@nestjs/swagger';
import type { Page, SurveyComparisonDto, SurveyResultsDto, TextAnswerDto } from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiPageResponse } from '../common/api-page';
import { attachmentHeader } from '../common/file-download';
import { IdParam } from '../common/id-param';
import { binaryContent } from '../common/openapi';
import { HIDDEN_SURVEY } from './survey-rules';
import {
  ResultsQueryDto,
  SurveyComparisonResponse,
  SurveyResultsResponse,
  TextAnswerResponse,
  TextAnswersQueryDto,
} from './survey-results.dto';
import { SurveyResultsService } from './survey-results.service';

@ApiTags('surveys')
@ApiCookieAuth()
@Controller()
export class SurveyResultsController {
  constructor(private readonly results: SurveyResultsService) {}

  @Get('surveys/:id/results')
  @ApiOkResponse({ type: SurveyResultsResponse })
  @ApiBadRequestResponse({
    description: 'The filter names no choice question and option of the survey.',
  })
  @ApiNotFoundResponse({ description: HIDDEN_SURVEY })
  get(
    @CurrentUser() user: AuthUser,
    @IdParam('survey') id: string,
    @Query() query: ResultsQueryDto,
  ): Promise<SurveyResultsDto> {
    return this.results.results(user, id, query);
  }

  @Get('surveys/:id/results/texts')
  @ApiPageResponse(TextAnswerResponse, 'A text question’s answers, newest first.')
  @ApiNotFoundResponse({ description: HIDDEN_SURVEY })
  texts(
    @CurrentUser() user: AuthUser,
    @IdParam('survey') id: string,
    @Query() query: TextAnswersQueryDto,
  ): Promise<Page<TextAnswerDto>> {
    return this.results.texts(user, id, query);
  }

  @Get('surveys/:id/export.csv')
  @ApiOkResponse({
    description: 'One line per response for Danish Excel: UTF-8 with BOM, `;`, CRLF.',
    content: binaryContent('text/csv'),
  })
  @ApiNotFoundResponse({ description: HIDDEN_SURVEY })
  async exportCsv(
    @CurrentUser() user: AuthUser,
    @IdParam('survey') id: string,
  ): Promise<StreamableFile> {
    const { csv, fileName } = await this.results.exportCsv(user, id);
    const body = Buffer.from(csv, 'utf8');
    return new StreamableFile(body, {
      type: 'text/csv; charset=utf-8',
      length: body.length,
      disposition: attachmentHeader(fileName),
    });
  }

  @Get('surveys/:id/poster.svg')
  @ApiOkResponse({
    description: 'An A4 poster with the QR code of the public link.',
    content: binaryContent('image/svg+xml'),
  })
  @ApiForbiddenResponse({ description: 'Only those who may change the survey get its poster.' })
  @ApiNotFoundResponse({ description: HIDDEN_SURVEY })
  async poster(
    @CurrentUser() user: AuthUser,
    @IdParam('survey') id: string,
  ): Promise<StreamableFile> {
    const { svg, fileName } = await this.results.poster(user, id);
    const body = Buffer.from(svg, 'utf8');
    return new StreamableFile(body, {
      type: 'image/svg+xml; charset=utf-8',
      length: body.length,
      disposition: attachmentHeader(fileName),
    });
  }

  @Get('survey-templates/:id/comparison')
  @ApiOkResponse({ type: SurveyComparisonResponse })
  @ApiForbiddenResponse({
    description: 'Only the secretariat compares copies across municipalities.',
  })
  @ApiNotFoundResponse({ description: 'No such template, or not one you may see.' })
  comparison(
    @CurrentUser() user: AuthUser,
    @IdParam('template') id: string,
  ): Promise<SurveyComparisonDto> {
    return this.results.comparison(user, id);
  }
}
