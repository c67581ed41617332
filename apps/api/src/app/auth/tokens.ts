import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe: for session cookies and one-time links. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of the token itself. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as we issue it: 43 URL-safe characters. Anything else is not worth a query. */
export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
