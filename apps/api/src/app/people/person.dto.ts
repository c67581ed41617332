import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  LEARNER_KINDS,
  LearnerKind,
  NAME_MAX_LENGTH,
  Role,
  ROLES,
  type PeopleQuery,
  type UpdatePersonRequest,
} from '@blup/contracts';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { Nullable, Optional, TextField } from '../common/text-fields';

const ROLE_MESSAGE = `role must be one of ${ROLES.join(', ')}`;
const LEARNER_KIND_MESSAGE = `learnerKind must be one of ${LEARNER_KINDS.join(', ')}, or null`;

export class PeopleQueryDto extends PageQueryDto implements PeopleQuery {
  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'municipalityId must be a municipality id (a UUID)' })
  municipalityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'villageId must be a village id (a UUID)' })
  villageId?: string;
}

export class UpdatePersonBody implements UpdatePersonRequest {
  @ApiPropertyOptional({ maxLength: NAME_MAX_LENGTH })
  @Optional()
  @TextField('name', NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @Optional()
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role?: Role;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable()
  @IsUUID('all', { message: 'municipalityId must be a municipality id (a UUID), or null' })
  municipalityId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable()
  @IsUUID('all', { message: 'villageId must be a village id (a UUID), or null' })
  villageId?: string | null;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'coordinationGroup must be true or false' })
  coordinationGroup?: boolean;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'contactPerson must be true or false' })
  contactPerson?: boolean;

  @ApiPropertyOptional({ enum: LearnerKind, enumName: 'LearnerKind', nullable: true })
  @Nullable()
  @IsIn(LEARNER_KINDS, { message: LEARNER_KIND_MESSAGE })
  learnerKind?: LearnerKind | null;

  @ApiPropertyOptional({ description: 'true disables the account and ends all its sessions.' })
  @Optional()
  @IsBoolean({ message: 'disabled must be true or false' })
  disabled?: boolean;
}
