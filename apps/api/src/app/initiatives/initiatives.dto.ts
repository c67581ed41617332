import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FOCUS_AREA_LIMITS,
  INITIATIVE_LIMITS,
  INITIATIVE_STATUSES,
  InitiativeStatus,
  type CreateFocusAreaRequest,
  type CreateInitiativeRequest,
  type FocusAreaDto,
  type FocusAreaOverviewDto,
  type InitiativeCandidateDto,
  type InitiativeCardDto,
  type InitiativeDto,
  type InitiativeGoalRef,
  type InitiativePersonDto,
  type InitiativePersonInput,
  type InitiativesQuery,
  type MilestoneDto,
  type PersonSummary,
  type UpdateFocusAreaRequest,
  type UpdateInitiativeRequest,
} from '@blup/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../common/iso-date';
import { PageQueryDto } from '../common/pagination';
import { PersonSummaryResponse } from '../common/person-summary';
import { MailAddressField, Nullable, Optional, TextField } from '../common/text-fields';

const L = INITIATIVE_LIMITS;
const STATUS_MESSAGE = `status must be one of ${INITIATIVE_STATUSES.join(', ')}`;
const VERSION_MESSAGE = 'version must be the version you opened, a whole number from 1';

const Version = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      minimum: 1,
      description: 'The version you changed; 409 when someone saved since.',
    }),
    Min(1, { message: VERSION_MESSAGE }),
    IsInt({ message: VERSION_MESSAGE }),
  );

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export class InitiativePersonResponse implements InitiativePersonDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty({ example: 'Karin Holm' }) name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+45 20 30 40 50' }) phone: string | null;
}

export class MilestoneResponse implements MilestoneDto {
  @ApiProperty({ example: 'Første fælleskørsel' }) what: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) date: string | null;
}

export class InitiativeGoalResponse implements InitiativeGoalRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

export class InitiativeResponse implements InitiativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty() villageName: string;
  @ApiProperty({ format: 'uuid' }) focusAreaId: string;
  @ApiProperty() focusAreaName: string;
  @ApiProperty({ example: 'Samkørselsapp og faste opsamlingssteder' }) title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [InitiativeGoalResponse] }) goals: InitiativeGoalRef[];
  @ApiProperty({ type: InitiativePersonResponse, nullable: true })
  contact: InitiativePersonDto | null;
  @ApiProperty({ type: [InitiativePersonResponse] }) members: InitiativePersonDto[];
  @ApiProperty({ type: [String] }) partners: string[];
  @ApiProperty({ type: MilestoneResponse, nullable: true }) milestone: MilestoneDto | null;
  @ApiProperty({ enum: InitiativeStatus, enumName: 'InitiativeStatus' }) status: InitiativeStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ minimum: L.weightMin, maximum: L.weightMax }) weight: number;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: PersonSummaryResponse, nullable: true }) updatedBy: PersonSummary | null;
  @ApiProperty() canEdit: boolean;
}

export class InitiativeCardResponse implements InitiativeCardDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: InitiativeStatus, enumName: 'InitiativeStatus' }) status: InitiativeStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ minimum: L.weightMin, maximum: L.weightMax }) weight: number;
  @ApiProperty({ type: MilestoneResponse, nullable: true }) milestone: MilestoneDto | null;
  @ApiProperty({ type: String, nullable: true }) contactName: string | null;
}

export class FocusAreaResponse implements FocusAreaDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty({ example: 'Mobilitet' }) name: string;
  @ApiProperty() description: string;
  @ApiProperty({ minimum: 1 }) position: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'sum(weight × progress) / sum(weight) of its initiatives, one decimal; paused ones count.',
  })
  progress: number | null;
  @ApiProperty() initiativeCount: number;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: PersonSummaryResponse, nullable: true }) updatedBy: PersonSummary | null;
  @ApiProperty() canEdit: boolean;
}

export class FocusAreaOverviewResponse extends FocusAreaResponse implements FocusAreaOverviewDto {
  @ApiProperty({ type: [InitiativeCardResponse], maxItems: L.overviewInitiativesMax })
  initiatives: InitiativeCardDto[];
}

export class InitiativeCandidateResponse implements InitiativeCandidateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export class InitiativesQueryDto extends PageQueryDto implements InitiativesQuery {
  @ApiPropertyOptional({ enum: InitiativeStatus, enumName: 'InitiativeStatus' })
  @Optional()
  @IsIn(INITIATIVE_STATUSES, { message: STATUS_MESSAGE })
  status?: InitiativeStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the initiatives of this focus area.' })
  @Optional()
  @IsUUID('all', { message: 'focusAreaId must be the id of a focus area (a UUID)' })
  focusAreaId?: string;
}

const Phone = (field: string): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim() : value,
    ),
    IsString({ message: `${field} must be text` }),
    Matches(/^\+?[0-9][0-9 ()-]{3,28}$/, {
      message: `${field} must be a phone number of digits, like +45 20 30 40 50`,
    }),
  );

export class InitiativePersonBody implements InitiativePersonInput {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'An account of the village; leave out for a person without one.',
  })
  @Nullable()
  @IsUUID('all', { message: 'userId must be the id of a person (a UUID)' })
  userId?: string | null;

  @ApiPropertyOptional({ maxLength: L.nameMaxLength, description: 'Needed without an account.' })
  @Optional()
  @TextField('name', L.nameMaxLength, { allowEmpty: true })
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'karin@example.dk' })
  @Nullable()
  @MailAddressField('email', L.emailMaxLength)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+45 20 30 40 50' })
  @Nullable()
  @Phone('phone')
  phone?: string | null;
}

export class MilestoneBody implements MilestoneDto {
  @ApiProperty({ maxLength: L.milestoneMaxLength, example: 'Første fælleskørsel' })
  @TextField('milestone.what', L.milestoneMaxLength)
  what: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2027-05-01' })
  @Nullable()
  @IsIsoDate({ message: 'milestone.date must be a date written YYYY-MM-DD, or null' })
  date: string | null;
}

/** Each partner at most `partnerMaxLength` characters as PostgreSQL counts them. */
const PartnerLength = (): PropertyDecorator =>
  ValidateBy(
    {
      name: 'partnerLength',
      validator: {
        validate: (value) =>
          !Array.isArray(value) ||
          value.every((v) => typeof v !== 'string' || [...v].length <= L.partnerMaxLength),
      },
    },
    { message: `each partner can be at most ${L.partnerMaxLength} characters` },
  );

const GOALS_MESSAGE = 'goalIds must name at least one of the village’s goals';

/** Everything an initiative holds besides its focus area, title and goals. */
class InitiativeDetails {
  @ApiPropertyOptional({ maxLength: L.descriptionMaxLength })
  @Optional()
  @TextField('description', L.descriptionMaxLength, { allowEmpty: true, multiline: true })
  description?: string;

  @ApiPropertyOptional({ type: InitiativePersonBody, nullable: true })
  @Nullable()
  @ValidateNested()
  @Type(() => InitiativePersonBody)
  @IsObject({ message: 'contact must be a person: { userId } or { name, phone, email }' })
  contact?: InitiativePersonBody | null;

  @ApiPropertyOptional({ type: [InitiativePersonBody], maxItems: L.membersMax })
  @Optional()
  @ValidateNested({ each: true })
  @Type(() => InitiativePersonBody)
  @ArrayMaxSize(L.membersMax, { message: `members can hold at most ${L.membersMax} people` })
  @IsArray({ message: 'members must be a list of people' })
  members?: InitiativePersonBody[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: L.partnersMax,
    example: ['Glumsø Borgerforening'],
  })
  @Optional()
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v))
      : value,
  )
  @PartnerLength()
  @IsNotEmpty({ each: true, message: 'partners cannot hold an empty name' })
  @IsString({ each: true, message: 'partners must be a list of names' })
  @ArrayMaxSize(L.partnersMax, { message: `partners can hold at most ${L.partnersMax} names` })
  @IsArray({ message: 'partners must be a list of names' })
  partners?: string[];

  @ApiPropertyOptional({ type: MilestoneBody, nullable: true })
  @Nullable()
  @ValidateNested()
  @Type(() => MilestoneBody)
  @IsObject({ message: 'milestone must be { what, date }, or null' })
  milestone?: MilestoneBody | null;

  @ApiPropertyOptional({ enum: InitiativeStatus, enumName: 'InitiativeStatus' })
  @Optional()
  @IsIn(INITIATIVE_STATUSES, { message: STATUS_MESSAGE })
  status?: InitiativeStatus;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 0 })
  @Optional()
  @Max(100, { message: 'progress must be a whole number from 0 to 100' })
  @Min(0, { message: 'progress must be a whole number from 0 to 100' })
  @IsInt({ message: 'progress must be a whole number from 0 to 100' })
  progress?: number;

  @ApiPropertyOptional({ minimum: L.weightMin, maximum: L.weightMax, default: 1 })
  @Optional()
  @Max(L.weightMax, { message: `weight must be a whole number from 1 to ${L.weightMax}` })
  @Min(L.weightMin, { message: `weight must be a whole number from 1 to ${L.weightMax}` })
  @IsInt({ message: `weight must be a whole number from 1 to ${L.weightMax}` })
  weight?: number;
}

const GoalIds = (): PropertyDecorator =>
  applyDecorators(
    IsUUID('all', { each: true, message: 'goalIds must be ids of goals (UUIDs)' }),
    ArrayUnique({ message: 'goalIds names a goal twice' }),
    ArrayMaxSize(L.goalsMax, { message: `goalIds can hold at most ${L.goalsMax} goals` }),
    ArrayMinSize(1, { message: GOALS_MESSAGE }),
    IsArray({ message: GOALS_MESSAGE }),
  );

export class CreateInitiativeBody extends InitiativeDetails implements CreateInitiativeRequest {
  @ApiProperty({ format: 'uuid', description: 'A focus area of the same village.' })
  @IsUUID('all', { message: 'focusAreaId must be the id of a focus area (a UUID)' })
  focusAreaId: string;

  @ApiProperty({ maxLength: L.titleMaxLength, example: 'Samkørselsapp og faste opsamlingssteder' })
  @TextField('title', L.titleMaxLength)
  title: string;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: L.goalsMax })
  @GoalIds()
  goalIds: string[];
}

export class UpdateInitiativeBody extends InitiativeDetails implements UpdateInitiativeRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'focusAreaId must be the id of a focus area (a UUID)' })
  focusAreaId?: string;

  @ApiPropertyOptional({ maxLength: L.titleMaxLength })
  @Optional()
  @TextField('title', L.titleMaxLength)
  title?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', minItems: 1, maxItems: L.goalsMax })
  @Optional()
  @GoalIds()
  goalIds?: string[];

  @Version()
  version: number;
}

const F = FOCUS_AREA_LIMITS;
const POSITION_MESSAGE = `position must be a whole number from 1 to ${F.positionMax}`;

export class CreateFocusAreaBody implements CreateFocusAreaRequest {
  @ApiProperty({ maxLength: F.nameMaxLength, example: 'Mobilitet' })
  @TextField('name', F.nameMaxLength)
  name: string;

  @ApiPropertyOptional({ maxLength: F.descriptionMaxLength })
  @Optional()
  @TextField('description', F.descriptionMaxLength, { allowEmpty: true, multiline: true })
  description?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: F.positionMax })
  @Optional()
  @Max(F.positionMax, { message: POSITION_MESSAGE })
  @Min(1, { message: POSITION_MESSAGE })
  @IsInt({ message: POSITION_MESSAGE })
  position?: number;
}

export class UpdateFocusAreaBody implements UpdateFocusAreaRequest {
  @ApiPropertyOptional({ maxLength: F.nameMaxLength })
  @Optional()
  @TextField('name', F.nameMaxLength)
  name?: string;

  @ApiPropertyOptional({ maxLength: F.descriptionMaxLength })
  @Optional()
  @TextField('description', F.descriptionMaxLength, { allowEmpty: true, multiline: true })
  description?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: F.positionMax })
  @Optional()
  @Max(F.positionMax, { message: POSITION_MESSAGE })
  @Min(1, { message: POSITION_MESSAGE })
  @IsInt({ message: POSITION_MESSAGE })
  position?: number;

  @Version()
  version: number;
}
