import { Role } from '@blup/contracts';
import type { Actor, VillageRef } from '../src/app/access/access-policy';

/** An actor of `role` in a municipality and (for steering members and learners) a village. */
export function actor(
  role: Role,
  municipalityId: string | null,
  villageId: string | null = null,
): Actor {
  return { id: 'a', role, municipalityId, villageId, coordinationGroup: false };
}

/** The village the matrix asks about: v1 in municipality m1. */
export const village: VillageRef = { id: 'v1', municipalityId: 'm1' };

/**
 * Who does what with a village's own work (its goals, its initiatives): its steering group and
 * the secretariat change it, the municipality's coordinator reads it, nobody else sees it.
 */
export const villageWorkMatrix: [string, Actor, 'edit' | 'read' | 'hidden'][] = [
  ['the secretariat', actor(Role.Secretariat, null), 'edit'],
  ['a steering member of the village', actor(Role.SteeringMember, 'm1', 'v1'), 'edit'],
  ['a steering member of another village there', actor(Role.SteeringMember, 'm1', 'v2'), 'hidden'],
  ['a steering member elsewhere', actor(Role.SteeringMember, 'm2', 'v3'), 'hidden'],
  ['a steering member without a village', actor(Role.SteeringMember, 'm1'), 'hidden'],
  ['a coordinator of the municipality', actor(Role.Coordinator, 'm1'), 'read'],
  ['a coordinator of another municipality', actor(Role.Coordinator, 'm2'), 'hidden'],
  ['a coordinator without a municipality', actor(Role.Coordinator, null), 'hidden'],
  ['a learner of the municipality', actor(Role.Learner, 'm1'), 'hidden'],
  ['a learner of the village', actor(Role.Learner, 'm1', 'v1'), 'hidden'],
];
