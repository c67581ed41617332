import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPLICATION_LIMITS,
  APPLICATION_STATUSES,
  ApplicationStatus,
  FUNDING_STATUSES,
  FundingStatus,
  type ApplicationListQuery,
  type ApplicationVillageQuery,
  type ApplicationPersonInput,
  type ApproveApplicationRequest,
  type ConfirmCooperationRequest,
  type CreateApplicationRequest,
  type RejectApplicationRequest,
  type WithdrawApplicationRequest,
} from '@blup/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { MailAddressField, Nullable, TextField } from '../common/text-fields';

// ---------------------------------------------------------------------------------------------
// Applications
// ---------------------------------------------------------------------------------------------

export class ApplicationPersonBody implements ApplicationPersonInput {
  @ApiProperty({ maxLength: APPLICATION_LIMITS.name })
  @TextField('name', APPLICATION_LIMITS.name)
  name: string;

  @ApiProperty({ example: 'anna@example.dk' })
  @MailAddressField('email', APPLICATION_LIMITS.email)
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
  @MailAddressField('contactEmail', APPLICATION_LIMITS.email)
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
  @MailAddressField('applicantEmail', APPLICATION_LIMITS.email)
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
