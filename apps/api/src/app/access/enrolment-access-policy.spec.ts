import { LearnerKind, OfferingAudience, OfferingKind, Role } from '@blup/contracts';
import type { Actor } from './access-policy';
import {
  audienceFits,
  canDecideEnrolments,
  canEnrolOthers,
  canExportInvoices,
  canManageOfferings,
  canReadEnrolment,
  canSeeDraftOfferings,
  enrolmentIsApproved,
  mayCancel,
  mayEnrol,
  ownVillageOf,
} from './enrolment-access-policy';

const actor = (role: Role, municipalityId: string | null, villageId: string | null): Actor => ({
  id: `u-${role}`,
  role,
  municipalityId,
  villageId,
  coordinationGroup: false,
});

const secretariat = actor(Role.Secretariat, null, null);
const coordinator = actor(Role.Coordinator, 'm1', null);
const otherCoordinator = actor(Role.Coordinator, 'm2', null);
const steering = actor(Role.SteeringMember, 'm1', 'v1');
const otherSteering = actor(Role.SteeringMember, 'm1', 'v2');
const learner = actor(Role.Learner, 'm1', null);
const everyone = { secretariat, coordinator, otherCoordinator, steering, otherSteering, learner };
type Who = keyof typeof everyone;

describe('the secretariat-only rules', () => {
  const rules = [
    canManageOfferings,
    canSeeDraftOfferings,
    canDecideEnrolments,
    canExportInvoices,
    canEnrolOthers,
    enrolmentIsApproved,
  ];
  it.each(Object.keys(everyone) as Who[])('%s', (who) => {
    for (const rule of rules) {
      expect([rule.name, rule(everyone[who])]).toEqual([rule.name, who === 'secretariat']);
    }
  });

  it('does not show drafts to the public', () => {
    expect(canSeeDraftOfferings(null)).toBe(false);
  });
});

describe(ownVillageOf.name, () => {
  it.each([
    ['secretariat', null],
    ['coordinator', null],
    ['steering', 'v1'],
    ['otherSteering', 'v2'],
    ['learner', null],
  ] as [Who, string | null][])('%s acts for village %s', (who, expected) => {
    expect(ownVillageOf(everyone[who])).toBe(expected);
  });

  it('is no village for the public', () => {
    expect(ownVillageOf(null)).toBeNull();
  });
});

describe(mayEnrol.name, () => {
  const village = { villageId: 'v1', municipalityId: 'm1' };
  const self = (who: Who) => ({ userId: everyone[who].id });
  // who, kind, party, may enrol
  it.each([
    ['secretariat', OfferingKind.Cohort, village, true],
    ['secretariat', OfferingKind.MiniBlup, village, true],
    ['secretariat', OfferingKind.AcademyCourse, self('learner'), true],
    ['coordinator', OfferingKind.Cohort, village, false],
    ['coordinator', OfferingKind.MiniBlup, village, true],
    ['otherCoordinator', OfferingKind.MiniBlup, village, false],
    ['coordinator', OfferingKind.AcademyCourse, self('coordinator'), true],
    ['coordinator', OfferingKind.AcademyCourse, self('learner'), false],
    ['steering', OfferingKind.Cohort, village, false],
    ['steering', OfferingKind.MiniBlup, village, true],
    ['otherSteering', OfferingKind.MiniBlup, village, false],
    ['steering', OfferingKind.AcademyCourse, self('steering'), true],
    ['learner', OfferingKind.MiniBlup, village, false],
    ['learner', OfferingKind.AcademyCourse, self('learner'), true],
    ['learner', OfferingKind.AcademyCourse, self('steering'), false],
    ['learner', OfferingKind.MiniBlup, self('learner'), false],
  ] as [Who, OfferingKind, Parameters<typeof mayEnrol>[2], boolean][])(
    '%s in a %s offering, %o: %s',
    (who, kind, party, expected) => {
      expect(mayEnrol(everyone[who], kind, party)).toBe(expected);
    },
  );
});

describe(audienceFits.name, () => {
  it('lets a learner enrol themself only in offerings for everyone or for their kind', () => {
    expect(audienceFits(Role.Learner, OfferingAudience.Everyone, LearnerKind.Politician)).toBe(
      true,
    );
    expect(audienceFits(Role.Learner, OfferingAudience.Politician, LearnerKind.Politician)).toBe(
      true,
    );
    expect(audienceFits(Role.Learner, OfferingAudience.LocalCouncil, LearnerKind.Politician)).toBe(
      false,
    );
    expect(
      audienceFits(Role.Learner, OfferingAudience.MunicipalStaff, LearnerKind.LocalCouncil),
    ).toBe(false);
  });

  it('refuses a person with no learner kind anything but offerings for everyone', () => {
    expect(audienceFits(Role.SteeringMember, OfferingAudience.LocalCouncil, null)).toBe(false);
    expect(audienceFits(Role.SteeringMember, OfferingAudience.Everyone, null)).toBe(true);
  });

  it('lets coordinators and the secretariat enrol whatever the audience', () => {
    expect(audienceFits(Role.Coordinator, OfferingAudience.Politician, null)).toBe(true);
    expect(audienceFits(Role.Secretariat, OfferingAudience.LocalCouncil, null)).toBe(true);
  });

  it('has nothing to check on offerings without an audience', () => {
    expect(audienceFits(Role.Learner, null, LearnerKind.LocalCouncil)).toBe(true);
  });
});

describe('seeing and cancelling one enrolment', () => {
  const learnersOwn = { userId: learner.id, villageId: null, municipalityId: 'm1' };
  const villages = { userId: null, villageId: 'v1', municipalityId: 'm1' };
  const elsewhere = { userId: null, villageId: 'v9', municipalityId: 'm9' };
  // who, enrolment, may read, may cancel
  it.each([
    ['secretariat', learnersOwn, true, true],
    ['secretariat', elsewhere, true, true],
    ['coordinator', learnersOwn, true, false],
    ['coordinator', villages, true, true],
    ['coordinator', elsewhere, false, false],
    ['otherCoordinator', villages, false, false],
    ['steering', villages, true, true],
    ['steering', learnersOwn, false, false],
    ['otherSteering', villages, false, false],
    ['learner', learnersOwn, true, true],
    ['learner', villages, false, false],
  ] as [Who, Parameters<typeof canReadEnrolment>[1], boolean, boolean][])(
    '%s, %o: reads %s, cancels %s',
    (who, enrolment, reads, cancels) => {
      expect(canReadEnrolment(everyone[who], enrolment)).toBe(reads);
      expect(mayCancel(everyone[who], enrolment)).toBe(cancels);
    },
  );

  it('hides a village’s enrolment from a coordinator without a municipality', () => {
    expect(
      canReadEnrolment(actor(Role.Coordinator, null, null), { ...villages, municipalityId: null }),
    ).toBe(false);
  });
});
