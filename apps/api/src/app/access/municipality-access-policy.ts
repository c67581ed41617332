import { Role } from '@blup/contracts';
import { Actor, canReadMunicipality } from './access-policy';

/**
 * Who sees a municipality's overview (its villages' phase, sessions, attendance, progress and
 * next steps): the secretariat and the municipality's own coordinators. Others who can see the
 * municipality (its villages' steering members) get a 403; everyone else a 404, so the
 * municipality's existence is not revealed.
 */
export type OverviewAccess = 'allowed' | 'forbidden' | 'hidden';

export function municipalityOverviewAccess(actor: Actor, municipalityId: string): OverviewAccess {
  if (!canReadMunicipality(actor, municipalityId)) return 'hidden';
  switch (actor.role) {
    case Role.Secretariat:
      return 'allowed';
    case Role.Coordinator:
      return actor.municipalityId === municipalityId ? 'allowed' : 'hidden';
    default:
      return 'forbidden';
  }
}
