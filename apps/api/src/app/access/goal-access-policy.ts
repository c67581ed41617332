import { Role } from '@blup/contracts';
import { canReadCohort, canReadVillage, type Actor, type VillageRef } from './access-policy';

/**
 * Who may see and change a village's goals:
 * - the village's steering group writes them and records their progress (it is their work);
 * - the secretariat may too, to help a village on the phone or fix a slip;
 * - the coordinators of the village's municipality read them;
 * - nobody else sees them (learners, other villages, other municipalities).
 */
export type GoalAccess = 'edit' | 'read' | 'hidden';

export function goalAccess(actor: Actor, village: VillageRef): GoalAccess {
  if (!canReadVillage(actor, village)) return 'hidden';
  if (actor.role === Role.Secretariat) return 'edit';
  if (actor.role === Role.SteeringMember && actor.villageId === village.id) return 'edit';
  return 'read';
}

export type SummaryAccess = 'allowed' | 'forbidden' | 'hidden';

/**
 * A cohort's goal summary spans municipalities, so only the secretariat sees it; others who can
 * see the cohort get a 403, everyone else a 404. (A municipality's summary follows
 * `municipalityOverviewAccess`: the secretariat and the municipality's coordinators.)
 */
export function cohortGoalSummaryAccess(actor: Actor, villages: VillageRef[]): SummaryAccess {
  if (actor.role === Role.Secretariat) return 'allowed';
  return canReadCohort(actor, villages) ? 'forbidden' : 'hidden';
}
