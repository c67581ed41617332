import { WheelFrequency, type WheelActivity } from '@blup/contracts';
import ICAL from 'ical.js';
import { wheelKind, whenText } from './kinds/wheel.kind';
import { dayInMonth, wheelRule, writeWheelCalendar } from './wheel-calendar';

const activity = (over: Partial<WheelActivity>): WheelActivity => ({
  id: 'a1',
  title: 'Sankthans',
  who: 'Forsamlingshuset',
  months: [6],
  day: { kind: 'date', day: 23 },
  frequency: WheelFrequency.Yearly,
  startTime: null,
  endTime: null,
  place: '',
  note: '',
  ...over,
});

describe('wheelKind', () => {
  const sut = wheelKind;

  it('accepts an activity, trims it and sorts its months', () => {
    const parsed = sut.parse({
      activities: [
        {
          ...activity({ frequency: WheelFrequency.Monthly }),
          title: ' Fællesspisning ',
          months: [9, 3],
          day: { kind: 'weekday', weekday: 'TH', nth: 2 },
          startTime: '18:00',
          endTime: '20:00',
        },
      ],
    });
    expect(parsed).toEqual({
      ok: true,
      content: {
        activities: [
          activity({
            title: 'Fællesspisning',
            frequency: WheelFrequency.Monthly,
            months: [3, 9],
            day: { kind: 'weekday', weekday: 'TH', nth: 2 },
            startTime: '18:00',
            endTime: '20:00',
          }),
        ],
      },
    });
  });

  it('names what is wrong, per field, in words a person can act on', () => {
    const parsed = sut.parse({
      activities: [
        activity({ title: '', who: '', months: [2, 3], day: { kind: 'date', day: 30 } }),
        activity({ frequency: WheelFrequency.Weekly, day: { kind: 'date', day: 3 } }),
        activity({ id: 'b', startTime: '25:00', endTime: '10:00' }),
        activity({ id: 'c', day: null, startTime: '10:00' }),
        { ...activity({ id: 'd' }), colour: 'red' },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.details).toEqual({
      'content.activities.0.title': ['say what the activity is'],
      'content.activities.0.who': ['say who is behind it: a name or a group'],
      'content.activities.0.months': [
        'a yearly activity has one month; choose "monthly" for several',
      ],
      'content.activities.0.day': [
        'februar does not always have a day 30; choose an earlier day or "last weekday"',
      ],
      'content.activities.1.id': ['two activities have the id a1'],
      'content.activities.1.day': [
        'a weekly activity needs its weekday, with nth null ("every Tuesday")',
      ],
      'content.activities.2.startTime': ['the start must be a time as HH:MM, e.g. 19:00, or null'],
      'content.activities.3.startTime': ['a time needs a day: choose the date or weekday first'],
      'content.activities.4': ['unknown fields: colour'],
    });
    expect(sut.parse({ activities: 'x' }).ok).toBe(false);
  });

  it('says when in Danish', () => {
    expect(whenText(activity({ startTime: '20:00' }))).toBe('Den 23. i juni, kl. 20:00');
    expect(
      whenText(
        activity({
          frequency: WheelFrequency.Weekly,
          months: [5, 6, 7],
          day: { kind: 'weekday', weekday: 'TU', nth: null },
        }),
      ),
    ).toBe('Hver tirsdag i maj, juni og juli');
    expect(
      whenText(
        activity({
          frequency: WheelFrequency.Monthly,
          months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
          day: { kind: 'weekday', weekday: 'SA', nth: 1 },
        }),
      ),
    ).toBe('Første lørdag hver måned');
    expect(whenText(activity({ day: null, months: [9] }))).toBe('I september');
  });
});

describe(writeWheelCalendar.name, () => {
  it('finds the nth and the last weekday of a month', () => {
    const first = activity({ day: { kind: 'weekday', weekday: 'SA', nth: 1 }, months: [4] });
    expect(dayInMonth(first, 2027, 4)).toBe(3);
    const last = activity({ day: { kind: 'weekday', weekday: 'SU', nth: -1 }, months: [3] });
    expect(dayInMonth(last, 2027, 3)).toBe(28);
    expect(wheelRule(first)).toBe('FREQ=YEARLY;BYMONTH=4;BYDAY=1SA');
  });

  it('writes recurring events that ical.js reads and expands on the right days', () => {
    const text = writeWheelCalendar({
      villageName: 'Glumsø og Omegn',
      villageId: 'v1',
      version: 3,
      publishedAt: new Date('2027-01-05T10:00:00Z'),
      year: 2027,
      now: new Date('2027-01-06T10:00:00Z'),
      content: {
        activities: [
          activity({ id: 'sankthans', startTime: '20:00', endTime: '22:30', place: 'Suså' }),
          activity({
            id: 'loeb',
            title: 'Løbeklub',
            frequency: WheelFrequency.Weekly,
            months: [5, 6],
            day: { kind: 'weekday', weekday: 'TU', nth: null },
            startTime: '18:30',
          }),
          activity({ id: 'uden-dag', day: null }),
        ],
      },
    });
    const calendar = new ICAL.Component(ICAL.parse(text));
    // Its own name and product, not the study circles'.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Årshjul – Glumsø og Omegn');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//BLUP Akademiet//Aarshjul//DA');
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone') as ICAL.Component);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual([
      'wheel-v1-sankthans@blup-akademiet',
      'wheel-v1-loeb@blup-akademiet',
    ]);
    expect(events[0].sequence).toBe(2);
    expect(events[0].location).toBe('Suså');
    const sankthans = events[0].iterator();
    expect([1, 2].map(() => sankthans.next()?.toJSDate().toISOString())).toEqual([
      '2027-06-23T18:00:00.000Z',
      '2028-06-23T18:00:00.000Z',
    ]);
    const runs = events[1].iterator();
    const dates: string[] = [];
    for (let next = runs.next(); next && dates.length < 10; next = runs.next()) {
      dates.push(next.toString().slice(0, 10));
    }
    expect(dates).toEqual([
      '2027-05-04',
      '2027-05-11',
      '2027-05-18',
      '2027-05-25',
      '2027-06-01',
      '2027-06-08',
      '2027-06-15',
      '2027-06-22',
      '2027-06-29',
      '2028-05-02',
    ]);
  });
});
