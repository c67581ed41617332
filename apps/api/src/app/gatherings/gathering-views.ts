import {
  GATHERING_PATHS,
  GUEST_AUDIENCES,
  RegistrationStatus,
  type GatheringAudience,
  type GatheringDto,
  type GatheringKind,
  type GatheringMode,
  type MyRegistrationDto,
  type Phase,
  type PublicGatheringDto,
  type RegistrationDto,
} from '@blup/contracts';
import type { GatheringRef } from '../access/gathering-access-policy';
import type { GatheringRow, RegistrationRow } from './gatherings.queries';

/** Pure shaping of gathering rows into the contract's answers. */

export function refOf(row: GatheringRow): GatheringRef {
  return {
    audience: row.audience as GatheringAudience,
    villageId: row.village_id,
    municipalityId: row.municipality_id,
    cohortId: row.cohort_id,
    cohortMunicipalityIds: row.cohort_municipality_ids ?? [],
  };
}

export function isGuestAudience(audience: string): boolean {
  return GUEST_AUDIENCES.includes(audience as GatheringAudience);
}

/** When registration closes: the set time, else the start. */
export function closesAt(row: { starts_at: Date; registration_closes_at: Date | null }): Date {
  return row.registration_closes_at ?? row.starts_at;
}

export function isClosed(
  row: { starts_at: Date; registration_closes_at: Date | null; cancelled_at: Date | null },
  now = new Date(),
): boolean {
  return (
    row.cancelled_at !== null ||
    row.starts_at.getTime() <= now.getTime() ||
    closesAt(row).getTime() <= now.getTime()
  );
}

export function toMyRegistration(r: RegistrationRow): MyRegistrationDto {
  return {
    id: r.id,
    status: r.status as RegistrationStatus,
    waitlistPosition: r.waitlist_position,
    places: r.places,
    answers: r.answers,
    checkInCode: r.check_in_code,
    checkedInAt: r.checked_in_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

export function toGatheringDto(
  row: GatheringRow,
  options: {
    canEdit: boolean;
    canRegister: boolean;
    mine: RegistrationRow | null;
    publicUrl: string;
  },
): GatheringDto {
  const mine = options.mine;
  const confirmed = mine?.status === RegistrationStatus.Confirmed;
  return {
    id: row.id,
    kind: row.kind as GatheringKind,
    title: row.title,
    description: row.description,
    mode: row.mode as GatheringMode,
    address: row.address,
    url: options.canEdit || confirmed ? row.url : null,
    phase: row.phase as Phase | null,
    audience: row.audience as GatheringAudience,
    villageId: row.village_id,
    villageName: row.village_name,
    cohortId: row.cohort_id,
    cohortName: row.cohort_name,
    municipalityId: row.municipality_id,
    municipalityName: row.municipality_name,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    capacity: row.capacity,
    placesTaken: row.places_taken,
    placesLeft: Math.max(0, row.capacity - row.places_taken),
    waitlistCount: row.waitlist_count,
    questions: row.questions,
    registrationClosesAt: closesAt(row).toISOString(),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    minutes: row.minutes,
    minutesGoalIds: row.minutes_goal_ids ?? [],
    minutesInitiativeIds: row.minutes_initiative_ids ?? [],
    checkedInCount: row.checked_in_count,
    publicUrl: isGuestAudience(row.audience)
      ? `${options.publicUrl}${GATHERING_PATHS.publicPage(row.id)}`
      : null,
    myRegistration:
      mine && mine.status !== RegistrationStatus.Cancelled ? toMyRegistration(mine) : null,
    canEdit: options.canEdit,
    canRegister: options.canRegister,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toPublicDto(row: GatheringRow, now = new Date()): PublicGatheringDto {
  const placesLeft = Math.max(0, row.capacity - row.places_taken);
  return {
    id: row.id,
    kind: row.kind as GatheringKind,
    title: row.title,
    description: row.description,
    mode: row.mode as GatheringMode,
    address: row.address,
    phase: row.phase as Phase | null,
    villageName: row.village_name,
    municipalityName: row.municipality_name,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    capacity: row.capacity,
    placesLeft,
    full: placesLeft === 0,
    closed: isClosed(row, now),
    questions: row.questions,
  };
}

export function toRegistrationDto(r: RegistrationRow): RegistrationDto {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    person:
      r.user_id && r.user_name && r.user_email
        ? { id: r.user_id, name: r.user_name, email: r.user_email }
        : null,
    guest: r.user_id === null,
    status: r.status as RegistrationStatus,
    waitlistPosition: r.waitlist_position,
    places: r.places,
    answers: r.answers,
    villageName: r.village_name,
    municipalityName: r.municipality_name,
    checkedInAt: r.checked_in_at?.toISOString() ?? null,
    remindedAt: r.reminded_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}
