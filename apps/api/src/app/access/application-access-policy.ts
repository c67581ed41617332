import { Role } from '@blup/contracts';
import type { Actor } from './access-policy';

/** The facts of an application the rules look at. */
export interface ApplicationRef {
  municipalityId: string;
  villageId: string | null;
}

/**
 * Who may see an application: the secretariat all; a coordinator those of their municipality's
 * villages; a steering member their own village's.
 */
export function canReadApplication(actor: Actor, application: ApplicationRef): boolean {
  switch (actor.role) {
    case Role.Secretariat:
      return true;
    case Role.Coordinator:
      return actor.municipalityId !== null && actor.municipalityId === application.municipalityId;
    case Role.SteeringMember:
      return actor.villageId !== null && actor.villageId === application.villageId;
    default:
      return false;
  }
}

/** Only the secretariat confirms cooperation, approves and rejects. */
export function canDecideApplication(actor: Actor): boolean {
  return actor.role === Role.Secretariat;
}

/**
 * Whether a signed-in person may send this application: the secretariat for any village; a
 * coordinator for villages (new or existing) in their municipality; a steering member only for
 * their own village. Learners apply like anyone without an account. Null = the application may go.
 */
export function applyRefusal(
  actor: Actor | null,
  target: { municipalityId: string; villageId: string | null },
): 'own_village_only' | 'own_municipality_only' | null {
  if (!actor) return null;
  switch (actor.role) {
    case Role.SteeringMember:
      return target.villageId !== null && target.villageId === actor.villageId
        ? null
        : 'own_village_only';
    case Role.Coordinator:
      return actor.municipalityId === target.municipalityId ? null : 'own_municipality_only';
    default:
      return null;
  }
}

/**
 * Withdrawing an application and sending its agreement: the secretariat, or the applicant who
 * holds the receipt's link. 'not_found' for strangers (no link or a wrong one, and no right to
 * see the application), so they learn neither that it exists nor its state; 'secretariat_only'
 * for those who may see it but hold no link. Null = go on (to the check that it is undecided).
 */
export function applicantActionRefusal(
  actor: Actor | null,
  application: ApplicationRef,
  holdsLink: boolean,
): 'not_found' | 'secretariat_only' | null {
  if (actor?.role === Role.Secretariat || holdsLink) return null;
  return actor && canReadApplication(actor, application) ? 'secretariat_only' : 'not_found';
}
