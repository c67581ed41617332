import { CircleKind, Role } from '@blup/contracts';
import type { Actor } from './access-policy';
import {
  canEditOutcome,
  canManageCircle,
  canReadCircle,
  canRsvp,
  canTakeAttendance,
  circlePartOf,
  facilitatesEveryCircle,
  takesPartInCircles,
  type CircleRef,
} from './circle-access-policy';

const actor = (over: Partial<Actor>): Actor => ({
  id: 'u',
  role: Role.Learner,
  municipalityId: null,
  villageId: null,
  coordinationGroup: false,
  ...over,
});

const villageA: CircleRef = {
  kind: CircleKind.Village,
  villageId: 'va',
  villageMunicipalityId: 'm1',
  cohortMunicipalityIds: ['m1', 'm2'],
};
const coordinators: CircleRef = {
  kind: CircleKind.Coordinator,
  villageId: null,
  villageMunicipalityId: null,
  cohortMunicipalityIds: ['m1', 'm2'],
};

const secretariat = actor({ role: Role.Secretariat });
const memberA = actor({ role: Role.SteeringMember, villageId: 'va', municipalityId: 'm1' });
const leadA = { ...memberA, coordinationGroup: true };
const memberB = actor({ role: Role.SteeringMember, villageId: 'vb', municipalityId: 'm1' });
const coordinatorM1 = actor({ role: Role.Coordinator, municipalityId: 'm1' });
const coordinatorM3 = actor({ role: Role.Coordinator, municipalityId: 'm3' });
const learnerM1 = actor({ role: Role.Learner, municipalityId: 'm1' });

describe('circle access policy', () => {
  it('gives each role its part in a village circle', () => {
    expect(circlePartOf(secretariat, villageA)).toBe('facilitator');
    expect(circlePartOf(memberA, villageA)).toBe('member');
    expect(circlePartOf(memberB, villageA)).toBeNull();
    expect(circlePartOf(coordinatorM1, villageA)).toBe('guest');
    expect(circlePartOf(coordinatorM3, villageA)).toBeNull();
    expect(circlePartOf(learnerM1, villageA)).toBeNull();
  });

  it('makes the cohort’s coordinators the members of the coordinator circle', () => {
    expect(circlePartOf(coordinatorM1, coordinators)).toBe('member');
    expect(circlePartOf(coordinatorM3, coordinators)).toBeNull();
    expect(circlePartOf(memberA, coordinators)).toBeNull();
    expect(canReadCircle(secretariat, coordinators)).toBe(true);
  });

  it('lets members and guests answer, but not the facilitator or outsiders', () => {
    expect(canRsvp(memberA, villageA)).toBe(true);
    expect(canRsvp(coordinatorM1, villageA)).toBe(true);
    expect(canRsvp(secretariat, villageA)).toBe(false);
    expect(canRsvp(memberB, villageA)).toBe(false);
  });

  it('keeps planning and attendance with the secretariat', () => {
    expect(canManageCircle(secretariat)).toBe(true);
    expect(canManageCircle(coordinatorM1)).toBe(false);
    expect(canTakeAttendance(secretariat)).toBe(true);
    expect(canTakeAttendance(leadA)).toBe(false);
  });

  it.each([
    ['the secretariat', secretariat, true, true],
    ['a coordinator', coordinatorM1, false, true],
    ['a steering member', memberA, false, true],
    ['a coordination-group member', leadA, false, true],
    ['a learner', actor({ role: Role.Learner, municipalityId: 'm1' }), false, false],
  ])('%s facilitates every circle: %s; takes part in circles: %s', (_, who, all, part) => {
    expect(facilitatesEveryCircle(who)).toBe(all);
    expect(takesPartInCircles(who)).toBe(part);
  });

  it('makes nobody facilitator without a person', () => {
    expect(facilitatesEveryCircle(null)).toBe(false);
  });

  it('lets the village’s coordination group write notes and next steps', () => {
    expect(canEditOutcome(leadA, villageA)).toBe(true);
    expect(canEditOutcome(memberA, villageA)).toBe(false);
    expect(canEditOutcome({ ...leadA, villageId: 'vb' }, villageA)).toBe(false);
    expect(canEditOutcome(coordinatorM1, villageA)).toBe(false);
    expect(canEditOutcome(secretariat, coordinators)).toBe(true);
  });
});
