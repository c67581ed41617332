import { renderMail } from './index';

describe('export_ready mail', () => {
  it('tells a person their own copy is ready, where to get it and until when', () => {
    const sut = renderMail('export_ready', 'da', {
      name: 'Karen',
      about: null,
      until: '9. december 2026 kl. 14.30',
      url: 'http://x.test/profile',
    });
    expect(sut.subject).toBe('Din kopi af dine oplysninger er klar');
    expect(sut.text).toContain('Hej Karen');
    expect(sut.text).toContain('Den kan hentes indtil 9. december 2026 kl. 14.30.');
    expect(sut.html).toContain('href="http://x.test/profile"');
  });

  it('names whose copy it is when the secretariat asked for someone else’s, in English too', () => {
    const sut = renderMail('export_ready', 'en', {
      name: 'Sanne',
      about: 'Carl Carlsen',
      until: '9 December 2026 at 14:30',
      url: 'http://x.test/persondata',
    });
    expect(sut.subject).toBe('The copy of Carl Carlsen’s data is ready');
    expect(sut.text).toContain('under Personal data');
    expect(sut.html).toContain('href="http://x.test/persondata"');
  });
});
