import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ENROLMENT_STATUSES,
  EnrolmentStatus,
  OFFERING_APPROVALS,
  OFFERING_AUDIENCES,
  OFFERING_KINDS,
  OFFERING_LIMITS,
  OfferingApproval,
  OfferingAudience,
  OfferingKind,
  PAYERS,
  Payer,
  type CancelEnrolmentRequest,
  type CreateOfferingRequest,
  type DecideEnrolmentRequest,
  type EnrolmentQuery,
  type EnrolRequest,
  type InvoiceQuery,
  type OfferingQuery,
  type UpdateOfferingRequest,
} from '@blup/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { Nullable, Optional, TextField } from '../common/text-fields';
import { IsIsoDate } from '../common/iso-date';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

const kindMessage = `kind must be one of ${OFFERING_KINDS.join(', ')}`;
const dateMessage = (field: string): string => `${field} must be a date like 2027-03-01`;
const instantMessage = (field: string): string =>
  `${field} must be a date and time with its UTC offset, e.g. 2027-02-15T23:59:00+01:00`;

export class OfferingQueryDto extends PageQueryDto implements OfferingQuery {
  @ApiPropertyOptional({ enum: OfferingKind, enumName: 'OfferingKind' })
  @IsOptional()
  @IsIn(OFFERING_KINDS, { message: kindMessage })
  kind?: OfferingKind;

  @ApiPropertyOptional({ description: 'Only offerings open for enrolment now.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'open must be true or false' })
  open?: boolean;
}

class OfferingFields {
  @ApiPropertyOptional({ maxLength: OFFERING_LIMITS.description })
  @Optional()
  @TextField('description', OFFERING_LIMITS.description, { allowEmpty: true, multiline: true })
  description?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @Nullable()
  @IsIsoDate({ message: dateMessage('startsOn') })
  startsOn?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @Nullable()
  @IsIsoDate({ message: dateMessage('endsOn') })
  endsOn?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: OFFERING_LIMITS.capacity })
  @Nullable()
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be 1 or more (leave it empty for no limit)' })
  @Max(OFFERING_LIMITS.capacity, {
    message: `capacity can be at most ${OFFERING_LIMITS.capacity}`,
  })
  capacity?: number | null;

  @ApiPropertyOptional({ minimum: 0, maximum: OFFERING_LIMITS.priceDkk })
  @Optional()
  @IsInt({ message: 'priceDkk must be a whole number of kroner' })
  @Min(0, { message: 'priceDkk cannot be negative (0 = free)' })
  @Max(OFFERING_LIMITS.priceDkk, { message: `priceDkk can be at most ${OFFERING_LIMITS.priceDkk}` })
  priceDkk?: number;

  @ApiPropertyOptional({ enum: OfferingApproval, enumName: 'OfferingApproval' })
  @Optional()
  @IsIn(OFFERING_APPROVALS, { message: `approval must be one of ${OFFERING_APPROVALS.join(', ')}` })
  approval?: OfferingApproval;

  @ApiPropertyOptional({ enum: OfferingAudience, enumName: 'OfferingAudience' })
  @Optional()
  @IsIn(OFFERING_AUDIENCES, { message: `audience must be one of ${OFFERING_AUDIENCES.join(', ')}` })
  audience?: OfferingAudience;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  @Nullable()
  @IsDateString({ strict: true }, { message: instantMessage('enrolClosesAt') })
  enrolClosesAt?: string | null;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'published must be true or false' })
  published?: boolean;
}

export class CreateOfferingBody extends OfferingFields implements CreateOfferingRequest {
  @ApiProperty({ enum: OfferingKind, enumName: 'OfferingKind' })
  @IsIn(OFFERING_KINDS, { message: kindMessage })
  kind: OfferingKind;

  @ApiProperty({ maxLength: OFFERING_LIMITS.name, example: 'Forår 2027' })
  @TextField('name', OFFERING_LIMITS.name)
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Mini-BLUP: a module of the BLUP course.' })
  @Optional()
  @IsUUID('all', { message: 'moduleId must be a module id (a UUID)' })
  moduleId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Academy course offerings: the course.' })
  @Optional()
  @IsUUID('all', { message: 'courseId must be a course id (a UUID)' })
  courseId?: string;
}

export class UpdateOfferingBody extends OfferingFields implements UpdateOfferingRequest {
  @ApiPropertyOptional({ maxLength: OFFERING_LIMITS.name })
  @Optional()
  @TextField('name', OFFERING_LIMITS.name)
  name?: string;

  @ApiPropertyOptional({ description: 'true closes enrolment now; false reopens it.' })
  @Optional()
  @IsBoolean({ message: 'closed must be true or false' })
  closed?: boolean;
}

export class EnrolBody implements EnrolRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The village (mini-BLUP, cohort).' })
  @Optional()
  @IsUUID('all', { message: 'villageId must be a village id (a UUID)' })
  villageId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Secretariat only: enrol this person.' })
  @Optional()
  @IsUUID('all', { message: 'userId must be a person id (a UUID)' })
  userId?: string;

  @ApiPropertyOptional({ enum: Payer, enumName: 'Payer' })
  @Optional()
  @IsIn(PAYERS, { message: `payer must be one of ${PAYERS.join(', ')}` })
  payer?: Payer;
}

export class CancelEnrolmentBody implements CancelEnrolmentRequest {
  @ApiPropertyOptional({ maxLength: OFFERING_LIMITS.cancelReason })
  @Optional()
  @TextField('reason', OFFERING_LIMITS.cancelReason, { allowEmpty: true, multiline: true })
  reason?: string;
}

export class DecideEnrolmentBody implements DecideEnrolmentRequest {
  @ApiPropertyOptional({ maxLength: OFFERING_LIMITS.cancelReason })
  @Optional()
  @TextField('note', OFFERING_LIMITS.cancelReason, { allowEmpty: true, multiline: true })
  note?: string;
}

export class EnrolmentQueryDto extends PageQueryDto implements EnrolmentQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'municipalityId must be a municipality id (a UUID)' })
  municipalityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'offeringId must be an offering id (a UUID)' })
  offeringId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'villageId must be a village id (a UUID)' })
  villageId?: string;

  @ApiPropertyOptional({ enum: EnrolmentStatus, enumName: 'EnrolmentStatus' })
  @IsOptional()
  @IsIn(ENROLMENT_STATUSES, { message: `status must be one of ${ENROLMENT_STATUSES.join(', ')}` })
  status?: EnrolmentStatus;
}

export class InvoiceQueryDto implements InvoiceQuery {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate({ message: dateMessage('from') })
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate({ message: dateMessage('to') })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'offeringId must be an offering id (a UUID)' })
  offeringId?: string;
}
