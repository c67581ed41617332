import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NAME_MAX_LENGTH,
  type CreateMunicipalityRequest,
  type MunicipalityDto,
  type UpdateMunicipalityRequest,
} from '@blup/contracts';
import { PersonSummaryResponse } from '../shared/person-summary';
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
