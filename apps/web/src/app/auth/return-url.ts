/** Only paths inside this app: never `//host` or `https://…` (an open redirect). */
export function safeReturnUrl(url: string | null | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : '/';
}

/** Sign-in links, reset links and invitations that no longer work answer one of these. */
export function isDeadLink(error: unknown): boolean {
  const status = (error as { status?: number } | null)?.status;
  return status === 404 || status === 410;
}
