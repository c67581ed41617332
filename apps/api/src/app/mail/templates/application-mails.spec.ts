import { renderMail } from './index';

describe('application and info-meeting mails', () => {
  it('tells the municipal contact what was approved, who was invited and the price', () => {
    const sut = renderMail('application_approved', 'da', {
      contactName: 'Karen',
      villageName: 'Nyby',
      municipalityName: 'Næstved',
      offeringName: 'Forår 2027',
      startsOn: '2027-03-01',
      priceDkk: 48000,
      people: ['Anne', 'Bo'],
    });
    expect(sut.subject).toBe('Nyby er optaget på BLUP-holdet Forår 2027');
    expect(sut.text).toContain('Koordinationsgruppen er inviteret til BLUP Akademiet: Anne, Bo.');
    expect(sut.text).toMatch(/48\.000 kr\./);
  });

  it('puts the meeting link on the button and the cancel link in the text', () => {
    const sut = renderMail('info_meeting_confirmation', 'en', {
      name: 'Lis',
      title: 'Infomøde',
      startsAt: '2027-01-14T18:00:00Z',
      endsAt: '2027-01-14T19:00:00Z',
      url: 'https://meet.jit.si/blup',
      cancelUrl: 'http://x.test/enrolment/info-meetings/cancel?token=abc',
    });
    expect(sut.html).toContain('href="https://meet.jit.si/blup"');
    expect(sut.text).toContain(
      'Cancel here: http://x.test/enrolment/info-meetings/cancel?token=abc',
    );
    expect(sut.text).toContain('19:00–20:00 (Danish time)');
  });

  it('points the reminder to the confirmation for cancelling, and escapes what people typed', () => {
    const sut = renderMail('info_meeting_reminder', 'da', {
      name: '<b>Lis</b>',
      title: 'Infomøde',
      startsAt: '2027-01-14T18:00:00Z',
      endsAt: '2027-01-14T19:00:00Z',
      url: 'https://meet.jit.si/blup',
      cancelUrl: null,
    });
    expect(sut.text).toContain('bekræftede din tilmelding');
    expect(sut.html).not.toContain('<b>Lis</b>');
  });
});
