import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COURSE_SUMMARY_MAX_LENGTH,
  COURSE_TITLE_MAX_LENGTH,
  CourseAudience,
  LESSON_BODY_MAX_LENGTH,
  LessonKind,
  LOCALES,
  Phase,
  VideoStatus,
  type CourseDto,
  type CourseModuleDto,
  type CourseSummaryDto,
  type CreateCourseRequest,
  type CreateLessonRequest,
  type CreateModuleRequest,
  type LessonDto,
  type LessonProgressDto,
  type LessonSummaryDto,
  type Locale,
  type PlaybackDto,
  type ReorderRequest,
  type ResourceFileDto,
  type UpdateCourseRequest,
  type UpdateLessonRequest,
  type UpdateModuleRequest,
} from '@blup/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { Nullable, Optional, TextField } from '../common/text-fields';

const MONTHS_MAX_LENGTH = 40;

export class LessonProgressResponse implements LessonProgressDto {
  @ApiProperty({ description: 'Where to resume, in seconds.' }) positionSeconds: number;
  @ApiProperty({ description: 'Unique seconds watched.' }) coveredSeconds: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent: number;
  @ApiProperty() completed: boolean;
}

export class LessonSummaryResponse implements LessonSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Hvad er BLUP?' }) title: string;
  @ApiProperty({ enum: LessonKind, enumName: 'LessonKind' }) kind: LessonKind;
  @ApiProperty() position: number;
  @ApiProperty() published: boolean;
  @ApiProperty({ description: 'Newsletters can point to inspiration videos.' })
  inspiration: boolean;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds: number | null;
  @ApiProperty({ enum: VideoStatus, enumName: 'VideoStatus' }) videoStatus: VideoStatus;
  @ApiProperty({ type: LessonProgressResponse }) progress: LessonProgressDto;
}

export class CourseModuleResponse implements CourseModuleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Modul 1: Mobilisering' }) title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ enum: Phase, enumName: 'Phase', nullable: true }) phase: Phase | null;
  @ApiProperty({ example: 'okt.–dec.' }) months: string;
  @ApiProperty() position: number;
  @ApiProperty() published: boolean;
  @ApiProperty({ type: [LessonSummaryResponse] }) lessons: LessonSummaryDto[];
  @ApiProperty({ minimum: 0, maximum: 100 }) percent: number;
}

export class CourseSummaryResponse implements CourseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ enum: CourseAudience, enumName: 'CourseAudience' }) audience: CourseAudience;
  @ApiProperty({ enum: LOCALES }) language: Locale;
  @ApiProperty() published: boolean;
  @ApiProperty() moduleCount: number;
  @ApiProperty() lessonCount: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent: number;
}

export class CourseResponse extends CourseSummaryResponse implements CourseDto {
  @ApiProperty({ type: [CourseModuleResponse] }) modules: CourseModuleDto[];
}

export class ResourceFileResponse implements ResourceFileDto {
  @ApiProperty({ example: 'Styregruppens forretningsorden.docx' }) fileName: string;
  @ApiProperty() mimeType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ example: '/api/lessons/3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b/resource' })
  url: string;
}

export class LessonResponse extends LessonSummaryResponse implements LessonDto {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ format: 'uuid' }) moduleId: string;
  @ApiProperty({ description: 'Text lessons: sanitised HTML.' }) body: string;
  @ApiProperty({ type: ResourceFileResponse, nullable: true }) resource: ResourceFileDto | null;
  @ApiProperty({
    nullable: true,
    type: Object,
    description: 'Always null here: GET /api/lessons/{id}/playback gives it.',
  })
  playback: PlaybackDto | null;
}

export class CreateCourseBody implements CreateCourseRequest {
  @ApiProperty({ maxLength: COURSE_TITLE_MAX_LENGTH })
  @TextField('title', COURSE_TITLE_MAX_LENGTH)
  title: string;

  @ApiPropertyOptional({ maxLength: COURSE_SUMMARY_MAX_LENGTH })
  @Optional()
  @TextField('summary', COURSE_SUMMARY_MAX_LENGTH, { allowEmpty: true, multiline: true })
  summary?: string;

  @ApiProperty({ enum: CourseAudience, enumName: 'CourseAudience' })
  @IsEnum(CourseAudience, { message: 'audience must be village_process or academy' })
  audience: CourseAudience;

  @ApiPropertyOptional({ enum: LOCALES })
  @Optional()
  @IsIn(LOCALES, { message: 'language must be da or en' })
  language?: Locale;
}

export class UpdateCourseBody implements UpdateCourseRequest {
  @ApiPropertyOptional({ maxLength: COURSE_TITLE_MAX_LENGTH })
  @Optional()
  @TextField('title', COURSE_TITLE_MAX_LENGTH)
  title?: string;

  @ApiPropertyOptional({ maxLength: COURSE_SUMMARY_MAX_LENGTH })
  @Optional()
  @TextField('summary', COURSE_SUMMARY_MAX_LENGTH, { allowEmpty: true, multiline: true })
  summary?: string;

  @ApiPropertyOptional({ enum: CourseAudience, enumName: 'CourseAudience' })
  @Optional()
  @IsEnum(CourseAudience, { message: 'audience must be village_process or academy' })
  audience?: CourseAudience;

  @ApiPropertyOptional({ enum: LOCALES })
  @Optional()
  @IsIn(LOCALES, { message: 'language must be da or en' })
  language?: Locale;

  @ApiPropertyOptional({ description: 'Publish (true) or take back to draft (false).' })
  @Optional()
  @IsBoolean({ message: 'published must be true or false' })
  published?: boolean;
}

export class CreateModuleBody implements CreateModuleRequest {
  @ApiProperty({ maxLength: COURSE_TITLE_MAX_LENGTH })
  @TextField('title', COURSE_TITLE_MAX_LENGTH)
  title: string;

  @ApiPropertyOptional({ maxLength: COURSE_SUMMARY_MAX_LENGTH })
  @Optional()
  @TextField('summary', COURSE_SUMMARY_MAX_LENGTH, { allowEmpty: true, multiline: true })
  summary?: string;

  @ApiPropertyOptional({ enum: Phase, enumName: 'Phase', nullable: true })
  @Nullable()
  @IsEnum(Phase, { message: 'phase must be one of the BLUP phases' })
  phase?: Phase | null;

  @ApiPropertyOptional({ maxLength: MONTHS_MAX_LENGTH, example: 'okt.–dec.' })
  @Optional()
  @TextField('months', MONTHS_MAX_LENGTH, { allowEmpty: true })
  months?: string;
}

export class UpdateModuleBody extends CreateModuleBody implements UpdateModuleRequest {
  @ApiPropertyOptional({ maxLength: COURSE_TITLE_MAX_LENGTH })
  @Optional()
  @TextField('title', COURSE_TITLE_MAX_LENGTH)
  declare title: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'published must be true or false' })
  published?: boolean;
}

/** A lesson's HTML body, optional; sanitised by the service before it is stored. */
function LessonBodyField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      maxLength: LESSON_BODY_MAX_LENGTH,
      description: 'HTML; sanitised on the server.',
    }),
    Optional(),
    IsString({ message: 'body must be text' }),
    MaxLength(LESSON_BODY_MAX_LENGTH, {
      message: `body can be at most ${LESSON_BODY_MAX_LENGTH} characters`,
    }),
  );
}

/** Marks a lesson as an inspiration video that newsletters can point to. */
function InspirationField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional(),
    Optional(),
    IsBoolean({ message: 'inspiration must be true or false' }),
  );
}

export class CreateLessonBody implements CreateLessonRequest {
  @ApiProperty({ maxLength: COURSE_TITLE_MAX_LENGTH })
  @TextField('title', COURSE_TITLE_MAX_LENGTH)
  title: string;

  @ApiProperty({ enum: LessonKind, enumName: 'LessonKind' })
  @IsEnum(LessonKind, { message: 'kind must be video, text or resource' })
  kind: LessonKind;

  @LessonBodyField()
  body?: string;

  @InspirationField()
  inspiration?: boolean;
}

export class UpdateLessonBody implements UpdateLessonRequest {
  @ApiPropertyOptional({ maxLength: COURSE_TITLE_MAX_LENGTH })
  @Optional()
  @TextField('title', COURSE_TITLE_MAX_LENGTH)
  title?: string;

  @LessonBodyField()
  body?: string;

  @InspirationField()
  inspiration?: boolean;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'published must be true or false' })
  published?: boolean;
}

export class ReorderBody implements ReorderRequest {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Every child id exactly once.' })
  @IsArray({ message: 'ids must be a list of ids' })
  @ArrayMinSize(1, { message: 'ids cannot be empty' })
  @ArrayMaxSize(500, { message: 'ids can hold at most 500 ids' })
  @IsUUID('all', { each: true, message: 'each of ids must be an id (a UUID)' })
  ids: string[];
}

export class GrantAccessBody {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The people to invite.' })
  @IsArray({ message: 'userIds must be a list of ids' })
  @ArrayMinSize(1, { message: 'userIds cannot be empty' })
  @ArrayMaxSize(500, { message: 'userIds can hold at most 500 ids' })
  @IsUUID('all', { each: true, message: 'each of userIds must be a person id (a UUID)' })
  userIds: string[];
}

/** Swagger only: the multipart body of a resource upload. */
export class ResourceUploadBody {
  @ApiProperty({ type: 'string', format: 'binary', description: 'One PDF, DOCX or XLSX file.' })
  file: unknown;
}
