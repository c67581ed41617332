import { ApiProperty } from '@nestjs/swagger';
import {
  EnrolmentStatus,
  OfferingApproval,
  OfferingAudience,
  OfferingKind,
  OfferingState,
  Payer,
  Phase,
  type EnrolmentDto,
  type MyEnrolmentRef,
  type OfferingDto,
} from '@blup/contracts';
import { PersonSummaryResponse } from '../common/person-summary';

/** The answers of the enrolment routes, as EnrolmentService builds them (`@blup/contracts`). */
export class MyEnrolmentRefResponse implements MyEnrolmentRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EnrolmentStatus, enumName: 'EnrolmentStatus' }) status: EnrolmentStatus;
  @ApiProperty({ type: 'integer', nullable: true }) waitlistPosition: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) villageId: string | null;
}

export class OfferingResponse implements OfferingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OfferingKind, enumName: 'OfferingKind' }) kind: OfferingKind;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startsOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn: string | null;
  @ApiProperty() selfPaced: boolean;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Null = unlimited.' })
  capacity: number | null;
  @ApiProperty({ type: 'integer' }) priceDkk: number;
  @ApiProperty({ enum: OfferingApproval, enumName: 'OfferingApproval' })
  approval: OfferingApproval;
  @ApiProperty({ enum: OfferingAudience, enumName: 'OfferingAudience', nullable: true })
  audience: OfferingAudience | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cohortId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) moduleId: string | null;
  @ApiProperty({ type: String, nullable: true }) moduleTitle: string | null;
  @ApiProperty({ enum: Phase, enumName: 'Phase', nullable: true }) phase: Phase | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) courseId: string | null;
  @ApiProperty({ type: String, nullable: true }) courseTitle: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) enrolClosesAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ enum: OfferingState, enumName: 'OfferingState' }) state: OfferingState;
  @ApiProperty({ type: String, nullable: true, description: 'Why enrolment is not possible now.' })
  closedReason: string | null;
  @ApiProperty({ type: 'integer' }) placesTaken: number;
  @ApiProperty({ type: 'integer', nullable: true }) placesLeft: number | null;
  @ApiProperty({ type: 'integer' }) waitlistCount: number;
  @ApiProperty({ type: () => MyEnrolmentRefResponse, nullable: true })
  myEnrolment: MyEnrolmentRef | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class EnrolmentVillageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class EnrolmentResponse implements EnrolmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) offeringId: string;
  @ApiProperty() offeringName: string;
  @ApiProperty({ enum: OfferingKind, enumName: 'OfferingKind' }) offeringKind: OfferingKind;
  @ApiProperty({ enum: EnrolmentStatus, enumName: 'EnrolmentStatus' }) status: EnrolmentStatus;
  @ApiProperty({ type: 'integer', nullable: true }) waitlistPosition: number | null;
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty({ type: () => PersonSummaryResponse, nullable: true })
  person: PersonSummaryResponse | null;
  @ApiProperty({ type: () => EnrolmentVillageResponse, nullable: true })
  village: EnrolmentVillageResponse | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) municipalityId: string | null;
  @ApiProperty({ type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty({ enum: Payer, enumName: 'Payer' }) payer: Payer;
  @ApiProperty({ type: 'integer' }) amountDkk: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
}
