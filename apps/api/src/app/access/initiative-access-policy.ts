import { Role } from '@blup/contracts';
import { canReadVillage, type Actor, type VillageRef } from './access-policy';

/**
 * Who may see and change a village's initiatives and focus areas (the same rule as its goals,
 * which they serve):
 * - the village's steering group writes them (the future workshop's output is theirs);
 * - the secretariat may too, to help a village or fix a slip;
 * - the coordinators of the village's municipality read them;
 * - nobody else sees them (learners, other villages, other municipalities).
 */
export type InitiativeAccess = 'edit' | 'read' | 'hidden';

export function initiativeAccess(actor: Actor, village: VillageRef): InitiativeAccess {
  if (!canReadVillage(actor, village)) return 'hidden';
  if (actor.role === Role.Secretariat) return 'edit';
  if (actor.role === Role.SteeringMember && actor.villageId === village.id) return 'edit';
  return 'read';
}
