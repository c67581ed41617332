import { LearnerKind, Role } from '@blup/contracts';
import { isRefusal, nextPlacement, type Placement, type PlacementRefusal } from './placement';

const NAESTVED = 'm-naestved';
const SONDERBORG = 'm-sonderborg';
const glumso = { id: 'v-glumso', municipalityId: NAESTVED };
const kegnaes = { id: 'v-kegnaes', municipalityId: SONDERBORG };

const none = { coordinationGroup: false, contactPerson: false, learnerKind: null };
const leader: Placement = {
  role: Role.SteeringMember,
  municipalityId: NAESTVED,
  villageId: glumso.id,
  ...none,
  coordinationGroup: true,
};
const contact: Placement = {
  role: Role.Coordinator,
  municipalityId: NAESTVED,
  villageId: null,
  ...none,
  contactPerson: true,
};
const learner: Placement = {
  role: Role.Learner,
  municipalityId: NAESTVED,
  villageId: null,
  ...none,
  learnerKind: LearnerKind.Politician,
};
const secretariat: Placement = {
  role: Role.Secretariat,
  municipalityId: null,
  villageId: null,
  ...none,
};

function refusal(result: ReturnType<typeof nextPlacement>): PlacementRefusal {
  if (!isRefusal(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

describe(nextPlacement.name, () => {
  it('keeps everything when nothing changes', () => {
    expect(nextPlacement(leader, {}, glumso)).toEqual(leader);
    expect(nextPlacement(contact, {}, null)).toEqual(contact);
  });

  it('clears role-specific flags when the role changes, keeping the municipality', () => {
    expect(nextPlacement(leader, { role: Role.Coordinator }, glumso)).toEqual({
      role: Role.Coordinator,
      municipalityId: NAESTVED,
      villageId: null,
      ...none,
    });
    expect(nextPlacement(learner, { role: Role.Coordinator, contactPerson: true }, null)).toEqual(
      contact,
    );
  });

  it('places a steering member in their village’s municipality', () => {
    expect(
      nextPlacement(contact, { role: Role.SteeringMember, villageId: kegnaes.id }, kegnaes),
    ).toEqual({
      role: Role.SteeringMember,
      municipalityId: SONDERBORG,
      villageId: kegnaes.id,
      ...none,
    });
    expect(nextPlacement(leader, { villageId: kegnaes.id }, kegnaes)).toMatchObject({
      municipalityId: SONDERBORG,
      coordinationGroup: true,
    });
  });

  it('takes the secretariat out of every municipality and village', () => {
    expect(nextPlacement(learner, { role: Role.Secretariat }, null)).toEqual(secretariat);
    expect(
      refusal(nextPlacement(learner, { role: Role.Secretariat, municipalityId: NAESTVED }, null))
        .field,
    ).toBe('municipalityId');
  });

  it.each([
    [
      'a steering member without a village',
      secretariat,
      { role: Role.SteeringMember },
      null,
      'villageId',
    ],
    ['a steering member whose village is cleared', leader, { villageId: null }, null, 'villageId'],
    [
      'a steering member moved to another municipality but not another village',
      leader,
      { municipalityId: SONDERBORG },
      glumso,
      'municipalityId',
    ],
    [
      'a coordinator without a municipality',
      secretariat,
      { role: Role.Coordinator },
      null,
      'municipalityId',
    ],
    [
      'a learner whose municipality is cleared',
      learner,
      { municipalityId: null },
      null,
      'municipalityId',
    ],
    ['a coordinator in a village', contact, { villageId: glumso.id }, glumso, 'villageId'],
    [
      'a coordination group outside a steering group',
      contact,
      { coordinationGroup: true },
      null,
      'coordinationGroup',
    ],
    [
      'a contact person who is no coordinator',
      leader,
      { contactPerson: true },
      glumso,
      'contactPerson',
    ],
    [
      'a learner kind on a coordinator',
      contact,
      { learnerKind: LearnerKind.LocalCouncil },
      null,
      'learnerKind',
    ],
  ] as const)('refuses %s', (_, current, change, village, field) => {
    const result = refusal(nextPlacement(current, change, village));
    expect(result.field).toBe(field);
    expect(result.message.length).toBeGreaterThan(10);
  });
});
