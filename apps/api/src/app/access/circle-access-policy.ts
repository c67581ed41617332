import { CircleKind, Role } from '@blup/contracts';
import type { Actor } from './access-policy';

/**
 * Who takes part in, reads and changes study circles. Pure functions over the few facts each
 * rule needs; the circle lists' SQL (circle-visibility.ts beside it) asks the same questions for
 * lists, and the specs beside this file pin the matrix.
 *
 * - Village circle: members are the village's steering group; the coordinators of the village's
 *   municipality are guests.
 * - Coordinator circle: members are the coordinators of the municipalities with a village in
 *   the cohort.
 * - The secretariat leads, reads and changes every circle. Learners take no part.
 */
export interface CircleRef {
  kind: CircleKind;
  /** Village circles: the village and its municipality. */
  villageId: string | null;
  villageMunicipalityId: string | null;
  /** Coordinator circles: the municipalities with a village in the cohort. */
  cohortMunicipalityIds: readonly string[];
}

export type CirclePart = 'member' | 'guest' | 'facilitator' | 'reader';

/** How the actor takes part in the circle, or null when it is none of their business. */
export function circlePartOf(actor: Actor, circle: CircleRef): CirclePart | null {
  if (actor.role === Role.Secretariat) return 'facilitator';
  if (circle.kind === CircleKind.Village) {
    if (actor.role === Role.SteeringMember && actor.villageId === circle.villageId) return 'member';
    if (
      actor.role === Role.Coordinator &&
      actor.municipalityId !== null &&
      actor.municipalityId === circle.villageMunicipalityId
    )
      return 'guest';
    return null;
  }
  if (
    actor.role === Role.Coordinator &&
    actor.municipalityId !== null &&
    circle.cohortMunicipalityIds.includes(actor.municipalityId)
  )
    return 'member';
  return null;
}

/**
 * The secretariat facilitates every circle: it sees all sessions without being a participant,
 * and the one who makes a cohort's circles becomes their facilitator.
 */
export function facilitatesEveryCircle(actor: Pick<Actor, 'role'> | null): boolean {
  return actor?.role === Role.Secretariat;
}

/** Learners take no part in circles (no sessions, no next session on the home page). */
export function takesPartInCircles(actor: Pick<Actor, 'role'>): boolean {
  return actor.role !== Role.Learner;
}

/** Reading the circle, its sessions, notes and attendance. */
export function canReadCircle(actor: Actor, circle: CircleRef): boolean {
  return circlePartOf(actor, circle) !== null;
}

/** Planning, moving, cancelling sessions and changing the room or facilitator. */
export function canManageCircle(actor: Actor): boolean {
  return actor.role === Role.Secretariat;
}

/** Taking attendance: the facilitators (the secretariat). */
export function canTakeAttendance(actor: Actor): boolean {
  return actor.role === Role.Secretariat;
}

/** Notes and next steps: the secretariat, and the coordination group of the circle's village. */
export function canEditOutcome(actor: Actor, circle: CircleRef): boolean {
  if (actor.role === Role.Secretariat) return true;
  return (
    circle.kind === CircleKind.Village &&
    actor.role === Role.SteeringMember &&
    actor.coordinationGroup &&
    actor.villageId === circle.villageId
  );
}

/** Members and guests answer yes, no or maybe for themselves. */
export function canRsvp(actor: Actor, circle: CircleRef): boolean {
  const part = circlePartOf(actor, circle);
  return part === 'member' || part === 'guest';
}
