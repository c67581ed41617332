import { renderMail } from './index';

describe('mini_blup_enrolled mail', () => {
  const data = {
    name: 'Karen',
    villageName: 'Ferritslev',
    offeringName: 'Mini-BLUP: Kortlægning',
    url: 'http://x.test/enrolment/mine',
  };

  it('says the module is open now and that the secretariat agrees the evenings', () => {
    const sut = renderMail('mini_blup_enrolled', 'da', data);
    expect(sut.subject).toBe('Ferritslev er tilmeldt »Mini-BLUP: Kortlægning«');
    expect(sut.text).toContain('åbent for jer nu');
    expect(sut.text).toContain('Sekretariatet kontakter jer');
    expect(sut.html).toContain('href="http://x.test/enrolment/mine"');
  });

  it('says the same in English', () => {
    const sut = renderMail('mini_blup_enrolled', 'en', data);
    expect(sut.text).toContain('evenings of the course are not in the calendar yet');
  });
});
