import { renderMail } from './index';

describe(renderMail.name, () => {
  it('renders Danish by default wording and the link in both parts', () => {
    const sut = renderMail('sign_in_link', 'da', {
      name: 'Karen',
      url: 'http://x.test/auth/link?token=abc',
      minutes: 30,
    });
    expect(sut.subject).toContain('logge ind');
    expect(sut.text).toContain('http://x.test/auth/link?token=abc');
    expect(sut.html).toContain('href="http://x.test/auth/link?token=abc"');
    expect(sut.html).toContain('lang="da"');
  });

  it('renders English when asked', () => {
    const sut = renderMail('invitation', 'en', {
      name: 'Ole',
      url: 'http://x/i',
      invitedBy: 'Anne',
      place: 'Glumsø',
      days: 14,
    });
    expect(sut.subject).toBe('You are invited to BLUP Akademiet');
    expect(sut.text).toContain('Anne has invited you to BLUP Akademiet for Glumsø.');
  });

  it('escapes what people typed', () => {
    const sut = renderMail('invitation', 'da', {
      name: '<script>x</script>',
      url: 'http://x/i',
      invitedBy: 'A&B',
      place: null,
      days: 14,
    });
    expect(sut.html).not.toContain('<script>');
    expect(sut.html).toContain('&lt;script&gt;');
    expect(sut.html).toContain('A&amp;B');
  });
});
