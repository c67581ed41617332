import { offeringClosed, type OfferingRow } from './offering-rules';

const open: OfferingRow = {
  kind: 'cohort',
  starts_on: '2027-03-01',
  ends_on: '2027-12-01',
  capacity: 10,
  price_dkk: 48000,
  published_at: new Date('2026-10-01T00:00:00Z'),
  closed_at: null,
  enrol_closes_at: null,
};
const now = new Date('2026-11-23T10:00:00Z');

describe(offeringClosed.name, () => {
  it('is open when published, not closed, before its deadline and start', () => {
    expect(offeringClosed(open, now)).toBeNull();
    expect(
      offeringClosed({ ...open, enrol_closes_at: new Date('2026-12-01T00:00:00Z') }, now),
    ).toBeNull();
  });

  it('names why it is closed', () => {
    expect(offeringClosed({ ...open, published_at: null }, now)?.reason).toBe('not_published');
    expect(
      offeringClosed({ ...open, closed_at: new Date('2026-11-01T00:00:00Z') }, now),
    ).toMatchObject({
      reason: 'closed',
      message: 'The cohort closed for applications on 2026-11-01.',
    });
    expect(
      offeringClosed({ ...open, enrol_closes_at: new Date('2026-11-20T00:00:00Z') }, now)?.reason,
    ).toBe('enrolment_closed');
    expect(offeringClosed({ ...open, starts_on: '2026-11-23' }, now)).toMatchObject({
      reason: 'started',
      date: '2026-11-23',
    });
  });
});
