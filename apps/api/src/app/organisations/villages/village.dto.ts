import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NAME_MAX_LENGTH,
  type CreateVillageRequest,
  type UpdateVillageRequest,
  type VillageDto,
} from '@blup/contracts';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { Optional, TextField } from '../../common/text-fields';

export const DESCRIPTION_MAX_LENGTH = 2000;

export class VillageResponse implements VillageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Glumsø og Omegn' })
  name: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'uuid' })
  municipalityId: string;

  @ApiProperty({ example: 'Næstved' })
  municipalityName: string;

  @ApiProperty({ format: 'uuid', type: String, nullable: true })
  cohortId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Forår 2027' })
  cohortName: string | null;

  @ApiProperty({ description: 'People whose village this is.' })
  memberCount: number;
}

export class VillageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only villages in this municipality.' })
  @IsOptional()
  @IsUUID('all', { message: 'municipalityId must be a municipality id (a UUID)' })
  municipalityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only villages in this cohort.' })
  @IsOptional()
  @IsUUID('all', { message: 'cohortId must be a cohort id (a UUID)' })
  cohortId?: string;
}

export class CreateVillageBody implements CreateVillageRequest {
  @ApiProperty({ maxLength: NAME_MAX_LENGTH, example: 'Glumsø og Omegn' })
  @TextField('name', NAME_MAX_LENGTH)
  name: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'municipalityId must be a municipality id (a UUID)' })
  municipalityId: string;

  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX_LENGTH })
  @Optional()
  @TextField('description', DESCRIPTION_MAX_LENGTH, { allowEmpty: true, multiline: true })
  description?: string;
}

export class UpdateVillageBody implements UpdateVillageRequest {
  @ApiPropertyOptional({ maxLength: NAME_MAX_LENGTH })
  @Optional()
  @TextField('name', NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX_LENGTH })
  @Optional()
  @TextField('description', DESCRIPTION_MAX_LENGTH, { allowEmpty: true, multiline: true })
  description?: string;
}
