import {
  EnrolmentStatus,
  LearnerKind,
  OfferingApproval,
  OfferingAudience,
  OfferingKind,
  OfferingState,
  Role,
} from '@blup/contracts';
import {
  admissionStatus,
  audienceFits,
  csvLine,
  mayCancel,
  mayEnrol,
  offeringStatus,
} from './offering-rules';

const now = new Date('2027-01-10T12:00:00Z');
const open = {
  startsOn: '2027-03-01',
  enrolClosesAt: null,
  publishedAt: new Date('2027-01-01T00:00:00Z'),
  closedAt: null,
};

describe(offeringStatus.name, () => {
  it('is open when published, not closed, before its deadline and start', () => {
    expect(offeringStatus(open, now).state).toBe(OfferingState.Open);
    expect(offeringStatus({ ...open, startsOn: null }, now).state).toBe(OfferingState.Open);
  });

  it('names why it is not open, with the date', () => {
    expect(offeringStatus({ ...open, publishedAt: null }, now)).toMatchObject({
      state: OfferingState.Draft,
      reason: 'not_published',
    });
    expect(
      offeringStatus({ ...open, closedAt: new Date('2027-01-05T10:00:00Z') }, now),
    ).toMatchObject({
      state: OfferingState.Closed,
      message: 'closed on 2027-01-05',
    });
    expect(
      offeringStatus({ ...open, enrolClosesAt: new Date('2027-01-09T23:30:00Z') }, now),
    ).toMatchObject({ reason: 'enrolment_closed', date: '2027-01-10' });
    expect(offeringStatus({ ...open, startsOn: '2027-01-10' }, now)).toMatchObject({
      state: OfferingState.Started,
      message: 'it started on 2027-01-10',
    });
  });
});

describe(admissionStatus.name, () => {
  it('takes a free place by the approval rule, else the waitlist', () => {
    expect(admissionStatus(10, 9, OfferingApproval.Automatic)).toBe(EnrolmentStatus.Enrolled);
    expect(admissionStatus(10, 9, OfferingApproval.Secretariat)).toBe(EnrolmentStatus.Pending);
    expect(admissionStatus(10, 10, OfferingApproval.Automatic)).toBe(EnrolmentStatus.Waitlisted);
    expect(admissionStatus(null, 5000, OfferingApproval.Automatic)).toBe(EnrolmentStatus.Enrolled);
  });
});

describe('who may enrol and cancel', () => {
  const village = { villageId: 'v1', municipalityId: 'm1' };
  const steering = { id: 'u1', role: Role.SteeringMember, municipalityId: 'm1', villageId: 'v1' };
  const coordinator = { id: 'u2', role: Role.Coordinator, municipalityId: 'm1', villageId: null };
  const learner = { id: 'u3', role: Role.Learner, municipalityId: 'm1', villageId: null };
  const secretariat = { id: 'u4', role: Role.Secretariat, municipalityId: null, villageId: null };

  it('lets villages take mini-BLUP and people academy courses; cohorts only the secretariat', () => {
    expect(mayEnrol(steering, OfferingKind.MiniBlup, village)).toBe(true);
    expect(mayEnrol(steering, OfferingKind.MiniBlup, { ...village, villageId: 'v2' })).toBe(false);
    expect(mayEnrol(coordinator, OfferingKind.MiniBlup, village)).toBe(true);
    expect(mayEnrol(coordinator, OfferingKind.MiniBlup, { ...village, municipalityId: 'm2' })).toBe(
      false,
    );
    expect(mayEnrol(learner, OfferingKind.MiniBlup, village)).toBe(false);
    expect(mayEnrol(learner, OfferingKind.AcademyCourse, { userId: 'u3' })).toBe(true);
    expect(mayEnrol(learner, OfferingKind.AcademyCourse, { userId: 'u1' })).toBe(false);
    expect(mayEnrol(steering, OfferingKind.Cohort, village)).toBe(false);
    expect(mayEnrol(secretariat, OfferingKind.Cohort, village)).toBe(true);
  });

  it('lets people cancel their own, their village’s or their municipality’s', () => {
    const own = { userId: 'u3', villageId: null, municipalityId: 'm1' };
    const villages = { userId: null, villageId: 'v1', municipalityId: 'm1' };
    expect(mayCancel(learner, own)).toBe(true);
    expect(mayCancel(coordinator, own)).toBe(false);
    expect(mayCancel(steering, villages)).toBe(true);
    expect(mayCancel(coordinator, villages)).toBe(true);
    expect(mayCancel(learner, villages)).toBe(false);
    expect(mayCancel(secretariat, own)).toBe(true);
  });
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

describe(csvLine.name, () => {
  it('separates with semicolons, quotes and guards formulas', () => {
    expect(csvLine(['a', 1, null])).toBe('a;1;');
    expect(csvLine(['=SUM(A1)', '+45', '-1', '@x'])).toBe("'=SUM(A1);'+45;'-1;'@x");
    expect(csvLine(['a;b', 'say "hi"'])).toBe('"a;b";"say ""hi"""');
  });
});
