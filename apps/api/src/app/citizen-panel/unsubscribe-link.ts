import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token in every newsletter's unsubscribe link (List-Unsubscribe and the footer). It is
 * signed, not stored, so a fan-out to 10,000 people writes no token rows; it names who leaves
 * and, for a circle member, that it is the newsletters they leave (not their account).
 */
export interface UnsubscribeSubject {
  kind: 'subscriber' | 'user';
  id: string;
}

const PURPOSE = 'blup:unsubscribe:v1';

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}:${payload}`).digest('base64url');
}

export function unsubscribeToken(secret: string, subject: UnsubscribeSubject): string {
  const payload = `${subject.kind === 'subscriber' ? 's' : 'u'}.${subject.id}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** The subject a token names, or null when it is malformed or not ours. */
export function readUnsubscribeToken(secret: string, token: string): UnsubscribeSubject | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [kind, id, signature] = parts;
  if ((kind !== 's' && kind !== 'u') || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const expected = Buffer.from(sign(secret, `${kind}.${id}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { kind: kind === 's' ? 'subscriber' : 'user', id };
}
