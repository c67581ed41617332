import { ApiProperty } from '@nestjs/swagger';
import type { LegalBasis, PersonalDataRegistryDto, PersonalDataTableDto } from '@blup/contracts';

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
}

export class PersonalDataRegistryResponse implements PersonalDataRegistryDto {
  @ApiProperty({ type: [PersonalDataTableResponse] }) tables: PersonalDataTableResponse[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'The retention periods in force, in days.',
  })
  retentionDays: Record<string, number>;
}
