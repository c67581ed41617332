import { Role } from '@blup/contracts';
import type { Actor } from './access-policy';
import {
  applicantActionRefusal,
  applyRefusal,
  canDecideApplication,
  canReadApplication,
} from './application-access-policy';

const actor = (role: Role, municipalityId: string | null, villageId: string | null): Actor => ({
  id: 'u',
  role,
  municipalityId,
  villageId,
  coordinationGroup: false,
});

const application = { municipalityId: 'm1', villageId: 'v1' };

describe(canReadApplication.name, () => {
  it.each([
    [Role.Secretariat, null, null, true],
    [Role.Coordinator, 'm1', null, true],
    [Role.Coordinator, 'm2', null, false],
    [Role.SteeringMember, 'm1', 'v1', true],
    [Role.SteeringMember, 'm1', 'v2', false],
    [Role.Learner, 'm1', null, false],
  ])('%s of %s/%s may read: %s', (role, m, v, expected) => {
    expect(canReadApplication(actor(role, m, v), application)).toBe(expected);
  });

  it('does not let a steering member read a new village’s application (no village yet)', () => {
    expect(
      canReadApplication(actor(Role.SteeringMember, 'm1', 'v1'), {
        municipalityId: 'm1',
        villageId: null,
      }),
    ).toBe(false);
  });
});

describe(canDecideApplication.name, () => {
  it('is the secretariat only', () => {
    expect(canDecideApplication(actor(Role.Secretariat, null, null))).toBe(true);
    expect(canDecideApplication(actor(Role.Coordinator, 'm1', null))).toBe(false);
  });
});

describe(applyRefusal.name, () => {
  it('lets anyone without an account apply', () => {
    expect(applyRefusal(null, { municipalityId: 'm1', villageId: null })).toBeNull();
  });

  it('keeps steering members to their own village', () => {
    const sut = actor(Role.SteeringMember, 'm1', 'v1');
    expect(applyRefusal(sut, { municipalityId: 'm1', villageId: 'v1' })).toBeNull();
    expect(applyRefusal(sut, { municipalityId: 'm1', villageId: 'v2' })).toBe('own_village_only');
    expect(applyRefusal(sut, { municipalityId: 'm1', villageId: null })).toBe('own_village_only');
  });

  it('keeps coordinators to their municipality', () => {
    const sut = actor(Role.Coordinator, 'm1', null);
    expect(applyRefusal(sut, { municipalityId: 'm1', villageId: null })).toBeNull();
    expect(applyRefusal(sut, { municipalityId: 'm2', villageId: null })).toBe(
      'own_municipality_only',
    );
  });
});

describe(applicantActionRefusal.name, () => {
  it.each([
    ['nobody without the link', null, false, 'not_found'],
    ['nobody with the link', null, true, null],
    ['a learner without the link', actor(Role.Learner, 'm1', null), false, 'not_found'],
    ['a coordinator elsewhere', actor(Role.Coordinator, 'm2', null), false, 'not_found'],
    [
      'the coordinator of its municipality',
      actor(Role.Coordinator, 'm1', null),
      false,
      'secretariat_only',
    ],
    [
      'a steering member of its village',
      actor(Role.SteeringMember, 'm1', 'v1'),
      false,
      'secretariat_only',
    ],
    ['a steering member with the link', actor(Role.SteeringMember, 'm1', 'v1'), true, null],
    ['the secretariat', actor(Role.Secretariat, null, null), false, null],
  ] as const)('%s: %s', (_who, who, holdsLink, expected) => {
    expect(applicantActionRefusal(who, application, holdsLink)).toBe(expected);
  });
});
