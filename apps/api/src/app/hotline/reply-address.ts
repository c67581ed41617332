import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed reply address of an answer mail: `hotline+<request id without dashes>.<mac>@<domain>`.
 * The mac is the first 20 hex digits (80 bits) of HMAC-SHA256 over the request id with a server
 * secret, so nobody can make an address that lands on a request they did not get a mail about.
 * Lower-case hex only (some mail servers lower-case local parts), 61 characters: within the
 * 64 a local part may have.
 */
const MAC_LENGTH = 20;
const LOCAL_PART = /^hotline\+([0-9a-f]{32})\.([0-9a-f]{20})$/;

function mac(secret: string, requestId: string): string {
  return createHmac('sha256', `hotline-reply:${secret}`)
    .update(requestId.toLowerCase())
    .digest('hex')
    .slice(0, MAC_LENGTH);
}

export function replyAddress(secret: string, requestId: string, domain: string): string {
  return `hotline+${requestId.replace(/-/g, '').toLowerCase()}.${mac(secret, requestId)}@${domain}`;
}

/**
 * The request id a reply address names, if its mac is right (compared in constant time) and it
 * is for our domain; otherwise null.
 */
export function requestIdFromAddress(
  secret: string,
  address: string,
  domain: string,
): string | null {
  const at = address.lastIndexOf('@');
  if (at < 0) return null;
  if (address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return null;
  const match = LOCAL_PART.exec(address.slice(0, at).toLowerCase());
  if (!match) return null;
  const hex = match[1];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const expected = Buffer.from(mac(secret, id));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** The Message-ID of a request's thread (the question), which every answer mail refers to. */
export function threadMessageId(requestId: string, domain: string): string {
  return `<hotline.${requestId}@${domain}>`;
}

export function answerMessageId(requestId: string, messageId: string, domain: string): string {
  return `<hotline.${requestId}.${messageId}@${domain}>`;
}
