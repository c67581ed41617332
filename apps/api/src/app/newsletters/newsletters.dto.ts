import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NEWSLETTER_LIMITS,
  NEWSLETTER_SEND_MODES,
  NEWSLETTER_STATUSES,
  NEWSLETTER_TARGET_KINDS,
  NewsletterSendMode,
  NewsletterStatus,
  NewsletterTargetKind,
  type CreateNewsletterRequest,
  type NewsletterArchiveItemDto,
  type NewsletterCardOption,
  type NewsletterVillageCardOption,
  type NewsletterDto,
  type NewsletterFailure,
  type NewsletterPreviewDto,
  type NewsletterProgressDto,
  type NewsletterSummaryDto,
  type NewsletterTargetDto,
  type NewsletterTargetOption,
  type NewsletterTargetVillage,
  type NewsletterTestResult,
  type NewsletterWebVersionDto,
  type NewsletterArchiveQuery,
  type NewsletterBlock,
  type NewsletterCardOptionsQuery,
  type NewsletterTargetRef,
  type NewsletterTargetsQuery,
  type NewslettersQuery,
  type PreviewNewsletterRequest,
  type ScheduleNewsletterRequest,
  type UpdateNewsletterRequest,
} from '@blup/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { Optional, TextField } from '../common/text-fields';
import { isIsoInstant } from '../common/iso-date';

const BLOCKS_DESCRIPTION =
  'Content blocks in order: {type:"text",html} (sanitised: h2, h3, p, br, ul, ol, li, a, strong, em, blockquote, img), ' +
  '{type:"lesson"|"video",lessonId}, {type:"next_steps",heading?,items[]}, {type:"session"} (session newsletters only), ' +
  '{type:"village_card",kind:"goal"|"initiative",id} (only of a village whose plan is published). ' +
  'Subject and text blocks may hold {{navn}} and {{landsby}}.';

export class NewsletterTargetBody implements NewsletterTargetRef {
  @ApiProperty({ enum: NewsletterTargetKind, enumName: 'NewsletterTargetKind' })
  @IsIn(NEWSLETTER_TARGET_KINDS, {
    message: `target.kind must be one of ${NEWSLETTER_TARGET_KINDS.join(', ')}`,
  })
  kind: NewsletterTargetKind;

  @ApiProperty({
    format: 'uuid',
    description: 'The planned session, session, cohort, village or course.',
  })
  @IsUUID('all', { message: 'target.id must be an id (a UUID)' })
  id: string;
}

const BlocksField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      type: 'array',
      items: { type: 'object' },
      description: BLOCKS_DESCRIPTION,
      maxItems: NEWSLETTER_LIMITS.blocks,
    }),
    Optional(),
    IsArray({ message: 'blocks must be a list of blocks' }),
    ArrayMaxSize(NEWSLETTER_LIMITS.blocks, {
      message: `blocks can hold at most ${NEWSLETTER_LIMITS.blocks} blocks`,
    }),
  );

export class CreateNewsletterBody implements CreateNewsletterRequest {
  @ApiProperty({ type: NewsletterTargetBody })
  @ValidateNested()
  @Type(() => NewsletterTargetBody)
  target: NewsletterTargetBody;

  @ApiProperty({ maxLength: NEWSLETTER_LIMITS.subject })
  @TextField('subject', NEWSLETTER_LIMITS.subject)
  subject: string;

  @ApiPropertyOptional({
    maxLength: NEWSLETTER_LIMITS.preheader,
    description: 'The short line mail apps show after the subject.',
  })
  @Optional()
  @TextField('preheader', NEWSLETTER_LIMITS.preheader, { allowEmpty: true })
  preheader?: string;

  @BlocksField()
  blocks?: NewsletterBlock[];

  @ApiPropertyOptional({
    description: 'Also send to the confirmed citizen-panel subscribers of each village.',
  })
  @Optional()
  @IsBoolean({ message: 'includePanel must be true or false' })
  includePanel?: boolean;
}

export class UpdateNewsletterBody implements UpdateNewsletterRequest {
  @ApiPropertyOptional({ maxLength: NEWSLETTER_LIMITS.subject })
  @Optional()
  @TextField('subject', NEWSLETTER_LIMITS.subject)
  subject?: string;

  @ApiPropertyOptional({ maxLength: NEWSLETTER_LIMITS.preheader })
  @Optional()
  @TextField('preheader', NEWSLETTER_LIMITS.preheader, { allowEmpty: true })
  preheader?: string;

  @BlocksField()
  blocks?: NewsletterBlock[];

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'includePanel must be true or false' })
  includePanel?: boolean;
}

export class PreviewNewsletterBody implements PreviewNewsletterRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Personalise for this village (one the newsletter goes to).',
  })
  @Optional()
  @IsUUID('all', { message: 'villageId must be a village id (a UUID)' })
  villageId?: string;
}

export class ScheduleNewsletterBody implements ScheduleNewsletterRequest {
  @ApiProperty({ enum: NewsletterSendMode, enumName: 'NewsletterSendMode' })
  @IsIn(NEWSLETTER_SEND_MODES, {
    message: `mode must be one of ${NEWSLETTER_SEND_MODES.join(', ')}`,
  })
  mode: NewsletterSendMode;

  @ApiPropertyOptional({
    minimum: NEWSLETTER_LIMITS.daysBeforeMin,
    maximum: NEWSLETTER_LIMITS.daysBeforeMax,
    default: NEWSLETTER_LIMITS.defaultDaysBefore,
    description: 'days_before: how many days before the session (sent at 09:00 Danish time).',
  })
  @ValidateIf(
    (o: ScheduleNewsletterBody, v) => o.mode === NewsletterSendMode.DaysBefore && v !== undefined,
  )
  @IsInt({ message: 'daysBefore must be a whole number' })
  @Min(NEWSLETTER_LIMITS.daysBeforeMin, {
    message: `daysBefore must be ${NEWSLETTER_LIMITS.daysBeforeMin} or more`,
  })
  @Max(NEWSLETTER_LIMITS.daysBeforeMax, {
    message: `daysBefore can be at most ${NEWSLETTER_LIMITS.daysBeforeMax}`,
  })
  daysBefore?: number;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2027-03-18T09:00:00+01:00',
    description: 'at: when to send.',
  })
  @ValidateIf((o: ScheduleNewsletterBody, v) => o.mode === NewsletterSendMode.At || v !== undefined)
  @ValidateBy(
    { name: 'isoInstant', validator: { validate: (v) => isIsoInstant(v) } },
    {
      message: 'sendAt must be a date and time with its UTC offset, e.g. 2027-03-18T09:00:00+01:00',
    },
  )
  sendAt?: string;
}

export class NewslettersQueryDto extends PageQueryDto implements NewslettersQuery {
  @ApiPropertyOptional({ enum: NewsletterStatus, enumName: 'NewsletterStatus' })
  @IsOptional()
  @IsIn(NEWSLETTER_STATUSES, { message: `status must be one of ${NEWSLETTER_STATUSES.join(', ')}` })
  status?: NewsletterStatus;
}

export class ArchiveQueryDto extends PageQueryDto implements NewsletterArchiveQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'villageId must be a village id (a UUID)' })
  villageId?: string;
}

export class TargetsQueryDto extends PageQueryDto implements NewsletterTargetsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'cohortId must be a cohort id (a UUID)' })
  cohortId?: string;
}

export class CardOptionsQueryDto extends PageQueryDto implements NewsletterCardOptionsQuery {
  @ApiPropertyOptional({ description: 'Only inspiration videos.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === true
      ? true
      : value === 'false' || value === false
        ? false
        : value,
  )
  @IsBoolean({ message: 'inspiration must be true or false' })
  inspiration?: boolean;
}

/** The village card picker: `q` matches the goal's or initiative's title or the village's name. */
export class VillageCardOptionsQueryDto extends PageQueryDto {}

export class WebVersionQueryDto {
  @ApiPropertyOptional({
    description:
      'The village whose copy to show, signed for this newsletter (`<villageId>.<signature>`), as in the links the mails carry. Anything else: 404.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  v?: string;
}

export class ReadQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'villageId must be a village id (a UUID)' })
  villageId?: string;
}

// ---- Responses ----

export class NewsletterTargetResponse implements NewsletterTargetDto {
  @ApiProperty({ enum: NewsletterTargetKind, enumName: 'NewsletterTargetKind' })
  kind: NewsletterTargetKind;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Session or plan title; cohort, village or course name.' })
  title: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) cohortId: string | null;
  @ApiProperty({ nullable: true, type: String }) cohortName: string | null;
  @ApiProperty({ nullable: true, enum: ['village', 'coordinator'] })
  circleKind: 'village' | 'coordinator' | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) startsAt: string | null;
}

export class NewsletterSummaryResponse implements NewsletterSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NewsletterStatus, enumName: 'NewsletterStatus' }) status: NewsletterStatus;
  @ApiProperty() subject: string;
  @ApiProperty({ type: NewsletterTargetResponse }) target: NewsletterTargetResponse;
  @ApiProperty() includePanel: boolean;
  @ApiProperty({ nullable: true, enum: NewsletterSendMode, enumName: 'NewsletterSendMode' })
  sendMode: NewsletterSendMode | null;
  @ApiProperty({ nullable: true, type: Number }) daysBefore: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sendAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  sendingStartedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class NewsletterVillageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class NewsletterResponse extends NewsletterSummaryResponse implements NewsletterDto {
  @ApiProperty() preheader: string;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: BLOCKS_DESCRIPTION })
  blocks: NewsletterBlock[];
  @ApiProperty({ description: 'The village-neutral public web version.' }) webUrl: string;
  @ApiProperty() webToken: string;
  @ApiProperty({ type: [NewsletterVillageResponse] }) villages: NewsletterVillageResponse[];
  @ApiProperty() canEdit: boolean;
}

export class NewsletterPreviewResponse implements NewsletterPreviewDto {
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'The whole HTML document of the mail.' }) html: string;
  @ApiProperty() text: string;
}

export class NewsletterTestResultResponse implements NewsletterTestResult {
  @ApiProperty({ description: 'Where the test copy went: your own address.' }) email: string;
}

export class NewsletterFailureResponse implements NewsletterFailure {
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['failed', 'bounced'] }) status: 'failed' | 'bounced';
  @ApiProperty({ nullable: true, type: String }) error: string | null;
}

export class NewsletterProgressResponse implements NewsletterProgressDto {
  @ApiProperty({ enum: NewsletterStatus, enumName: 'NewsletterStatus' }) status: NewsletterStatus;
  @ApiProperty() total: number;
  @ApiProperty() sent: number;
  @ApiProperty() failed: number;
  @ApiProperty() bounced: number;
  @ApiProperty({ description: 'Waiting or being sent.' }) pending: number;
  @ApiProperty({ type: [NewsletterFailureResponse], description: 'The first 50.' })
  failures: NewsletterFailureResponse[];
}

export class NewsletterArchiveItemResponse implements NewsletterArchiveItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() subject: string;
  @ApiProperty() preheader: string;
  @ApiProperty({ type: NewsletterTargetResponse }) target: NewsletterTargetResponse;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) villageId: string | null;
  @ApiProperty() webUrl: string;
}

export class NewsletterWebVersionResponse implements NewsletterWebVersionDto {
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'The whole HTML document of the copy.' }) html: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) villageId: string | null;
  @ApiProperty({ nullable: true, type: String }) villageName: string | null;
}

export class NewsletterTargetVillageResponse implements NewsletterTargetVillage {
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty() villageName: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
}

export class NewsletterTargetOptionResponse
  extends NewsletterTargetResponse
  implements NewsletterTargetOption
{
  @ApiProperty({ enum: ['plan', 'session'] })
  declare kind: NewsletterTargetKind.Plan | NewsletterTargetKind.Session;
  @ApiProperty({ type: [NewsletterTargetVillageResponse] })
  villages: NewsletterTargetVillageResponse[];
  @ApiProperty({ type: [String], description: 'Newsletters already written for it.' })
  newsletterIds: string[];
}

export class NewsletterVillageCardOptionResponse implements NewsletterVillageCardOption {
  @ApiProperty({ enum: ['goal', 'initiative'] }) kind: 'goal' | 'initiative';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty() villageName: string;
}

export class NewsletterCardOptionResponse implements NewsletterCardOption {
  @ApiProperty({ format: 'uuid' }) lessonId: string;
  @ApiProperty() title: string;
  @ApiProperty() moduleTitle: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty() inspiration: boolean;
  @ApiProperty({ nullable: true, type: String }) thumbnailUrl: string | null;
}
