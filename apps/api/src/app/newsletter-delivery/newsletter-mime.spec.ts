import { simpleParser } from 'mailparser';
import {
  buildNewsletterMime,
  formatFrom,
  isPlainAddress,
  type NewsletterMime,
} from './newsletter-mime';

/** The built message as text, for reading it back. */
const build = (mail: NewsletterMime): string => buildNewsletterMime(mail).toString('utf8');

describe(buildNewsletterMime.name, () => {
  const mail = {
    from: formatFrom('BLUP Akademiet <no-reply@blup.local>'),
    to: { name: 'Søren "Bonde" Ærø', address: 'soren@blup.test' },
    subject: 'Nyt fra Østerby: møde på torsdag, og en lang linje der skal foldes over flere linjer',
    html: `<p>Hej Søren</p>${'<p>Æbler og pærer i landsbyen.</p>'.repeat(200)}`,
    text: `Hej Søren\n\n${'Æbler og pærer i landsbyen. '.repeat(200)}`,
    messageId: '<0b6f-42@blup-akademiet>',
    headers: {
      'List-Unsubscribe': '<https://blup.test/api/unsubscribe/abc.def>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    date: new Date('2027-03-25T08:00:00Z'),
  };

  it('builds a message a mail reader parses back to the same parts and headers', async () => {
    const raw = build(mail);
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.from?.value).toEqual([
      { name: 'BLUP Akademiet', address: 'no-reply@blup.local' },
    ]);
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value).toEqual([{ name: mail.to.name, address: mail.to.address }]);
    expect(parsed.html).toBe(mail.html);
    expect(parsed.text).toBe(mail.text);
    expect(parsed.date?.toISOString()).toBe(mail.date.toISOString());
    expect(parsed.headerLines.filter((h) => h.key.startsWith('list-')).map((h) => h.line)).toEqual([
      'List-Unsubscribe: <https://blup.test/api/unsubscribe/abc.def>',
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    ]);
  });

  it('keeps every line within the SMTP limits and ASCII only', () => {
    const raw = build(mail);
    expect([...raw].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    expect(Math.max(...raw.split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(78);
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes the same Message-ID on every build of one copy, and a new boundary each time', () => {
    const a = build(mail);
    const b = build(mail);
    expect(/^Message-ID: (.*)$/m.exec(a)?.[1]?.trim()).toBe(mail.messageId);
    expect(/^Message-ID: (.*)$/m.exec(b)?.[1]?.trim()).toBe(mail.messageId);
    const boundary = (raw: string) => /boundary="([^"]+)"/.exec(raw)?.[1];
    expect(boundary(a)).not.toBe(boundary(b));
  });

  it('takes header-breaking line ends out of the subject and extra headers', async () => {
    const raw = build({
      ...mail,
      subject: 'Hej\r\nBcc: evil@x.test',
      headers: { 'X-Test': 'a\r\nBcc: evil@x.test' },
    });
    const parsed = await simpleParser(raw);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toBe('Hej Bcc: evil@x.test');
  });
});

describe(isPlainAddress.name, () => {
  it('takes ASCII addresses and leaves the others to nodemailer', () => {
    expect(isPlainAddress('anna@blup.test')).toBe(true);
    expect(isPlainAddress('anna@jõgeva.ee')).toBe(false);
    expect(isPlainAddress('a b@blup.test')).toBe(false);
    expect(isPlainAddress('<a@blup.test>')).toBe(false);
  });
});
