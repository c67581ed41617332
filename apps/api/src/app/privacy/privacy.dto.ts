import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LegalBasis, PersonalDataRegistryDto, PersonalDataTableDto } from '@blup/contracts';
import {
  PERSONAL_DATA_KINDS,
  PrivacyExportStatus,
  type PersonalDataKind,
  type CreatePrivacyExportRequest,
  type PrivacyExportDto,
  type PrivacySubjectKind,
} from '@blup/contracts';
import { IsUUID } from 'class-validator';
import { MailAddressField, Optional } from '../common/text-fields';

class LocalisedText {
  @ApiProperty() da: string;
  @ApiProperty() en: string;
}

export class PersonalDataTableResponse implements PersonalDataTableDto {
  @ApiProperty() table: string;
  @ApiProperty({ description: 'The module that owns the table.' }) owner: string;
  @ApiProperty({ type: LocalisedText }) purpose: LocalisedText;
  @ApiProperty({ enum: ['contract', 'consent', 'legitimate_interest', 'public_task'] })
  legalBasis: LegalBasis;
  @ApiProperty({ type: LocalisedText, description: 'Configured periods filled in.' })
  retention: LocalisedText;
  @ApiProperty({ type: [String] }) columns: string[];
  @ApiProperty({ enum: PERSONAL_DATA_KINDS, isArray: true, enumName: 'PersonalDataKind' })
  kinds: PersonalDataKind[];
}

class SecretariatContact {
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
}

export class PersonalDataRegistryResponse implements PersonalDataRegistryDto {
  @ApiProperty({ type: [PersonalDataTableResponse] }) tables: PersonalDataTableResponse[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'The retention periods in force, in days.',
  })
  retentionDays: Record<string, number>;
  @ApiProperty({ type: SecretariatContact }) contact: SecretariatContact;
}

// ---------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------

export class PrivacyExportResponse implements PrivacyExportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['user', 'email'] }) subjectKind: PrivacySubjectKind;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The person’s name or the email address; null once expired or erased.',
  })
  subjectLabel: string | null;
  @ApiProperty({ enum: PrivacyExportStatus }) status: PrivacyExportStatus;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percent of the tables done.' })
  progress: number;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The person themselves, or the secretariat member who made it for them.',
  })
  requestedById: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the download link stops working.',
  })
  expiresAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The signed download path (relative to the API origin) while ready.',
  })
  downloadUrl: string | null;
}

export class CreatePrivacyExportBody implements CreatePrivacyExportRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'A person with an account.' })
  @Optional()
  @IsUUID('all', { message: 'userId must be the id of a person (a UUID)' })
  userId?: string;

  @ApiPropertyOptional({
    example: 'anna@example.dk',
    description: 'Somebody known by email address (a citizen-panel member, a guest).',
  })
  @Optional()
  @MailAddressField('email')
  email?: string;
}
