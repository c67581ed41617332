import { Role } from '@blup/contracts';
import type { Actor, VillageRef } from './access-policy';
import {
  cohortGoalSummaryAccess,
  goalAccess,
  type GoalAccess,
  type SummaryAccess,
} from './goal-access-policy';

function actor(role: Role, municipalityId: string | null, villageId: string | null = null): Actor {
  return { id: 'a', role, municipalityId, villageId, coordinationGroup: false };
}

const village: VillageRef = { id: 'v1', municipalityId: 'm1' };

describe(goalAccess.name, () => {
  const matrix: [string, Actor, GoalAccess][] = [
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
  ];

  it.each(matrix)('decides for %s', (_who, sut, expected) => {
    expect(goalAccess(sut, village)).toBe(expected);
  });
});

describe(cohortGoalSummaryAccess.name, () => {
  const villages: VillageRef[] = [
    { id: 'v1', municipalityId: 'm1' },
    { id: 'v2', municipalityId: 'm2' },
  ];
  const matrix: [string, Actor, SummaryAccess][] = [
    ['the secretariat', actor(Role.Secretariat, null), 'allowed'],
    ['a coordinator with a village in the cohort', actor(Role.Coordinator, 'm1'), 'forbidden'],
    ['a steering member of a village in it', actor(Role.SteeringMember, 'm2', 'v2'), 'forbidden'],
    ['a coordinator elsewhere', actor(Role.Coordinator, 'm3'), 'hidden'],
    ['a learner', actor(Role.Learner, 'm1'), 'hidden'],
  ];

  it.each(matrix)('decides for %s', (_who, sut, expected) => {
    expect(cohortGoalSummaryAccess(sut, villages)).toBe(expected);
  });
});
