import { randomInt } from 'node:crypto';
import { GATHERING_LIMITS } from '@blup/contracts';

/** Letters and digits that are hard to mix up when typed (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A new check-in code: the text under the QR code, easy to type on a phone. */
export function newCheckInCode(): string {
  let code = '';
  for (let i = 0; i < GATHERING_LIMITS.checkInCodeLength; i++) {
    code += ALPHABET[randomInt(ALPHABET.length)];
  }
  return code;
}

/** A typed or scanned code, normalised: upper case, no spaces or dashes. */
export function normaliseCheckInCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}
