/** Only paths inside this app: never `//host` or `https://…` (an open redirect). */
export function safeReturnUrl(url: string | null | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : '/';
}

/** Sign-in links, reset links and invitations that no longer work answer one of these. */
export function isDeadLink(error: unknown): boolean {
  const status = (error as { status?: number } | null)?.status;
  return status === 404 || status === 410;
}

/**
 * Looking at a link (not using it): a 400 there means the token itself is cut off or mangled,
 * which to the person is the same as a link that no longer works.
 */
export function isUnusableLink(error: unknown): boolean {
  return isDeadLink(error) || (error as { status?: number } | null)?.status === 400;
}
