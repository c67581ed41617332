import { renderMail } from './index';

describe('erasure_asked mail', () => {
  it('gives the day and the way back to a person with an account', () => {
    const sut = renderMail('erasure_asked', 'da', {
      name: 'Karen',
      day: '21. december 2026',
      url: 'http://x.test/profile',
    });
    expect(sut.subject).toBe('Dine oplysninger slettes den 21. december 2026');
    expect(sut.text).toContain('Hej Karen');
    expect(sut.text).toContain('uden dit navn');
    expect(sut.html).toContain('href="http://x.test/profile"');
  });

  it('asks somebody without an account to answer the secretariat instead, in English too', () => {
    const sut = renderMail('erasure_asked', 'en', {
      name: null,
      day: '21 December 2026',
      url: null,
    });
    expect(sut.subject).toBe('Your data will be erased on 21 December 2026');
    expect(sut.text).toContain('answer the secretariat');
    expect(sut.html).not.toContain('<a ');
  });
});
