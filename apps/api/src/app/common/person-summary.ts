import { ApiProperty } from '@nestjs/swagger';
import type { PersonSummary } from '@blup/contracts';

export class PersonSummaryResponse implements PersonSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'email' })
  email: string;
}
