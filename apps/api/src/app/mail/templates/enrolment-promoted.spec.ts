import { renderMail } from './index';

describe('enrolment_promoted mail', () => {
  const data = {
    name: 'Karen',
    offeringName: 'Mini-BLUP: Kortlægning',
    url: 'http://x.test/enrolment/mine',
  };

  it('tells the next in line they are enrolled, with the link to their enrolments', () => {
    const sut = renderMail('enrolment_promoted', 'da', { ...data, pending: false });
    expect(sut.subject).toContain('Mini-BLUP: Kortlægning');
    expect(sut.text).toContain('I er nu tilmeldt');
    expect(sut.html).toContain('href="http://x.test/enrolment/mine"');
  });

  it('says when the place still waits for approval, in English too', () => {
    const sut = renderMail('enrolment_promoted', 'en', { ...data, pending: true });
    expect(sut.text).toContain('until the secretariat approves');
  });
});
