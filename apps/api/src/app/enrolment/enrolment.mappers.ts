import {
  EnrolmentStatus,
  OfferingKind,
  type EnrolmentDto,
  type OfferingDto,
} from '@blup/contracts';
import type { EnrolmentRow } from './enrolment.queries';
import type { OfferingListRow } from './offering.queries';
import { offeringStatus } from './offering-rules';

/** An offering row as the API gives it, its state judged at `now`. */
export function toOfferingDto(r: OfferingListRow, now: Date): OfferingDto {
  const status = offeringStatus(
    {
      startsOn: r.starts_on,
      enrolClosesAt: r.enrol_closes_at,
      publishedAt: r.published_at,
      closedAt: r.closed_at,
    },
    now,
  );
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    description: r.description,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    selfPaced: r.kind === OfferingKind.AcademyCourse && r.starts_on === null,
    capacity: r.capacity,
    priceDkk: r.price_dkk,
    approval: r.approval,
    audience: r.audience,
    cohortId: r.cohort_id,
    moduleId: r.module_id,
    moduleTitle: r.module_title,
    phase: r.phase,
    courseId: r.course_id,
    courseTitle: r.course_title,
    enrolClosesAt: r.enrol_closes_at?.toISOString() ?? null,
    publishedAt: r.published_at?.toISOString() ?? null,
    closedAt: r.closed_at?.toISOString() ?? null,
    state: status.state,
    closedReason: status.message,
    placesTaken: r.places_taken,
    placesLeft: r.capacity === null ? null : Math.max(0, r.capacity - r.places_taken),
    waitlistCount: r.waitlist_count,
    myEnrolment: r.my_id
      ? {
          id: r.my_id,
          status: r.my_status as EnrolmentStatus,
          waitlistPosition: r.my_position,
          villageId: r.my_village_id,
        }
      : null,
    createdAt: r.created_at.toISOString(),
  };
}

export function toEnrolmentDto(r: EnrolmentRow): EnrolmentDto {
  return {
    id: r.id,
    offeringId: r.offering_id,
    offeringName: r.offering_name,
    offeringKind: r.offering_kind,
    status: r.status,
    waitlistPosition: r.waitlist_position,
    seq: Number(r.seq),
    person: r.user_id
      ? { id: r.user_id, name: r.user_name ?? '', email: r.user_email ?? '' }
      : null,
    village: r.village_id ? { id: r.village_id, name: r.village_name ?? '' } : null,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    payer: r.payer,
    amountDkk: r.amount_dkk,
    createdAt: r.created_at.toISOString(),
    decidedAt: r.decided_at?.toISOString() ?? null,
    cancelledAt: r.cancelled_at?.toISOString() ?? null,
    cancelReason: r.cancel_reason,
  };
}
