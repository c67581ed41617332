/**
 * Paths whose POSTs are signed by their sender instead of carrying a CSRF token. The
 * unsubscribe link carries its own signed token, and mail clients post it without cookies
 * (RFC 8058 one-click).
 */
export const CSRF_EXEMPT_PATHS: readonly string[] = ['/webhooks/mux', '/unsubscribe/'];
