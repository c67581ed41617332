import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `v` of a public web-version or calendar link: the village whose copy it is, signed with the
 * server's secret for this one newsletter (`<villageId>.<signature>`). Only a link the system
 * sent (or showed to someone who may read that copy) opens a village's copy; a village id added
 * by hand, or one taken from another newsletter's link, opens nothing.
 */
export function signedVillage(secret: string, webToken: string, villageId: string): string {
  return `${villageId}.${signature(secret, webToken, villageId)}`;
}

/** The village a `v` was signed for with this newsletter, or null when it is not a valid one. */
export function verifiedVillage(
  secret: string,
  webToken: string,
  v: string | undefined,
): string | null {
  const dot = v?.lastIndexOf('.') ?? -1;
  if (!v || dot <= 0) return null;
  const villageId = v.slice(0, dot);
  const given = Buffer.from(v.slice(dot + 1));
  const expected = Buffer.from(signature(secret, webToken, villageId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? villageId : null;
}

function signature(secret: string, webToken: string, villageId: string): string {
  return createHmac('sha256', secret)
    .update(`newsletter-copy\n${webToken}\n${villageId}`)
    .digest('base64url')
    .slice(0, 22);
}
