import { FINAL_NEWSLETTER_STATUSES, NewsletterStatus, Role } from '@blup/contracts';
import type { Actor } from './access-policy';

/**
 * Who writes and who reads newsletters. Pure functions over the few facts each rule needs; the
 * archive's SQL (`readableNewsletterSql` in newsletter-visibility.ts beside it) asks the same questions for lists,
 * and the spec beside this file pins the matrix.
 *
 * - The secretariat writes (create, edit, schedule, test, progress) and reads everything.
 * - Sent newsletters (sent or partly failed) are read in the archive by: steering members of a
 *   village they went to; coordinators of a municipality with a village they went to, and the
 *   coordinators of a coordinator circle's cohort; people with access to a course newsletter's
 *   course.
 * - A village's own copy of a newsletter (its meeting room, its session, its calendar link) is read
 *   only by the secretariat, that village's steering members and the coordinators of its
 *   municipality (the same people who read the village's newsletters in the archive).
 */
export interface NewsletterReadRef {
  status: NewsletterStatus;
  /** The villages the newsletter goes to (village circles, a cohort's or one village). */
  villages: readonly { id: string; municipalityId: string }[];
  /** A coordinator circle's newsletter: the municipalities with a village in its cohort. */
  coordinatorMunicipalityIds: readonly string[];
  /** A course newsletter: whether the reader has access to that course. */
  courseAccess: boolean;
}

export function canWriteNewsletters(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === Role.Secretariat;
}

/** Sending is over (whether every copy arrived or not): the newsletter is in the archive. */
export function isArchived(status: NewsletterStatus): boolean {
  return FINAL_NEWSLETTER_STATUSES.includes(status);
}

export function canReadNewsletter(actor: Actor, ref: NewsletterReadRef): boolean {
  if (actor.role === Role.Secretariat) return true;
  if (!isArchived(ref.status)) return false;
  if (ref.courseAccess) return true;
  if (actor.role === Role.SteeringMember) {
    return actor.villageId !== null && ref.villages.some((v) => v.id === actor.villageId);
  }
  if (actor.role === Role.Coordinator && actor.municipalityId !== null) {
    return (
      ref.villages.some((v) => v.municipalityId === actor.municipalityId) ||
      ref.coordinatorMunicipalityIds.includes(actor.municipalityId)
    );
  }
  return false;
}

/**
 * Whether the reader may see one village's copy (with its meeting-room and calendar links) of a
 * newsletter they may read (canReadNewsletter).
 */
export function canReadVillageCopy(
  actor: Actor,
  village: { id: string; municipalityId: string },
): boolean {
  switch (actor.role) {
    case Role.Secretariat:
      return true;
    case Role.SteeringMember:
      return actor.villageId !== null && actor.villageId === village.id;
    case Role.Coordinator:
      return actor.municipalityId !== null && actor.municipalityId === village.municipalityId;
    default:
      return false;
  }
}
