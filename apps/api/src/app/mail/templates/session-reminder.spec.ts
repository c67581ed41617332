import { renderMail } from './index';

const data = {
  name: 'Karen',
  title: 'Studiekreds 3: Kortlægning',
  circleName: 'Glumsø og Omegn',
  startsAt: '2027-04-01T17:00:00.000Z',
  endsAt: '2027-04-01T18:30:00.000Z',
  joinUrl: 'https://meet.jit.si/blup-glumsoe',
  sessionUrl: 'http://x.test/sessions/s1',
  calendarUrl: 'http://x.test/api/sessions/s1/calendar.ics',
};

describe('session_reminder mail', () => {
  it('gives the Danish time, the join link, the session page and the calendar file', () => {
    const sut = renderMail('session_reminder', 'da', data);
    expect(sut.subject).toBe(
      'Påmindelse: Studiekreds 3: Kortlægning torsdag den 1. april 2027 kl. 19.00–20.30',
    );
    expect(sut.text).toContain('Deltag i mødet: https://meet.jit.si/blup-glumsoe');
    expect(sut.text).toContain('http://x.test/sessions/s1');
    expect(sut.text).toContain('http://x.test/api/sessions/s1/calendar.ics');
    expect(sut.html).toContain('href="https://meet.jit.si/blup-glumsoe"');
  });

  it('speaks English in Danish time, and points to the session page without a link', () => {
    const sut = renderMail('session_reminder', 'en', { ...data, joinUrl: null });
    expect(sut.subject).toBe(
      'Reminder: Studiekreds 3: Kortlægning, Thursday 1 April 2027, 19:00–20:30 (Danish time)',
    );
    expect(sut.text).toContain('See the session: http://x.test/sessions/s1');
  });
});
