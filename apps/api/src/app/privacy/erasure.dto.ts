import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ErasureState,
  PRIVACY_ERASURE_STATES,
  type AskErasureRequest,
  type CreateErasureRequest,
  type ErasureAuditEntryDto,
  type ErasureRequestDto,
  type MyErasureDto,
  type PanelEraseRequest,
  type PanelEraseResponse,
  type PrivacySubjectKind,
} from '@blup/contracts';
import { IsIn, IsUUID } from 'class-validator';
import { PanelPreferencesQuery } from '../citizen-panel/citizen-panel.dto';
import { PageQueryDto } from '../common/pagination';
import { MailAddressField, Optional, TextField } from '../common/text-fields';

export class ErasureRequestResponse implements ErasureRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['user', 'email'] }) subjectKind: PrivacySubjectKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Name or email address while the request is open; null once erased or cancelled.',
  })
  subjectLabel: string | null;
  @ApiProperty({ enum: ErasureState, enumName: 'ErasureState' }) state: ErasureState;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) requestedById: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ format: 'date-time', description: 'When the erasure happens by itself.' })
  eraseAfter: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) approvedById: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ description: 'Steps done so far.' }) stepsDone: number;
  @ApiProperty() stepsTotal: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
}

export class MyErasureResponse implements MyErasureDto {
  @ApiProperty({ type: ErasureRequestResponse, nullable: true })
  request: ErasureRequestResponse | null;
  @ApiProperty() coolOffDays: number;
}

export class ErasureAuditEntryResponse implements ErasureAuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ example: 'step:table:hotline_requests' }) event: string;
  @ApiProperty({ type: Number, nullable: true }) rows: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
}

export class AskErasureBody implements AskErasureRequest {
  @ApiPropertyOptional({ maxLength: 1000 })
  @Optional()
  @TextField('reason', 1000, { allowEmpty: true, multiline: true })
  reason?: string;
}

export class CreateErasureBody implements CreateErasureRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'A person with an account (or email).' })
  @Optional()
  @IsUUID('all', { message: 'userId must be an id, like 3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b' })
  userId?: string;

  @ApiPropertyOptional({ description: 'Somebody known by email address only (or userId).' })
  @Optional()
  @MailAddressField('email')
  email?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @Optional()
  @TextField('reason', 1000, { allowEmpty: true, multiline: true })
  reason?: string;
}

export class ErasureListQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ErasureState, enumName: 'ErasureState' })
  @Optional()
  @IsIn(PRIVACY_ERASURE_STATES, {
    message: `state must be one of ${PRIVACY_ERASURE_STATES.join(', ')}`,
  })
  state?: ErasureState;
}

export class PanelEraseBody extends PanelPreferencesQuery implements PanelEraseRequest {}

export class PanelEraseResponseBody implements PanelEraseResponse {
  @ApiProperty({ enum: [true] }) erased: true;
}
