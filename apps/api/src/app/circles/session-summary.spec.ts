import { CircleKind, Phase, RsvpAnswer, SessionStatus } from '@blup/contracts';
import { toSessionSummary } from './session-summary';

const session = {
  id: 's1',
  circleId: 'c1',
  title: 'Kortlægning',
  phase: Phase.Mapping,
  topic: '',
  startsAt: new Date('2027-03-25T18:00:00Z'),
  endsAt: new Date('2027-03-25T20:00:00Z'),
  status: SessionStatus.Planned,
  meetingUrl: null as string | null,
};
const circle = {
  kind: CircleKind.Village,
  cohortName: 'Forår 2027',
  villageName: 'Bogø',
  roomUrl: 'https://meet.jit.si/blup-bogoe-12345678',
  askerTakesPart: true,
};
const before = new Date('2027-03-01T00:00:00Z');

describe(toSessionSummary.name, () => {
  it('joins in the circle room unless the session has its own link', () => {
    expect(toSessionSummary(session, circle, null, before).meetingUrl).toBe(circle.roomUrl);
    expect(
      toSessionSummary({ ...session, meetingUrl: 'https://zoom.us/j/1' }, circle, null, before)
        .meetingUrl,
    ).toBe('https://zoom.us/j/1');
  });

  it('lets members answer a planned session until it ends', () => {
    const s = toSessionSummary(session, circle, RsvpAnswer.Maybe, before);
    expect(s).toMatchObject({
      myRsvp: 'maybe',
      canRsvp: true,
      startsAt: '2027-03-25T18:00:00.000Z',
    });
    expect(toSessionSummary(session, circle, null, new Date('2027-03-26')).canRsvp).toBe(false);
    expect(
      toSessionSummary({ ...session, status: SessionStatus.Cancelled }, circle, null, before)
        .canRsvp,
    ).toBe(false);
  });

  it('gives readers who do not take part no answer', () => {
    const s = toSessionSummary(
      session,
      { ...circle, askerTakesPart: false },
      RsvpAnswer.Yes,
      before,
    );
    expect(s).toMatchObject({ myRsvp: null, canRsvp: false });
  });
});
