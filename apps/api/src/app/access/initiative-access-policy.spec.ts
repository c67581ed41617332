import { Role } from '@blup/contracts';
import type { Actor, VillageRef } from './access-policy';
import { initiativeAccess, type InitiativeAccess } from './initiative-access-policy';

function actor(role: Role, municipalityId: string | null, villageId: string | null = null): Actor {
  return { id: 'a', role, municipalityId, villageId, coordinationGroup: false };
}

const village: VillageRef = { id: 'v1', municipalityId: 'm1' };

describe(initiativeAccess.name, () => {
  const matrix: [string, Actor, InitiativeAccess][] = [
    ['the secretariat', actor(Role.Secretariat, null), 'edit'],
    ['a steering member of the village', actor(Role.SteeringMember, 'm1', 'v1'), 'edit'],
    [
      'a steering member of another village there',
      actor(Role.SteeringMember, 'm1', 'v2'),
      'hidden',
    ],
    ['a steering member elsewhere', actor(Role.SteeringMember, 'm2', 'v3'), 'hidden'],
    ['a steering member without a village', actor(Role.SteeringMember, 'm1'), 'hidden'],
    ['a coordinator of the municipality', actor(Role.Coordinator, 'm1'), 'read'],
    ['a coordinator of another municipality', actor(Role.Coordinator, 'm2'), 'hidden'],
    ['a coordinator without a municipality', actor(Role.Coordinator, null), 'hidden'],
    ['a learner of the municipality', actor(Role.Learner, 'm1'), 'hidden'],
    ['a learner of the village', actor(Role.Learner, 'm1', 'v1'), 'hidden'],
  ];

  it.each(matrix)('decides for %s', (_who, sut, expected) => {
    expect(initiativeAccess(sut, village)).toBe(expected);
  });
});
