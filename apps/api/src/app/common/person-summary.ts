import { ApiProperty } from '@nestjs/swagger';
import type { PersonDto, PersonSummary } from '@blup/contracts';
import { personStatus, type User } from '../database/entities';

export class PersonSummaryResponse implements PersonSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'email' })
  email: string;
}

/** A user row, with its municipality and village loaded, as the API shows it. */
export function toPersonDto(user: User): PersonDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: personStatus(user),
    locale: user.locale,
    municipalityId: user.municipalityId,
    municipalityName: user.municipality?.name ?? null,
    villageId: user.villageId,
    villageName: user.village?.name ?? null,
    coordinationGroup: user.coordinationGroup,
    contactPerson: user.contactPerson,
    learnerKind: user.learnerKind,
    createdAt: user.createdAt.toISOString(),
  };
}
