import { checkMediaSignature, signMedia } from './signed-url';

describe('signed media URLs', () => {
  const secret = 'a-secret-of-enough-length-for-the-test';
  const now = new Date('2026-11-23T12:00:00Z');
  const exp = Math.floor(now.getTime() / 1000) + 60;
  const sig = signMedia(secret, 'video:abc', exp);

  it('accepts its own signature until it expires', () => {
    expect(checkMediaSignature(secret, 'video:abc', String(exp), sig, now)).toBe('valid');
    const later = new Date(now.getTime() + 61_000);
    expect(checkMediaSignature(secret, 'video:abc', String(exp), sig, later)).toBe('expired');
  });

  it('refuses another resource, another expiry, another secret or no signature', () => {
    expect(checkMediaSignature(secret, 'video:abd', String(exp), sig, now)).toBe('invalid');
    expect(checkMediaSignature(secret, 'video:abc', String(exp + 1), sig, now)).toBe('invalid');
    expect(checkMediaSignature('other', 'video:abc', String(exp), sig, now)).toBe('invalid');
    expect(checkMediaSignature(secret, 'video:abc', String(exp), undefined, now)).toBe('invalid');
    expect(checkMediaSignature(secret, 'video:abc', 'soon', sig, now)).toBe('invalid');
  });
});
