import { type Actor, type VillageRef } from './access-policy';
import { initiativeAccess } from './initiative-access-policy';

/**
 * Who may see and change a village's idea lists (prioritising ideas for its plan): the same rule
 * as its initiatives, which the chosen ideas become.
 * - the village's steering group writes them (open and close voting, paper dots, helpers,
 *   making an idea an initiative);
 * - the secretariat may too;
 * - the coordinators of the village's municipality read them (not the helpers' contacts);
 * - nobody else sees them. Residents vote through the public link, without an account.
 */
export type IdeaAccess = 'edit' | 'read' | 'hidden';

export function ideaAccess(actor: Actor, village: VillageRef): IdeaAccess {
  return initiativeAccess(actor, village);
}
