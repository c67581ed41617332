import type { Actor, VillageRef } from './access-policy';
import { goalAccess } from './goal-access-policy';
import { initiativeAccess } from './initiative-access-policy';
import { canWriteNewsletters } from './newsletter-access-policy';

/**
 * Who may put a village goal or initiative card into a newsletter: whoever may write the
 * newsletter (the secretariat today) AND may read that goal or initiative. Whether the village's
 * plan is published (so the card shows only what is public already) is checked beside this, on
 * the data: it is about the village, not the person.
 */
export function canAddVillageCard(
  actor: Actor,
  kind: 'goal' | 'initiative',
  village: VillageRef,
): boolean {
  if (!canWriteNewsletters(actor)) return false;
  const access = kind === 'goal' ? goalAccess(actor, village) : initiativeAccess(actor, village);
  return access !== 'hidden';
}
