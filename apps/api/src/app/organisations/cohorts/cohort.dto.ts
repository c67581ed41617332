import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NAME_MAX_LENGTH,
  type CohortDto,
  type CreateCohortRequest,
  type UpdateCohortRequest,
} from '@blup/contracts';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { Optional, TextField } from '../../common/text-fields';
import { IsIsoDate } from '../../common/iso-date';

/** More villages than this in one cohort is a typing mistake, not a plan (a cohort is about ten). */
export const MAX_COHORT_VILLAGES = 200;

/** A list of village ids; checked in this order, stopping at the first problem. */
const VillageIdList = (): PropertyDecorator =>
  applyDecorators(
    IsArray({ message: 'villageIds must be a list of village ids' }),
    ArrayMaxSize(MAX_COHORT_VILLAGES, {
      message: `villageIds can hold at most ${MAX_COHORT_VILLAGES} villages`,
    }),
    IsUUID('all', { each: true, message: 'each of villageIds must be a village id (a UUID)' }),
  );

const START_DATE_MESSAGE = 'startDate must be a real date written YYYY-MM-DD, e.g. 2027-02-01';

export class CohortVillageResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Glumsø og Omegn' })
  name: string;

  @ApiProperty({ example: 'Næstved' })
  municipalityName: string;
}

export class CohortResponse implements CohortDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Forår 2027' })
  name: string;

  @ApiProperty({ format: 'date', example: '2027-02-01' })
  startDate: string;

  @ApiProperty()
  villageCount: number;

  @ApiProperty({ type: [CohortVillageResponse] })
  villages: CohortVillageResponse[];
}

export class CreateCohortBody implements CreateCohortRequest {
  @ApiProperty({ maxLength: NAME_MAX_LENGTH, example: 'Forår 2027' })
  @TextField('name', NAME_MAX_LENGTH)
  name: string;

  @ApiProperty({ format: 'date', example: '2027-02-01' })
  @IsIsoDate({ message: START_DATE_MESSAGE })
  startDate: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The villages in the cohort. A village in another cohort moves to this one.',
  })
  @Optional()
  @VillageIdList()
  villageIds?: string[];
}

export class UpdateCohortBody implements UpdateCohortRequest {
  @ApiPropertyOptional({ maxLength: NAME_MAX_LENGTH })
  @Optional()
  @TextField('name', NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ format: 'date', example: '2027-02-01' })
  @Optional()
  @IsIsoDate({ message: START_DATE_MESSAGE })
  startDate?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'When sent, exactly these villages are in the cohort: others leave it, and a village in another cohort moves here.',
  })
  @Optional()
  @VillageIdList()
  villageIds?: string[];
}
