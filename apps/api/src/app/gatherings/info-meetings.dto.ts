import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPLICATION_LIMITS,
  INFO_MEETING_LIMITS,
  type CancelInfoMeetingSignupRequest,
  type CreateInfoMeetingRequest,
  type InfoMeetingListQuery,
  type InfoMeetingSignupRequest,
  type UpdateInfoMeetingRequest,
} from '@blup/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { MailAddressField, Nullable, Optional, TextField } from '../common/text-fields';
import { HttpsUrl, Instant } from './gathering-fields';

// ---------------------------------------------------------------------------------------------
// Info meetings
// ---------------------------------------------------------------------------------------------

export class CreateInfoMeetingBody implements CreateInfoMeetingRequest {
  @ApiProperty({ maxLength: INFO_MEETING_LIMITS.title })
  @TextField('title', INFO_MEETING_LIMITS.title)
  title: string;

  @ApiProperty({ example: '2027-01-14T19:00:00+01:00' })
  @Instant('startsAt')
  startsAt: string;

  @ApiProperty({ example: '2027-01-14T20:00:00+01:00' })
  @Instant('endsAt')
  endsAt: string;

  @ApiProperty({ example: 'https://meet.jit.si/blup-info' })
  @HttpsUrl('url', INFO_MEETING_LIMITS.url, 'https://meet.jit.si/infomoede')
  url: string;

  @ApiProperty({ minimum: 1, maximum: INFO_MEETING_LIMITS.maxCapacity })
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be 1 or more' })
  @Max(INFO_MEETING_LIMITS.maxCapacity, {
    message: `capacity can be at most ${INFO_MEETING_LIMITS.maxCapacity}`,
  })
  capacity: number;

  @ApiPropertyOptional({ maxLength: INFO_MEETING_LIMITS.description })
  @Optional()
  @TextField('description', INFO_MEETING_LIMITS.description, {
    allowEmpty: true,
    multiline: true,
  })
  description?: string;
}

export class UpdateInfoMeetingBody implements UpdateInfoMeetingRequest {
  @ApiPropertyOptional()
  @Optional()
  @TextField('title', INFO_MEETING_LIMITS.title)
  title?: string;

  @ApiPropertyOptional()
  @Optional()
  @Instant('startsAt')
  startsAt?: string;

  @ApiPropertyOptional()
  @Optional()
  @Instant('endsAt')
  endsAt?: string;

  @ApiPropertyOptional()
  @Optional()
  @HttpsUrl('url', INFO_MEETING_LIMITS.url, 'https://meet.jit.si/infomoede')
  url?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be 1 or more' })
  @Max(INFO_MEETING_LIMITS.maxCapacity, {
    message: `capacity can be at most ${INFO_MEETING_LIMITS.maxCapacity}`,
  })
  capacity?: number;

  @ApiPropertyOptional()
  @Optional()
  @TextField('description', INFO_MEETING_LIMITS.description, {
    allowEmpty: true,
    multiline: true,
  })
  description?: string;
}

export class InfoMeetingListQueryDto extends PageQueryDto implements InfoMeetingListQuery {
  @ApiPropertyOptional({ description: 'Also meetings that have ended.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'includePast must be true or false' })
  includePast?: boolean;
}

export class InfoMeetingSignupBody implements InfoMeetingSignupRequest {
  @ApiProperty({ maxLength: INFO_MEETING_LIMITS.name })
  @TextField('name', INFO_MEETING_LIMITS.name)
  name: string;

  @ApiProperty({ example: 'anna@example.dk' })
  @MailAddressField('email', APPLICATION_LIMITS.email)
  email: string;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @TextField('villageName', INFO_MEETING_LIMITS.place, { allowEmpty: true })
  villageName?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @TextField('municipalityName', INFO_MEETING_LIMITS.place, { allowEmpty: true })
  municipalityName?: string | null;
}

export class CancelSignupBody implements CancelInfoMeetingSignupRequest {
  @ApiProperty()
  @IsString({ message: 'token must be text' })
  @MaxLength(100, { message: 'token is not a valid cancel token' })
  token: string;
}
