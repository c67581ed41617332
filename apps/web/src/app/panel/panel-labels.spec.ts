import { ErrorCode, Role, type SessionUser } from '@blup/contracts';
import { ApiError } from '@blup/web/core';
import { canManagePanel, isAccountAddress, joinUrl } from './panel-labels';

const village = { id: 'v1', municipalityId: 'm1' };

function user(overrides: Partial<SessionUser>): SessionUser {
  return {
    id: 'u',
    email: 'u@example.dk',
    name: 'U',
    role: Role.SteeringMember,
    locale: 'da',
    municipalityId: 'm1',
    municipalityName: 'Næstved',
    villageId: 'v1',
    villageName: 'Glumsø og Omegn',
    coordinationGroup: false,
    learnerKind: null,
    ...overrides,
  };
}

describe('canManagePanel', () => {
  it('mirrors the API: secretariat, own coordinators, own coordination group', () => {
    expect(canManagePanel(user({ role: Role.Secretariat, municipalityId: null }), village)).toBe(
      true,
    );
    expect(canManagePanel(user({ role: Role.Coordinator, villageId: null }), village)).toBe(true);
    expect(
      canManagePanel(
        user({ role: Role.Coordinator, municipalityId: 'm2', villageId: null }),
        village,
      ),
    ).toBe(false);
    expect(canManagePanel(user({ coordinationGroup: true }), village)).toBe(true);
    expect(canManagePanel(user({}), village)).toBe(false);
    expect(canManagePanel(user({ role: Role.Learner, villageId: null }), village)).toBe(false);
    expect(canManagePanel(null, village)).toBe(false);
  });

  it('builds the shareable sign-up address', () => {
    expect(joinUrl('https://blup.dk', 'v1')).toBe('https://blup.dk/panel/join/v1');
  });
});

describe(isAccountAddress.name, () => {
  const conflict = (state: string) =>
    new ApiError(409, 'Not open', null, {}, ErrorCode.ErasureNotOpen, { state });

  it('tells the address of an account (sign in to be erased) from other failures', () => {
    expect(isAccountAddress(conflict('account'))).toBe(true);
    expect(isAccountAddress(conflict('running'))).toBe(false);
    expect(isAccountAddress(new Error('offline'))).toBe(false);
    expect(isAccountAddress(null)).toBe(false);
  });
});
