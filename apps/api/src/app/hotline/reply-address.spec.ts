import { randomUUID } from 'node:crypto';
import { replyAddress, requestIdFromAddress } from './reply-address';
import { stripQuotedReply } from './reply-text';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const DOMAIN = 'svar.blup.test';

describe('the hotline reply address', () => {
  const id = randomUUID();
  const address = replyAddress(SECRET, id, DOMAIN);

  it('fits a local part and names the request back', () => {
    expect(address.split('@')[0].length).toBeLessThanOrEqual(64);
    expect(requestIdFromAddress(SECRET, address, DOMAIN)).toBe(id);
    expect(requestIdFromAddress(SECRET, address.toUpperCase(), DOMAIN)).toBe(id);
  });

  it('refuses a forged or altered token, another secret or another domain', () => {
    const [local] = address.split('@');
    const flipped = local.slice(0, -1) + (local.endsWith('0') ? '1' : '0');
    expect(requestIdFromAddress(SECRET, `${flipped}@${DOMAIN}`, DOMAIN)).toBeNull();
    const other = replyAddress(SECRET, randomUUID(), DOMAIN).split('.')[1].split('@')[0];
    expect(
      requestIdFromAddress(SECRET, `${local.split('.')[0]}.${other}@${DOMAIN}`, DOMAIN),
    ).toBeNull();
    expect(requestIdFromAddress('another secret entirely, also long', address, DOMAIN)).toBeNull();
    expect(requestIdFromAddress(SECRET, address.replace(DOMAIN, 'evil.test'), DOMAIN)).toBeNull();
    expect(requestIdFromAddress(SECRET, 'hotline@svar.blup.test', DOMAIN)).toBeNull();
    expect(requestIdFromAddress(SECRET, 'no at sign', DOMAIN)).toBeNull();
  });
});

describe(stripQuotedReply.name, () => {
  it('keeps the new text above a Danish Gmail attribution wrapped over two lines', () => {
    const text = [
      'Tak, det hjalp!',
      '',
      'Hilsen Birthe',
      '',
      'Den man. 7. dec. 2026 kl. 12.00 skrev BLUP Akademiet <',
      'hotline+abc@svar.blup.test>:',
      '',
      '> Hej Birthe',
      '> Sådan gør I.',
    ].join('\r\n');
    expect(stripQuotedReply(text)).toBe('Tak, det hjalp!\n\nHilsen Birthe');
  });

  it('drops an English attribution, Outlook header blocks and signatures', () => {
    expect(stripQuotedReply('Yes.\n\nOn Mon, 7 Dec 2026 at 12:00, BLUP wrote:\n> old')).toBe(
      'Yes.',
    );
    expect(stripQuotedReply('Ja.\n-----Original Message-----\nFrom: BLUP\nold')).toBe('Ja.');
    expect(stripQuotedReply('Ja.\n________________________________\nFra: BLUP\nold')).toBe('Ja.');
    expect(stripQuotedReply('Ja tak.\n-- \nBirthe Lund\nFormand')).toBe('Ja tak.');
  });

  it('drops quoted lines in between and keeps a reply without quotes whole', () => {
    expect(stripQuotedReply('> spørgsmål\nSvar her\n> mere')).toBe('Svar her');
    expect(stripQuotedReply('Bare en linje')).toBe('Bare en linje');
    expect(stripQuotedReply('> kun citat')).toBe('');
  });
});
