import { ApiProperty } from '@nestjs/swagger';
import {
  LearnerKind,
  LOCALES,
  Role,
  type Locale,
  type PersonDto,
  type PersonStatus,
  type PersonSummary,
} from '@blup/contracts';
import { personStatus, type User } from '../database/entities';

export class PersonSummaryResponse implements PersonSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'email' })
  email: string;
}

/** A person as the people list, the people page and invitations answer. */
export class PersonResponse implements PersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'email' })
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  role: Role;

  @ApiProperty({ enum: ['active', 'invited', 'disabled'] })
  status: PersonStatus;

  @ApiProperty({ enum: LOCALES })
  locale: Locale;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  municipalityId: string | null;

  @ApiProperty({ type: String, nullable: true })
  municipalityName: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  villageId: string | null;

  @ApiProperty({ type: String, nullable: true })
  villageName: string | null;

  @ApiProperty({ description: 'Steering members: one of the 2–4 who lead the steering group.' })
  coordinationGroup: boolean;

  @ApiProperty({ description: 'Coordinators: the municipality’s named contact person.' })
  contactPerson: boolean;

  @ApiProperty({ enum: LearnerKind, enumName: 'LearnerKind', nullable: true })
  learnerKind: LearnerKind | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
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

/** The person who saved a row, from its joined id, name and email; null when any is missing. */
export function personOf(
  id: string | null,
  name: string | null,
  email: string | null,
): PersonSummary | null {
  return id && name !== null && email !== null ? { id, name, email } : null;
}
