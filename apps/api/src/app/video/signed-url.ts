import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived URLs for local video streams: `exp` (unix seconds) and an HMAC of what the URL
 * gives access to and until when. Access is checked when the URL is issued; the URL itself
 * is the proof, so the stream needs no session (and a video element can fetch it).
 */
export function signMedia(secret: string, resource: string, exp: number): string {
  return createHmac('sha256', secret).update(`${resource}\n${exp}`).digest('base64url');
}

export type MediaSignatureCheck = 'valid' | 'expired' | 'invalid';

export function checkMediaSignature(
  secret: string,
  resource: string,
  exp: string | undefined,
  sig: string | undefined,
  now: Date = new Date(),
): MediaSignatureCheck {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return 'invalid';
  const expected = Buffer.from(signMedia(secret, resource, Number(exp)));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return Number(exp) * 1000 < now.getTime() ? 'expired' : 'valid';
}
