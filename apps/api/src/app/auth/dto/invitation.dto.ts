import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AcceptInvitationRequest,
  InviteRequest,
  LearnerKind,
  LEARNER_KINDS,
  Locale,
  Role,
  ROLES,
} from '@blup/contracts';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { EmailField, LocaleField, NameField, NewPasswordField, TokenField } from './fields';

export class InviteDto implements InviteRequest {
  @EmailField()
  email: string;

  @NameField()
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Coordinators and learners: their municipality',
  })
  @IsOptional()
  @IsUUID('all', { message: 'municipalityId must be the id of a municipality' })
  municipalityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Steering-group members: their village' })
  @IsOptional()
  @IsUUID('all', { message: 'villageId must be the id of a village' })
  villageId?: string;

  @ApiPropertyOptional({ description: 'Steering-group members: one of the 2–4 who lead the group' })
  @IsOptional()
  @IsBoolean({ message: 'coordinationGroup must be true or false' })
  coordinationGroup?: boolean;

  @ApiPropertyOptional({ enum: LEARNER_KINDS, description: 'Learners only' })
  @IsOptional()
  @IsIn(LEARNER_KINDS, { message: `learnerKind must be one of ${LEARNER_KINDS.join(', ')}` })
  learnerKind?: LearnerKind;

  /** The language of the invitation mail and of the new account; Danish when left out. */
  @LocaleField()
  locale?: Locale;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @TokenField()
  token: string;

  @NameField()
  name: string;

  @NewPasswordField()
  password: string;
}
