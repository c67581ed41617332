import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  QuestionKind,
  type OptionCountDto,
  type PublishedSurveyResultsDto,
  type QuestionResultDto,
  type SurveyComparisonDto,
  type SurveyOptionDto,
  type SurveyQuestionDto,
  type SurveyResultsDto,
  type SurveyResultsQuery,
  type SurveyTextAnswersQuery,
  type TextAnswerDto,
} from '@blup/contracts';
import { IsNotEmpty, IsString, Matches, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { Optional } from '../common/text-fields';
import { CONTENT_ID } from './survey-content';
import { SurveyOptionResponse, SurveyQuestionResponse } from './surveys.dto';

const ID_MESSAGE = (field: string) =>
  `${field} must be a question or option id (1–40 letters, digits, - or _)`;

export class OptionCountResponse implements OptionCountDto {
  @ApiProperty() optionId: string;
  @ApiProperty() count: number;
}

export class RowCountResponse {
  @ApiProperty() rowId: string;
  @ApiProperty({ type: [OptionCountResponse] }) options: OptionCountDto[];
}

export class ScaleCountResponse {
  @ApiProperty({ minimum: 1, maximum: 5 }) value: number;
  @ApiProperty() count: number;
}

export class RankingResultResponse {
  @ApiProperty() optionId: string;
  @ApiProperty() meanPosition: number;
  @ApiProperty() firstPlaces: number;
}

export class QuestionResultResponse implements QuestionResultDto {
  @ApiProperty() questionId: string;
  @ApiProperty({ enum: QuestionKind, enumName: 'QuestionKind' }) kind: QuestionKind;
  @ApiProperty() answered: number;
  @ApiProperty({ type: [OptionCountResponse] }) options: OptionCountDto[];
  @ApiProperty({ type: [RowCountResponse] }) rows: { rowId: string; options: OptionCountDto[] }[];
  @ApiProperty({ type: [ScaleCountResponse] }) scale: { value: number; count: number }[];
  @ApiProperty({ type: Number, nullable: true }) mean: number | null;
  @ApiProperty({ type: [RankingResultResponse] })
  ranking: { optionId: string; meanPosition: number; firstPlaces: number }[];
}

export class ResultsFilterResponse {
  @ApiProperty() questionId: string;
  @ApiProperty() optionId: string;
}

export class SurveyResultsResponse implements SurveyResultsDto {
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty() responses: number;
  @ApiProperty({ type: ResultsFilterResponse, nullable: true })
  filter: { questionId: string; optionId: string } | null;
  @ApiProperty({ type: [QuestionResultResponse] }) questions: QuestionResultDto[];
  @ApiProperty({ format: 'date-time' }) readAt: string;
}

export class TextAnswerResponse implements TextAnswerDto {
  @ApiProperty({ format: 'uuid' }) responseId: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
}

export class ComparisonColumnResponse {
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty() ownerName: string;
  @ApiProperty() responses: number;
}

export class ComparisonQuestionResponse {
  @ApiProperty() questionId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: QuestionKind, enumName: 'QuestionKind' }) kind: QuestionKind;
  @ApiProperty({ type: [SurveyOptionResponse] }) options: SurveyOptionDto[];
  @ApiProperty({
    type: [QuestionResultResponse],
    description: 'Per column, in the same order; null where that copy dropped the question.',
  })
  results: (QuestionResultDto | null)[];
}

export class SurveyComparisonResponse implements SurveyComparisonDto {
  @ApiProperty({ format: 'uuid' }) templateId: string;
  @ApiProperty() templateTitle: string;
  @ApiProperty({ type: [ComparisonColumnResponse] })
  columns: { surveyId: string; ownerName: string; responses: number }[];
  @ApiProperty({ type: [ComparisonQuestionResponse] })
  questions: SurveyComparisonDto['questions'];
}

export class PublishedQuestionResponse {
  @ApiProperty({ type: SurveyQuestionResponse }) question: SurveyQuestionDto;
  @ApiProperty({ type: QuestionResultResponse }) result: QuestionResultDto;
}

export class PublishedSurveyResultsResponse implements PublishedSurveyResultsDto {
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty() title: string;
  @ApiProperty() responses: number;
  @ApiProperty({ type: [PublishedQuestionResponse] })
  questions: { question: SurveyQuestionDto; result: QuestionResultDto }[];
}

/** `?questionId=&optionId=`: only the respondents who chose that option (both or neither). */
export class ResultsQueryDto implements SurveyResultsQuery {
  @ApiPropertyOptional({ description: 'Filter: a single or multiple choice question.' })
  @ValidateIf((o: ResultsQueryDto) => o.questionId !== undefined || o.optionId !== undefined)
  @Matches(CONTENT_ID, { message: ID_MESSAGE('questionId') })
  @IsNotEmpty({ message: 'questionId and optionId go together: send both, or neither' })
  @IsString({ message: ID_MESSAGE('questionId') })
  questionId?: string;

  @ApiPropertyOptional({ description: 'Filter: one of that question’s options.' })
  @ValidateIf((o: ResultsQueryDto) => o.questionId !== undefined || o.optionId !== undefined)
  @Matches(CONTENT_ID, { message: ID_MESSAGE('optionId') })
  @IsNotEmpty({ message: 'questionId and optionId go together: send both, or neither' })
  @IsString({ message: ID_MESSAGE('optionId') })
  optionId?: string;
}

/** `?questionId=` (a text question) with the page, and optionally the group filter. */
export class TextAnswersQueryDto extends PageQueryDto implements SurveyTextAnswersQuery {
  @ApiProperty({ description: 'A short or long text question.' })
  @Matches(CONTENT_ID, { message: ID_MESSAGE('questionId') })
  @IsString({ message: ID_MESSAGE('questionId') })
  questionId: string;

  @ApiPropertyOptional({ description: 'Filter: a single or multiple choice question.' })
  @Optional()
  @Matches(CONTENT_ID, { message: ID_MESSAGE('filterQuestionId') })
  @IsString({ message: ID_MESSAGE('filterQuestionId') })
  filterQuestionId?: string;

  @ApiPropertyOptional({ description: 'Filter: one of that question’s options.' })
  @Optional()
  @Matches(CONTENT_ID, { message: ID_MESSAGE('filterOptionId') })
  @IsString({ message: ID_MESSAGE('filterOptionId') })
  filterOptionId?: string;
}
