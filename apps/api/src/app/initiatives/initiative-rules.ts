import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { initiativeAccess, type InitiativeAccess } from '../access/initiative-access-policy';
import { AppException, notFound } from '../common/app-exception';
import { findInitiativeVillage, type InitiativeVillage } from './initiatives.queries';

export const NO_VILLAGE = 'No such village, or not one you may see.';
const READ_ONLY =
  'Only the village’s steering group (and the secretariat) change its initiatives; coordinators read them.';

/** What the actor may do with a village's initiatives; 404 when they may not see them at all. */
export async function villageAccess(
  em: EntityManager,
  actor: Actor,
  villageId: string,
): Promise<{ village: InitiativeVillage; access: Exclude<InitiativeAccess, 'hidden'> }> {
  const village = await findInitiativeVillage(em, villageId);
  const access = village ? initiativeAccess(actor, village) : 'hidden';
  if (!village || access === 'hidden') throw notFound(NO_VILLAGE);
  return { village, access };
}

export function forbidden(): AppException {
  return new AppException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, READ_ONLY);
}
