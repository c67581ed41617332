import { Role } from '@blup/contracts';
import { canReadVillage, type Actor, type VillageRef } from './access-policy';

/**
 * Who may see and change a village's living documents (plan, story, and later the annual wheel
 * and report):
 * - the village's steering members edit the draft;
 * - its coordination group (steering members with the flag) also publish and take down;
 * - the secretariat may do all of it, to help a village or fix a slip;
 * - the coordinators of the village's municipality read drafts, versions and history;
 * - nobody else sees them (a 404): learners, other villages, other municipalities.
 * What is published is public anyway, on the village's page, for everyone.
 */
export interface DocumentAccess {
  read: boolean;
  edit: boolean;
  publish: boolean;
}

const HIDDEN: DocumentAccess = { read: false, edit: false, publish: false };

export function documentAccess(actor: Actor, village: VillageRef): DocumentAccess {
  if (!canReadVillage(actor, village)) return HIDDEN;
  if (actor.role === Role.Secretariat) return { read: true, edit: true, publish: true };
  if (actor.role === Role.SteeringMember && actor.villageId === village.id) {
    return { read: true, edit: true, publish: actor.coordinationGroup };
  }
  return { read: true, edit: false, publish: false };
}
