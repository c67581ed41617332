import { ApiProperty } from '@nestjs/swagger';
import {
  InvitationInfo,
  LEARNER_KINDS,
  LearnerKind,
  Locale,
  LOCALES,
  Role,
  ROLES,
  SessionUser,
} from '@blup/contracts';

/** Response shapes for the OpenAPI document; the contracts in @blup/contracts are the source. */

export class SessionUserResponse implements SessionUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) municipalityId: string | null;
  @ApiProperty({ type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) villageId: string | null;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty() coordinationGroup: boolean;
  @ApiProperty({ enum: LEARNER_KINDS, nullable: true }) learnerKind: LearnerKind | null;
}

export class InvitationInfoResponse implements InvitationInfo {
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty({ type: String, nullable: true }) invitedByName: string | null;
}
