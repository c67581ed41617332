import { EnrolmentStatus, OfferingApproval, OfferingState } from '@blup/contracts';
import { csvLine } from '../common/csv';
import { admissionStatus, offeringStatus } from './offering-rules';

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

describe(csvLine.name, () => {
  it('separates with semicolons, quotes and guards formulas', () => {
    expect(csvLine(['a', 1, null])).toBe('a;1;');
    expect(csvLine(['=SUM(A1)', '+45', '-1', '@x'])).toBe("'=SUM(A1);'+45;'-1;'@x");
    expect(csvLine(['a;b', 'say "hi"'])).toBe('"a;b";"say ""hi"""');
  });
});
