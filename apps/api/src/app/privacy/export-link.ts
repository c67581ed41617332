import { checkMediaSignature, signMedia } from '../video/signed-url';

/**
 * An export's download link: `expires` (unix seconds, the export's expiresAt) and an HMAC-SHA256
 * of the export's id and `expires` with the signing secret, as local video streams sign theirs.
 * The link is the proof, so the download needs no session (a mail client or another device can
 * open it); it stops working at `expires`, and when the export is no longer ready.
 */
function resource(exportId: string): string {
  return `privacy-export:${exportId}`;
}

export function exportDownloadPath(secret: string, exportId: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  const sig = signMedia(secret, resource(exportId), expires);
  return `/api/privacy/exports/${exportId}/download?expires=${expires}&sig=${sig}`;
}

/** Whether a download link holds: 'valid', 'expired' or 'invalid' (tampered or incomplete). */
export function checkExportLink(
  secret: string,
  exportId: string,
  expires: string | undefined,
  sig: string | undefined,
  now = new Date(),
): 'valid' | 'expired' | 'invalid' {
  return checkMediaSignature(secret, resource(exportId), expires, sig, now);
}
