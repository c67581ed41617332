import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GOAL_LIMITS,
  GOAL_STATUSES,
  GoalStatus,
  InitiativeStatus,
  SDG_COUNT,
  SDG_TARGET_COUNT,
  type InitiativeStatusCountDto,
  type CreateGoalUpdateRequest,
  type GoalPhotoDto,
  type GoalOwnerInitiativeDto,
  type GoalOwnerPersonDto,
  type SdgTargetDto,
  type CreateVillageGoalRequest,
  type GoalSummaryDto,
  type GoalUpdateDto,
  type SdgCountDto,
  type PersonSummary,
  type SdgDto,
  type UpdateVillageGoalRequest,
  type VillageGoalDto,
  type VillageGoalsQuery,
} from '@blup/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsIsoDate } from '../common/iso-date';
import { PageQueryDto, WholeNumberParam } from '../common/pagination';
import { PersonSummaryResponse } from '../common/person-summary';
import { Nullable, Optional, TextField } from '../common/text-fields';

const STATUS_MESSAGE = `status must be one of ${GOAL_STATUSES.join(', ')}`;
const VALUE_RANGE = `between -${GOAL_LIMITS.valueMax} and ${GOAL_LIMITS.valueMax}`;

/** A number an indicator can hold: finite, within range, at most 4 decimals. */
function IndicatorValue(field: string): PropertyDecorator {
  return applyDecorators(
    Max(GOAL_LIMITS.valueMax, { message: `${field} must be ${VALUE_RANGE}` }),
    Min(-GOAL_LIMITS.valueMax, { message: `${field} must be ${VALUE_RANGE}` }),
    IsNumber(
      { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 },
      { message: `${field} must be a number with at most 4 decimals` },
    ),
  );
}

const SDG_NUMBERS = `sdgs must be goal numbers from 1 to ${SDG_COUNT}`;

/** One or more of the 17 goals, each once. */
function SdgList(): PropertyDecorator {
  return applyDecorators(
    Max(SDG_COUNT, { each: true, message: SDG_NUMBERS }),
    Min(1, { each: true, message: SDG_NUMBERS }),
    IsInt({ each: true, message: SDG_NUMBERS }),
    ArrayUnique({ message: 'sdgs names a goal twice' }),
    ArrayMaxSize(SDG_COUNT, { message: `sdgs can hold at most ${SDG_COUNT} goals` }),
    ArrayMinSize(1, { message: 'sdgs must name at least one of the 17 goals' }),
    IsArray({ message: 'sdgs must be a list of goal numbers' }),
  );
}

const TARGET_CODES = 'targets must be target codes like "11.2" or "11.a"';

/** Targets by their UN codes, each once; whether they sit under the goal's SDGs is the service's check. */
function TargetList(): PropertyDecorator {
  return applyDecorators(
    Matches(/^(1[0-7]|[1-9])\.([1-9][0-9]?|[a-z])$/, { each: true, message: TARGET_CODES }),
    ArrayUnique({ message: 'targets names a target twice' }),
    ArrayMaxSize(SDG_TARGET_COUNT, {
      message: `targets can hold at most ${SDG_TARGET_COUNT} targets`,
    }),
    IsArray({ message: 'targets must be a list of target codes like "11.2"' }),
  );
}

/** `/sdgs/:number/...`: one of the 17 goals by its number. */
export class SdgParam {
  @ApiProperty({ minimum: 1, maximum: SDG_COUNT, example: 11 })
  @WholeNumberParam()
  @Max(SDG_COUNT, { message: `number must be a goal number from 1 to ${SDG_COUNT}` })
  @Min(1, { message: `number must be a goal number from 1 to ${SDG_COUNT}` })
  @IsInt({ message: `number must be a goal number from 1 to ${SDG_COUNT}` })
  number: number;
}

export class SdgTargetResponse implements SdgTargetDto {
  @ApiProperty({ example: '11.2' }) code: string;
  @ApiProperty({ minimum: 1, maximum: SDG_COUNT, example: 11 }) sdg: number;
  @ApiProperty({ description: 'The official English text.' }) textEn: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'An official Danish text; null where none is at hand.',
  })
  textDa: string | null;
}

export class GoalPhotoResponse implements GoalPhotoDto {
  @ApiProperty({ example: '/api/goals/…/updates/…/photo' }) url: string;
  @ApiProperty({ example: '/api/goals/…/updates/…/photo/thumbnail' }) thumbnailUrl: string;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
}

export class SdgResponse implements SdgDto {
  @ApiProperty({ minimum: 1, maximum: SDG_COUNT, example: 11 })
  number: number;

  @ApiProperty({ example: 'Bæredygtige byer og lokalsamfund' })
  nameDa: string;

  @ApiProperty({ example: 'Sustainable cities and communities' })
  nameEn: string;

  @ApiProperty({ example: '#FD9D24', pattern: '^#[0-9A-F]{6}$' })
  colour: string;
}

export class GoalOwnerPersonResponse implements GoalOwnerPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Karin Holm' }) name: string;
}

export class GoalOwnerInitiativeResponse implements GoalOwnerInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Faste samkørselsruter med opsamlingssteder' }) title: string;
}

export class VillageGoalResponse implements VillageGoalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty({ example: 'Glumsø og Omegn' }) villageName: string;
  @ApiProperty({ example: 'Samkørsel til Næstved' }) title: string;
  @ApiProperty() why: string;
  @ApiProperty({ type: [Number], example: [11, 13] }) sdgs: number[];
  @ApiProperty({ type: [SdgTargetResponse], description: 'Chosen targets, in the UN’s order.' })
  targets: SdgTargetDto[];
  @ApiProperty({
    example: 'Arbejdsgruppen for mobilitet',
    description:
      'Who is in charge, in words: the person’s name, the working group’s title, or the written name.',
  })
  owner: string;
  @ApiProperty({ type: GoalOwnerPersonResponse, nullable: true })
  ownerPerson: GoalOwnerPersonDto | null;
  @ApiProperty({ type: GoalOwnerInitiativeResponse, nullable: true })
  ownerInitiative: GoalOwnerInitiativeDto | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) horizon: string | null;
  @ApiProperty() indicator: string;
  @ApiProperty({ type: Number, nullable: true }) baseline: number | null;
  @ApiProperty({ type: Number, nullable: true }) targetValue: number | null;
  @ApiProperty({ type: Number, nullable: true }) currentValue: number | null;
  @ApiProperty({ enum: GoalStatus, enumName: 'GoalStatus' }) status: GoalStatus;
  @ApiProperty({ description: 'Send it back with a change (409 when someone saved since).' })
  version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: PersonSummaryResponse, nullable: true })
  updatedBy: PersonSummary | null;
  @ApiProperty({ description: 'Whether you may change it and record progress.' })
  canEdit: boolean;
}

export class GoalUpdateResponse implements GoalUpdateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) goalId: string;
  @ApiProperty({ enum: GoalStatus, enumName: 'GoalStatus' }) status: GoalStatus;
  @ApiProperty() note: string;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: GoalPhotoResponse, nullable: true }) photo: GoalPhotoDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: PersonSummaryResponse, nullable: true })
  createdBy: PersonSummary | null;
}

export class VillageGoalsQueryDto extends PageQueryDto implements VillageGoalsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: SDG_COUNT, description: 'Only goals on this SDG.' })
  @IsOptional()
  @WholeNumberParam()
  @Max(SDG_COUNT, { message: `sdg must be a goal number from 1 to ${SDG_COUNT}` })
  @Min(1, { message: `sdg must be a goal number from 1 to ${SDG_COUNT}` })
  @IsInt({ message: `sdg must be a goal number from 1 to ${SDG_COUNT}` })
  sdg?: number;

  @ApiPropertyOptional({ enum: GoalStatus, enumName: 'GoalStatus' })
  @IsOptional()
  @IsIn(GOAL_STATUSES, { message: STATUS_MESSAGE })
  status?: GoalStatus;
}

/** What a goal holds besides its title and SDGs; every field may be left out. */
class GoalDetails {
  @ApiPropertyOptional({ maxLength: GOAL_LIMITS.whyMaxLength })
  @Optional()
  @TextField('why', GOAL_LIMITS.whyMaxLength, { allowEmpty: true, multiline: true })
  why?: string;

  @ApiPropertyOptional({
    maxLength: GOAL_LIMITS.ownerMaxLength,
    description:
      'The owner in words, for someone without an account. A name replaces a person or working group, unless ownerUserId or ownerInitiativeId is given too.',
  })
  @Optional()
  @TextField('owner', GOAL_LIMITS.ownerMaxLength, { allowEmpty: true })
  owner?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A person with an account in the goal’s village; replaces any other owner.',
  })
  @Nullable()
  @IsUUID('all', { message: 'ownerUserId must be the id of a person (a UUID), or null' })
  ownerUserId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'An initiative of the goal’s village (its working group); replaces any other owner.',
  })
  @Nullable()
  @IsUUID('all', { message: 'ownerInitiativeId must be the id of an initiative (a UUID), or null' })
  ownerInitiativeId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2028-06-30' })
  @Nullable()
  @IsIsoDate({ message: 'horizon must be a date written YYYY-MM-DD, or null' })
  horizon?: string | null;

  @ApiPropertyOptional({ maxLength: GOAL_LIMITS.indicatorMaxLength })
  @Optional()
  @TextField('indicator', GOAL_LIMITS.indicatorMaxLength, { allowEmpty: true })
  indicator?: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Nullable()
  @IndicatorValue('baseline')
  baseline?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Nullable()
  @IndicatorValue('targetValue')
  targetValue?: number | null;
}

export class CreateVillageGoalBody extends GoalDetails implements CreateVillageGoalRequest {
  @ApiProperty({ maxLength: GOAL_LIMITS.titleMaxLength, example: 'Samkørsel til Næstved' })
  @TextField('title', GOAL_LIMITS.titleMaxLength)
  title: string;

  @ApiProperty({ type: [Number], minItems: 1, maxItems: SDG_COUNT, example: [11, 13] })
  @SdgList()
  sdgs: number[];

  @ApiPropertyOptional({
    type: [String],
    example: ['11.2'],
    description: 'Target codes, each under one of sdgs.',
  })
  @Optional()
  @TargetList()
  targets?: string[];

  @ApiPropertyOptional({ enum: GoalStatus, enumName: 'GoalStatus', default: GoalStatus.Idea })
  @Optional()
  @IsIn(GOAL_STATUSES, { message: STATUS_MESSAGE })
  status?: GoalStatus;
}

export class UpdateVillageGoalBody extends GoalDetails implements UpdateVillageGoalRequest {
  @ApiPropertyOptional({ maxLength: GOAL_LIMITS.titleMaxLength })
  @Optional()
  @TextField('title', GOAL_LIMITS.titleMaxLength)
  title?: string;

  @ApiPropertyOptional({ type: [Number], minItems: 1, maxItems: SDG_COUNT })
  @Optional()
  @SdgList()
  sdgs?: number[];

  @ApiPropertyOptional({
    type: [String],
    example: ['11.2'],
    description:
      'Target codes, each under one of the goal’s SDGs; replaces the chosen targets. Left out, the targets stay, except those no longer under the SDGs.',
  })
  @Optional()
  @TargetList()
  targets?: string[];

  @ApiProperty({ minimum: 1, description: 'The version you changed (VillageGoal.version).' })
  @Min(1, { message: 'version must be the version you opened, a whole number from 1' })
  @IsInt({ message: 'version must be the version you opened, a whole number from 1' })
  version: number;
}

export class CreateGoalUpdateBody implements CreateGoalUpdateRequest {
  @ApiProperty({ enum: GoalStatus, enumName: 'GoalStatus' })
  @IsIn(GOAL_STATUSES, { message: STATUS_MESSAGE })
  status: GoalStatus;

  @ApiPropertyOptional({ maxLength: GOAL_LIMITS.noteMaxLength })
  @Optional()
  @TextField('note', GOAL_LIMITS.noteMaxLength, { allowEmpty: true, multiline: true })
  note?: string;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The indicator measured now.' })
  @Nullable()
  @IndicatorValue('value')
  value?: number | null;
}

export class SdgCountResponse implements SdgCountDto {
  @ApiProperty({ minimum: 1, maximum: SDG_COUNT }) number: number;
  @ApiProperty() goals: number;
  @ApiProperty() villages: number;
}

export class StatusCountResponse {
  @ApiProperty({ enum: GoalStatus, enumName: 'GoalStatus' }) status: GoalStatus;
  @ApiProperty() goals: number;
}

export class InitiativeStatusCountResponse implements InitiativeStatusCountDto {
  @ApiProperty({ enum: InitiativeStatus, enumName: 'InitiativeStatus' }) status: InitiativeStatus;
  @ApiProperty() initiatives: number;
}

export class GoalSummaryResponse implements GoalSummaryDto {
  @ApiProperty() villages: number;
  @ApiProperty() villagesWithGoals: number;
  @ApiProperty() goals: number;
  @ApiProperty({ type: [SdgCountResponse], description: 'All 17 SDGs, by number.' })
  bySdg: SdgCountDto[];
  @ApiProperty({ type: [StatusCountResponse] })
  byStatus: StatusCountResponse[];
  @ApiProperty({ description: 'Initiatives in the same villages.' })
  initiatives: number;
  @ApiProperty({ type: [InitiativeStatusCountResponse], description: 'Every initiative status.' })
  initiativesByStatus: InitiativeStatusCountResponse[];
}
