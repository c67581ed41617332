import { Role } from '@blup/contracts';
import type { Actor } from './access-policy';
import { municipalityOverviewAccess, type OverviewAccess } from './municipality-access-policy';

function actor(role: Role, municipalityId: string | null, villageId: string | null = null): Actor {
  return { id: 'a', role, municipalityId, villageId, coordinationGroup: false };
}

describe(municipalityOverviewAccess.name, () => {
  const matrix: [string, Actor, OverviewAccess][] = [
    ['the secretariat', actor(Role.Secretariat, null), 'allowed'],
    ['a coordinator of the municipality', actor(Role.Coordinator, 'm1'), 'allowed'],
    ['a coordinator of another municipality', actor(Role.Coordinator, 'm2'), 'hidden'],
    ['a coordinator without a municipality', actor(Role.Coordinator, null), 'hidden'],
    ['a steering member of a village there', actor(Role.SteeringMember, 'm1', 'v1'), 'forbidden'],
    ['a steering member elsewhere', actor(Role.SteeringMember, 'm2', 'v2'), 'hidden'],
    ['a learner of the municipality', actor(Role.Learner, 'm1'), 'forbidden'],
    ['a learner elsewhere', actor(Role.Learner, null), 'hidden'],
  ];

  it.each(matrix)('decides for %s', (_who, sut, expected) => {
    expect(municipalityOverviewAccess(sut, 'm1')).toBe(expected);
  });
});
