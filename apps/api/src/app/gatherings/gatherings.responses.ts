import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  GatheringAudience,
  GatheringKind,
  GatheringMode,
  GatheringQuestionKind,
  Phase,
  RegistrationStatus,
  type CheckInResultDto,
  type GatheringAnswers,
  type GatheringDto,
  type GatheringQuestion,
  type GuestRegistrationDto,
  type MyRegistrationDto,
  type PersonSummary,
  type PublicGatheringDto,
  type RegistrationDto,
} from '@blup/contracts';
import { PersonSummaryResponse } from '../common/person-summary';

/** The answers of the gathering routes, as their services build them. */
const ANSWERS: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
};

export class GatheringQuestionResponse implements GatheringQuestion {
  @ApiProperty() id: string;
  @ApiProperty({ enum: GatheringQuestionKind, enumName: 'GatheringQuestionKind' })
  kind: GatheringQuestionKind;
  @ApiProperty() label: string;
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ type: [String] }) options?: string[];
  @ApiPropertyOptional() countsPeople?: boolean;
}

export class MyRegistrationResponse implements MyRegistrationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RegistrationStatus, enumName: 'RegistrationStatus' })
  status: RegistrationStatus;
  @ApiProperty({ type: Number, nullable: true }) waitlistPosition: number | null;
  @ApiProperty() places: number;
  @ApiProperty(ANSWERS) answers: GatheringAnswers;
  @ApiProperty() checkInCode: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class GatheringResponse implements GatheringDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: GatheringKind, enumName: 'GatheringKind' }) kind: GatheringKind;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: GatheringMode, enumName: 'GatheringMode' }) mode: GatheringMode;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ enum: Phase, enumName: 'Phase', nullable: true }) phase: Phase | null;
  @ApiProperty({ enum: GatheringAudience, enumName: 'GatheringAudience' })
  audience: GatheringAudience;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) villageId: string | null;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cohortId: string | null;
  @ApiProperty({ type: String, nullable: true }) cohortName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) municipalityId: string | null;
  @ApiProperty({ type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() capacity: number;
  @ApiProperty() placesTaken: number;
  @ApiProperty() placesLeft: number;
  @ApiProperty() waitlistCount: number;
  @ApiProperty({ type: [GatheringQuestionResponse] }) questions: GatheringQuestion[];
  @ApiProperty({ format: 'date-time' }) registrationClosesAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty({ type: String, nullable: true }) minutes: string | null;
  @ApiProperty({ type: [String] }) minutesGoalIds: string[];
  @ApiProperty({ type: [String] }) minutesInitiativeIds: string[];
  @ApiProperty() checkedInCount: number;
  @ApiProperty({ type: String, nullable: true }) publicUrl: string | null;
  @ApiProperty({ type: MyRegistrationResponse, nullable: true })
  myRegistration: MyRegistrationDto | null;
  @ApiProperty() canEdit: boolean;
  @ApiProperty() canRegister: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PublicGatheringResponse implements PublicGatheringDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: GatheringKind, enumName: 'GatheringKind' }) kind: GatheringKind;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: GatheringMode, enumName: 'GatheringMode' }) mode: GatheringMode;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ enum: Phase, enumName: 'Phase', nullable: true }) phase: Phase | null;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty({ type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() capacity: number;
  @ApiProperty() placesLeft: number;
  @ApiProperty() full: boolean;
  @ApiProperty() closed: boolean;
  @ApiProperty({ type: [GatheringQuestionResponse] }) questions: GatheringQuestion[];
}

export class GuestRegistrationResponse implements GuestRegistrationDto {
  @ApiProperty({ type: PublicGatheringResponse }) gathering: PublicGatheringDto;
  @ApiProperty() name: string;
  @ApiProperty({ enum: RegistrationStatus, enumName: 'RegistrationStatus' })
  status: RegistrationStatus;
  @ApiProperty({ type: Number, nullable: true }) waitlistPosition: number | null;
  @ApiProperty() places: number;
  @ApiProperty({ type: String, nullable: true }) checkInCode: string | null;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
}

export class RegistrationResponse implements RegistrationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: PersonSummaryResponse, nullable: true }) person: PersonSummary | null;
  @ApiProperty() guest: boolean;
  @ApiProperty({ enum: RegistrationStatus, enumName: 'RegistrationStatus' })
  status: RegistrationStatus;
  @ApiProperty({ type: Number, nullable: true }) waitlistPosition: number | null;
  @ApiProperty() places: number;
  @ApiProperty(ANSWERS) answers: GatheringAnswers;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty({ type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) remindedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CheckInResultResponse implements CheckInResultDto {
  @ApiProperty({ type: RegistrationResponse }) registration: RegistrationDto;
  @ApiProperty() checkedInCount: number;
  @ApiProperty() placesTaken: number;
}
