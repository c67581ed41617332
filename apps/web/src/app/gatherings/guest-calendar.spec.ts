import ICAL from 'ical.js';
import { calendarHref, guestCalendar } from './guest-calendar';

describe(guestCalendar.name, () => {
  const gathering = {
    id: 'g1',
    title: 'Fremtidsværksted, Glumsø',
    description: 'Kom og vær med;\nvi giver kaffe',
    address: 'Glumsø Hallen, Rådhusvej 3, 4171 Glumsø',
    startsAt: '2027-03-06T09:00:00.000Z',
    endsAt: '2027-03-06T14:00:00.000Z',
  };

  it('makes one event that a calendar reads back with the place and the times', () => {
    const sut = guestCalendar(gathering, null, new Date('2027-01-01T00:00:00Z'));

    const vevent = new ICAL.Component(ICAL.parse(sut)).getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT');
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe('Fremtidsværksted, Glumsø');
    expect(event.location).toBe('Glumsø Hallen, Rådhusvej 3, 4171 Glumsø');
    expect(event.description).toBe('Kom og vær med;\nvi giver kaffe');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-06T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-06T14:00:00.000Z');
    expect(sut).toContain('\r\n');
  });

  it('puts the meeting link in the place and as URL when online', () => {
    const sut = guestCalendar({ ...gathering, address: null }, 'https://meet.example/abc');

    expect(sut).toContain('LOCATION:https://meet.example/abc');
    expect(sut).toContain('URL:https://meet.example/abc');
  });

  it('downloads as a data link', () => {
    expect(calendarHref('A B')).toBe('data:text/calendar;charset=utf-8,A%20B');
  });
});
