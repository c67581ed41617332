import { Role } from '@blup/contracts';
import type { Actor, VillageRef } from './access-policy';
import { documentAccess } from './plan-access-policy';

function actor(
  role: Role,
  municipalityId: string | null,
  villageId: string | null = null,
  coordinationGroup = false,
): Actor {
  return { id: 'a', role, municipalityId, villageId, coordinationGroup };
}

const village: VillageRef = { id: 'v1', municipalityId: 'm1' };

describe(documentAccess.name, () => {
  const matrix: [string, Actor, string][] = [
    ['the secretariat', actor(Role.Secretariat, null), 'read edit publish'],
    [
      'the village’s coordination group',
      actor(Role.SteeringMember, 'm1', 'v1', true),
      'read edit publish',
    ],
    ['a steering member of the village', actor(Role.SteeringMember, 'm1', 'v1'), 'read edit'],
    [
      'the coordination group of another village there',
      actor(Role.SteeringMember, 'm1', 'v2', true),
      '',
    ],
    ['a steering member elsewhere', actor(Role.SteeringMember, 'm2', 'v3'), ''],
    ['a steering member without a village', actor(Role.SteeringMember, 'm1'), ''],
    ['a coordinator of the municipality', actor(Role.Coordinator, 'm1'), 'read'],
    ['a coordinator of another municipality', actor(Role.Coordinator, 'm2'), ''],
    ['a coordinator without a municipality', actor(Role.Coordinator, null), ''],
    ['a learner of the municipality', actor(Role.Learner, 'm1'), ''],
  ];

  it.each(matrix)('%s may: %s', (_who, sut, expected) => {
    const access = documentAccess(sut, village);
    const granted = (['read', 'edit', 'publish'] as const).filter((what) => access[what]);
    expect(granted.join(' ')).toBe(expected);
  });
});
