import ICAL from 'ical.js';
import { copenhagenClock, copenhagenLongDate } from '../common/copenhagen-time';
import {
  escapeText,
  foldLine,
  formatUtc,
  writeCalendar,
  zonedDateTime,
  type CalendarEvent,
} from './ical-writer';

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 's-1@blup-akademiet',
  sequence: 2,
  cancelled: false,
  start: new Date('2027-03-25T18:00:00Z'),
  end: new Date('2027-03-25T19:30:00Z'),
  summary: 'Studiekreds 3 (Glumsø og Omegn)',
  description: 'Emne; kort, godt\nDagsorden:\n- Oplæg (20 min)',
  location: 'https://meet.jit.si/blup-glumsoe',
  url: 'https://meet.jit.si/blup-glumsoe',
  created: new Date('2027-01-01T10:00:00Z'),
  lastModified: new Date('2027-01-02T10:00:00Z'),
  ...over,
});

describe('copenhagen time', () => {
  it('reads the clock on both sides of the March and October changes', () => {
    expect(copenhagenClock(new Date('2027-03-25T18:00:00Z'), '.')).toBe('19.00');
    expect(copenhagenClock(new Date('2027-04-01T17:00:00Z'), ':')).toBe('19:00');
    expect(copenhagenClock(new Date('2027-10-28T17:00:00Z'), '.')).toBe('19.00');
    expect(copenhagenClock(new Date('2027-11-04T18:00:00Z'), '.')).toBe('19.00');
  });

  it('writes a long date in Danish and English', () => {
    const at = new Date('2027-03-25T23:30:00Z'); // already Friday in Copenhagen
    expect(copenhagenLongDate(at, 'da')).toBe('fredag den 26. marts 2027');
    expect(copenhagenLongDate(at, 'en')).toBe('Friday 26 March 2027');
  });
});

describe('iCalendar pieces', () => {
  it('escapes TEXT', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('formats UTC', () => {
    expect(formatUtc(new Date('2027-03-05T08:09:07.123Z'))).toBe('20270305T080907Z');
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `DESCRIPTION:${'æøå€😀'.repeat(30)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    parts.slice(1).forEach((p) => expect(p.startsWith(' ')).toBe(true));
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes Copenhagen wall time, or UTC for the second of two equal wall times', () => {
    expect(zonedDateTime('DTSTART', new Date('2027-03-25T18:00:00Z'))).toBe(
      'DTSTART;TZID=Europe/Copenhagen:20270325T190000',
    );
    expect(zonedDateTime('DTEND', new Date('2027-04-01T17:00:00Z'))).toBe(
      'DTEND;TZID=Europe/Copenhagen:20270401T190000',
    );
    expect(zonedDateTime('DTSTART', new Date('2027-10-31T01:30:00Z'))).toBe(
      'DTSTART:20271031T013000Z',
    );
  });
});

describe(writeCalendar.name, () => {
  const now = new Date('2027-02-01T12:00:00Z');

  it('writes a document that an independent parser reads back to the same instants', () => {
    const text = writeCalendar({
      name: 'BLUP studiekredse',
      now,
      events: [
        event(),
        event({
          uid: 's-2@blup-akademiet',
          start: new Date('2027-04-01T17:00:00Z'),
          end: new Date('2027-04-01T18:30:00Z'),
          cancelled: true,
          sequence: 5,
          location: null,
          url: null,
        }),
        event({
          uid: 's-3@blup-akademiet',
          start: new Date('2027-10-31T01:30:00Z'),
          end: new Date('2027-10-31T03:00:00Z'),
        }),
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('BLUP studiekredse');
    // Without a prodId, the study circles' product, as it always was.
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//BLUP Akademiet//Studiekredse//DA');
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone') as ICAL.Component);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2027-03-25T18:00:00.000Z',
      '2027-04-01T17:00:00.000Z',
      '2027-10-31T01:30:00.000Z',
    ]);
    expect(events[0].endDate.toJSDate().toISOString()).toBe('2027-03-25T19:30:00.000Z');
    expect(events[0].description).toBe('Emne; kort, godt\nDagsorden:\n- Oplæg (20 min)');
    expect(events[0].location).toBe('https://meet.jit.si/blup-glumsoe');
    expect(events[0].summary).toBe('Studiekreds 3 (Glumsø og Omegn)');
    expect(events[1].component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[1].sequence).toBe(5);
    expect(events[0].component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(events[0].component.getFirstPropertyValue('url')).toBe(
      'https://meet.jit.si/blup-glumsoe',
    );
  });

  it('writes a cancellation (METHOD:CANCEL) with organizer and attendee, no refresh hints', () => {
    const text = writeCalendar({
      name: 'BLUP studiekredse',
      now,
      method: 'CANCEL',
      organizer: { name: 'BLUP "Akademiet"', email: 'no-reply@blup.test' },
      events: [event({ cancelled: true, sequence: 3, attendees: ['karen@example.dk'] })],
    });
    expect(text).not.toContain('X-PUBLISHED-TTL');
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3);
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:no-reply@blup.test');
    expect(vevent.getFirstProperty('organizer')?.getParameter('cn')).toBe('BLUP Akademiet');
    expect(vevent.getFirstPropertyValue('attendee')).toBe('mailto:karen@example.dk');
  });
});
