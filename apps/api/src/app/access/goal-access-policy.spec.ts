import { Role } from '@blup/contracts';
import { actor, village, villageWorkMatrix } from '../../../test/village-access-matrix';
import type { Actor, VillageRef } from './access-policy';
import { cohortGoalSummaryAccess, goalAccess, type SummaryAccess } from './goal-access-policy';

describe(goalAccess.name, () => {
  it.each(villageWorkMatrix)('decides for %s', (_who, sut, expected) => {
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
