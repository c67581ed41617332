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

  it('writes 1 minute and 1 day in the singular, in both languages', () => {
    const link = { name: 'Karen', url: 'http://x/l', minutes: 1 };
    const invite = { name: 'Ole', url: 'http://x/i', invitedBy: 'Anne', place: null, days: 1 };

    expect(renderMail('sign_in_link', 'da', link).text).toContain('udløber om 1 minut.');
    expect(renderMail('password_reset', 'en', link).text).toContain('expires in 1 minute and');
    expect(renderMail('invitation', 'da', invite).text).toContain('udløber om 1 dag.');
    expect(renderMail('invitation', 'en', { ...invite, days: 2 }).text).toContain('in 2 days.');
    const panel = { name: '', villageName: 'Glumsø', url: 'http://x/p', days: 1 };
    expect(renderMail('panel_confirm', 'en', panel).text).toContain('works for 1 day and');
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
