import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GATHERING_AUDIENCES,
  GATHERING_KINDS,
  GATHERING_LIMITS,
  GATHERING_MODES,
  GatheringAudience,
  GatheringKind,
  GatheringMode,
  GatheringQuestionKind,
  PHASES,
  Phase,
  REGISTRATION_STATUSES,
  RegistrationStatus,
  type CancelGatheringRequest,
  type CheckInRequest,
  type GatheringAnswers,
  type GatheringListQuery,
  type GatheringQuestion,
  type GuestRegisterRequest,
  type RegisterRequest,
  type RegistrationListQuery,
  type RegistrationTokenRequest,
  type SaveGatheringRequest,
  type SaveMinutesRequest,
  type UpdateGatheringRequest,
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
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { MailAddressField, Nullable, Optional, TextField } from '../common/text-fields';
import { HttpsUrl, Instant } from './gathering-fields';

const BooleanQuery = (field: string): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    Transform(({ value }: { value: unknown }) =>
      value === 'true' ? true : value === 'false' ? false : value,
    ),
    IsBoolean({ message: `${field} must be true or false` }),
  );

/** A flat object of short answers: text or whole numbers, at most one per question. */
function isAnswers(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  return (
    entries.length <= GATHERING_LIMITS.questionsMax &&
    entries.every(
      ([k, v]) =>
        k.length <= 40 &&
        (typeof v === 'number' ||
          (typeof v === 'string' && v.length <= GATHERING_LIMITS.textAnswer)),
    )
  );
}

const Answers = (): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    ValidateBy(
      { name: 'answers', validator: { validate: (v) => isAnswers(v) } },
      {
        message: `answers must be an object of question id to text or number (at most ${GATHERING_LIMITS.questionsMax})`,
      },
    ),
  );

export class GatheringQuestionBody implements GatheringQuestion {
  @ApiProperty({ pattern: '^[a-z0-9-]{1,40}$' })
  @IsString({ message: 'question id must be text' })
  @Matches(/^[a-z0-9-]{1,40}$/, {
    message: 'question id must be 1–40 small letters, digits or dashes',
  })
  id: string;

  @ApiProperty({ enum: GatheringQuestionKind, enumName: 'GatheringQuestionKind' })
  @IsIn(Object.values(GatheringQuestionKind), {
    message: 'question kind must be number, choice or text',
  })
  kind: GatheringQuestionKind;

  @ApiProperty({ maxLength: GATHERING_LIMITS.questionLabel })
  @TextField('label', GATHERING_LIMITS.questionLabel)
  label: string;

  @ApiProperty()
  @IsBoolean({ message: 'required must be true or false' })
  required: boolean;

  @ApiPropertyOptional({ type: [String], maxItems: GATHERING_LIMITS.choiceOptionsMax })
  @IsOptional()
  @IsArray({ message: 'options must be a list' })
  @ArrayMaxSize(GATHERING_LIMITS.choiceOptionsMax, {
    message: `a question can have at most ${GATHERING_LIMITS.choiceOptionsMax} options`,
  })
  @IsString({ each: true, message: 'each option must be text' })
  @MaxLength(GATHERING_LIMITS.choiceOption, {
    each: true,
    message: `an option can be at most ${GATHERING_LIMITS.choiceOption} characters`,
  })
  options?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'countsPeople must be true or false' })
  countsPeople?: boolean;
}

class GatheringFields {
  @ApiProperty({ enum: GatheringKind, enumName: 'GatheringKind' })
  @IsIn(GATHERING_KINDS, { message: `kind must be one of ${GATHERING_KINDS.join(', ')}` })
  kind: GatheringKind;

  @ApiProperty({ maxLength: GATHERING_LIMITS.title })
  @TextField('title', GATHERING_LIMITS.title)
  title: string;

  @ApiPropertyOptional({ maxLength: GATHERING_LIMITS.description })
  @Optional()
  @TextField('description', GATHERING_LIMITS.description, { allowEmpty: true, multiline: true })
  description?: string;

  @ApiProperty({ enum: GatheringMode, enumName: 'GatheringMode' })
  @IsIn(GATHERING_MODES, { message: `mode must be one of ${GATHERING_MODES.join(', ')}` })
  mode: GatheringMode;

  @ApiPropertyOptional({ nullable: true, maxLength: GATHERING_LIMITS.address })
  @Nullable()
  @TextField('address', GATHERING_LIMITS.address, { allowEmpty: true })
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'https://meet.jit.si/blup' })
  @Nullable()
  @HttpsUrl('url', GATHERING_LIMITS.url, 'https://meet.jit.si/blup')
  url?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: Phase, enumName: 'Phase' })
  @Nullable()
  @IsIn(PHASES, { message: `phase must be one of ${PHASES.join(', ')}` })
  phase?: Phase | null;

  @ApiProperty({ enum: GatheringAudience, enumName: 'GatheringAudience' })
  @IsIn(GATHERING_AUDIENCES, {
    message: `audience must be one of ${GATHERING_AUDIENCES.join(', ')}`,
  })
  audience: GatheringAudience;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @Nullable()
  @IsUUID('all', { message: 'villageId must be an id' })
  villageId?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @Nullable()
  @IsUUID('all', { message: 'cohortId must be an id' })
  cohortId?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @Nullable()
  @IsUUID('all', { message: 'municipalityId must be an id' })
  municipalityId?: string | null;

  @ApiProperty({ example: '2027-03-25T19:00:00+01:00' })
  @Instant('startsAt')
  startsAt: string;

  @ApiProperty({ example: '2027-03-25T22:00:00+01:00' })
  @Instant('endsAt')
  endsAt: string;

  @ApiProperty({ minimum: GATHERING_LIMITS.minCapacity, maximum: GATHERING_LIMITS.maxCapacity })
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(GATHERING_LIMITS.minCapacity, {
    message: `capacity must be ${GATHERING_LIMITS.minCapacity} or more`,
  })
  @Max(GATHERING_LIMITS.maxCapacity, {
    message: `capacity can be at most ${GATHERING_LIMITS.maxCapacity}`,
  })
  capacity: number;

  @ApiPropertyOptional({ type: [GatheringQuestionBody], maxItems: GATHERING_LIMITS.questionsMax })
  @IsOptional()
  @IsArray({ message: 'questions must be a list' })
  @ArrayMaxSize(GATHERING_LIMITS.questionsMax, {
    message: `at most ${GATHERING_LIMITS.questionsMax} questions`,
  })
  @ValidateNested({ each: true })
  @Type(() => GatheringQuestionBody)
  questions?: GatheringQuestionBody[];

  @ApiPropertyOptional({ nullable: true, description: 'Default: the start.' })
  @Nullable()
  @Instant('registrationClosesAt')
  registrationClosesAt?: string | null;
}

export class SaveGatheringBody extends GatheringFields implements SaveGatheringRequest {}

export class UpdateGatheringBody implements UpdateGatheringRequest {
  @ApiProperty({
    description: 'The version the change was made from.',
    minimum: 1,
    maximum: 2_147_483_647,
  })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be 1 or more' })
  @Max(2_147_483_647, { message: 'version must be the version you opened' })
  version: number;

  @ApiPropertyOptional({ enum: GatheringKind, enumName: 'GatheringKind' })
  @Optional()
  @IsIn(GATHERING_KINDS, { message: `kind must be one of ${GATHERING_KINDS.join(', ')}` })
  kind?: GatheringKind;

  @ApiPropertyOptional()
  @Optional()
  @TextField('title', GATHERING_LIMITS.title)
  title?: string;

  @ApiPropertyOptional()
  @Optional()
  @TextField('description', GATHERING_LIMITS.description, { allowEmpty: true, multiline: true })
  description?: string;

  @ApiPropertyOptional({ enum: GatheringMode, enumName: 'GatheringMode' })
  @Optional()
  @IsIn(GATHERING_MODES, { message: `mode must be one of ${GATHERING_MODES.join(', ')}` })
  mode?: GatheringMode;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @TextField('address', GATHERING_LIMITS.address, { allowEmpty: true })
  address?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @HttpsUrl('url', GATHERING_LIMITS.url, 'https://meet.jit.si/blup')
  url?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: Phase, enumName: 'Phase' })
  @Nullable()
  @IsIn(PHASES, { message: `phase must be one of ${PHASES.join(', ')}` })
  phase?: Phase | null;

  @ApiPropertyOptional({ enum: GatheringAudience, enumName: 'GatheringAudience' })
  @Optional()
  @IsIn(GATHERING_AUDIENCES, {
    message: `audience must be one of ${GATHERING_AUDIENCES.join(', ')}`,
  })
  audience?: GatheringAudience;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @Nullable()
  @IsUUID('all', { message: 'villageId must be an id' })
  villageId?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @Nullable()
  @IsUUID('all', { message: 'cohortId must be an id' })
  cohortId?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @Nullable()
  @IsUUID('all', { message: 'municipalityId must be an id' })
  municipalityId?: string | null;

  @ApiPropertyOptional()
  @Optional()
  @Instant('startsAt')
  startsAt?: string;

  @ApiPropertyOptional()
  @Optional()
  @Instant('endsAt')
  endsAt?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(GATHERING_LIMITS.minCapacity, {
    message: `capacity must be ${GATHERING_LIMITS.minCapacity} or more`,
  })
  @Max(GATHERING_LIMITS.maxCapacity, {
    message: `capacity can be at most ${GATHERING_LIMITS.maxCapacity}`,
  })
  capacity?: number;

  @ApiPropertyOptional({ type: [GatheringQuestionBody] })
  @Optional()
  @IsArray({ message: 'questions must be a list' })
  @ArrayMaxSize(GATHERING_LIMITS.questionsMax, {
    message: `at most ${GATHERING_LIMITS.questionsMax} questions`,
  })
  @ValidateNested({ each: true })
  @Type(() => GatheringQuestionBody)
  questions?: GatheringQuestionBody[];

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @Instant('registrationClosesAt')
  registrationClosesAt?: string | null;
}

export class GatheringListQueryDto extends PageQueryDto implements GatheringListQuery {
  @ApiPropertyOptional({ enum: GatheringKind, enumName: 'GatheringKind' })
  @IsOptional()
  @IsIn(GATHERING_KINDS, { message: `kind must be one of ${GATHERING_KINDS.join(', ')}` })
  kind?: GatheringKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'villageId must be an id' })
  villageId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'municipalityId must be an id' })
  municipalityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'cohortId must be an id' })
  cohortId?: string;

  @ApiPropertyOptional({ description: 'Also gatherings that have ended.' })
  @BooleanQuery('includePast')
  includePast?: boolean;
}

export class CancelGatheringBody implements CancelGatheringRequest {
  @ApiPropertyOptional({ maxLength: 500 })
  @Optional()
  @TextField('reason', 500, { allowEmpty: true, multiline: true })
  reason?: string;
}

export class SaveMinutesBody implements SaveMinutesRequest {
  @ApiProperty({ maxLength: GATHERING_LIMITS.minutes })
  @TextField('minutes', GATHERING_LIMITS.minutes, { allowEmpty: true, multiline: true })
  minutes: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray({ message: 'goalIds must be a list' })
  @ArrayMaxSize(50, { message: 'at most 50 goals' })
  @IsUUID('all', { each: true, message: 'each goal id must be an id' })
  goalIds: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray({ message: 'initiativeIds must be a list' })
  @ArrayMaxSize(50, { message: 'at most 50 initiatives' })
  @IsUUID('all', { each: true, message: 'each initiative id must be an id' })
  initiativeIds: string[];
}

export class RegisterBody implements RegisterRequest {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
  })
  @Answers()
  answers?: GatheringAnswers;
}

export class GuestRegisterBody implements GuestRegisterRequest {
  @ApiProperty({ maxLength: GATHERING_LIMITS.name })
  @TextField('name', GATHERING_LIMITS.name)
  name: string;

  @ApiProperty({ example: 'anna@example.dk' })
  @MailAddressField('email', GATHERING_LIMITS.email)
  email: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
  })
  @Answers()
  answers?: GatheringAnswers;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @TextField('villageName', GATHERING_LIMITS.place, { allowEmpty: true })
  villageName?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @TextField('municipalityName', GATHERING_LIMITS.place, { allowEmpty: true })
  municipalityName?: string | null;
}

export class RegistrationTokenBody implements RegistrationTokenRequest {
  @ApiProperty()
  @IsString({ message: 'token must be text' })
  @MaxLength(100, { message: 'token is not a valid link token' })
  token: string;
}

export class RegistrationListQueryDto extends PageQueryDto implements RegistrationListQuery {
  @ApiPropertyOptional({ enum: RegistrationStatus, enumName: 'RegistrationStatus' })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES, {
    message: `status must be one of ${REGISTRATION_STATUSES.join(', ')}`,
  })
  status?: RegistrationStatus;
}

export class CheckInBody implements CheckInRequest {
  @ApiPropertyOptional({ maxLength: 20 })
  @IsOptional()
  @IsString({ message: 'code must be text' })
  @MaxLength(20, { message: 'code can be at most 20 characters' })
  code?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'registrationId must be an id' })
  registrationId?: string;
}
