import { Role } from '@blup/contracts';
import { actor } from '../../../test/village-access-matrix';
import { canWriteLibrary, libraryAccess } from './library-access-policy';

describe(libraryAccess.name, () => {
  it.each([
    ['the secretariat', actor(Role.Secretariat, null), 'write'],
    ['a coordinator', actor(Role.Coordinator, 'm1'), 'read'],
    ['a steering member', actor(Role.SteeringMember, 'm1', 'v1'), 'read'],
    ['a steering member without a village', actor(Role.SteeringMember, 'm1'), 'read'],
    ['a learner', actor(Role.Learner, 'm1'), 'read'],
  ] as const)('decides for %s', (_who, sut, expected) => {
    expect(libraryAccess(sut)).toBe(expected);
    expect(canWriteLibrary(sut)).toBe(expected === 'write');
  });
});
