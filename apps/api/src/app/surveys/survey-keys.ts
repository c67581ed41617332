import { createHmac, timingSafeEqual } from 'node:crypto';

const hmac = (secret: string, text: string): string =>
  createHmac('sha256', secret).update(text).digest('base64url');

/**
 * The soft one-answer-per-device guard's key: HMAC-SHA256 with SIGNING_SECRET over the survey
 * and the browser's own random key (hex, 64 characters). The device key itself is never stored.
 */
export function deviceHash(secret: string, surveyId: string, deviceKey: string): string {
  return createHmac('sha256', secret).update(`${surveyId}\u0000${deviceKey}`).digest('hex');
}

/**
 * A personal link's key (`?p=`), as the newsletter renderer makes it for one recipient and one
 * survey: `<person>.<signature>`, where the person part is an HMAC of the address (so the key
 * tells nothing about it) and the signature ties it to the survey.
 */
export function personalKey(secret: string, surveyId: string, address: string): string {
  const person = hmac(secret, `survey-recipient\u0000${address.trim().toLowerCase()}`).slice(0, 22);
  return `${person}.${hmac(secret, `survey-person\u0000${surveyId}\u0000${person}`).slice(0, 22)}`;
}

/**
 * The person a personal key stands for, hashed again with the survey (what
 * `survey_responses.person_hash` holds), or null when the key was not made for this survey.
 */
export function personHash(secret: string, surveyId: string, key: string): string | null {
  const [person, signature, ...rest] = key.split('.');
  if (!person || !signature || rest.length) return null;
  const expected = Buffer.from(
    hmac(secret, `survey-person\u0000${surveyId}\u0000${person}`).slice(0, 22),
  );
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return createHmac('sha256', secret).update(`${surveyId}\u0000${person}`).digest('hex');
}
