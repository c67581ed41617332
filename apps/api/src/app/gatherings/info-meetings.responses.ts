import { ApiProperty } from '@nestjs/swagger';
import {
  type InfoMeetingDto,
  type InfoMeetingSignupCancelDto,
  type InfoMeetingSignupDto,
  type InfoMeetingSignupReceiptDto,
  type PublicInfoMeetingDto,
} from '@blup/contracts';

/** The answers of the info-meeting routes, as their services build them. */
export class InfoMeetingResponse implements InfoMeetingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: 'integer' }) capacity: number;
  @ApiProperty() description: string;
  @ApiProperty({ type: 'integer' }) signupCount: number;
  @ApiProperty({ type: 'integer' }) placesLeft: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PublicInfoMeetingResponse implements PublicInfoMeetingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: 'integer' }) capacity: number;
  @ApiProperty({ type: 'integer' }) placesLeft: number;
  @ApiProperty() full: boolean;
}

export class InfoMeetingSignupReceiptResponse implements InfoMeetingSignupReceiptDto {
  @ApiProperty({ type: PublicInfoMeetingResponse }) meeting: PublicInfoMeetingDto;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

export class InfoMeetingSignupCancelResponse implements InfoMeetingSignupCancelDto {
  @ApiProperty() meetingTitle: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty() name: string;
  @ApiProperty() cancelled: boolean;
}

export class InfoMeetingSignupResponse implements InfoMeetingSignupDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty({ type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) remindedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
