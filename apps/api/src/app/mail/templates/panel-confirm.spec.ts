import { renderMail } from './index';

const data = {
  name: 'Karen',
  villageName: 'Glumsø og Omegn',
  url: 'http://x.test/panel/confirm?token=abc',
  days: 7,
};

describe('panel_confirm mail', () => {
  it('names the village, carries the one link, and says how long it works', () => {
    const sut = renderMail('panel_confirm', 'da', data);
    expect(sut.subject).toBe('Bekræft, at du vil være med i borgerpanelet for Glumsø og Omegn');
    expect(sut.text).toContain('Hej Karen');
    expect(sut.text).toContain('Bekræft tilmelding: http://x.test/panel/confirm?token=abc');
    expect(sut.text).toContain('Linket virker i 7 dage');
    expect(sut.html).toContain('href="http://x.test/panel/confirm?token=abc"');
  });

  it('greets without a name when none was given, in English too', () => {
    const sut = renderMail('panel_confirm', 'en', { ...data, name: '' });
    expect(sut.subject).toBe('Confirm that you want to join the citizen panel of Glumsø og Omegn');
    expect(sut.text).toMatch(/^Hello$/m);
    expect(sut.text).toContain('The link works for 7 days and only once.');
  });
});
