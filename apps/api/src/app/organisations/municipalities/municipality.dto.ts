import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NAME_MAX_LENGTH,
  Phase,
  type CreateMunicipalityRequest,
  type MunicipalityDto,
  type MunicipalityOverviewDto,
  type OverviewSessionDto,
  type VillageOverviewDto,
  type UpdateMunicipalityRequest,
} from '@blup/contracts';
import { PersonSummaryResponse } from '../../common/person-summary';
import { Optional, TextField } from '../../common/text-fields';

export class MunicipalityResponse implements MunicipalityDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Næstved' })
  name: string;

  @ApiProperty({ description: 'How many villages belong to the municipality.' })
  villageCount: number;

  @ApiProperty({ type: [PersonSummaryResponse], description: 'The municipal contact people.' })
  contacts: PersonSummaryResponse[];
}

export class CreateMunicipalityBody implements CreateMunicipalityRequest {
  @ApiProperty({ maxLength: NAME_MAX_LENGTH, example: 'Næstved' })
  @TextField('name', NAME_MAX_LENGTH)
  name: string;
}

export class UpdateMunicipalityBody implements UpdateMunicipalityRequest {
  @ApiPropertyOptional({ maxLength: NAME_MAX_LENGTH })
  @Optional()
  @TextField('name', NAME_MAX_LENGTH)
  name?: string;
}

export class OverviewSessionResponse implements OverviewSessionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: Phase })
  phase: Phase;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;
}

export class VillageOverviewResponse implements VillageOverviewDto {
  @ApiProperty({ format: 'uuid' })
  villageId: string;

  @ApiProperty()
  villageName: string;

  @ApiProperty({ type: String, nullable: true })
  cohortName: string | null;

  @ApiProperty({
    enum: Phase,
    nullable: true,
    description: 'The phase of the latest session that has begun, else of the first to come.',
  })
  phase: Phase | null;

  @ApiProperty({ type: OverviewSessionResponse, nullable: true })
  nextSession: OverviewSessionResponse | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Share (0–100) of recorded attendance at held sessions that was present.',
  })
  attendancePercent: number | null;

  @ApiProperty({ description: 'Sessions held so far.' })
  heldSessions: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Steering members’ completion (0–100) of the BLUP course lessons they may see.',
  })
  coursePercent: number | null;

  @ApiProperty({ description: 'Next steps not yet marked done.' })
  openNextSteps: number;
}

export class MunicipalityOverviewResponse implements MunicipalityOverviewDto {
  @ApiProperty({ type: [VillageOverviewResponse] })
  items: VillageOverviewResponse[];

  @ApiProperty({ description: 'How many villages match, across all pages.' })
  total: number;

  @ApiProperty({ minimum: 1 })
  page: number;

  @ApiProperty({ minimum: 1, maximum: 100 })
  pageSize: number;

  @ApiProperty({ format: 'uuid' })
  municipalityId: string;

  @ApiProperty()
  municipalityName: string;

  @ApiProperty({ type: OverviewSessionResponse, nullable: true })
  coordinatorCircleNextSession: OverviewSessionResponse | null;
}
