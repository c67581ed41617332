import { LearnerKind, OfferingAudience, OfferingKind, Role } from '@blup/contracts';
import type { Actor } from './access-policy';

/**
 * Who runs offerings and who enrols, sees and cancels enrolments. Pure functions over the few
 * facts each rule needs; the spec beside this file pins the matrix. Lists of enrolments take
 * their slice from `pipelineScope` (access-policy.ts), as lists of applications do.
 *
 * - The secretariat creates and changes offerings, sees drafts, decides pending enrolments,
 *   exports the invoice basis and enrols anyone (which approves the enrolment at once).
 * - A person enrols themself in an academy course that fits their learner kind; a village is
 *   enrolled in a mini-BLUP module by its steering members or its municipality's coordinators;
 *   cohort places are only the secretariat's (villages apply instead).
 * - An enrolment is seen (and cancelled) by its person, the steering members of its village, the
 *   coordinators of its municipality and the secretariat; to anyone else it does not exist.
 */
export type EnrollerFacts = Pick<Actor, 'id' | 'role' | 'municipalityId' | 'villageId'>;

/** The party of an enrolment: its person (academy courses) or its village and municipality. */
export interface EnrolmentRef {
  userId: string | null;
  villageId: string | null;
  municipalityId: string | null;
}

const isSecretariat = (actor: Pick<Actor, 'role'> | null): boolean =>
  actor?.role === Role.Secretariat;

/** Creating and changing offerings. */
export function canManageOfferings(actor: Pick<Actor, 'role'>): boolean {
  return isSecretariat(actor);
}

/** Unpublished (draft) offerings; everyone else, the public too, sees published ones. */
export function canSeeDraftOfferings(actor: Pick<Actor, 'role'> | null): boolean {
  return isSecretariat(actor);
}

/** Approving and rejecting pending or waitlisted enrolments. */
export function canDecideEnrolments(actor: Pick<Actor, 'role'>): boolean {
  return isSecretariat(actor);
}

/** The invoice basis (CSV of priced enrolments). */
export function canExportInvoices(actor: Pick<Actor, 'role'>): boolean {
  return isSecretariat(actor);
}

/**
 * Whether the one enrolling may name any person: the secretariat, who is therefore told when the
 * person does not exist (others are refused by `mayEnrol` without learning that).
 */
export function canEnrolOthers(actor: Pick<Actor, 'role'>): boolean {
  return isSecretariat(actor);
}

/** The secretariat enrolling someone has approved it by doing so: no pending step. */
export function enrolmentIsApproved(actor: Pick<Actor, 'role'>): boolean {
  return isSecretariat(actor);
}

/**
 * The village a person enrols for and whose enrolments are "mine": a steering member's own
 * village; nobody else acts for a village by default.
 */
export function ownVillageOf(actor: Pick<Actor, 'role' | 'villageId'> | null): string | null {
  return actor?.role === Role.SteeringMember ? actor.villageId : null;
}

/**
 * Whether `actor` may enrol the party: a person enrols themself in an academy course (the
 * secretariat anyone); a village in a mini-BLUP offering by a steering member of it, a
 * coordinator of its municipality or the secretariat; cohort places only by the secretariat
 * (villages apply instead).
 */
export function mayEnrol(
  actor: EnrollerFacts,
  kind: OfferingKind,
  party: { userId: string } | { villageId: string; municipalityId: string },
): boolean {
  if (actor.role === Role.Secretariat) return true;
  if (kind === OfferingKind.Cohort) return false;
  if ('userId' in party) return kind === OfferingKind.AcademyCourse && party.userId === actor.id;
  if (kind !== OfferingKind.MiniBlup) return false;
  if (actor.role === Role.SteeringMember) return actor.villageId === party.villageId;
  if (actor.role === Role.Coordinator) return actor.municipalityId === party.municipalityId;
  return false;
}

/**
 * Whether a person enrolling in an academy course fits its audience. Coordinators and the
 * secretariat may enrol anyone (themselves included); everyone else enrolling themselves needs
 * the offering to be for everyone or for their learner kind (no learner kind fits only
 * `everyone`). Offerings without an audience (not academy courses) always fit.
 */
export function audienceFits(
  actorRole: Role,
  audience: OfferingAudience | null,
  learnerKind: LearnerKind | null,
): boolean {
  if (actorRole === Role.Secretariat || actorRole === Role.Coordinator) return true;
  if (audience === null || audience === OfferingAudience.Everyone) return true;
  return (learnerKind as string | null) === (audience as string);
}

/** Seeing one enrolment: their own, their village's, their municipality's; the secretariat all. */
export function canReadEnrolment(actor: EnrollerFacts, enrolment: EnrolmentRef): boolean {
  if (actor.role === Role.Secretariat || enrolment.userId === actor.id) return true;
  if (actor.role === Role.SteeringMember) {
    return enrolment.villageId !== null && enrolment.villageId === actor.villageId;
  }
  if (actor.role === Role.Coordinator) {
    return actor.municipalityId !== null && enrolment.municipalityId === actor.municipalityId;
  }
  return false;
}

/**
 * Whether `actor` may cancel an enrolment: their own, their village's (steering members), a
 * village of their municipality (coordinators), any (secretariat).
 */
export function mayCancel(actor: EnrollerFacts, enrolment: EnrolmentRef): boolean {
  if (actor.role === Role.Secretariat) return true;
  if (enrolment.userId !== null) return enrolment.userId === actor.id;
  if (actor.role === Role.SteeringMember) return actor.villageId === enrolment.villageId;
  if (actor.role === Role.Coordinator) {
    return actor.municipalityId !== null && actor.municipalityId === enrolment.municipalityId;
  }
  return false;
}
