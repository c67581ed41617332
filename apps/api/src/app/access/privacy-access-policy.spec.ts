import { Role } from '@blup/contracts';
import { canExportFor, canManagePersonalData, isLastSecretariat } from './privacy-access-policy';

const person = (role: Role, id = 'me') => ({ id, role }) as never;

describe('privacy access policy', () => {
  it('lets a person export only their own data, and the secretariat anyone’s', () => {
    expect(canExportFor(person(Role.SteeringMember), { userId: 'me' })).toBe(true);
    expect(canExportFor(person(Role.SteeringMember), { userId: 'other' })).toBe(false);
    expect(canExportFor(person(Role.Coordinator), { userId: null })).toBe(false);
    expect(canExportFor(person(Role.Secretariat), { userId: 'other' })).toBe(true);
    expect(canExportFor(person(Role.Secretariat), { userId: null })).toBe(true);
  });

  it('leaves approving, and erasing or exporting for others, to the secretariat', () => {
    expect(canManagePersonalData(person(Role.Secretariat))).toBe(true);
    for (const role of [Role.Coordinator, Role.SteeringMember, Role.Learner]) {
      expect(canManagePersonalData(person(role))).toBe(false);
    }
  });

  it('refuses to erase the last active secretariat member', () => {
    const secretariat = { role: Role.Secretariat, disabledAt: null };
    expect(isLastSecretariat(secretariat, 1)).toBe(true);
    expect(isLastSecretariat(secretariat, 2)).toBe(false);
    expect(isLastSecretariat({ role: Role.Learner, disabledAt: null }, 1)).toBe(false);
  });
});
