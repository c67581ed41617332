import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPLICATION_LIMITS,
  APPLICATION_STATUSES,
  ApplicationStatus,
  ErrorCode,
  FUNDING_STATUSES,
  FundingStatus,
  INFO_MEETING_LIMITS,
  type ApplicationListQuery,
  type ApplicationVillageQuery,
  type ApplicationPersonInput,
  type ApproveApplicationRequest,
  type CancelInfoMeetingSignupRequest,
  type ConfirmCooperationRequest,
  type CreateApplicationRequest,
  type CreateInfoMeetingRequest,
  type InfoMeetingListQuery,
  type InfoMeetingSignupRequest,
  type RejectApplicationRequest,
  type UpdateInfoMeetingRequest,
  type WithdrawApplicationRequest,
} from '@blup/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { isHttpsUrl } from '../common/https-url';
import { isIsoInstant } from '../common/iso-date';
import { PageQueryDto } from '../common/pagination';
import { MaxCharacters, Nullable, Optional, TextField } from '../common/text-fields';
import { codedConstraint } from '../common/validation';

/** A trimmed, lower-cased email address. */
const Email = (field: string): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim().toLowerCase() : value,
    ),
    IsString({ message: `${field} must be text` }),
    MaxLength(APPLICATION_LIMITS.email, {
      message: `${field} can be at most ${APPLICATION_LIMITS.email} characters`,
    }),
    IsEmail({}, { message: `${field} must be an email address, like anna@example.dk` }),
  );

const Instant = (field: string): PropertyDecorator =>
  ValidateBy(
    { name: 'isoInstant', validator: { validate: (v) => isIsoInstant(v) } },
    { message: `${field} must be a date and time with its offset, e.g. 2027-03-25T19:00:00+01:00` },
  );

const HttpsUrl = (field: string): PropertyDecorator =>
  applyDecorators(
    IsString({ message: `${field} must be text` }),
    MaxCharacters(field, INFO_MEETING_LIMITS.url),
    ValidateBy(
      { name: 'httpsUrl', validator: { validate: (v) => isHttpsUrl(v) } },
      {
        message: `${field} must be an https link, e.g. https://meet.jit.si/infomoede`,
        context: codedConstraint(() => ({ code: ErrorCode.UrlNotHttps })),
      },
    ),
  );

// ---------------------------------------------------------------------------------------------
// Applications
// ---------------------------------------------------------------------------------------------

export class ApplicationPersonBody implements ApplicationPersonInput {
  @ApiProperty({ maxLength: APPLICATION_LIMITS.name })
  @TextField('name', APPLICATION_LIMITS.name)
  name: string;

  @ApiProperty({ example: 'anna@example.dk' })
  @Email('email')
  email: string;

  @ApiPropertyOptional({ nullable: true, maxLength: APPLICATION_LIMITS.position })
  @Nullable()
  @TextField('position', APPLICATION_LIMITS.position, { allowEmpty: true })
  position?: string | null;
}

export class CreateApplicationBody implements CreateApplicationRequest {
  @ApiProperty({ format: 'uuid', description: 'A published cohort offering.' })
  @IsUUID('all', { message: 'offeringId must be the id of a cohort offering' })
  offeringId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'municipalityId must be the id of a municipality' })
  municipalityId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'An existing village…' })
  @Nullable()
  @IsUUID('all', { message: 'villageId must be the id of a village' })
  villageId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: '…or the name of a new one.' })
  @Nullable()
  @TextField('villageName', APPLICATION_LIMITS.villageName)
  villageName?: string | null;

  @ApiProperty({ description: "The municipality's contact person." })
  @TextField('contactName', APPLICATION_LIMITS.name)
  contactName: string;

  @ApiProperty()
  @Email('contactEmail')
  contactEmail: string;

  @ApiProperty({ enum: FUNDING_STATUSES })
  @IsIn(FUNDING_STATUSES, {
    message: `fundingStatus must be one of ${FUNDING_STATUSES.join(', ')}`,
  })
  fundingStatus: FundingStatus;

  @ApiProperty({ maxLength: APPLICATION_LIMITS.cooperationMaxChars })
  @TextField('cooperationText', APPLICATION_LIMITS.cooperationMaxChars, {
    allowEmpty: true,
    multiline: true,
  })
  cooperationText: string;

  @ApiProperty({ type: [ApplicationPersonBody], minItems: 2 })
  @IsArray({ message: 'people must be a list of people' })
  @ArrayMinSize(APPLICATION_LIMITS.minPeople, {
    message: `people must hold at least ${APPLICATION_LIMITS.minPeople} people: the coordination group`,
  })
  @ArrayMaxSize(APPLICATION_LIMITS.maxPeople, {
    message: `people can hold at most ${APPLICATION_LIMITS.maxPeople} people`,
  })
  @ValidateNested({ each: true })
  @Type(() => ApplicationPersonBody)
  people: ApplicationPersonBody[];

  @ApiPropertyOptional({ nullable: true, description: 'Required when not signed in.' })
  @Nullable()
  @TextField('applicantName', APPLICATION_LIMITS.name)
  applicantName?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Required when not signed in.' })
  @Nullable()
  @Email('applicantEmail')
  applicantEmail?: string | null;
}

export class ApplicationListQueryDto extends PageQueryDto implements ApplicationListQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES, {
    message: `status must be one of ${APPLICATION_STATUSES.join(', ')}`,
  })
  status?: ApplicationStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'municipalityId must be the id of a municipality' })
  municipalityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'offeringId must be the id of an offering' })
  offeringId?: string;
}

export class VillageOptionsQueryDto extends PageQueryDto implements ApplicationVillageQuery {
  @ApiProperty({ format: 'uuid', description: 'The municipality whose villages to list.' })
  @IsUUID('all', { message: 'municipalityId must be the id of a municipality' })
  municipalityId!: string;
}

export class ConfirmCooperationBody implements ConfirmCooperationRequest {
  @ApiProperty({ description: 'True after reading the text; false takes it back.' })
  @IsBoolean({ message: 'confirmed must be true or false' })
  confirmed: boolean;
}

export class ApproveApplicationBody implements ApproveApplicationRequest {
  @ApiPropertyOptional({
    nullable: true,
    description: 'Required (and recorded) when a requirement is not met.',
  })
  @Nullable()
  @TextField('overrideReason', APPLICATION_LIMITS.overrideReason, {
    allowEmpty: true,
    multiline: true,
  })
  overrideReason?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @TextField('note', APPLICATION_LIMITS.note, { allowEmpty: true, multiline: true })
  note?: string | null;
}

export class RejectApplicationBody implements RejectApplicationRequest {
  @ApiProperty({ description: 'Mailed to the applicant.' })
  @TextField('note', APPLICATION_LIMITS.note, { multiline: true })
  note: string;
}

export class WithdrawApplicationBody implements WithdrawApplicationRequest {
  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @TextField('note', APPLICATION_LIMITS.note, { allowEmpty: true, multiline: true })
  note?: string | null;
}

export class UploadTokenQueryDto {
  @ApiPropertyOptional({
    description: 'The uploadToken from the receipt (not needed by the secretariat).',
  })
  @IsOptional()
  @IsString({ message: 'token must be text' })
  @MaxLength(100, { message: 'token is not a valid upload token' })
  token?: string;
}

// ---------------------------------------------------------------------------------------------
// Info meetings
// ---------------------------------------------------------------------------------------------

export class CreateInfoMeetingBody implements CreateInfoMeetingRequest {
  @ApiProperty({ maxLength: INFO_MEETING_LIMITS.title })
  @TextField('title', INFO_MEETING_LIMITS.title)
  title: string;

  @ApiProperty({ example: '2027-01-14T19:00:00+01:00' })
  @Instant('startsAt')
  startsAt: string;

  @ApiProperty({ example: '2027-01-14T20:00:00+01:00' })
  @Instant('endsAt')
  endsAt: string;

  @ApiProperty({ example: 'https://meet.jit.si/blup-info' })
  @HttpsUrl('url')
  url: string;

  @ApiProperty({ minimum: 1, maximum: INFO_MEETING_LIMITS.maxCapacity })
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be 1 or more' })
  @Max(INFO_MEETING_LIMITS.maxCapacity, {
    message: `capacity can be at most ${INFO_MEETING_LIMITS.maxCapacity}`,
  })
  capacity: number;

  @ApiPropertyOptional({ maxLength: INFO_MEETING_LIMITS.description })
  @Optional()
  @TextField('description', INFO_MEETING_LIMITS.description, {
    allowEmpty: true,
    multiline: true,
  })
  description?: string;
}

export class UpdateInfoMeetingBody implements UpdateInfoMeetingRequest {
  @ApiPropertyOptional()
  @Optional()
  @TextField('title', INFO_MEETING_LIMITS.title)
  title?: string;

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
  @HttpsUrl('url')
  url?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be 1 or more' })
  @Max(INFO_MEETING_LIMITS.maxCapacity, {
    message: `capacity can be at most ${INFO_MEETING_LIMITS.maxCapacity}`,
  })
  capacity?: number;

  @ApiPropertyOptional()
  @Optional()
  @TextField('description', INFO_MEETING_LIMITS.description, {
    allowEmpty: true,
    multiline: true,
  })
  description?: string;
}

export class InfoMeetingListQueryDto extends PageQueryDto implements InfoMeetingListQuery {
  @ApiPropertyOptional({ description: 'Also meetings that have ended.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'includePast must be true or false' })
  includePast?: boolean;
}

export class InfoMeetingSignupBody implements InfoMeetingSignupRequest {
  @ApiProperty({ maxLength: INFO_MEETING_LIMITS.name })
  @TextField('name', INFO_MEETING_LIMITS.name)
  name: string;

  @ApiProperty({ example: 'anna@example.dk' })
  @Email('email')
  email: string;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @TextField('villageName', INFO_MEETING_LIMITS.place, { allowEmpty: true })
  villageName?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @TextField('municipalityName', INFO_MEETING_LIMITS.place, { allowEmpty: true })
  municipalityName?: string | null;
}

export class CancelSignupBody implements CancelInfoMeetingSignupRequest {
  @ApiProperty()
  @IsString({ message: 'token must be text' })
  @MaxLength(100, { message: 'token is not a valid cancel token' })
  token: string;
}
