import { Role, type SessionUser } from '@blup/contracts';

/** A session user for specs. Not exported from the lib's index. */
export function aUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: 'u1',
    email: 'ane@example.dk',
    name: 'Ane Jensen',
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
