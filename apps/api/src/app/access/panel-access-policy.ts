import { Role } from '@blup/contracts';
import { Actor, VillageRef, canReadVillage } from './access-policy';

/**
 * Who looks after a village's citizen panel (lists it, removes people, imports a CSV): the
 * secretariat, the coordinators of the village's municipality, and the village's coordination
 * group. Others who can see the village get a 403; those who cannot, a 404.
 */
export function canManagePanel(actor: Actor, village: VillageRef): boolean {
  switch (actor.role) {
    case Role.Secretariat:
      return true;
    case Role.Coordinator:
      return actor.municipalityId !== null && actor.municipalityId === village.municipalityId;
    case Role.SteeringMember:
      return actor.coordinationGroup && actor.villageId === village.id;
    default:
      return false;
  }
}

/** Reads outside one's scope answer 404, so a panel's existence is not revealed. */
export function canSeePanelVillage(actor: Actor, village: VillageRef): boolean {
  return canReadVillage(actor, village);
}
