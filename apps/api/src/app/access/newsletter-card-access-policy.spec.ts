import { Role } from '@blup/contracts';
import type { Actor, VillageRef } from './access-policy';
import { canAddVillageCard } from './newsletter-card-access-policy';

function actor(role: Role, municipalityId: string | null, villageId: string | null = null): Actor {
  return { id: 'a', role, municipalityId, villageId, coordinationGroup: false };
}

const village: VillageRef = { id: 'v1', municipalityId: 'm1' };

describe(canAddVillageCard.name, () => {
  const matrix: [string, Actor, boolean][] = [
    ['the secretariat (writes newsletters, reads every goal)', actor(Role.Secretariat, null), true],
    // Reads the goal, but does not write newsletters:
    ['a steering member of the village', actor(Role.SteeringMember, 'm1', 'v1'), false],
    ['a coordinator of the municipality', actor(Role.Coordinator, 'm1'), false],
    ['a coordinator of another municipality', actor(Role.Coordinator, 'm2'), false],
    ['a learner of the municipality', actor(Role.Learner, 'm1'), false],
  ];

  it.each(matrix)('decides a goal card for %s', (_who, sut, expected) => {
    expect(canAddVillageCard(sut, 'goal', village)).toBe(expected);
  });

  it.each(matrix)('decides an initiative card for %s', (_who, sut, expected) => {
    expect(canAddVillageCard(sut, 'initiative', village)).toBe(expected);
  });
});
