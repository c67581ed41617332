import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HOTLINE_LIMITS,
  HOTLINE_STATES,
  HotlineState,
  type AskHotlineRequest,
  type HotlineFaqDto,
  type HotlineFaqFromRequest,
  type HotlineMessageDto,
  type HotlineMessageRequest,
  type HotlineMunicipalityStatsDto,
  type HotlineQueueQuery,
  type HotlineRequestDto,
  type HotlineStateCounts,
  type HotlineStateRequest,
  type HotlineStatsDto,
  type HotlineThreadDto,
  type HotlineVia,
  type SaveHotlineFaqRequest,
} from '@blup/contracts';
import { IsBoolean, IsIn, IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { PageQueryDto, WholeNumberParam } from '../common/pagination';
import { Optional, TextField } from '../common/text-fields';

const L = HOTLINE_LIMITS;
const STATE_MESSAGE = `state must be one of ${HOTLINE_STATES.join(', ')}`;

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export class HotlineMessageResponse implements HotlineMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId: string | null;
  @ApiProperty({ type: String, nullable: true }) authorName: string | null;
  @ApiProperty() fromSecretariat: boolean;
  @ApiProperty() body: string;
  @ApiProperty({ enum: ['app', 'mail'] }) via: HotlineVia;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class HotlineRequestResponse implements HotlineRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) askerId: string;
  @ApiProperty() askerName: string;
  @ApiProperty() askerEmail: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) villageId: string | null;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) municipalityId: string | null;
  @ApiProperty({ type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty({ example: '/landsby/plan' }) pagePath: string;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: HotlineState, enumName: 'HotlineState' }) state: HotlineState;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstResponseAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) firstResponseMinutes: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ format: 'date-time' }) lastMessageAt: string;
  @ApiProperty() messageCount: number;
  @ApiProperty() version: number;
}

export class HotlineThreadResponse extends HotlineRequestResponse implements HotlineThreadDto {
  @ApiProperty({ type: [HotlineMessageResponse] }) messages: HotlineMessageDto[];
}

export class HotlineStateCountsResponse implements HotlineStateCounts {
  @ApiProperty() new: number;
  @ApiProperty() open: number;
  @ApiProperty() waiting: number;
  @ApiProperty() closed: number;
}

export class HotlineFaqResponse implements HotlineFaqDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() question: string;
  @ApiProperty() answer: string;
  @ApiProperty() published: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) sourceRequestId: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class HotlineMunicipalityStatsResponse implements HotlineMunicipalityStatsDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) municipalityId: string | null;
  @ApiProperty({ type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty() count: number;
  @ApiProperty() answered: number;
  @ApiProperty({ type: Number, nullable: true }) medianFirstResponseMinutes: number | null;
}

export class HotlineStatsResponse implements HotlineStatsDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [HotlineMunicipalityStatsResponse] })
  municipalities: HotlineMunicipalityStatsDto[];
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export class AskHotlineBody implements AskHotlineRequest {
  @ApiProperty({ maxLength: L.subjectMaxLength, example: 'Hvordan inviterer vi borgerpanelet?' })
  @TextField('subject', L.subjectMaxLength)
  subject: string;

  @ApiProperty({ maxLength: L.bodyMaxLength })
  @TextField('body', L.bodyMaxLength, { multiline: true })
  body: string;

  @ApiProperty({
    maxLength: L.pagePathMaxLength,
    example: '/landsby/plan',
    description: 'The address in the app the question was asked from (a path starting with /).',
  })
  @TextField('pagePath', L.pagePathMaxLength)
  @Matches(/^\/(?!\/)\S*$/, {
    message: 'pagePath must be a path in the app, starting with one /',
  })
  pagePath: string;
}

export class HotlineMessageBody implements HotlineMessageRequest {
  @ApiProperty({ maxLength: L.bodyMaxLength })
  @TextField('body', L.bodyMaxLength, { multiline: true })
  body: string;
}

export class HotlineStateBody implements HotlineStateRequest {
  @ApiProperty({ enum: HotlineState, enumName: 'HotlineState' })
  @IsIn(HOTLINE_STATES, { message: STATE_MESSAGE })
  state: HotlineState;
}

export class HotlineQueueQueryDto extends PageQueryDto implements HotlineQueueQuery {
  @ApiPropertyOptional({ enum: HotlineState, enumName: 'HotlineState' })
  @Optional()
  @IsIn(HOTLINE_STATES, { message: STATE_MESSAGE })
  state?: HotlineState;
}

export class HotlineStatsQueryDto {
  @ApiProperty({ minimum: 2020, maximum: 2100, example: 2026 })
  @WholeNumberParam()
  @Max(2100, { message: 'year must be from 2020 to 2100' })
  @Min(2020, { message: 'year must be from 2020 to 2100' })
  @IsInt({ message: 'year must be a whole number, like 2026' })
  year: number;
}

export class SaveHotlineFaqBody implements SaveHotlineFaqRequest {
  @ApiProperty({ maxLength: L.faqQuestionMaxLength })
  @TextField('question', L.faqQuestionMaxLength)
  question: string;

  @ApiProperty({ maxLength: L.faqAnswerMaxLength })
  @TextField('answer', L.faqAnswerMaxLength, { multiline: true })
  answer: string;

  @ApiPropertyOptional({ default: false })
  @Optional()
  @IsBoolean({ message: 'published must be true or false' })
  published?: boolean;
}

export class UpdateHotlineFaqBody implements Partial<SaveHotlineFaqRequest> {
  @ApiPropertyOptional({ maxLength: L.faqQuestionMaxLength })
  @Optional()
  @TextField('question', L.faqQuestionMaxLength)
  question?: string;

  @ApiPropertyOptional({ maxLength: L.faqAnswerMaxLength })
  @Optional()
  @TextField('answer', L.faqAnswerMaxLength, { multiline: true })
  answer?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'published must be true or false' })
  published?: boolean;
}

export class HotlineFaqFromRequestBody implements HotlineFaqFromRequest {
  @ApiProperty({ format: 'uuid', description: 'The secretariat’s answer to save.' })
  @IsUUID('all', { message: 'messageId must be the id of a message (a UUID)' })
  messageId: string;

  @ApiProperty({ maxLength: L.faqQuestionMaxLength })
  @TextField('question', L.faqQuestionMaxLength)
  question: string;

  @ApiPropertyOptional({ default: false })
  @Optional()
  @IsBoolean({ message: 'published must be true or false' })
  published?: boolean;
}
