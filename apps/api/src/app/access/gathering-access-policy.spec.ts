import { GatheringAudience, Role } from '@blup/contracts';
import {
  canOrganiseGathering,
  gatheringAccess,
  inGatheringAudience,
  type GatheringActor,
  type GatheringRef,
} from './gathering-access-policy';

const actor = (role: Role, over: Partial<GatheringActor> = {}): GatheringActor => ({
  id: 'u',
  role,
  municipalityId: 'm1',
  villageId: null,
  coordinationGroup: false,
  cohortId: null,
  ...over,
});

const secretariat = actor(Role.Secretariat, { municipalityId: null });
const coordinator = actor(Role.Coordinator);
const otherCoordinator = actor(Role.Coordinator, { municipalityId: 'm2' });
const steering = actor(Role.SteeringMember, { villageId: 'v1', cohortId: 'c1' });
const otherSteering = actor(Role.SteeringMember, {
  villageId: 'v2',
  municipalityId: 'm2',
  cohortId: 'c2',
});
const learner = actor(Role.Learner);

const village = (audience: GatheringAudience): GatheringRef => ({
  audience,
  villageId: 'v1',
  municipalityId: 'm1',
  cohortId: null,
  cohortMunicipalityIds: [],
});
const cohort: GatheringRef = {
  audience: GatheringAudience.Cohort,
  villageId: null,
  municipalityId: null,
  cohortId: 'c1',
  cohortMunicipalityIds: ['m1'],
};
const academy: GatheringRef = {
  audience: GatheringAudience.MunicipalityAcademy,
  villageId: null,
  municipalityId: 'm1',
  cohortId: null,
  cohortMunicipalityIds: [],
};
const conference: GatheringRef = {
  audience: GatheringAudience.Anyone,
  villageId: null,
  municipalityId: null,
  cohortId: null,
  cohortMunicipalityIds: [],
};

describe(gatheringAccess.name, () => {
  it.each([
    ['secretariat', secretariat, village(GatheringAudience.VillagePanel), 'organise'],
    [
      'coordinator, own municipality',
      coordinator,
      village(GatheringAudience.VillagePanel),
      'organise',
    ],
    [
      'coordinator, other municipality',
      otherCoordinator,
      village(GatheringAudience.VillagePanel),
      'hidden',
    ],
    ['steering member, own village', steering, village(GatheringAudience.VillagePanel), 'organise'],
    [
      'steering member, other village',
      otherSteering,
      village(GatheringAudience.VillagePanel),
      'hidden',
    ],
    ['learner, village gathering', learner, village(GatheringAudience.VillagePanel), 'hidden'],
    ['coordinator, cohort with their villages', coordinator, cohort, 'read'],
    ['coordinator, other cohort', otherCoordinator, cohort, 'hidden'],
    ['steering member, own cohort', steering, cohort, 'read'],
    ['steering member, other cohort', otherSteering, cohort, 'hidden'],
    ['learner, own academy', learner, academy, 'read'],
    ['coordinator, own academy', coordinator, academy, 'organise'],
    ['steering member, academy', steering, academy, 'hidden'],
    ['learner, conference', learner, conference, 'read'],
    ['coordinator, conference', coordinator, conference, 'read'],
  ] as const)('%s → %s', (_label, who, ref, expected) => {
    expect(gatheringAccess(who, ref)).toBe(expected);
  });
});

describe(canOrganiseGathering.name, () => {
  it('lets a steering member plan only their village’s own gatherings', () => {
    expect(canOrganiseGathering(steering, village(GatheringAudience.SteeringGroup))).toBe(true);
    expect(canOrganiseGathering(steering, village(GatheringAudience.Anyone))).toBe(false);
    expect(canOrganiseGathering(steering, cohort)).toBe(false);
  });

  it('keeps cohort gatherings for the secretariat', () => {
    expect(canOrganiseGathering(coordinator, cohort)).toBe(false);
    expect(canOrganiseGathering(secretariat, cohort)).toBe(true);
    expect(canOrganiseGathering(learner, academy)).toBe(false);
  });
});

describe(inGatheringAudience.name, () => {
  it('follows the audience', () => {
    expect(inGatheringAudience(steering, village(GatheringAudience.SteeringGroup))).toBe(true);
    expect(inGatheringAudience(coordinator, village(GatheringAudience.SteeringGroup))).toBe(false);
    expect(inGatheringAudience(coordinator, village(GatheringAudience.VillagePanel))).toBe(true);
    expect(inGatheringAudience(steering, cohort)).toBe(true);
    expect(inGatheringAudience(otherSteering, cohort)).toBe(false);
    expect(inGatheringAudience(learner, academy)).toBe(true);
    expect(inGatheringAudience(steering, academy)).toBe(false);
    expect(inGatheringAudience(otherSteering, conference)).toBe(true);
  });
});
